/**
 * The helpers that build strings AWS matches exactly (`arnForExecuteApi`, `urlForPath`) are checked at
 * synth against what the API serves: a route renamed since the permission or the URL was written leaves
 * an ARN that matches no request (API Gateway answers 500: "Invalid permissions on Lambda function") or a
 * URL that answers 404. What holds a token or a wildcard is not judged.
 */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Fn, TerraformHclModule, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment, RestApiStage, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

test('REST: an ARN or a URL of a path the API does not serve gets a warning naming what it serves', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
  deployment.arnForExecuteApi('GET', '/animals');
  deployment.urlForPath('/animals');

  expect(RestApiDeployment.warningsOf(stack)).toEqual([
    "arnForExecuteApi('GET', '/animals') names GET /animals, which aws_api_gateway_rest_api.api does not serve (it serves \"/pets/GET\"): the ARN "
    + 'matches no request, so a permission with it lets none through. Name what the API serves, or add it to the API.',
    "urlForPath('/animals') names the path \"/animals\", which aws_api_gateway_rest_api.api does not serve (it serves \"/pets/GET\"): no route answers "
    + 'the URL (404). Name what the API serves, or add it to the API.',
  ]);
});

test('REST: path parameters, any method, wildcards, a query, the root URL and tokens pass', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const pets = petsApi(stack);
  const item = new ApiGatewayResource(stack, 'item', { restApiId: pets.api.id, parentId: pets.pets.id, pathPart: '{id}' });
  const any = new ApiGatewayMethod(stack, 'item_any', { restApiId: pets.api.id, resourceId: item.id, httpMethod: 'ANY', authorization: 'NONE' });
  new ApiGatewayIntegration(stack, 'item_any_integration', { restApiId: pets.api.id, resourceId: item.id, httpMethod: any.httpMethod, type: 'MOCK' });
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: pets.api });
  deployment.arnForExecuteApi('get', '/pets');
  deployment.arnForExecuteApi('DELETE', '/pets/{id}');
  deployment.arnForExecuteApi('*', '/pets/*');
  deployment.arnForExecuteApi();
  deployment.urlForPath('/pets/42?full=true');
  deployment.urlForPath();

  expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
});

test('HTTP: a route renamed; a greedy path parameter or the $default route serves the rest', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api } = petsHttpApi(stack);
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
  deployment.arnForExecuteApi('POST', '/pets');
  expect(HttpApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
    "arnForExecuteApi('POST', '/pets') names POST /pets, which aws_apigatewayv2_api.http_api does not serve (it serves \"GET /pets\")")]);

  const proxied = new TerraformStack(Testing.app(), 'stack');
  const other = petsHttpApi(proxied);
  new Apigatewayv2Route(proxied, 'proxy', { apiId: other.api.id, routeKey: 'ANY /files/{proxy+}', target: `integrations/${other.integration.id}` });
  const served = new HttpApiDeployment(proxied, 'deploy', { httpApi: other.api });
  served.arnForExecuteApi('PUT', '/files/a/b');
  served.urlForPath('/files/readme.txt');
  expect(HttpApiDeployment.warningsOf(proxied)).toEqual([]);
});

test('a path with a path parameter is judged (the parameter is one segment); a wildcard of the caller\'s at the end is not', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api, integration } = petsHttpApi(stack);
  new Apigatewayv2Route(stack, 'item', { apiId: api.id, routeKey: 'GET /pets/{id}', target: `integrations/${integration.id}` });
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
  deployment.arnForExecuteApi('GET', '/pets/{id}');
  deployment.arnForExecuteApi('GET', '/pets/*');
  deployment.arnForExecuteApi('GET', '/cats/{id}');
  deployment.arnForExecuteApi('POST', '/pets/{id}');
  deployment.arnForExecuteApi('GET', '/pets/{id}/photos');

  expect(HttpApiDeployment.warningsOf(stack)).toEqual(["arnForExecuteApi('GET', '/cats/{id}')", "arnForExecuteApi('POST', '/pets/{id}')",
    "arnForExecuteApi('GET', '/pets/{id}/photos')"].map((call) => expect.stringContaining(`${call} names`)));

  const rest = new TerraformStack(Testing.app(), 'rest');
  new RestApiDeployment(rest, 'deploy', { restApi: petsApi(rest).api }).arnForExecuteApi('GET', '/cats/{id}');
  expect(RestApiDeployment.warningsOf(rest)).toEqual([expect.stringContaining("arnForExecuteApi('GET', '/cats/{id}') names GET /cats/*")]);
});

