/**
 * The lifecycle of the resources the constructs own, beyond `create_before_destroy`: a deployment
 * refuses an `ignore_changes` covering its `triggers` (the API would never redeploy) and
 * `prevent_destroy` (each redeploy replaces it), through an assignment, `addOverride` and an in-place
 * change (seen at synth); a stage keeps `prevent_destroy` (it is updated in place) and gets a warning
 * for an `ignore_changes` on the deployment it serves (pinned on purpose, or not). An override on the
 * stack of an owned resource's address reaches past all of it: a warning names it.
 */
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AnnotationMetadataEntryType, App, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { HttpApiDeployment, MethodLoggingLevel, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

const REGION = 'eu-west-1';

function newStack(app: App = Testing.app(), id = 'stack'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: REGION });
  return stack;
}

/** A deployment resource a construct owns: the construct, the resource's property, the resource. */
interface OwnedDeployment {
  readonly owner: string;
  readonly property: string;
  readonly resource: TerraformResource;
}

const DEPLOYMENTS: Record<string, (stack: TerraformStack) => OwnedDeployment> = {
  'the REST deployment': (stack) => ({
    owner: 'RestApiDeployment', property: 'deployment', resource: new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).deployment,
  }),
  'the canary deployment': (stack) => ({
    owner: 'RestApiDeployment',
    property: 'canaryDeployment',
    resource: new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } }).canaryDeployment!,
  }),
  'the HTTP deployment': (stack) => ({
    owner: 'HttpApiDeployment', property: 'deployment', resource: new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).deployment,
  }),
  'the WebSocket deployment': (stack) => ({
    owner: 'WebSocketApiDeployment',
    property: 'deployment',
    resource: new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api }).deployment,
  }),
};

const NO_IGNORED_TRIGGERS = "expected an ignore_changes without 'triggers' (nor \"all\"): the construct redeploys the API by replacing the deployment "
  + 'when its triggers change (the API changed): with them ignored, the API is never redeployed again.';
const NO_PREVENT_DESTROY = 'expected no prevent_destroy: each redeploy replaces the deployment (the new one is created, the stages move to it, the old '
  + 'one is destroyed), which prevent_destroy makes fail at plan ("Instance cannot be destroyed"); protect the stages instead (they are updated in '
  + 'place, and keep prevent_destroy).';

/** A move on a deployment resource, the property and value the error names, and what it expects. */
type Move = readonly [string, (resource: any) => void, string, string, string];

const AT_THE_CALL: readonly Move[] = [
  ["lifecycle = { ignoreChanges: ['triggers'] }", (resource) => {
    resource.lifecycle = { ignoreChanges: ['triggers'] };
  }, 'lifecycle.ignoreChanges', '["triggers"]', NO_IGNORED_TRIGGERS],
  ["lifecycle = { ignoreChanges: 'all' }", (resource) => {
    resource.lifecycle = { ignoreChanges: 'all' };
  }, 'lifecycle.ignoreChanges', '"all"', NO_IGNORED_TRIGGERS],
  ["lifecycle = { ignoreChanges: ['description', 'triggers[\"release\"]'] } (a part of it)", (resource) => {
    resource.lifecycle = { ignoreChanges: ['description', 'triggers["release"]'] };
  }, 'lifecycle.ignoreChanges', '["description","triggers[\\"release\\"]"]', NO_IGNORED_TRIGGERS],
  ['lifecycle = { preventDestroy: true }', (resource) => {
    resource.lifecycle = { preventDestroy: true };
  }, 'lifecycle.preventDestroy', 'true', NO_PREVENT_DESTROY],
  ["addOverride('lifecycle', { ignore_changes: ['triggers'] })", (resource) => resource.addOverride('lifecycle', { ignore_changes: ['triggers'] }),
    'addOverride(lifecycle)', '{"ignore_changes":["triggers"]}', NO_IGNORED_TRIGGERS],
  ["addOverride('lifecycle', { prevent_destroy: true })", (resource) => resource.addOverride('lifecycle', { prevent_destroy: true }),
    'addOverride(lifecycle)', '{"prevent_destroy":true}', NO_PREVENT_DESTROY],
  ["addOverride('lifecycle.ignore_changes', 'all')", (resource) => resource.addOverride('lifecycle.ignore_changes', 'all'),
    'addOverride(lifecycle.ignore_changes)', '"all"', NO_IGNORED_TRIGGERS],
  ["addOverride('lifecycle.ignore_changes', ['triggers'])", (resource) => resource.addOverride('lifecycle.ignore_changes', ['triggers']),
    'addOverride(lifecycle.ignore_changes)', '["triggers"]', NO_IGNORED_TRIGGERS],
  ["addOverride('lifecycle.prevent_destroy', true)", (resource) => resource.addOverride('lifecycle.prevent_destroy', true),
    'addOverride(lifecycle.prevent_destroy)', 'true', NO_PREVENT_DESTROY],
];

