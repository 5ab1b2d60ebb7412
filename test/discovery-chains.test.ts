import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { DataTerraformRemoteStateS3, TerraformHclModule, TerraformIterator, TerraformLocal, TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { beforeAndAfter, changedTriggerKeys, synthesize, synthesizeApp, triggersOf, warningsOf } from './support/synth';
import { petsHttpApi } from './support/v2-api';

/** Resources that name the API through the API id argument of another of its resources (`pets.restApiId`). */
describe('an API resource named through another resource of the API', () => {
  test('a REST method and integration reached through two steps are discovered, and a change redeploys', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const { api, pets } = petsApi(stack);
      const post = new ApiGatewayMethod(stack, 'pets_post', { restApiId: pets.restApiId, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'pets_post_integration', {
        restApiId: post.restApiId,
        resourceId: pets.id,
        httpMethod: 'POST',
        type: 'MOCK',
        requestTemplates: { 'application/json': changed ? '{"statusCode": 500}' : '{"statusCode": 200}' },
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(Object.keys(before.resource.aws_api_gateway_deployment.deploy_Deployment_49668023.triggers))
      .toEqual(expect.arrayContaining(['aws_api_gateway_method.pets_post', 'aws_api_gateway_integration.pets_post_integration']));
    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_integration.pets_post_integration']);
  });

  test('an HTTP integration named through a route', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, route } = petsHttpApi(stack);
    const orders = new Apigatewayv2Integration(stack, 'orders', {
      apiId: route.apiId, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://orders.example.com',
    });
    new Apigatewayv2Route(stack, 'orders_route', { apiId: orders.apiId, routeKey: 'GET /orders', target: `integrations/${orders.id}` });
    new HttpApiDeployment(stack, 'deploy', { httpApi: api });
    const deployments = JSON.parse(Testing.synth(stack)).resource.aws_apigatewayv2_deployment;
    const triggers = (Object.values(deployments)[0] as { triggers: Record<string, string> }).triggers;

    expect(Object.keys(triggers)).toEqual(expect.arrayContaining(['aws_apigatewayv2_integration.orders', 'aws_apigatewayv2_route.orders_route']));
    expect(HttpApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test.each<[string, (api: ReturnType<typeof petsApi>) => Record<string, unknown>]>([
    ["a resource's rest_api_id", ({ pets }) => ({ rest_api_id: pets.restApiId })],
    ['the whole API resource', ({ api }) => ({ api: api.fqn })],
  ])('a module given %s gets the module warning', (_case, inputs) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    new TerraformHclModule(stack, 'users', { source: 'acme/api-routes/aws', version: '1.2.0', variables: inputs(api) });
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    Testing.synth(stack);

    expect(warningsOf(stack)).toEqual([expect.stringContaining(
      "The module module.users ('stack/users') gets the id of the REST API aws_api_gateway_rest_api.api as an input")]);
  });
});

describe('an API resource named through another resource of the API, further away', () => {
  test('through one instance of a resource with count (`${aws_x.y[0].rest_api_id}`)', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const { api } = petsApi(stack);
      new ApiGatewayResource(stack, 'cats', { count: 2, restApiId: api.id, parentId: api.rootResourceId, pathPart: 'cats${count.index}' });
      new ApiGatewayModel(stack, 'model', {
        restApiId: '${aws_api_gateway_resource.cats[0].rest_api_id}', name: 'M', contentType: 'application/json', schema: changed ? '{"type":"array"}' : '{"type":"object"}',
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_model.model']);
  });

  test('in another stack, through a cross-stack reference to a resource of the API', () => {
    const template = (changed: boolean) => {
      const stacks = synthesizeApp((app) => {
        const apiStack = new TerraformStack(app, 'a');
        const { api, pets } = petsApi(apiStack);
        const deployStack = new TerraformStack(app, 'b');
        const post = new ApiGatewayMethod(deployStack, 'post', { restApiId: pets.restApiId, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });
        new ApiGatewayIntegration(deployStack, 'post_integration', {
          restApiId: post.restApiId,
          resourceId: pets.id,
          httpMethod: post.httpMethod,
          type: 'MOCK',
          requestTemplates: { 'application/json': changed ? '{"statusCode": 500}' : '{"statusCode": 200}' },
        });
        new TerraformHclModule(deployStack, 'users', { source: 'acme/api-routes/aws', version: '1.2.0', variables: { rest_api_id: pets.restApiId } });
        const deployment = new RestApiDeployment(deployStack, 'deploy', { restApi: api });
        app.synth();
        warnings = RestApiDeployment.warningsOf(deployment);
      });
      return stacks.b;
    };
    let warnings: string[] = [];
    const before = template(false);
    const after = template(true);

    expect(Object.keys(triggersOf(before))).toEqual(expect.arrayContaining(['aws_api_gateway_method.post', 'aws_api_gateway_integration.post_integration']));
    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_integration.post_integration']);
    expect(warnings).toEqual([expect.stringContaining("The module module.users ('b/users') gets the id of the REST API aws_api_gateway_rest_api.api as an input")]);
  });
});

describe('an API given by its id with autoDiscover', () => {
  test("follows the API id arguments of what it discovers, and hashes the app's API the id names", () => {
    const program = (changed: boolean) => synthesize((stack) => {
      const api = new Apigatewayv2Api(stack, 'api', { name: 'api', protocolType: 'HTTP', corsConfiguration: { allowOrigins: [changed ? 'https://b' : 'https://a'] } });
      const integration = new Apigatewayv2Integration(stack, 'int', { apiId: api.id, integrationType: 'HTTP_PROXY', integrationUri: 'https://example.com', integrationMethod: 'ANY' });
      new Apigatewayv2Route(stack, 'route', {
        apiId: integration.apiId, routeKey: 'GET /pets', target: `integrations/${integration.id}`, authorizationType: changed ? 'AWS_IAM' : 'NONE',
      });
      new HttpApiDeployment(stack, 'd', { httpApiId: api.id, autoDiscover: true });
    });
    const triggers = (json: Record<string, any>) =>
      (Object.values(json.resource.aws_apigatewayv2_deployment)[0] as { triggers: Record<string, string> }).triggers;

    expect(Object.keys(triggers(program(false)))).toEqual(expect.arrayContaining(['aws_apigatewayv2_api.api', 'aws_apigatewayv2_route.route']));
    const [before, after] = [triggers(program(false)), triggers(program(true))];
    expect(Object.keys(before).filter((key) => before[key] !== after[key])).toEqual(['aws_apigatewayv2_api.api', 'aws_apigatewayv2_route.route']);
  });
});

describe('an API resource whose API id is the attribute of a resource of another type (a stage, a deployment)', () => {
  test("of the user's own stage: discovered, and a change redeploys", () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      const stage = new ApiGatewayStage(stack, 'manual_stage', { restApiId: api.api.id, deploymentId: 'a1b2c3', stageName: 'manual' });
      new ApiGatewayMethod(stack, 'post', { restApiId: stage.restApiId, resourceId: api.pets.id, httpMethod: 'POST', authorization: changed ? 'AWS_IAM' : 'NONE' });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(triggersOf(before)).toHaveProperty(['aws_api_gateway_method.post']);
    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_method.post']);
  });

  test.each([
    ["the construct's stage", (deployment: RestApiDeployment) => deployment.deploymentStage.stage.restApiId, 'aws_api_gateway_stage.deploy_Stage_'],
    ["the construct's deployment", (deployment: RestApiDeployment) => deployment.deployment.restApiId, 'aws_api_gateway_deployment.deploy_Deployment_'],
  ])('of %s: refused at synth (the deployment would wait for it, and it for the deployment)', (_name, apiId, read) => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const api = petsApi(stack);
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      new ApiGatewayMethod(stack, 'post', { restApiId: apiId(deployment), resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    })).toThrow(`expected an API none of whose resources reads what this construct makes: aws_api_gateway_method.post ('stack/post') reads ${read}`);
  });

  test("an HTTP route whose API id is the construct's stage's: refused the same way", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const { api, integration } = petsHttpApi(stack);
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
      new Apigatewayv2Route(stack, 'post', { apiId: deployment.deploymentStage.stage.apiId, routeKey: 'POST /pets', target: `integrations/${integration.id}` });
    })).toThrow("aws_apigatewayv2_route.post ('stack/post') reads aws_apigatewayv2_stage.deploy_Stage_");
  });
});

