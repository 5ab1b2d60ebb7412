import { TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesizeApp, synthesizeStack } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/** One stack with a deployment of each kind of API. */
function stackWithEveryKind(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
  new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
  new WebSocketApiDeployment(stack, 'websocket', { webSocketApi: chatWebSocketApi(stack).api });
  return stack;
}

describe('deployments of several kinds of API in one stack', () => {
  test.each([
    ['RestApiDeployment', RestApiDeployment.warningsOf],
    ['HttpApiDeployment', HttpApiDeployment.warningsOf],
    ['WebSocketApiDeployment', WebSocketApiDeployment.warningsOf],
  ])('%s.warningsOf answers, before and after Testing.synth', (_kind, warningsOf) => {
    const before = stackWithEveryKind();
    expect(warningsOf(before)).toEqual([]);

    const after = stackWithEveryKind();
    synthesizeStack(after);
    expect(warningsOf(after)).toEqual([]);
  });

  test('each deployment hashes only its own API, and the other deployments get no blind-spot warning', () => {
    const stack = stackWithEveryKind();
    const json = synthesizeStack(stack);

    expect(Object.keys(Object.values<any>(json.resource.aws_api_gateway_deployment)[0].triggers))
      .not.toContainEqual(expect.stringContaining('apigatewayv2'));
    const v2 = Object.values<any>(json.resource.aws_apigatewayv2_deployment).map((deployment) => Object.keys(deployment.triggers));
    expect(v2.map((keys) => keys.filter((key) => key.startsWith('aws_apigatewayv2_api.')))).toEqual([['aws_apigatewayv2_api.http_api'], ['aws_apigatewayv2_api.ws_api']]);
  });

  test('cdktf synth of the app answers the same', () => {
    const stacks = synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
      new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    });

    expect(Object.keys(stacks.stack.resource)).toEqual(expect.arrayContaining(['aws_api_gateway_deployment', 'aws_apigatewayv2_deployment']));
  });
});