const IN_PLACE: ReadonlyArray<readonly [string, (resource: any) => void, string]> = [
  ["lifecycle.ignoreChanges = ['triggers'] (in place)", (resource) => {
    resource.lifecycle.ignoreChanges = ['triggers'];
  }, NO_IGNORED_TRIGGERS],
  ["lifecycle.ignoreChanges = 'all' (in place)", (resource) => {
    resource.lifecycle.ignoreChanges = 'all';
  }, NO_IGNORED_TRIGGERS],
  ['lifecycle.preventDestroy = true (in place)', (resource) => {
    resource.lifecycle.preventDestroy = true;
  }, NO_PREVENT_DESTROY],
];

const CALL_CASES = Object.entries(DEPLOYMENTS).flatMap(([name, make]) => AT_THE_CALL.map((move) => [`${name}: ${move[0]}`, make, move] as const));
const IN_PLACE_CASES = Object.entries(DEPLOYMENTS).flatMap(([name, make]) => IN_PLACE.map((move) => [`${name}: ${move[0]}`, make, move] as const));

describe('a deployment the construct owns: no ignore_changes on its triggers, no prevent_destroy', () => {
  test.each(CALL_CASES)('%s fails at the call', (_name, make, [, apply, property, shown, expected]) => {
    const { owner, property: resourceProperty, resource } = make(newStack());

    expect(() => apply(resource)).toThrow(`${owner} at 'stack/deploy': property '${resourceProperty}.${property}' is ${shown}; ${expected}`);
  });

  test.each(IN_PLACE_CASES)('%s fails at synth', (_name, make, [, apply, expected]) => {
    const stack = newStack();
    const { owner, property, resource } = make(stack);
    apply(resource);

    expect(() => Testing.synth(stack, true)).toThrow(`${owner} at 'stack/deploy': property '${property}.lifecycle' is `);
    expect(() => Testing.synth(stack, true)).toThrow(expected);
  });

  test.each(Object.entries(DEPLOYMENTS))('%s: ignore_changes on other arguments and prevent_destroy false stay allowed', (_name, make) => {
    const stack = newStack();
    const { resource } = make(stack);
    resource.lifecycle = { ignoreChanges: ['description'], preventDestroy: false };
    resource.addOverride('lifecycle.ignore_changes', ['description', 'stage_description']);

    const block = JSON.parse(Testing.synth(stack, true)).resource[resource.terraformResourceType][resource.friendlyUniqueId];
    expect(block.lifecycle).toMatchObject({ create_before_destroy: true, prevent_destroy: false });
    expect(block.lifecycle.ignore_changes).not.toContain('triggers');
  });

  test("the main deployment beside a canary keeps the construct's own ignore_changes on its triggers, merged with the user's", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } }).deployment;
    deployment.lifecycle = { ignoreChanges: ['description'] };

    const block = JSON.parse(Testing.synth(stack, true)).resource.aws_api_gateway_deployment[deployment.friendlyUniqueId];
    expect(block.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['description', 'triggers'] });
  });

  test('the main deployment beside a canary: no prevent_destroy either (promoting the canary replaces it)', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } }).deployment;

    expect(() => {
      deployment.lifecycle = { preventDestroy: true };
    }).toThrow(`RestApiDeployment at 'stack/deploy': property 'deployment.lifecycle.preventDestroy' is true; ${NO_PREVENT_DESTROY}`);
  });
});

/** The warnings recorded on a construct (cdktf prints them at synth). */
function warningsOn(construct: IConstruct): string[] {
  return construct.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => String(entry.data));
}

