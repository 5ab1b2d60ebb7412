import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { RestApiDeployment, RestApiDeploymentProps, WebSocketApiDeployment } from '../src';
import { invokeFunctionWith, petsApi, PetsApi } from './support/api';
import { synthesizeApp, TerraformJson } from './support/synth';
import { findReferences } from '../src/triggers/terraform-references';

/** What a test may change in the split app. */
interface SplitAppVersion {
  readonly template?: string;
  readonly extraMethod?: boolean;
  readonly functionName?: string;
  readonly tags?: Record<string, string>;
}

/** The API in stack "api" (with a Lambda and a variable behind it), deployed from stack "deploy". */
function splitApp(version: SplitAppVersion = {}) {
  return (app: App) => {
    const apiStack = new TerraformStack(app, 'api');
    const api = petsApi(apiStack, { tags: version.tags });
    if (version.template !== undefined) {
      api.integration.requestTemplates = { 'application/json': version.template };
    }
    const fn = new LambdaFunction(apiStack, 'fn', {
      functionName: version.functionName ?? 'pets', role: 'arn:aws:iam::123456789012:role/pets', filename: 'pets.zip', handler: 'index.handler', runtime: 'nodejs20.x',
    });
    const backend = new TerraformVariable(apiStack, 'backend_host', { type: 'string', default: 'pets.example.com' });
    new ApiGatewayMethod(apiStack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new ApiGatewayIntegration(apiStack, 'pets_post_integration', {
      restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: fn.invokeArn,
    });
    new ApiGatewayMethod(apiStack, 'pets_put', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'PUT', authorization: 'NONE' });
    new ApiGatewayIntegration(apiStack, 'pets_put_integration', {
      restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'PUT', type: 'HTTP_PROXY', integrationHttpMethod: 'PUT', uri: `https://${backend.stringValue}/pets`,
    });
    if (version.extraMethod) {
      addDeleteMethod(apiStack, api);
    }
    const deployStack = new TerraformStack(app, 'deploy');
    new RestApiDeployment(deployStack, 'deployment', { restApi: api.api });
  };
}

function addDeleteMethod(stack: TerraformStack, api: PetsApi): void {
  new ApiGatewayMethod(stack, 'pets_delete', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'DELETE', authorization: 'NONE' });
  new ApiGatewayIntegration(stack, 'pets_delete_integration', {
    restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'DELETE', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 204}' },
  });
}

function deploymentTriggers(json: TerraformJson): Record<string, string> {
  return Object.values<any>(json.resource.aws_api_gateway_deployment)[0].triggers;
}

function changedKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]).sort();
}

/** The deploy stack's triggers for two versions of the split app. */
function triggersBeforeAndAfter(after: SplitAppVersion): [Record<string, string>, Record<string, string>] {
  return [deploymentTriggers(synthesizeApp(splitApp()).deploy), deploymentTriggers(synthesizeApp(splitApp(after)).deploy)];
}

