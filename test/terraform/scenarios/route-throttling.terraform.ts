/**
 * No HTTP or WebSocket stage or route the library writes serves at a throttling limit of 0
 * unless its author asked for 0. The AWS provider sends 0 for each limit a route settings block
 * leaves unset (terraform-provider-aws #14742), and AWS then answers every request with 429: the
 * emulator records what the provider sends (GetStage after apply shows it), so the hand-written
 * block below shows the 0s, and the construct's stages show none. The strict emulator also refuses,
 * as AWS does, route settings for a route the API does not have.
 */
import { GetStageCommand, GetStageCommandOutput } from '@aws-sdk/client-apigatewayv2';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage, Apigatewayv2StageConfig } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HttpApiDeployment, MethodLoggingLevel, WebSocketApiDeployment } from '../../../src';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const STACK = 'throttling';

/** An API of `protocol` with the routes `routeKeys` (HTTP proxy or MOCK integrations). */
function apiWithRoutes(stack: TerraformStack, id: string, protocol: 'HTTP' | 'WEBSOCKET', routeKeys: string[]): { api: Apigatewayv2Api; routes: Apigatewayv2Route[] } {
  const api = new Apigatewayv2Api(stack, id, {
    name: id, protocolType: protocol, routeSelectionExpression: protocol === 'WEBSOCKET' ? '$request.body.action' : undefined,
  });
  const integration = protocol === 'HTTP'
    ? new Apigatewayv2Integration(stack, `${id}_integration`, { apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://example.com' })
    : new Apigatewayv2Integration(stack, `${id}_integration`, { apiId: api.id, integrationType: 'MOCK' });
  const routes = routeKeys.map((routeKey, index) =>
    new Apigatewayv2Route(stack, `${id}_route_${index}`, { apiId: api.id, routeKey, target: `integrations/${integration.id}` }));
  return { api, routes };
}

/** The app: the constructs' stages with every kind of route setting they accept, and an optional hand-written stage. */
function app(handWritten?: Partial<Apigatewayv2StageConfig>): (outdir: string) => App {
  return (outdir) => {
    const root = new App({ outdir });
    const stack = new TerraformStack(root, STACK);
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });

    const http = new HttpApiDeployment(stack, 'http', {
      httpApi: apiWithRoutes(stack, 'http_api', 'HTTP', ['GET /pets', 'POST /pets']).api,
      stageName: 'limited',
      throttlingBurstLimit: 5000,
      throttlingRateLimit: 10000,
      detailedMetricsEnabled: true,
      routeOptions: {
        'GET /pets': { throttlingRateLimit: 50 }, // keeps the stage's burst limit
        'POST /pets': { throttlingBurstLimit: 0, throttlingRateLimit: 0 }, // blocked on purpose
      },
    });
    http.addStage('plain'); // no route settings: no block, the account's limits

    new WebSocketApiDeployment(stack, 'websocket', {
      webSocketApi: apiWithRoutes(stack, 'ws_api', 'WEBSOCKET', ['$connect', '$default']).api,
      cloudWatchRole: false,
      loggingLevel: MethodLoggingLevel.ERROR,
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50,
      routeOptions: { $connect: { dataTraceEnabled: false } },
    });

    if (handWritten) {
      const { api, routes } = apiWithRoutes(stack, 'hand_api', 'HTTP', ['GET /pets']);
      const deployment = new Apigatewayv2Deployment(stack, 'hand_deployment', { apiId: api.id, dependsOn: routes });
      new Apigatewayv2Stage(stack, 'hand_stage', { apiId: api.id, name: 'hand', deploymentId: deployment.id, ...handWritten });
    }
    return root;
  };
}

let workdir: TerraformWorkdir;

async function stageOf(apiAddress: string, stageName: string): Promise<GetStageCommandOutput> {
  const apiId = workdir.state()[apiAddress].id;
  return emulator().apiGatewayV2().send(new GetStageCommand({ ApiId: apiId, StageName: stageName }));
}

/** Every route setting of a stage that serves at a limit of 0, as `<route key>: <limit>`. */
function zeroLimits(stage: GetStageCommandOutput): string[] {
  const settings = { '(default)': stage.DefaultRouteSettings ?? {}, ...(stage.RouteSettings ?? {}) };
  return Object.entries(settings).flatMap(([routeKey, limits]) => [
    ...(limits.ThrottlingBurstLimit === 0 ? [`${routeKey}: burst 0`] : []),
    ...(limits.ThrottlingRateLimit === 0 ? [`${routeKey}: rate 0`] : []),
  ]);
}

test('a hand-written route settings block without limits is sent, and served, with 0 for both', async () => {
  workdir = new TerraformWorkdir('route-throttling', emulator());
  workdir.load(synthesizeStack(app({ defaultRouteSettings: { detailedMetricsEnabled: true } }), STACK)).init();
  workdir.plan();
  workdir.apply();

  expect(zeroLimits(await stageOf('aws_apigatewayv2_api.hand_api', 'hand'))).toEqual(['(default): burst 0', '(default): rate 0']);
});

test("the constructs' stages serve at 0 only where the author asked for 0", async () => {
  const limited = await stageOf('aws_apigatewayv2_api.http_api', 'limited');
  expect(limited.DefaultRouteSettings).toMatchObject({ ThrottlingBurstLimit: 5000, ThrottlingRateLimit: 10000, DetailedMetricsEnabled: true });
  expect(limited.RouteSettings?.['GET /pets']).toMatchObject({ ThrottlingBurstLimit: 5000, ThrottlingRateLimit: 50 });
  expect(zeroLimits(limited)).toEqual(['POST /pets: burst 0', 'POST /pets: rate 0']);

  const plain = await stageOf('aws_apigatewayv2_api.http_api', 'plain');
  expect(zeroLimits(plain)).toEqual([]);
  expect(plain.RouteSettings ?? {}).toEqual({});

  const websocket = await stageOf('aws_apigatewayv2_api.ws_api', 'prod');
  expect(websocket.DefaultRouteSettings).toMatchObject({ ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50, LoggingLevel: 'ERROR' });
  expect(websocket.RouteSettings?.$connect).toMatchObject({ ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50, DataTraceEnabled: false });
  expect(zeroLimits(websocket)).toEqual([]);
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test('route settings for a route the API does not have: AWS refuses them (the constructs refuse them at synth)', () => {
  workdir.load(synthesizeStack(app({
    defaultRouteSettings: { detailedMetricsEnabled: true },
    routeSettings: [{ routeKey: 'GET /cats', throttlingBurstLimit: 1, throttlingRateLimit: 1 }],
  }), STACK));
  workdir.plan();

  expect(workdir.applyFailing()).toContain('Unable to find Route by key GET /cats within the provided RouteSettings');
  workdir.load(synthesizeStack(app(), STACK));
  workdir.destroy();
});