describe('a stage the construct owns', () => {
  test('keeps prevent_destroy: it is updated in place', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deployment.deploymentStage.stage.lifecycle = { preventDestroy: true };

    const stage = JSON.parse(Testing.synth(stack, true)).resource.aws_api_gateway_stage[deployment.deploymentStage.stage.friendlyUniqueId];
    expect(stage.lifecycle).toEqual({ create_before_destroy: true, prevent_destroy: true });
    expect(warningsOn(deployment)).toEqual([]);
  });

  const PINNED = "'stack/deploy/Stage/Default' (deploymentStage.stage) ignores the changes of deployment_id (lifecycle ignore_changes [\"deployment_id\"]): "
    + "the stage stays on the deployment it serves, and the construct's redeploys do not reach it. Pinned on a deployment made outside Terraform (an "
    + "emergency rollback), that is the point; but while it serves the construct's deployment, the next redeploy fails at apply when the old deployment "
    + 'is deleted (AWS refuses to delete a deployment a stage points at: "Active stages pointing to this deployment must be moved or deleted"). '
    + 'Take deployment_id out of ignore_changes once the stage may follow the construct again.';

  test("pinned with ignore_changes on its deployment_id (the README's escape hatch): synthesizes, with a warning", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deployment.deploymentStage.stage.addOverride('lifecycle.ignore_changes', ['deployment_id']);

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOn(deployment)).toEqual([PINNED]);
  });

  test.each<[string, (stage: any) => void]>([
    ["lifecycle = { ignoreChanges: 'all' }", (stage) => {
      stage.lifecycle = { ignoreChanges: 'all' };
    }],
    ['lifecycle.ignoreChanges = [deployment_id] (in place)', (stage) => {
      stage.lifecycle.ignoreChanges = ['deployment_id'];
    }],
  ])('HTTP stage, %s: a warning', (_name, apply) => {
    const stack = newStack();
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    apply(deployment.deploymentStage.stage);

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOn(deployment)).toEqual([expect.stringContaining("'stack/deploy/Stage/Default' (deploymentStage.stage) ignores the changes of deployment_id")]);
  });

  test('a REST stage ignoring its canary settings: a warning', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });
    deployment.deploymentStage.stage.lifecycle = { ignoreChanges: ['canary_settings'] };

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOn(deployment)).toEqual([expect.stringContaining('ignores the changes of canary_settings (lifecycle ignore_changes ["canary_settings"]): '
      + "the stage keeps the canary settings it has: a change of the construct's canary does not reach it, and the next redeploy of the canary fails at apply")]);
  });

  test('ignore_changes on other arguments: no warning', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deployment.deploymentStage.stage.lifecycle = { ignoreChanges: ['tags', 'variables'] };

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOn(deployment)).toEqual([]);
  });
});