test('WebSocket: a route key of no route (API Gateway matches them exactly, case included)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
  deployment.arnForExecuteApi('$connect');
  deployment.arnForExecuteApi('sendMessage');

  expect(WebSocketApiDeployment.warningsOf(stack)).toEqual([
    "arnForExecuteApi('sendMessage') names the route \"sendMessage\", which aws_apigatewayv2_api.ws_api does not serve (it serves \"$connect\", \"$default\"): "
    + 'the ARN matches no request, so a permission with it lets none through. Name what the API serves, or add it to the API.',
  ]);
});

test('a method known only at deploy time is written in capitals at deploy time too (API Gateway invokes with GET, never get)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const method = new TerraformVariable(stack, 'method', { type: 'string' }).stringValue;
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
  new TerraformOutput(stack, 'arn', { value: deployment.arnForExecuteApi(method, '/pets') });

  expect(JSON.parse(Testing.synth(stack)).output.arn.value).toBe('${aws_apigatewayv2_api.http_api.execution_arn}/$default/${replace(upper(var.method), "ANY", "*")}/pets');
});

test('a URL of the execute-api endpoint of an API that turns it off gets a warning (clients get 403 Forbidden)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, { disableExecuteApiEndpoint: true }).api }).urlForPath('/pets');

  expect(HttpApiDeployment.warningsOf(stack)).toEqual([
    "urlForPath('/pets') is a URL of the execute-api endpoint, which aws_apigatewayv2_api.http_api turns off (disable_execute_api_endpoint): clients "
    + 'get 403 Forbidden. Give clients the URL on its custom domain.',
  ]);
});

test('a path with a value known only at deploy time is judged by its literal segments before the value', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const pets = petsApi(stack);
  const item = new ApiGatewayResource(stack, 'item', { restApiId: pets.api.id, parentId: pets.pets.id, pathPart: '{id}' });
  const get = new ApiGatewayMethod(stack, 'item_get', { restApiId: pets.api.id, resourceId: item.id, httpMethod: 'GET', authorization: 'NONE' });
  new ApiGatewayIntegration(stack, 'item_get_integration', { restApiId: pets.api.id, resourceId: item.id, httpMethod: get.httpMethod, type: 'MOCK' });
  const id = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: pets.api });
  deployment.urlForPath(`/pets/${id}`);
  deployment.urlForPath(`/users/${id}`);

  expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
    "urlForPath('/users/${var.id}') names the path \"/users/${var.id}\", which aws_api_gateway_rest_api.api does not serve")]);
});

test("an HTTP API with a $default route beside others: arnForExecuteApi() (every method and path) is warned to miss the $default route's requests, unless its ARN is asked for too", () => {
  const warningsWith = (alsoDefault: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const pets = petsHttpApi(stack);
    new Apigatewayv2Route(stack, 'fallback', { apiId: pets.api.id, routeKey: '$default', target: `integrations/${pets.integration.id}` });
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: pets.api });
    deployment.arnForExecuteApi();
    if (alsoDefault) {
      deployment.arnForExecuteApi('$default');
    }
    return HttpApiDeployment.warningsOf(stack);
  };
  expect(warningsWith(false)).toEqual(["arnForExecuteApi('*', '/*') matches every method and path, but not the requests aws_apigatewayv2_api.http_api's $default "
    + "route serves: API Gateway invokes it with the ARN '<api>/<stage>/$default', which has no method and path, so a permission with this ARN lets none of "
    + "them through (the caller gets 500). Give the $default route's function a permission with arnForExecuteApi('$default') too."]);
  expect(warningsWith(true)).toEqual([]);
});