describe('an API in one stack, deployed from another', () => {
  test("every resource of the API's stack has an entry, keyed with the stack's name", () => {
    const triggers = deploymentTriggers(synthesizeApp(splitApp()).deploy);

    expect(Object.keys(triggers)).toEqual([
      'api/aws_api_gateway_integration.pets_get_integration',
      'api/aws_api_gateway_integration.pets_post_integration',
      'api/aws_api_gateway_integration.pets_put_integration',
      'api/aws_api_gateway_method.pets_get',
      'api/aws_api_gateway_method.pets_post',
      'api/aws_api_gateway_method.pets_put',
      'api/aws_api_gateway_resource.pets',
      'api/aws_api_gateway_rest_api.api',
      'api/aws_lambda_function.fn',
      'api/var.backend_host',
    ]);
  });

  test("references reach the deploy stack through cdktf's cross-stack outputs, never as another stack's address", () => {
    const { api, deploy } = synthesizeApp(splitApp());
    const triggers = deploymentTriggers(deploy);

    expect(triggers['api/aws_lambda_function.fn']).toBe(
      '${sha1(jsonencode([data.terraform_remote_state.cross-stack-reference-input-api.outputs.cross-stack-output-aws_lambda_functionfninvoke_arn]))}');
    expect(triggers['api/var.backend_host']).toBe(
      '${sha1(jsonencode([data.terraform_remote_state.cross-stack-reference-input-api.outputs.cross-stack-output-varbackend_host]))}');
    expect(api.output['cross-stack-output-aws_lambda_functionfninvoke_arn'].value).toBe('${aws_lambda_function.fn.invoke_arn}');
    expect(api.output['cross-stack-output-varbackend_host'].value).toBe('${var.backend_host}');
    // Every expression of the deploy stack reads only the deploy stack's own objects.
    const own = new Set(Object.entries<any>(deploy.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)));
    for (const reference of findReferences(deploy.resource)) {
      const root = reference.split('.').slice(0, reference.startsWith('data.') ? 3 : 2).join('.');
      expect(root.startsWith('data.terraform_remote_state.') || own.has(root)).toBe(true);
    }
  });

  test("an integration change in the API's stack changes that integration's entry only", () => {
    expect(changedKeys(...triggersBeforeAndAfter({ template: '{"statusCode": 201}' }))).toEqual(['api/aws_api_gateway_integration.pets_get_integration']);
  });

  test("a method added in the API's stack adds its entries", () => {
    expect(changedKeys(...triggersBeforeAndAfter({ extraMethod: true })))
      .toEqual(['api/aws_api_gateway_integration.pets_delete_integration', 'api/aws_api_gateway_method.pets_delete']);
  });

  test("a replaced Lambda redeploys through its entry, evaluated by Terraform from the API stack's output", () => {
    // The function's new name is known only to Terraform: the entry's expression stays, its value changes at plan time.
    const [before, after] = triggersBeforeAndAfter({ functionName: 'pets-v2' });
    expect(changedKeys(before, after)).toEqual([]);
    expect(after['api/aws_lambda_function.fn']).toContain('cross-stack-output-aws_lambda_functionfninvoke_arn');
  });

  test('a tag change changes nothing', () => {
    expect(changedKeys(...triggersBeforeAndAfter({ tags: { team: 'pets' } }))).toEqual([]);
  });

  test("the API's resources in the deploy stack itself are found too", () => {
    const { deploy } = synthesizeApp((app) => {
      const apiStack = new TerraformStack(app, 'api');
      const api = petsApi(apiStack);
      const deployStack = new TerraformStack(app, 'deploy');
      addDeleteMethod(deployStack, api);
      new RestApiDeployment(deployStack, 'deployment', { restApi: api.api });
    });
    const triggers = deploymentTriggers(deploy);

    expect(triggers['aws_api_gateway_method.pets_delete']).toMatch(/^[0-9a-f]{32}$/);
    expect(triggers['api/aws_api_gateway_method.pets_get']).toMatch(/^[0-9a-f]{32}$/);
    // Only the deploy stack's own resources order the deployment through their ids.
    expect(triggers.resource_ids).toBe('${sha1(jsonencode([aws_api_gateway_integration.pets_delete_integration.id, aws_api_gateway_method.pets_delete.id]))}');
  });

  test('a third stack that adds resources to the API is searched; a stack with its own API of the same name is not', () => {
    const { deploy } = synthesizeApp((app) => {
      const apiStack = new TerraformStack(app, 'api');
      const api = petsApi(apiStack);
      const routes = new TerraformStack(app, 'routes');
      addDeleteMethod(routes, api);
      const other = new TerraformStack(app, 'other');
      new RestApiDeployment(other, 'deployment', { restApi: petsApi(other).api });
      const deployStack = new TerraformStack(app, 'deploy');
      new RestApiDeployment(deployStack, 'deployment', { restApi: api.api });
    });
    const keys = Object.keys(deploymentTriggers(deploy));

    expect(keys).toContain('routes/aws_api_gateway_method.pets_delete');
    expect(keys.filter((key) => key.startsWith('other/'))).toEqual([]);
  });

  test('variables and locals of the API stack become outputs read by the deploy stack', () => {
    const { deploy } = synthesizeApp((app) => {
      const apiStack = new TerraformStack(app, 'api');
      const api = petsApi(apiStack);
      const version = new TerraformLocal(apiStack, 'version', 'v1');
      api.integration.requestTemplates = { 'application/json': `{"version": "${version.asString}"}` };
      const deployStack = new TerraformStack(app, 'deploy');
      new RestApiDeployment(deployStack, 'deployment', { restApi: api.api });
    });

    expect(deploymentTriggers(deploy)['api/local.version']).toBe(
      '${sha1(jsonencode([data.terraform_remote_state.cross-stack-reference-input-api.outputs.cross-stack-output-localversion]))}');
  });

  test('the same app synthesizes byte-identical stacks every time', () => {
    expect(JSON.stringify(synthesizeApp(splitApp()))).toBe(JSON.stringify(synthesizeApp(splitApp())));
  });
});