describe('an override on the stack of an owned resource: a warning naming it', () => {
  function restDeployment(stack: TerraformStack): RestApiDeployment {
    return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
  }

  test("a deployment's create_before_destroy turned off", () => {
    const stack = newStack();
    const deployment = restDeployment(stack);
    const name = deployment.deployment.friendlyUniqueId;
    stack.addOverride(`resource.aws_api_gateway_deployment.${name}.lifecycle.create_before_destroy`, false);

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOn(deployment)).toEqual([`'stack/deploy/Deployment' (deployment, aws_api_gateway_deployment.${name}) is changed by an override of its `
      + `stack (resource.aws_api_gateway_deployment.${name}.lifecycle.create_before_destroy), which is merged past what the construct keeps: its `
      + 'lifecycle (create_before_destroy: a new deployment is created before the stages move to it and the old one is deleted after they left it '
      + '(AWS refuses to delete a deployment a stage points at: "Active stages pointing to this deployment must be moved or deleted"); no '
      + 'ignore_changes on triggers: the construct redeploys the API by replacing the deployment when its triggers change (the API changed): with '
      + 'them ignored, the API is never redeployed again; no prevent_destroy: each redeploy replaces the deployment (the new one is created, the '
      + 'stages move to it, the old one is destroyed), which prevent_destroy makes fail at plan ("Instance cannot be destroyed"); protect the stages '
      + 'instead (they are updated in place, and keep prevent_destroy)). Override the resource itself instead (deployment.addOverride(...), its '
      + 'lifecycle), which keeps it, unless breaking it is the point.']);
  });

  test('every deployment of the type removed: each owner is told', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });
    stack.addOverride('resource.aws_api_gateway_deployment', null);

    Testing.synth(stack, true);
    expect(warningsOn(deployment)).toEqual([
      expect.stringContaining("'stack/deploy/Deployment' (deployment, aws_api_gateway_deployment.deploy_Deployment_"),
      expect.stringContaining("'stack/deploy/CanaryDeployment' (canaryDeployment, aws_api_gateway_deployment.deploy_CanaryDeployment_"),
    ]);
    expect(warningsOn(deployment)[0]).toContain('is changed by an override of its stack (resource.aws_api_gateway_deployment), which is merged past what '
      + 'the construct keeps: the resource may be replaced or removed, and what the construct makes refers to it.');
  });

  test.each([
    ['deployment_id', 'another', "its deployment_id: it is the construct's deployment, which its triggers redeploy"],
    ['stage_name', 'other', 'its stage_name: the construct claims the name for the API and builds its URLs, ARNs and mappings on it (give another '
      + 'stageName instead)'],
    ['rest_api_id', 'other', 'its rest_api_id: it is the API of the deployment the stage serves (make another stage construct for another API)'],
    ['provider', 'aws.other', "its provider: it is the API's provider: the resource must be made where the API is (give the API its provider before making the " + 'construct: an Aspect runs after the construct made its resources)'],
  ])("a stage's %s", (argument, value, guarantee) => {
    const stack = newStack();
    const deployment = restDeployment(stack);
    const name = deployment.deploymentStage.stage.friendlyUniqueId;
    stack.addOverride(`resource.aws_api_gateway_stage.${name}.${argument}`, value);

    Testing.synth(stack, true);
    expect(warningsOn(deployment)).toEqual([`'stack/deploy/Stage/Default' (deploymentStage.stage, aws_api_gateway_stage.${name}) is changed by an override `
      + `of its stack (resource.aws_api_gateway_stage.${name}.${argument}), which is merged past what the construct keeps: ${guarantee}. Override the `
      + 'resource itself instead (deploymentStage.stage.addOverride(...), its lifecycle), which keeps it, unless breaking it is the point.']);
  });

  test('an override of what the construct does not own, or none: no warning', () => {
    const stack = newStack();
    const deployment = restDeployment(stack);
    stack.addOverride('resource.aws_api_gateway_rest_api.api.description', 'pets');
    stack.addOverride('resource.aws_api_gateway_stage.someone_elses.stage_name', 'x');
    stack.addOverride('terraform.required_version', '>= 1.5');

    Testing.synth(stack, true);
    expect(warningsOn(deployment)).toEqual([]);
  });

  test('an HTTP mapping and a WebSocket deployment are told too', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    const domain = new Apigatewayv2DomainName(stack, 'domain', {
      domainName: 'api.example.com',
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    const mapping = http.addApiMapping(domain.domainName, { apiMappingKey: 'orders' });
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });
    stack.addOverride(`resource.aws_apigatewayv2_api_mapping.${mapping.friendlyUniqueId}.api_mapping_key`, 'other');
    stack.addOverride(`resource.aws_apigatewayv2_deployment.${ws.deployment.friendlyUniqueId}.triggers`, { release: '2' });

    Testing.synth(stack, true);
    expect(warningsOn(http)).toEqual([expect.stringContaining('.api_mapping_key), which is merged past what the construct keeps: its api_mapping_key: '
      + 'the construct checked it against every other mapping of the domain in the app')]);
    expect(warningsOn(ws)).toEqual([expect.stringContaining('.triggers.release), which is merged past what the construct keeps: its triggers, which the '
      + 'construct computes from the API: changed there, they may not redeploy the API when it changes.')]);
  });
});

describe("a stack override of a mapped domain's name", () => {
  test('is seen at synth, as an override of the resource itself is', () => {
    const stack = newStack();
    const domain = new ApiGatewayDomainName(stack, 'domain', {
      domainName: 'api.example.com', regionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x', endpointConfiguration: { types: ['REGIONAL'] },
    });
    restDeploymentOf(stack).addBasePathMapping(domain.domainName, { basePath: 'orders' });
    stack.addOverride(`resource.aws_api_gateway_domain_name.${domain.friendlyUniqueId}.domain_name`, 'other.example.com');

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'addBasePathMapping(domainName)' is "
      + '"${aws_api_gateway_domain_name.domain.domain_name}"; expected a domain named as it was when the mapping was made: \'stack/domain\' was named '
      + '"api.example.com" then and is named "other.example.com" now (an override of its stack: resource.aws_api_gateway_domain_name.domain.domain_name); '
      + 'name the domain before mapping it.');
  });

  function restDeploymentOf(stack: TerraformStack): RestApiDeployment {
    return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
  }
});

