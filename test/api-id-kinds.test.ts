import { DataAwsApigatewayv2Api } from '@cdktf/provider-aws/lib/data-aws-apigatewayv2-api';
/**
 * An id given to a construct that names a resource of the app of another kind (issue "hard to misuse",
 * fifth review): an API of the other family, an HTTP API where a WebSocket API belongs, or, for a stage
 * made on its own, a deployment of the other family or of another API. AWS made a stage the API cannot
 * have (a `$default` stage on a WebSocket API) or answered NotFoundException; each now fails when the
 * app is validated, naming what the id names.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformLocal, TerraformStack, Testing, Token } from 'cdktf';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment, RestApiStage, WebSocketApiDeployment, WebSocketApiStage } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  return stack;
}

describe('an API id of another kind', () => {
  test('a WebSocket API given to HttpApiDeployment by its id', () => {
    const stack = newStack();
    new HttpApiDeployment(stack, 'deploy', { httpApiId: chatWebSocketApi(stack).api.id, autoDiscover: true });

    expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deploy': property 'httpApiId' is \"${aws_apigatewayv2_api.ws_api.id}\"; "
      + 'expected the id of an HTTP API (aws_apigatewayv2_api): it names aws_apigatewayv2_api.ws_api, whose protocol type is WEBSOCKET '
      + '(WebSocketApiDeployment, WebSocketApiStage deploy it).');
  });

  test('an HTTP API given to a WebSocket stage made on its own', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    new WebSocketApiStage(stack, 'stage', { apiId: petsHttpApi(stack, {}, 'other_').api.id, deploymentId: http.deploymentId, stageName: 'live' });

    expect(() => Testing.synth(stack, true)).toThrow(/WebSocketApiStage at 'stack\/stage': property 'apiId' is "\$\{aws_apigatewayv2_api.other_http_api.id\}"; expected the id of a WebSocket API \(aws_apigatewayv2_api\): it names aws_apigatewayv2_api.other_http_api, whose protocol type is HTTP/);
  });

  test.each([
    ['RestApiDeployment given an HTTP API', (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', { restApiId: petsHttpApi(stack).api.id }),
      "RestApiDeployment at 'stack/deploy': property 'restApiId' is \"${aws_apigatewayv2_api.http_api.id}\"; expected the id of a REST API "
      + '(aws_api_gateway_rest_api): it names aws_apigatewayv2_api.http_api, an HTTP or WebSocket API (deployed by HttpApiDeployment or WebSocketApiDeployment).'],
    ['HttpApiDeployment given a REST API', (stack: TerraformStack) => new HttpApiDeployment(stack, 'deploy', { httpApiId: petsApi(stack).api.id }),
      "HttpApiDeployment at 'stack/deploy': property 'httpApiId' is \"${aws_api_gateway_rest_api.api.id}\"; expected the id of an HTTP API "
      + '(aws_apigatewayv2_api): it names aws_api_gateway_rest_api.api, a REST API (deployed by RestApiDeployment).'],
    ['RestApiStage given an HTTP API', (stack: TerraformStack) => new RestApiStage(stack, 'stage', { restApiId: petsHttpApi(stack).api.id, deploymentId: 'abc123', stageName: 'live' }),
      "RestApiStage at 'stack/stage': property 'restApiId' is \"${aws_apigatewayv2_api.http_api.id}\"; expected the id of a REST API"],
  ])('%s', (_name, make, message) => {
    const stack = newStack();
    make(stack);

    expect(() => Testing.synth(stack, true)).toThrow(message);
  });

  test('the right kind, by id, and an id from elsewhere stay', () => {
    const stack = newStack();
    new HttpApiDeployment(stack, 'http', { httpApiId: petsHttpApi(stack).api.id, autoDiscover: true });
    new WebSocketApiDeployment(stack, 'ws', { webSocketApiId: chatWebSocketApi(stack).api.id, autoDiscover: true });
    new RestApiDeployment(stack, 'rest', { restApiId: 'a1b2c3d4e5' });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe("a stage made on its own given another API's deployment", () => {
  test('a deployment of the other family', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    new RestApiStage(stack, 'stage', { restApiId: petsApi(stack).api.id, deploymentId: http.deploymentId, stageName: 'live' });

    expect(() => Testing.synth(stack, true)).toThrow(/RestApiStage at 'stack\/stage': property 'deploymentId' is "\$\{aws_apigatewayv2_deployment.http_Deployment_\w+.id\}"; expected the id of a deployment of the stage's REST API: it names aws_apigatewayv2_deployment.http_Deployment_\w+, a deployment of an HTTP or WebSocket API/);
  });

  test('a deployment of another API of the same family', () => {
    const stack = newStack();
    const other = new RestApiDeployment(stack, 'other', { restApi: petsApi(stack, {}, 'other_').api });
    new RestApiStage(stack, 'stage', { restApiId: petsApi(stack).api.id, deploymentId: other.deploymentId, stageName: 'live' });

    expect(() => Testing.synth(stack, true)).toThrow(/property 'deploymentId' is "\$\{aws_api_gateway_deployment.other_Deployment_\w+.id\}"; expected the id of a deployment of the stage's REST API: it names aws_api_gateway_deployment.other_Deployment_\w+, a deployment of aws_api_gateway_rest_api.other_api, not of aws_api_gateway_rest_api.api \(AWS answers NotFoundException\)/);
  });

  test('the deployment of its own API stays', () => {
    const stack = newStack();
    const api = petsHttpApi(stack).api;
    const http = new HttpApiDeployment(stack, 'http', { httpApi: api });
    new HttpApiStage(stack, 'stage', { apiId: api.id, deploymentId: http.deploymentId, stageName: 'beta' });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test.each([['restApiId'], ['deploymentId']])('an empty %s is refused', (property) => {
    const stack = newStack();
    const props = { restApiId: 'a1b2c3', deploymentId: 'd1', stageName: 'live', [property]: '' };

    expect(() => new RestApiStage(stack, 'stage', props)).toThrow(`RestApiStage at 'stack/stage': property '${property}' is ""; expected the id of a`);
  });
});

describe('an attribute that is not an id, given as one', () => {
  test.each([
    ["the API's name as restApiId", (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', { restApiId: petsApi(stack).api.name }),
      "RestApiDeployment at 'stack/deploy': property 'restApiId' is \"${aws_api_gateway_rest_api.api.name}\"; expected the id of a REST API (its .id): it reads aws_api_gateway_rest_api.api.name, no id"],
    ["an HTTP API's endpoint as httpApiId", (stack: TerraformStack) => new HttpApiDeployment(stack, 'deploy', { httpApiId: petsHttpApi(stack).api.apiEndpoint }),
      "property 'httpApiId' is \"${aws_apigatewayv2_api.http_api.api_endpoint}\"; expected the id of an HTTP API (its .id)"],
    ["the API's id as a stage's deploymentId", (stack: TerraformStack) => {
      const api = petsApi(stack).api;
      return new RestApiStage(stack, 'stage', { restApiId: api.id, deploymentId: api.id, stageName: 'live' });
    }, "RestApiStage at 'stack/stage': property 'deploymentId' is \"${aws_api_gateway_rest_api.api.id}\"; expected the id of a deployment of the stage's API (a deployment's .id): it reads aws_api_gateway_rest_api.api.id, an id of another kind (aws_api_gateway_rest_api)"],
  ])('%s is refused', (_name, make, message) => {
    const stack = newStack();
    make(stack);

    expect(() => Testing.synth(stack, true)).toThrow(message);
  });

  test('a function result given as an id names Token.asString', () => {
    const stack = newStack();
    const api = petsHttpApi(stack).api;
    const deployment = new HttpApiDeployment(stack, 'http', { httpApi: api });
    const deploymentId = Fn.conditional(true, deployment.deploymentId, 'other') as unknown as string;

    expect(() => new HttpApiStage(stack, 'stage', { apiId: api.id, deploymentId, stageName: 'beta' })).toThrow(
      "HttpApiStage at 'stack/stage': property 'deploymentId' is \"${true ? aws_apigatewayv2_deployment.http_Deployment_4CA5456C.id : \\\"other\\\"}\"; "
      + 'expected a string (this is a token of another kind, such as the result of a function: give Token.asString(...) of it)');
    expect(() => new HttpApiStage(stack, 'stage2', { apiId: api.id, deploymentId: Token.asString(deploymentId), stageName: 'beta' })).not.toThrow();
  });

  test("a stage's deployment_id and API id attributes are ids", () => {
    const stack = newStack();
    const api = petsHttpApi(stack).api;
    const deployment = new HttpApiDeployment(stack, 'http', { httpApi: api });
    new HttpApiStage(stack, 'stage', { apiId: deployment.deploymentStage.stage.apiId, deploymentId: deployment.deploymentStage.stage.deploymentId, stageName: 'beta' });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('through a local value or a data source', () => {
  test.each([
    ["a local of the API's name as restApiId", (stack: TerraformStack) => new RestApiStage(stack, 'stage', {
      restApiId: new TerraformLocal(stack, 'api_id', petsApi(stack).api.name).asString, deploymentId: 'd1', stageName: 'dev',
    }), "property 'restApiId' is \"${aws_api_gateway_rest_api.api.name}\"; expected the id of a REST API (its .id): it reads aws_api_gateway_rest_api.api.name, no id"],
    ["a local of an HTTP API's id as restApiId", (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', {
      restApiId: new TerraformLocal(stack, 'api_id', petsHttpApi(stack).api.id).asString, triggers: { release: '1' },
    }), 'it names aws_apigatewayv2_api.http_api, an HTTP or WebSocket API'],
    ["a data source's endpoint as httpApiId", (stack: TerraformStack) => new HttpApiDeployment(stack, 'deploy', {
      httpApiId: new DataAwsApigatewayv2Api(stack, 'lookup', { apiId: 'a1b2c3' }).apiEndpoint, triggers: { release: '1' },
    }), "property 'httpApiId' is \"${data.aws_apigatewayv2_api.lookup.api_endpoint}\"; expected the id of an HTTP API (its .id): it reads data.aws_apigatewayv2_api.lookup.api_endpoint, no id"],
  ])('%s is refused', (_name, make, message) => {
    const stack = newStack();
    make(stack);

    expect(() => Testing.synth(stack, true)).toThrow(message);
  });
});

describe("through another resource's API id argument (route.apiId, method.restApiId), as discovery follows it", () => {
  test('an HTTP stage made on its own given a WebSocket route\'s apiId: refused as with the API\'s id', () => {
    const stack = newStack();
    const { connect: route } = chatWebSocketApi(stack);
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApiId: route.apiId, autoDiscover: true });
    new HttpApiStage(stack, 'stage', { apiId: route.apiId, deploymentId: ws.deploymentId, stageName: 'x' });

    expect(() => Testing.synth(stack, true)).toThrow("HttpApiStage at 'stack/stage': property 'apiId' is \"${aws_apigatewayv2_route.connect_route.api_id}\"; "
      + 'expected the id of an HTTP API (aws_apigatewayv2_api): it names aws_apigatewayv2_api.ws_api, whose protocol type is WEBSOCKET');
  });

  test('a second stage of one name, one given the API\'s id and one the route\'s apiId: refused', () => {
    const stack = newStack();
    const { api, connect: route } = chatWebSocketApi(stack);
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: api });
    expect(() => new WebSocketApiStage(stack, 'stage', { apiId: route.apiId, deploymentId: ws.deploymentId, stageName: 'prod' }))
      .toThrow("expected a stage name not yet used for this WebSocket API: 'stack/ws' already creates the stage \"prod\"");
  });
});

test('a WebSocket API given to HttpApiDeployment through a data source that reads it by id: refused as with its id', () => {
  const stack = newStack();
  const lookup = new DataAwsApigatewayv2Api(stack, 'lookup', { apiId: chatWebSocketApi(stack).api.id });
  new HttpApiDeployment(stack, 'deploy', { httpApiId: lookup.apiId, autoDiscover: true });

  expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deploy': property 'httpApiId' is \"${data.aws_apigatewayv2_api.lookup.api_id}\"; "
    + 'expected the id of an HTTP API (aws_apigatewayv2_api): it names aws_apigatewayv2_api.ws_api, whose protocol type is WEBSOCKET');
});

test('an API, or an id, of another App: refused (its resources are in none of this app\'s Terraform configurations)', () => {
  const other = newStack();
  const api = petsApi(other).api;
  const stack = newStack();
  expect(() => new RestApiDeployment(stack, 'deploy', { restApi: api })).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'restApi' is \"stack/api\"; expected an API of this construct's app: 'stack/api' is of another App");
  expect(() => new HttpApiStage(stack, 'stage', { apiId: petsHttpApi(other, {}, 'other_').api.id, deploymentId: 'd', stageName: 'beta' })).toThrow(
    "HttpApiStage at 'stack/stage': property 'apiId' is \"an attribute of 'stack' of another App\"; expected an id this construct's app can read");
});
