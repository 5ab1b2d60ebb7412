import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { App, Aspects, IAspect, TerraformStack, TerraformVariable } from 'cdktf';
import { IConstruct } from 'constructs';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesizeApp, TerraformJson } from './support/synth';

/** An Aspect that changes every integration's template to read a variable of the API's stack. */
class TemplateFromVariable implements IAspect {
  public readonly visited: string[] = [];
  constructor(private readonly variable: TerraformVariable) {}
  public visit(node: IConstruct): void {
    this.visited.push(node.node.path);
    if (node instanceof ApiGatewayIntegration) {
      node.requestTemplates = { 'application/json': `{"statusCode": 200, "upstream": "${this.variable.stringValue}"}` };
    }
  }
}

interface Program {
  /** Which stack the Aspect is added to. */
  readonly aspectOn?: 'api' | 'deploy';
  /** Whether the deployment's stack comes first in the app (cdktf synthesizes stacks in construct order). */
  readonly deployStackFirst: boolean;
}

function synth({ aspectOn, deployStackFirst }: Program, aspects: TemplateFromVariable[] = []): Record<string, TerraformJson> {
  return synthesizeApp((app: App) => {
    const deploy = deployStackFirst ? new TerraformStack(app, 'deploy') : undefined;
    const apiStack = new TerraformStack(app, 'api');
    const api = petsApi(apiStack);
    const upstream = new TerraformVariable(apiStack, 'upstream', { type: 'string' });
    const deployStack = deploy ?? new TerraformStack(app, 'deploy');
    new RestApiDeployment(deployStack, 'deploy', { restApi: api.api });
    if (aspectOn) {
      const aspect = new TemplateFromVariable(upstream);
      aspects.push(aspect);
      Aspects.of(aspectOn === 'api' ? apiStack : deployStack).add(aspect);
    }
  });
}

const triggers = (stacks: Record<string, TerraformJson>) => Object.values<any>(stacks.deploy.resource.aws_api_gateway_deployment)[0].triggers;

describe('an Aspect that changes an API resource in another stack', () => {
  test.each([
    ['after the API stack', false],
    ['before the API stack', true],
  ])('the deployment stack %s: the digest and the reference entry follow the Aspect', (_case, deployStackFirst) => {
    const before = triggers(synth({ deployStackFirst }));
    const after = triggers(synth({ deployStackFirst, aspectOn: 'api' }));

    expect(after['api/aws_api_gateway_integration.pets_get_integration']).not.toBe(before['api/aws_api_gateway_integration.pets_get_integration']);
    // The variable the Aspect added is read through cdktf's cross-stack output, as a variable the API's own code used would be.
    expect(after['api/var.upstream']).toBe('${sha1(jsonencode([data.terraform_remote_state.cross-stack-reference-input-api.outputs.cross-stack-output-varupstream]))}');
    expect(Object.keys(after).filter((key) => after[key] !== before[key]).sort())
      .toEqual(['api/aws_api_gateway_integration.pets_get_integration', 'api/var.upstream']);
  });

  test('the Aspect runs once per construct, as in cdktf', () => {
    const aspects: TemplateFromVariable[] = [];
    synth({ deployStackFirst: false, aspectOn: 'api' }, aspects);

    expect(aspects[0].visited).toContain('api/pets_get_integration');
    expect(aspects[0].visited.length).toBe(new Set(aspects[0].visited).size);
  });
});

test("an Aspect on the deployment's stack is seen by the check too", () => {
  const stacks = synthesizeApp((app) => {
    const stack = new TerraformStack(app, 'stack');
    const api = petsApi(stack);
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    Aspects.of(stack).add(new TemplateFromVariable(new TerraformVariable(stack, 'upstream', { type: 'string' })));
  });
  const entries = Object.values<any>(stacks.stack.resource.aws_api_gateway_deployment)[0].triggers;

  expect(entries['var.upstream']).toBe('${sha1(jsonencode([var.upstream]))}');
});