describe("a dependsOn assigned to an owned resource keeps the construct's own dependencies", () => {
  const ROLE_WAIT = "API Gateway deploys a stage that logs to CloudWatch only once the account's CloudWatch role is set in its region "
    + '("CloudWatch Logs role ARN must be set in account settings to enable logging")';
  const DEPLOYMENT_WAIT = "the construct's cloudWatchRole: the API is deployed once the account's CloudWatch role is set, so that its stages that "
    + 'log deploy on the first apply';

  function loggingDeployment(stack: TerraformStack, props: { canary?: { percentTraffic: number } } = {}): RestApiDeployment {
    return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: true, loggingLevel: MethodLoggingLevel.INFO, ...props });
  }

  function blockOf(json: any, resource: TerraformResource): any {
    return json.resource[resource.terraformResourceType][resource.friendlyUniqueId];
  }

  test("the stage's and the deployments' dependsOn assigned: the user's, then the account setting", () => {
    const stack = newStack();
    const deployment = loggingDeployment(stack, { canary: { percentTraffic: 10 } });
    const account = `aws_api_gateway_account.${deployment.cloudWatchRole!.account.friendlyUniqueId}`;
    deployment.deploymentStage.stage.dependsOn = ['aws_cloudwatch_log_group.x'];
    deployment.deployment.dependsOn = [];
    deployment.canaryDeployment!.dependsOn = undefined;

    const json = JSON.parse(Testing.synth(stack, true));
    expect(blockOf(json, deployment.deploymentStage.stage).depends_on).toEqual(['aws_cloudwatch_log_group.x', account]);
    expect(blockOf(json, deployment.deployment).depends_on).toEqual([account]);
    expect(blockOf(json, deployment.canaryDeployment!).depends_on).toEqual([account]);
    expect(deployment.deploymentStage.stage.dependsOn).toEqual(['aws_cloudwatch_log_group.x', account]);
  });

  test("a resource, a data source or a resource's fqn is written as its address; anything else is refused in the library's words", () => {
    const stack = newStack();
    const deployment = loggingDeployment(stack);
    const account = `aws_api_gateway_account.${deployment.cloudWatchRole!.account.friendlyUniqueId}`;
    const group = new CloudwatchLogGroup(stack, 'group', { name: 'x' });
    (deployment.deploymentStage.stage as { dependsOn: unknown }).dependsOn = [group, group.fqn];

    expect(blockOf(JSON.parse(Testing.synth(stack, true)), deployment.deploymentStage.stage).depends_on)
      .toEqual(['aws_cloudwatch_log_group.group', account]);
    expect(() => { (deployment.deploymentStage.stage as { dependsOn: unknown }).dependsOn = [5]; }).toThrow(
      "RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage.dependsOn[0]' is 5; expected the address of what the resource waits for "
      + "('aws_lambda_function.fn'), or a resource's fqn.");
  });

  test('an added stage, its method settings and a WebSocket stage and deployment keep it too', () => {
    const stack = newStack();
    const rest = loggingDeployment(stack);
    const added = rest.addStage('beta', { loggingLevel: MethodLoggingLevel.ERROR });
    const account = `aws_api_gateway_account.${rest.cloudWatchRole!.account.friendlyUniqueId}`;
    added.stage.dependsOn = ['aws_cloudwatch_log_group.x'];
    const settings = added.node.findAll().find((construct): construct is TerraformResource =>
      construct instanceof TerraformResource && construct.terraformResourceType === 'aws_api_gateway_method_settings')!;
    settings.dependsOn = [];
    const wsStack = newStack(Testing.app(), 'ws');
    const ws = new WebSocketApiDeployment(wsStack, 'deploy', { webSocketApi: chatWebSocketApi(wsStack).api, cloudWatchRole: true });
    const wsAccount = `aws_api_gateway_account.${ws.cloudWatchRole!.account.friendlyUniqueId}`;
    ws.deploymentStage.stage.dependsOn = ['aws_cloudwatch_log_group.x'];
    ws.deployment.dependsOn = [];

    const json = JSON.parse(Testing.synth(stack, true));
    expect(blockOf(json, added.stage).depends_on).toEqual(['aws_cloudwatch_log_group.x', account]);
    expect(blockOf(json, settings).depends_on).toEqual([account]);
    const wsJson = JSON.parse(Testing.synth(wsStack, true));
    expect(blockOf(wsJson, ws.deploymentStage.stage).depends_on).toEqual(['aws_cloudwatch_log_group.x', wsAccount]);
    expect(blockOf(wsJson, ws.deployment).depends_on).toEqual([wsAccount]);
  });

  test("addOverride('depends_on', [...]) adds to them, each rendered once; an override removing them is refused at the call", () => {
    const stack = newStack();
    const deployment = loggingDeployment(stack);
    const account = `aws_api_gateway_account.${deployment.cloudWatchRole!.account.friendlyUniqueId}`;
    deployment.deploymentStage.stage.addOverride('depends_on', ['aws_cloudwatch_log_group.x', account]);
    // The deployment holds its dependency as cdktf's token for the resource; the address given is the same one.
    deployment.deployment.addOverride('depends_on', [account]);

    const json = JSON.parse(Testing.synth(stack, true));
    expect(blockOf(json, deployment.deploymentStage.stage).depends_on).toEqual([account, 'aws_cloudwatch_log_group.x']);
    expect(blockOf(json, deployment.deployment).depends_on).toEqual([account]);
    expect(() => deployment.deploymentStage.stage.addOverride('depends_on', undefined)).toThrow("RestApiDeployment at 'stack/deploy': property "
      + `'deploymentStage.stage.addOverride(depends_on)' is undefined; expected the resource to keep its depends_on on ${account}: ${ROLE_WAIT} `
      + '(a list given here is added to them).');
    expect(() => deployment.deployment.addOverride('depends_on', null)).toThrow("property 'deployment.addOverride(depends_on)' is null; expected the "
      + `resource to keep its depends_on on ${account}: ${DEPLOYMENT_WAIT} (a list given here is added to them).`);
  });

  test('a dependsOn that is no list is refused', () => {
    const stack = newStack();
    const deployment = loggingDeployment(stack);

    expect(() => {
      (deployment.deployment as any).dependsOn = 'aws_cloudwatch_log_group.x';
    }).toThrow("RestApiDeployment at 'stack/deploy': property 'deployment.dependsOn' is \"aws_cloudwatch_log_group.x\"; expected a list of the "
      + 'addresses of what the resource waits for.');
  });

  test('the list changed in place: refused at synth (the rendered block)', () => {
    const stack = newStack();
    const deployment = loggingDeployment(stack);
    const account = `aws_api_gateway_account.${deployment.cloudWatchRole!.account.friendlyUniqueId}`;
    deployment.deploymentStage.stage.dependsOn!.splice(0);

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage.dependsOn' is []; expected the "
      + `resource to keep its depends_on on ${account}: ${ROLE_WAIT}.`);
  });

  test('an override of the stack replacing them: the warning names them', () => {
    const stack = newStack();
    const deployment = loggingDeployment(stack);
    const account = `aws_api_gateway_account.${deployment.cloudWatchRole!.account.friendlyUniqueId}`;
    const name = deployment.deploymentStage.stage.friendlyUniqueId;
    stack.addOverride(`resource.aws_api_gateway_stage.${name}.depends_on`, null);

    Testing.synth(stack, true);
    expect(warningsOn(deployment)).toEqual([`'stack/deploy/Stage/Default' (deploymentStage.stage, aws_api_gateway_stage.${name}) is changed by an `
      + `override of its stack (resource.aws_api_gateway_stage.${name}.depends_on), which is merged past what the construct keeps: its depends_on on `
      + `${account}: ${ROLE_WAIT}. Override the resource itself instead (deploymentStage.stage.addOverride(...), its lifecycle), which keeps it, `
      + 'unless breaking it is the point.']);
  });

  test('a resource without dependencies of its construct takes the dependsOn it is given, as the provider class does', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deployment.deploymentStage.stage.dependsOn = [];
    deployment.deployment.dependsOn = ['aws_cloudwatch_log_group.x'];
    deployment.deployment.addOverride('depends_on', undefined);

    const json = JSON.parse(Testing.synth(stack, true));
    expect(blockOf(json, deployment.deploymentStage.stage).depends_on).toEqual([]);
    expect(blockOf(json, deployment.deployment).depends_on).toBeUndefined();
  });
});