test("an API resource in a stack that deploys after the deployment's stack: the library's error, not cdktf's circular dependency", () => {
  expect(() => synthesizeApp((app) => {
    const two = new TerraformStack(app, 'two');
    const one = new TerraformStack(app, 'one');
    const api = new Apigatewayv2Api(two, 'api', { name: 'chat', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
    new Apigatewayv2Integration(one, 'integration', { apiId: api.id, integrationType: 'MOCK' });
    new WebSocketApiDeployment(two, 'deploy', { webSocketApi: api });
  })).toThrow("WebSocketApiDeployment at 'two/deploy': property 'webSocketApi' is \"two/api\"; expected an API whose resources deploy before this deployment: " +
    "aws_apigatewayv2_integration.integration ('one/integration') is in the stack 'one', which deploys after 'two' (it depends on it)");
});

/** A pets API in stack 'api', its /orders POST method in stack 'deploy' (under the root read across stacks), deployed there with `methodOptions`. */
function ordersInDeployStack(app: App, methodOptions: RestApiDeploymentProps['methodOptions']): void {
  const apiStack = new TerraformStack(app, 'api');
  const { api } = petsApi(apiStack);
  const deployStack = new TerraformStack(app, 'deploy');
  const orders = new ApiGatewayResource(deployStack, 'orders', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'orders' });
  new ApiGatewayMethod(deployStack, 'orders_post', { restApiId: api.id, resourceId: orders.id, httpMethod: 'POST', authorization: 'NONE' });
  new ApiGatewayIntegration(deployStack, 'orders_post_integration', { restApiId: api.id, resourceId: orders.id, httpMethod: 'POST', type: 'MOCK' });
  new RestApiDeployment(deployStack, 'deployment', { restApi: api, methodOptions });
}

test("warningsOf before synth: the API's resources in the deployment's stack are found (the API's id read across stacks there)", () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'warnings-first-')), skipValidation: true });
  ordersInDeployStack(app, { '/orders/POST': { metricsEnabled: true } });

  expect(RestApiDeployment.warningsOf(app)).toEqual([]);
  app.synth();
});

describe("a resource's API id read in a third stack (api <- cats <- consumer)", () => {
  function app(consumer: 'output' | 'method', deployIn: 'cats' | 'prod') {
    let deployment!: RestApiDeployment;
    const stacks = synthesizeApp((a) => {
      const api = petsApi(new TerraformStack(a, 'api'));
      const catsStack = new TerraformStack(a, 'cats');
      const cats = new ApiGatewayResource(catsStack, 'cats', { restApiId: api.api.id, parentId: api.api.rootResourceId, pathPart: 'cats' });
      const third = new TerraformStack(a, 'consumer');
      if (consumer === 'output') {
        new TerraformOutput(third, 'api_id', { value: cats.restApiId });
      } else {
        new ApiGatewayMethod(third, 'post', { restApiId: cats.restApiId, resourceId: cats.id, httpMethod: 'POST', authorization: 'NONE' });
      }
      deployment = new RestApiDeployment(deployIn === 'cats' ? catsStack : new TerraformStack(a, 'prod'), 'deploy', { restApi: api.api });
    });
    return Object.keys(stacks[deployIn].resource!.aws_api_gateway_deployment[deployment.deployment.friendlyUniqueId].triggers);
  }

  test('an output of it there: the deployment synthesizes (cdktf refused a reference the wrong way round)', () => {
    expect(app('output', 'cats')).toContain('aws_api_gateway_resource.cats');
  });

  test('a method there naming the API by it: discovered (the stacks that depend on the API stack through others are looked in)', () => {
    expect(app('method', 'prod')).toEqual(expect.arrayContaining(['cats/aws_api_gateway_resource.cats', 'consumer/aws_api_gateway_method.post']));
  });

  test('with the deployment in the middle stack, the method deploys after it: refused', () => {
    expect(() => app('method', 'cats')).toThrow("aws_api_gateway_method.post ('consumer/post') is in the stack 'consumer', which deploys after 'cats'");
  });
});