test('the $default route beside others is judged when the other routes are not all known (one named indirectly)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const pets = petsHttpApi(stack);
  new Apigatewayv2Route(stack, 'fallback', { apiId: pets.api.id, routeKey: '$default', target: `integrations/${pets.integration.id}` });
  new Apigatewayv2Route(stack, 'extra', { apiId: Fn.lower(pets.api.id), routeKey: 'GET /x' });
  new HttpApiDeployment(stack, 'deploy', { httpApi: pets.api }).arnForExecuteApi();
  expect(HttpApiDeployment.warningsOf(stack)).toContainEqual(expect.stringContaining("arnForExecuteApi('*', '/*') matches every method and path, but not the requests"));
});

describe('arnForExecuteApi naming a stage', () => {
  const unknown = (call: string, stage: string, own: string) => `${call} names the stage "${stage}", which no stage of this API has (this construct's: ${own}): `
    + "the ARN matches no request, so a permission with it lets none through. Name one of the API's stages, or '*' for every stage.";

  test.each([
    ['REST', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addStage('beta');
      deployment.arnForExecuteApi('GET', '/pets', 'staging');
      return [RestApiDeployment.warningsOf(stack), unknown("arnForExecuteApi('GET', '/pets', 'staging')", 'staging', '"prod", "beta"')] as const;
    }],
    ['HTTP', (stack: TerraformStack) => {
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.arnForExecuteApi('$default', '/*', 'staging');
      return [HttpApiDeployment.warningsOf(stack), unknown("arnForExecuteApi('$default', '/*', 'staging')", 'staging', '"$default"')] as const;
    }],
    ['WebSocket', (stack: TerraformStack) => {
      const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
      deployment.arnForExecuteApi('$connect', 'staging');
      return [WebSocketApiDeployment.warningsOf(stack), unknown("arnForExecuteApi('$connect', 'staging')", 'staging', '"prod"')] as const;
    }],
  ])('%s: a stage no stage of the app has gets a warning naming the construct\'s stages', (_kind, make) => {
    const [warnings, expected] = make(new TerraformStack(Testing.app(), 'stack'));
    expect(warnings).toContainEqual(expected);
  });

  test('an app with a module (it may make stages of any name): not judged', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const pets = petsApi(stack);
    const module = new TerraformHclModule(stack, 'staging', { source: 'acme/api-gateway-stage/aws', variables: { rest_api_id: pets.api.id, stage_name: 'staging' } });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: pets.api, acknowledgedBlindSpots: [module] });
    deployment.arnForExecuteApi('GET', '/pets', 'staging');
    expect(RestApiDeployment.warningsOf(stack).filter((warning) => warning.includes('no stage of this app has'))).toEqual([]);
  });

  test('a stage of that name of another API of the app: warned (the ARN names this API)', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    new RestApiDeployment(stack, 'other', { restApi: petsApi(stack, {}, 'other_').api, stageName: 'canary' });
    deployment.arnForExecuteApi('GET', '/pets', 'canary');
    expect(RestApiDeployment.warningsOf(stack)).toEqual([unknown("arnForExecuteApi('GET', '/pets', 'canary')", 'canary', '"prod"')]);
  });

  test("one of the construct's stages, '*', a stage of the API made elsewhere, or a stage name known only at deploy time pass", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const pets = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: pets.api });
    deployment.addStage('beta');
    new RestApiStage(stack, 'canary', { restApiId: pets.api.id, deploymentId: deployment.deploymentId, stageName: 'canary' });
    deployment.arnForExecuteApi('GET', '/pets', 'beta');
    deployment.arnForExecuteApi('GET', '/pets', '*');
    deployment.arnForExecuteApi('GET', '/pets', 'canary');
    deployment.arnForExecuteApi('GET', '/pets', new TerraformVariable(stack, 'stage', { type: 'string' }).stringValue);
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);

    const variable = new TerraformStack(Testing.app(), 'variable');
    const named = new RestApiDeployment(variable, 'deploy', { restApi: petsApi(variable).api, stageName: new TerraformVariable(variable, 'name', { type: 'string' }).stringValue });
    named.arnForExecuteApi('GET', '/pets', 'staging');
    expect(RestApiDeployment.warningsOf(variable)).toEqual([]);

    // An API defined elsewhere (its id from a variable) has stages the app does not make.
    const elsewhere = new TerraformStack(Testing.app(), 'elsewhere');
    new HttpApiDeployment(elsewhere, 'deploy', { httpApiId: new TerraformVariable(elsewhere, 'api_id', { type: 'string' }).stringValue, stageName: 'canary' })
      .arnForExecuteApi('GET', '/pets', 'prod');
    expect(HttpApiDeployment.warningsOf(elsewhere).filter((warning) => warning.includes('arnForExecuteApi'))).toEqual([]);
  });
});

