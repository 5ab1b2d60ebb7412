import { TerraformStack, TerraformVariable } from 'cdktf';
import { HttpApiDeployment, HttpStageOptions, MethodLoggingLevel, WebSocketApiDeployment, WebSocketStageOptions } from '../src';
import { onlyResource, resourcesOfType, synthesize } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/**
 * The AWS provider sends 0 for each throttling limit a route settings block of an
 * `aws_apigatewayv2_stage` leaves unset, and AWS answers every request with 429: no stage or route
 * the library writes may have such a block unless its author gave both limits.
 */
const http = (options: HttpStageOptions, stage?: HttpStageOptions) => synthesize((stack: TerraformStack) => {
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, ...options });
  if (stage) {
    deployment.addStage('beta', stage);
  }
});
const webSocket = (options: WebSocketStageOptions) => synthesize((stack: TerraformStack) => {
  new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, cloudWatchRole: false, ...options });
});

const EXPLANATION = 'without both limits is sent with 0 for each one left unset (terraform-provider-aws #14742), and AWS answers every request with 429 Too Many Requests.';

describe('route settings without both throttling limits are refused at synth', () => {
  test.each<[string, () => unknown, string]>([
    ['HTTP: detailedMetricsEnabled alone', () => http({ detailedMetricsEnabled: true }),
      "HttpApiDeployment at 'stack/deploy': property 'throttlingBurstLimit' is undefined; expected a limit given with 'detailedMetricsEnabled': a route settings block for every route of the stage "],
    ['HTTP: the rate limit alone', () => http({ throttlingRateLimit: 100 }),
      "HttpApiDeployment at 'stack/deploy': property 'throttlingBurstLimit' is undefined; expected a limit given with 'throttlingRateLimit'"],
    ['HTTP: the burst limit alone', () => http({ throttlingBurstLimit: 100 }),
      "HttpApiDeployment at 'stack/deploy': property 'throttlingRateLimit' is undefined; expected a limit given with 'throttlingBurstLimit'"],
    ['HTTP: one route option', () => http({ routeOptions: { 'GET /pets': { detailedMetricsEnabled: true } } }),
      "HttpApiDeployment at 'stack/deploy': property 'routeOptions.GET /pets.throttlingBurstLimit' is undefined; expected a limit given with 'detailedMetricsEnabled': a route settings block for the route GET /pets "],
    ['HTTP: an added stage', () => http({}, { detailedMetricsEnabled: true }),
      "HttpApiDeployment at 'stack/deploy': property 'addStage(beta).throttlingBurstLimit' is undefined"],
    ['WebSocket: loggingLevel alone', () => webSocket({ loggingLevel: MethodLoggingLevel.ERROR }),
      "WebSocketApiDeployment at 'stack/deploy': property 'throttlingBurstLimit' is undefined; expected a limit given with 'loggingLevel'"],
    ['WebSocket: dataTraceEnabled on one route', () => webSocket({ routeOptions: { $connect: { dataTraceEnabled: false } } }),
      "WebSocketApiDeployment at 'stack/deploy': property 'routeOptions.$connect.throttlingBurstLimit' is undefined; expected a limit given with 'dataTraceEnabled'"],
    ['WebSocket: the rate limit alone on one route', () => webSocket({ routeOptions: { $connect: { throttlingRateLimit: 5 } } }),
      "WebSocketApiDeployment at 'stack/deploy': property 'routeOptions.$connect.throttlingBurstLimit' is undefined"],
  ])('%s', (_case, synth, message) => {
    expect(synth).toThrow(message);
    expect(synth).toThrow(EXPLANATION);
  });
});

describe('route settings the library writes always carry both limits', () => {
  test('both limits with metrics: the block has both', () => {
    const json = http({ throttlingBurstLimit: 5000, throttlingRateLimit: 10000, detailedMetricsEnabled: true });
    const stage = onlyResource(json, 'aws_apigatewayv2_stage');

    expect(stage.default_route_settings).toEqual({ throttling_burst_limit: 5000, throttling_rate_limit: 10000, detailed_metrics_enabled: true });
  });

  test("a route keeps the stage's limits it does not name", () => {
    const stage = onlyResource(webSocket({
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50,
      routeOptions: { $connect: { loggingLevel: MethodLoggingLevel.ERROR, throttlingRateLimit: 5 } },
    }), 'aws_apigatewayv2_stage');

    expect(stage.route_settings).toEqual([{ route_key: '$connect', throttling_burst_limit: 100, throttling_rate_limit: 5, logging_level: 'ERROR' }]);
  });

  test('0 given on purpose is written (a route blocked by its author)', () => {
    const stage = onlyResource(http({
      throttlingBurstLimit: 5000, throttlingRateLimit: 10000, routeOptions: { 'GET /pets': { throttlingBurstLimit: 0, throttlingRateLimit: 0 } },
    }), 'aws_apigatewayv2_stage');

    expect(stage.route_settings).toEqual([{ route_key: 'GET /pets', throttling_burst_limit: 0, throttling_rate_limit: 0 }]);
  });

  test('limits from variables are taken as given', () => {
    const json = synthesize((stack) => {
      const burst = new TerraformVariable(stack, 'burst', { type: 'number' });
      const rate = new TerraformVariable(stack, 'rate', { type: 'number' });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, throttlingBurstLimit: burst.numberValue, throttlingRateLimit: rate.numberValue });
    });

    expect(onlyResource(json, 'aws_apigatewayv2_stage').default_route_settings).toEqual({ throttling_burst_limit: '${var.burst}', throttling_rate_limit: '${var.rate}' });
  });

  test('no route setting at all: no block, and the account limits apply', () => {
    const json = http({ stageDescription: 'plain' }, {});

    for (const stage of Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_stage'))) {
      expect(stage.default_route_settings).toBeUndefined();
      expect(stage.route_settings).toBeUndefined();
    }
  });
});
