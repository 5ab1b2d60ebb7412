import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { App, TerraformStack, Testing } from 'cdktf';
import { RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesizeApp } from './support/synth';

/** Builds an API of `paths` resources with a method and integration each, in the given order. */
function build(order: number[]): string {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = new ApiGatewayRestApi(stack, 'api', { name: 'orders' });
  const create = [
    () => new RestApiDeployment(stack, 'deploy', { restApi: api, variables: { b: '2', a: '1' } }),
    ...['orders', 'customers', 'invoices'].map((pathPart) => () => {
      const resource = new ApiGatewayResource(stack, pathPart, { restApiId: api.id, parentId: api.rootResourceId, pathPart });
      const method = new ApiGatewayMethod(stack, `${pathPart}_get`, { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, `${pathPart}_integration`, {
        restApiId: api.id,
        resourceId: resource.id,
        httpMethod: method.httpMethod,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}', 'application/xml': '<ok/>' },
      });
    }),
  ];
  order.forEach((index) => create[index]());
  return Testing.synth(stack);
}

describe('determinism', () => {
  test('the same program synthesizes byte-identical JSON every time', () => {
    expect(build([0, 1, 2, 3])).toBe(build([0, 1, 2, 3]));
  });

  test('the order in which constructs are created does not change the deployment triggers', () => {
    const triggers = (json: string) => JSON.stringify(JSON.parse(json).resource.aws_api_gateway_deployment);
    const reference = triggers(build([0, 1, 2, 3]));
    for (const order of [[3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]]) {
      expect(triggers(build(order))).toBe(reference);
    }
  });
});

test('warningsOf before cdktf synth changes nothing cdktf synth writes (no cross-stack output the configuration does not use)', () => {
  const program = (app: App) => {
    const two = new TerraformStack(app, 'two');
    const three = new TerraformStack(app, 'three');
    const webSocket = new Apigatewayv2Api(two, 'ws', { name: 'chat', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
    new Apigatewayv2Route(two, 'connect', { apiId: webSocket.id, routeKey: '$connect' });
    const rest = petsApi(two).api;
    new WebSocketApiDeployment(three, 'ws_deploy', { webSocketApi: webSocket });
    new RestApiDeployment(two, 'rest_deploy', { restApi: rest });
  };

  const plain = synthesizeApp(program);
  const afterWarnings = synthesizeApp((app) => {
    program(app);
    WebSocketApiDeployment.warningsOf(app);
    RestApiDeployment.warningsOf(app);
  });

  expect(afterWarnings).toEqual(plain);
});