describe('an API given by its id through a local value, its resources naming what the local holds (or the reverse)', () => {
  test.each([['the deployment given the local', false], ['the resources given the local', true]])('%s: discovered', (_name, reverse) => {
    const stack = new TerraformStack(Testing.app(), 's');
    const remote = new DataTerraformRemoteStateS3(stack, 'platform', { bucket: 'b', key: 'k', region: 'eu-west-2' });
    const raw = remote.getString('api_id');
    const local = new TerraformLocal(stack, 'api_id', raw).asString;
    const named = reverse ? local : raw;
    const users = new ApiGatewayResource(stack, 'users', { restApiId: named, parentId: remote.getString('root_id'), pathPart: 'users' });
    const get = new ApiGatewayMethod(stack, 'get', { restApiId: named, resourceId: users.id, httpMethod: 'GET', authorization: 'NONE' });
    new ApiGatewayIntegration(stack, 'integration', { restApiId: named, resourceId: users.id, httpMethod: get.httpMethod, type: 'MOCK' });
    new RestApiDeployment(stack, 'deploy', { restApiId: reverse ? raw : local, autoDiscover: true, stageName: 'users' });

    expect(Object.keys(triggersOf(JSON.parse(Testing.synth(stack))))).toEqual(expect.arrayContaining([
      'aws_api_gateway_integration.integration', 'aws_api_gateway_method.get', 'aws_api_gateway_resource.users',
    ]));
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });
});

test('routes made with for_each over integrations (TerraformIterator.fromResources), their API id each.value.api_id: discovered', () => {
  const triggersWith = (authorizationType: string) => {
    const stack = new TerraformStack(Testing.app(), 's');
    const api = new Apigatewayv2Api(stack, 'h', { name: 'h', protocolType: 'HTTP' });
    const backends = TerraformIterator.fromMap({ pets: { url: 'https://example.com/pets' }, cats: { url: 'https://example.com/cats' } });
    const integrations = new Apigatewayv2Integration(stack, 'i', {
      forEach: backends, apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: backends.getString('url'),
    });
    const each = TerraformIterator.fromResources(integrations);
    new Apigatewayv2Route(stack, 'r', {
      forEach: each, apiId: each.getString('api_id'), routeKey: `GET /${each.key}`, target: `integrations/${each.getString('id')}`, authorizationType,
    });
    new HttpApiDeployment(stack, 'd', { httpApi: api });
    expect(HttpApiDeployment.warningsOf(stack)).toEqual([]);
    return Object.values<any>(JSON.parse(Testing.synth(stack)).resource.aws_apigatewayv2_deployment)[0].triggers;
  };

  const before = triggersWith('NONE');
  const after = triggersWith('AWS_IAM');
  expect(Object.keys(after)).toContain('aws_apigatewayv2_route.r');
  expect(after['aws_apigatewayv2_route.r']).not.toEqual(before['aws_apigatewayv2_route.r']);
});
