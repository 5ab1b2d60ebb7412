import { Fn, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { onlyResource, synthesize, synthesizeApp, synthesizeStack, triggersOf } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/** The automatic entries of the pets API: what every case below must keep. */
const AUTOMATIC = [
  'aws_api_gateway_integration.pets_get_integration',
  'aws_api_gateway_method.pets_get',
  'aws_api_gateway_resource.pets',
  'aws_api_gateway_rest_api.api',
  'resource_ids',
];

function deployed(change: (deployment: RestApiDeployment, stack: TerraformStack) => void) {
  return synthesize((stack) => {
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { given: 'at construction' } });
    change(deployment, stack);
  });
}

describe("the user's own trigger entries", () => {
  test('a token value (a variable, a function) is written as the Terraform expression, in JSON', () => {
    const json = synthesize((stack) => {
      const release = new TerraformVariable(stack, 'release', { type: 'string' });
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: release.stringValue } });
      deployment.addTrigger('schema', Fn.sha1(Fn.jsonencode(['v2'])));
    });

    expect(triggersOf(json)).toMatchObject({ release: '${var.release}', schema: '${sha1(jsonencode(["v2"]))}' });
    expect(JSON.stringify(json)).not.toContain('TfToken');
  });

  test.each([
    ['HttpApiDeployment', (stack: TerraformStack, triggers: Record<string, string>) =>
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, triggers }), 'aws_apigatewayv2_deployment'],
    ['WebSocketApiDeployment', (stack: TerraformStack, triggers: Record<string, string>) =>
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, triggers }), 'aws_apigatewayv2_deployment'],
  ])('a token value on %s', (_kind, build, type) => {
    const json = synthesize((stack) => {
      build(stack, { release: new TerraformVariable(stack, 'release', { type: 'string' }).stringValue });
    });

    expect(onlyResource(json, type).triggers.release).toBe('${var.release}');
  });

  test('a token key is refused: a key is what the plan shows', () => {
    expect(() => synthesize((stack) => {
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { [key.stringValue]: 'x' } });
    })).toThrow(/RestApiDeployment at 'stack\/deploy': property 'triggers\.\$\{var\.key\}' is "\$\{var\.key\}"; expected a literal key/);
  });

  test('a value that is not a string (plain JavaScript) is refused', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: { date: 1 } as any } });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'triggers.release' is {\"date\":1}; expected a string");
  });
});

describe('escape hatches on the deployment resource keep the automatic entries', () => {
  test("addOverride('triggers.<key>') sets an entry of the user's", () => {
    const json = deployed((deployment) => deployment.deployment.addOverride('triggers.release', '2026-12-01'));

    expect(Object.keys(triggersOf(json))).toEqual([...AUTOMATIC.slice(0, 4), 'given', 'release', 'resource_ids']);
    expect(triggersOf(json).release).toBe('2026-12-01');
  });

  test("addOverride('triggers.<key>', undefined) removes an entry of the user's", () => {
    const json = deployed((deployment) => deployment.deployment.addOverride('triggers.given', undefined));

    expect(Object.keys(triggersOf(json))).toEqual(AUTOMATIC);
  });

  test("addOverride('triggers', map) and the triggers setter replace the user's entries", () => {
    const overridden = deployed((deployment) => deployment.deployment.addOverride('triggers', { release: 'a' }));
    const set = deployed((deployment) => {
      deployment.deployment.triggers = { release: 'a' };
    });

    for (const json of [overridden, set]) {
      expect(Object.keys(triggersOf(json))).toEqual([...AUTOMATIC.slice(0, 4), 'release', 'resource_ids']);
    }
  });

  test("an override of an automatic entry's key is refused, naming the override", () => {
    expect(() => deployed((deployment) => deployment.deployment.addOverride('triggers.resource_ids', 'x')))
      .toThrow("RestApiDeployment at 'stack/deploy': property 'deployment.addOverride(triggers.resource_ids)' is \"x\"; expected a key other than \"resource_ids\"");
    expect(() => deployed((deployment) => deployment.deployment.addOverride('triggers.aws_api_gateway_method.pets_get', 'x')))
      .toThrow(/property 'deployment\.addOverride\(triggers\.aws_api_gateway_method\.pets_get\)' is "x"; expected a key without dots/);
  });

  test('resetTriggers() is refused with the fix', () => {
    expect(() => deployed((deployment) => deployment.deployment.resetTriggers()))
      .toThrow("RestApiDeployment at 'stack/deploy': property 'deployment.resetTriggers()' is \"called\"; expected no reset");
  });

  test('the canary deployment takes the same overrides', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });
      deployment.canaryDeployment!.addOverride('triggers.release', 'b');
    });

    for (const deployment of Object.values<any>(json.resource.aws_api_gateway_deployment)) {
      expect(deployment.triggers.release).toBe('b');
    }
  });

  test('other overrides still reach the resource', () => {
    const json = deployed((deployment) => deployment.deployment.addOverride('description', 'overridden'));

    expect(onlyResource(json, 'aws_api_gateway_deployment').description).toBe('overridden');
  });

  test('triggersInput read elsewhere is the whole map, never a placeholder', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { given: 'x' } });
    new TerraformLocal(stack, 'triggers_copy', deployment.deployment.triggersInput);
    new TerraformOutput(stack, 'triggers_output', { value: deployment.deployment.triggersInput });
    const json = synthesizeStack(stack);

    expect(json.locals.triggers_copy).toEqual(triggersOf(json));
    expect(json.output.triggers_output.value).toEqual(triggersOf(json));
    expect(JSON.stringify(json)).not.toContain('__triggers_pending__');
  });

  test('triggers reads the Terraform attribute', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    new TerraformOutput(stack, 'triggers', { value: deployment.deployment.triggers });

    expect(synthesizeStack(stack).output.triggers.value).toBe('${aws_api_gateway_deployment.deploy_Deployment_49668023.triggers}');
  });
});