test('a stage made on its own: a URL of a path its API does not serve gets the warning too', () => {
  const rest = new TerraformStack(Testing.app(), 'rest');
  const pets = petsApi(rest);
  const restStage = new RestApiStage(rest, 'stage', { restApiId: pets.api.id, deploymentId: 'a1b2c3', stageName: 'live' });
  restStage.urlForPath('/cats');
  restStage.urlForPath('/pets');
  expect(RestApiDeployment.warningsOf(rest)).toEqual([
    "urlForPath('/cats') names the path \"/cats\", which aws_api_gateway_rest_api.api does not serve (it serves \"/pets/GET\"): no route answers "
    + 'the URL (404). Name what the API serves, or add it to the API.',
  ]);

  const http = new TerraformStack(Testing.app(), 'http');
  const httpStage = new HttpApiStage(http, 'stage', { apiId: petsHttpApi(http).api.id, deploymentId: 'a1b2c3', stageName: 'live' });
  httpStage.urlForPath('/cats');
  expect(HttpApiDeployment.warningsOf(http)).toEqual([expect.stringContaining("urlForPath('/cats') names the path \"/cats\"")]);
});

test("HTTP: the $default route serves every URL, but an ARN of a method and path only through a route of that key (it is invoked with '<api>/<stage>/$default')", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api, integration } = petsHttpApi(stack);
  new Apigatewayv2Route(stack, 'default', { apiId: api.id, routeKey: '$default', target: `integrations/${integration.id}` });
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
  deployment.arnForExecuteApi('POST', '/pets');
  deployment.arnForExecuteApi('GET', '/pets');
  deployment.arnForExecuteApi('$default');
  deployment.urlForPath('/anything');

  expect(HttpApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
    "arnForExecuteApi('POST', '/pets') names POST /pets, which aws_apigatewayv2_api.http_api does not serve (it serves \"$default\", \"GET /pets\")")]);
});

test('a stage made on its own: a URL of the execute-api endpoint of an API that turns it off gets the warning too', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api } = petsHttpApi(stack, { disableExecuteApiEndpoint: true });
  new HttpApiStage(stack, 'stage', { apiId: api.id, deploymentId: 'a1b2c3', stageName: 'live' }).urlForPath('/pets');

  expect(HttpApiDeployment.warningsOf(stack)).toEqual(["urlForPath('/pets') is a URL of the execute-api endpoint, which aws_apigatewayv2_api.http_api turns off "
    + '(disable_execute_api_endpoint): clients get 403 Forbidden. Give clients the URL on its custom domain.']);
});

test("HTTP: an API whose only route is $default: arnForExecuteApi() of every method and path matches none of its requests (invoked with '<api>/<stage>/$default')", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = new Apigatewayv2Api(stack, 'api', { name: 'proxy', protocolType: 'HTTP' });
  new Apigatewayv2Route(stack, 'default', { apiId: api.id, routeKey: '$default' });
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
  deployment.arnForExecuteApi();
  deployment.arnForExecuteApi('$default');
  expect(HttpApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining("arnForExecuteApi('*', '/*') names the path \"/*\", which aws_apigatewayv2_api.api does not serve")]);
});