describe('an ignore_changes override of the main deployment beside a canary is merged, as an assigned lifecycle is', () => {
  function canaryMain(stack: TerraformStack): TerraformResource {
    return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } }).deployment;
  }

  function lifecycleOf(stack: TerraformStack, resource: TerraformResource): any {
    return JSON.parse(Testing.synth(stack, true)).resource.aws_api_gateway_deployment[resource.friendlyUniqueId].lifecycle;
  }

  test("addOverride('lifecycle.ignore_changes', ['description']) keeps the construct's triggers", () => {
    const stack = newStack();
    const deployment = canaryMain(stack);
    deployment.addOverride('lifecycle.ignore_changes', ['description']);

    expect(lifecycleOf(stack, deployment)).toEqual({ create_before_destroy: true, ignore_changes: ['triggers', 'description'] });
  });

  test('triggers given in the assignment and the override too: each entry rendered once', () => {
    const stack = newStack();
    const deployment = canaryMain(stack);
    deployment.lifecycle = { ignoreChanges: ['triggers', 'description'] };
    deployment.addOverride('lifecycle.ignore_changes', ['triggers', 'description']);
    deployment.addOverride('lifecycle', { ignore_changes: ['description', 'triggers'] });

    expect(lifecycleOf(stack, deployment)).toEqual({ create_before_destroy: true, ignore_changes: ['triggers', 'description'] });
  });

  test('over a lifecycle that ignores "all" (which the list replaces), the triggers stay ignored', () => {
    const stack = newStack();
    const deployment = canaryMain(stack);
    deployment.lifecycle = { ignoreChanges: 'all' };
    deployment.addOverride('lifecycle.ignore_changes', ['description']);

    expect(lifecycleOf(stack, deployment)).toEqual({ create_before_destroy: true, ignore_changes: ['description', 'triggers'] });
  });

  test('removing the ignore_changes is still refused', () => {
    const deployment = canaryMain(newStack());

    expect(() => deployment.addOverride('lifecycle.ignore_changes', undefined)).toThrow("RestApiDeployment at 'stack/deploy': property "
      + "'deployment.addOverride(lifecycle.ignore_changes)' is undefined; expected the resource to keep create_before_destroy and ignore_changes on "
      + 'triggers: a new deployment is created before the stages move to it');
  });

  test('every other deployment renders an ignore_changes given twice once', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).deployment;
    deployment.lifecycle = { ignoreChanges: ['description'] };
    deployment.addOverride('lifecycle.ignore_changes', ['description', 'stage_description']);

    expect(lifecycleOf(stack, deployment)).toEqual({ create_before_destroy: true, ignore_changes: ['description', 'stage_description'] });
  });
});