test('triggersInput in an output, synthesized by cdktf synth (its prepare pass first)', () => {
  const stacks = synthesizeApp((app) => {
    const stack = new TerraformStack(app, 'stack');
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, triggers: { release: Fn.sha1('v1') } });
    new TerraformOutput(stack, 'triggers', { value: deployment.deployment.triggersInput });
  });

  expect(stacks.stack.output.triggers.value).toEqual(onlyResource(stacks.stack, 'aws_apigatewayv2_deployment').triggers);
});

test("triggersInput read in another stack is the deployment's whole map, through cdktf's cross-stack references", () => {
  let warnings: string[] = [];
  const stacks = synthesizeApp((app) => {
    const stack = new TerraformStack(app, 'api');
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    const reader = new TerraformStack(app, 'reader');
    new TerraformOutput(reader, 'triggers', { value: deployment.deployment.triggersInput, sensitive: true });
    app.synth();
    warnings = HttpApiDeployment.warningsOf(app);
  });
  const deployment = onlyResource(stacks.api, 'aws_apigatewayv2_deployment');
  const exported = Object.entries<any>(stacks.api.output).find(([, output]) => output.value === `\${aws_apigatewayv2_deployment.${Object.keys(stacks.api.resource.aws_apigatewayv2_deployment)[0]}.triggers}`);

  expect(Object.keys(deployment.triggers).length).toBeGreaterThan(3);
  expect(exported).toBeDefined();
  expect(stacks.reader.output.triggers.value).toBe(`\${data.terraform_remote_state.cross-stack-reference-input-api.outputs.${exported![0]}}`);
  expect(warnings).toEqual([]);
});

test('triggersInput given to a Terraform function in its own stack fails naming the attribute to give instead, which renders whole', () => {
  expect(() => synthesizeApp((app) => {
    const stack = new TerraformStack(app, 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    new TerraformOutput(stack, 'encoded', { value: Fn.jsonencode(deployment.deployment.triggersInput) });
  })).toThrow("RestApiDeployment at 'stack/deploy': property 'deployment.triggersInput' is \"read entry by entry (in a Terraform function: "
    + "Fn.jsonencode, Fn.keys, Fn.lookup)\"; expected the map read whole (an output, a local, a resource's argument): cdktf renders a map token given "
    + 'to a Terraform function entry by entry, each undefined (invalid Terraform). In a function, give it deployment.deployment.triggers, the attribute.');

  const stacks = synthesizeApp((app) => {
    const stack = new TerraformStack(app, 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    new TerraformOutput(stack, 'encoded', { value: Fn.jsonencode(deployment.deployment.triggers) });
  });
  expect(stacks.stack.output.encoded.value).toMatch(/^\$\{jsonencode\(aws_api_gateway_deployment\.deploy_Deployment_\w+\.triggers\)\}$/);
});