describe("an API given by the id of an API resource of another stack of the app ('restApiId: api.id')", () => {
  function program(props: { autoDiscover?: boolean; triggers?: Record<string, string> }, status: number) {
    let deployment!: RestApiDeployment;
    const stacks = synthesizeApp((a) => {
      const api = petsApi(new TerraformStack(a, 'api'));
      api.integration.addOverride('request_templates', { 'application/json': `{"statusCode": ${status}}` });
      deployment = new RestApiDeployment(new TerraformStack(a, 'prod'), 'deploy', { restApiId: api.api.id, ...props });
    });
    const triggers = stacks.prod.resource!.aws_api_gateway_deployment[deployment.deployment.friendlyUniqueId].triggers;
    return { triggers, warnings: RestApiDeployment.warningsOf(deployment) };
  }

  test('with discovery: its resources are discovered as for the construct, and a change redeploys', () => {
    const [before, after] = [program({ autoDiscover: true }, 200), program({ autoDiscover: true }, 500)];
    expect(Object.keys(before.triggers)).toEqual(expect.arrayContaining(['api/aws_api_gateway_rest_api.api', 'api/aws_api_gateway_integration.pets_get_integration']));
    expect(before.triggers['api/aws_api_gateway_integration.pets_get_integration']).not.toEqual(after.triggers['api/aws_api_gateway_integration.pets_get_integration']);
  });

  test('without: a warning names its resources in their stack', () => {
    expect(program({ triggers: { release: '1' } }, 200).warnings).toEqual([expect.stringMatching(
      /^The REST API is given by its id \('restApiId'\), and aws_api_gateway_\S+ \('api\/[^']+'\), .* of the stack 'api' name the same API: without discovery/)]);
  });
});

test("an override on the API's stack of one of its resources (stack.addOverride('resource.<type>.<name>...')) redeploys from another stack", () => {
  const triggersWith = (status: number) => {
    let deployment!: RestApiDeployment;
    const stacks = synthesizeApp((a) => {
      const apiStack = new TerraformStack(a, 'api');
      const api = petsApi(apiStack);
      apiStack.addOverride(`resource.aws_api_gateway_integration.${api.integration.friendlyUniqueId}.request_templates`, { 'application/json': `{"statusCode": ${status}}` });
      deployment = new RestApiDeployment(new TerraformStack(a, 'prod'), 'deploy', { restApi: api.api });
    });
    return stacks.prod.resource!.aws_api_gateway_deployment[deployment.deployment.friendlyUniqueId].triggers;
  };
  const [before, after] = [triggersWith(200), triggersWith(500)];

  expect(Object.keys(before).filter((key) => before[key] !== after[key])).toEqual(['api/aws_api_gateway_integration.pets_get_integration']);
});

test("methodOptions for a method the API does not serve, its resources in the deployment's stack under the API's root read across stacks: refused", () => {
  expect(() => synthesizeApp((app) => ordersInDeployStack(app, { '/cats/GET': { metricsEnabled: true } }))).toThrow("RestApiDeployment at 'deploy/deployment': property 'methodOptions./cats/GET' is \"/cats/GET\"; expected a method path that "
    + 'aws_api_gateway_rest_api.api serves (one of "/orders/POST", "/pets/GET")');
});

test("methodOptions for a method of the deployment's stack on a resource of the API's stack (its id read across stacks): known; a method it does not serve refused", () => {
  const withOptions = (key: string) => () => synthesizeApp((app) => {
    const pets = petsApi(new TerraformStack(app, 'shared'));
    const prod = new TerraformStack(app, 'prod');
    const post = new ApiGatewayMethod(prod, 'pets_post', { restApiId: pets.api.id, resourceId: pets.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new ApiGatewayIntegration(prod, 'pets_post_integration', { restApiId: pets.api.id, resourceId: pets.pets.id, httpMethod: post.httpMethod, type: 'MOCK' });
    const deployment = new RestApiDeployment(prod, 'deploy', { restApi: pets.api, methodOptions: { [key]: { throttlingBurstLimit: 10, throttlingRateLimit: 5 } } });
    expect(RestApiDeployment.warningsOf(prod)).toEqual([]);
    expect(deployment).toBeDefined();
  });
  expect(withOptions('/pets/POST')).not.toThrow();
  expect(withOptions('/pets/PUT')).toThrow("property 'methodOptions./pets/PUT' is \"/pets/PUT\"; expected a method path that aws_api_gateway_rest_api.api serves "
    + '(one of "/pets/GET", "/pets/POST")');
});

test("a function of the API's stack reading the URL of a deployment construct of a stack that depends on it: the library's error, not cdktf's", () => {
  expect(() => synthesizeApp((app) => {
    const apiStack = new TerraformStack(app, 'api');
    const pets = petsApi(apiStack);
    const deployment = new RestApiDeployment(new TerraformStack(app, 'deploy'), 'deployment', { restApi: pets.api });
    invokeFunctionWith(apiStack, pets, deployment.urlForPath('/pets'));
  })).toThrow("RestApiDeployment at 'deploy/deployment': property 'restApi' is \"an API of the stack 'api'\"; expected an API whose stack reads nothing of "
    + "this construct's stack: the stack 'api' reads a value of 'deploy' (a cross-stack reference, such as this construct's URL in a function's environment, "
    + "or its stage in a usage plan) while 'deploy' depends on 'api' for the API, and Terraform can deploy neither first. Make what reads it in the stack "
    + "'deploy', beside this construct; or build it from the API's own attributes (api.id, its execution ARN), which do not wait for the deployment; or "
    + "make the deployment construct in the stack 'api'.");
});

test("an integration of the deployment's stack reading a function of another stack: the entry is keyed by the function, as in that stack", () => {
  const { team } = synthesizeApp((app) => {
    const shared = new TerraformStack(app, 'shared');
    new AwsProvider(shared, 'aws', { region: 'eu-west-2' });
    const fn = new LambdaFunction(shared, 'fn', { functionName: 'pets', role: 'arn:aws:iam::123456789012:role/pets', filename: 'pets.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
    const stack = new TerraformStack(app, 'team');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const pets = petsApi(stack);
    new ApiGatewayIntegration(stack, 'lambda', {
      restApiId: pets.api.id, resourceId: pets.pets.id, httpMethod: 'POST', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: fn.invokeArn,
    });
    new ApiGatewayMethod(stack, 'post', { restApiId: pets.api.id, resourceId: pets.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new RestApiDeployment(stack, 'deploy', { restApi: pets.api });
  });

  const triggers = deploymentTriggers(team);
  expect(triggers['shared/aws_lambda_function.fn']).toBe(
    '${sha1(jsonencode([data.terraform_remote_state.cross-stack-reference-input-shared.outputs.cross-stack-output-aws_lambda_functionfninvoke_arn]))}');
  expect(Object.keys(triggers).filter((key) => key.startsWith('data.terraform_remote_state'))).toEqual([]);
});

test("a third stack's method on a shared API: the deployment's stack is made to depend on it (cdktf deploy applies it first), as on the API's stack", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'third-stack-'));
  const app = new App({ outdir, skipValidation: true });
  const api = petsApi(new TerraformStack(app, 'shared'));
  const prod = new TerraformStack(app, 'prod');
  new ApiGatewayMethod(prod, 'post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
  new RestApiDeployment(prod, 'deploy', { restApi: api.api, stageName: 'prod' });
  new RestApiDeployment(new TerraformStack(app, 'staging'), 'deploy', { restApi: api.api, stageName: 'staging' });
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });

  expect(manifest.stacks.staging.dependencies).toEqual(['shared', 'prod']);
  expect(manifest.stacks.prod.dependencies).toEqual(['shared']);
});