describe("a REST stage's canary settings: a pin warned of only where the stage has a canary", () => {
  const CANARY_PIN = 'ignores the changes of canary_settings';
  const DEPLOYMENT_PIN = 'ignores the changes of deployment_id';

  test.each<[string, string[] | 'all', boolean, string[]]>([
    ['ignore_changes on canary_settings, no canary', ['canary_settings'], false, []],
    ['ignore_changes "all", no canary', 'all', false, [DEPLOYMENT_PIN]],
    ['ignore_changes "all", a canary', 'all', true, [DEPLOYMENT_PIN, CANARY_PIN]],
    ['ignore_changes on canary_settings, a canary', ['canary_settings'], true, [CANARY_PIN]],
  ])('%s', (_name, ignoreChanges, canary, expected) => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...(canary ? { canary: { percentTraffic: 10 } } : {}) });
    deployment.deploymentStage.stage.lifecycle = { ignoreChanges };

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warningsOn(deployment)).toEqual(expected.map((pin) => expect.stringContaining(`(deploymentStage.stage) ${pin}`)));
  });

  test('an added stage (never a canary) neither', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });
    deployment.addStage('beta').stage.lifecycle = { ignoreChanges: ['canary_settings'] };

    Testing.synth(stack, true);
    expect(warningsOn(deployment).filter((warning) => warning.includes('ignores the changes of'))).toEqual([]);
  });
});

test("ignoreChanges: ['all'] (a list holding 'all', which terraform validate refuses) is refused naming the string form", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

  expect(() => (deployment.deploymentStage.stage.lifecycle = { ignoreChanges: ['all'] }))
    .toThrow("property 'deploymentStage.stage.lifecycle.ignoreChanges' is [\"all\"]; expected ignoreChanges: 'all' (the string, not in a list)");
});

test.each(['assigned', 'overridden'])("replace_triggered_by on a construct's stage (%s) is refused at synth: the replacement would be a second stage of its name", (how) => {
  const stack = newStack();
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
  if (how === 'assigned') {
    deployment.deploymentStage.stage.lifecycle = { replaceTriggeredBy: [deployment.deployment] };
  } else {
    deployment.deploymentStage.stage.addOverride('lifecycle.replace_triggered_by', ['aws_apigatewayv2_deployment.other']);
  }

  expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deploy': property 'deploymentStage.stage.lifecycle.replaceTriggeredBy' is ");
  expect(() => Testing.synth(stack, true)).toThrow('expected no replace_triggered_by: the stage is created before its old self is destroyed (create_before_destroy), '
    + 'so a replacement under the same name is a second stage of that name, which AWS refuses (ConflictException)');
});

test.each([
  ['an API mapping, ignore_changes on its stage (assigned)', (stack: TerraformStack) => {
    const domain = new Apigatewayv2DomainName(stack, 'domain', {
      domainName: 'api.example.com', domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    const mapping = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName);
    mapping.lifecycle = { ignoreChanges: ['stage'] };
  }, "HttpApiDeployment at 'stack/deploy': property 'addApiMapping(${aws_apigatewayv2_domain_name.domain.domain_name}).lifecycle.ignoreChanges' is [\"stage\"]; "
    + "expected an ignore_changes without 'stage' (nor \"all\"): a renamed stage is replaced"],
  ['a base path mapping, ignore_changes "all" (overridden)', (stack: TerraformStack) => {
    const mapping = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath: 'v1' });
    mapping.addOverride('lifecycle.ignore_changes', 'all');
  }, "RestApiDeployment at 'stack/deploy': property 'addBasePathMapping(api.example.com).addOverride(lifecycle.ignore_changes)' is \"all\"; "
    + "expected an ignore_changes without 'stage_name' (nor \"all\"): a renamed stage is replaced, and a mapping left on the old one makes its deletion fail"],
])('%s: refused, as the mapping follows its stage (a stage renamed while mapped)', (_case, make, message) => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(() => make(stack)).toThrow(message);
});

describe('an ignore_changes on an argument the construct sets and builds on (its name, API, key, method path): refused at synth, however set', () => {
  test.each([
    ["a REST stage's stage_name", (stack: TerraformStack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'live' }).deploymentStage.stage.lifecycle = { ignoreChanges: ['stage_name'] };
    }, "property 'deploymentStage.stage.lifecycle.ignoreChanges' is [\"stage_name\"]; expected an ignore_changes without 'stage_name': the construct sets it, "
      + 'and Terraform would keep what AWS has when the construct changes it (the construct claims the name for the API'],
    ["an HTTP stage's api_id, by an override", (stack: TerraformStack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).deploymentStage.stage.addOverride('lifecycle.ignore_changes', ['api_id']);
    }, "property 'deploymentStage.stage.lifecycle.ignoreChanges' is [\"api_id\"]; expected an ignore_changes without 'api_id'"],
    ["a deployment's rest_api_id", (stack: TerraformStack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).deployment.lifecycle = { ignoreChanges: ['rest_api_id'] };
    }, "property 'deployment.lifecycle.ignoreChanges' is [\"rest_api_id\"]; expected an ignore_changes without 'rest_api_id'"],
    ["a mapping's api_mapping_key", (stack: TerraformStack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v2' })
        .lifecycle = { ignoreChanges: ['api_mapping_key'] };
    }, "expected an ignore_changes without 'api_mapping_key': the construct sets it"],
    ["method settings' method_path", (stack: TerraformStack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } })
        .deploymentStage.methodSettings[0].lifecycle = { ignoreChanges: ['method_path'] };
    }, "expected an ignore_changes without 'method_path': the construct sets it"],
  ])('%s', (_case, build, message) => {
    const stack = newStack();
    build(stack);
    expect(() => Testing.synth(stack, true)).toThrow(message);
  });

  test("an argument the construct leaves unset (an HTTP stage's default_route_settings without throttling): its changes may be ignored", () => {
    const stack = newStack();
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).deploymentStage.stage.lifecycle = { ignoreChanges: ['default_route_settings'] };
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('"all" on method settings names an argument the construct sets, not a meta-argument', () => {
    const stack = newStack();
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, metricsEnabled: true }).deploymentStage.methodSettings[0].lifecycle = { ignoreChanges: 'all' };
    expect(() => Testing.synth(stack, true)).toThrow(/property 'methodSettings.lifecycle.ignoreChanges' is "all"; expected an ignore_changes without '(rest_api_id|stage_name|method_path)' \(nor "all"\)/);
  });

  test("the stage's deployment_id (the README's pin) and \"all\" on a stage stay warnings", () => {
    const stack = newStack();
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).deploymentStage.stage.lifecycle = { ignoreChanges: ['deployment_id'] };
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
