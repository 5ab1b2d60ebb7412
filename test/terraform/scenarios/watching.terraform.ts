/**
 * Watching a stage of each kind under Terraform and the emulator: the alarms and dashboards the stages
 * make apply, CloudWatch holds them with each kind's names and dimensions (read back with
 * DescribeAlarms and GetDashboard, the values Terraform resolved: the REST API's name, the HTTP and
 * WebSocket APIs' ids, the stages' region), a changed threshold updates its alarm in place without
 * redeploying any API, and destroy removes them. moto keeps alarms and dashboards but never evaluates
 * an alarm, so their state is not asserted; what the library promises (that CloudWatch gets metrics
 * that exist) is checked against AWS's names at synth (test/metrics/).
 */
import { DescribeAlarmsCommand, GetDashboardCommand, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../../src';
import { petsApi } from '../../support/api';
import { chatWebSocketApi, petsHttpApi } from '../../support/v2-api';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const STACK = 'watching';

/** The app: a stage of each kind with its default alarms, one alarm of its own and a dashboard; `latencyMs` the REST p99 threshold. */
function app(latencyMs: number): (outdir: string) => App {
  return (outdir) => {
    const root = new App({ outdir });
    const stack = new TerraformStack(root, STACK);
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });

    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
    rest.addDefaultAlarms({ latencyP99Milliseconds: latencyMs });
    rest.addAlarm('PetsErrors', { metric: rest.deploymentStage.metricServerError({ method: '/pets/GET', period: 60 }), threshold: 1 });
    rest.addDashboard();

    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api, stageName: 'live' });
    http.addDefaultAlarms();
    http.addAlarm('ClientErrors', { metric: http.deploymentStage.metricClientError(), threshold: 100 });
    http.addDashboard();

    const ws: Apigatewayv2Api = chatWebSocketApi(stack).api;
    const webSocket = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: ws });
    webSocket.addDefaultAlarms();
    webSocket.addAlarm('NoConnections', {
      metric: webSocket.deploymentStage.metricConnectCount({ period: 3600 }), threshold: 1, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching',
    });
    webSocket.addDashboard();
    return root;
  };
}

let workdir: TerraformWorkdir;

/** Every alarm CloudWatch holds, by name. */
async function alarms(): Promise<Record<string, MetricAlarm>> {
  const found = await emulator().cloudWatch().send(new DescribeAlarmsCommand({}));
  return Object.fromEntries((found.MetricAlarms ?? []).map((alarm) => [alarm.AlarmName!, alarm]));
}

/** An alarm's metric as CloudWatch holds it: namespace, name, dimensions (sorted), statistic, period. */
function metricOf(alarm: MetricAlarm | undefined) {
  const dimensions = Object.fromEntries((alarm?.Dimensions ?? []).map(({ Name, Value }) => [Name!, Value!]));
  return [alarm?.Namespace, alarm?.MetricName, dimensions, alarm?.Statistic ?? alarm?.ExtendedStatistic, alarm?.Period];
}

test('the watched stages deploy: CloudWatch holds each kind\'s metrics by its names and dimensions', async () => {
  workdir = new TerraformWorkdir('watching', emulator());
  workdir.load(synthesizeStack(app(3000), STACK)).init();
  workdir.validate();
  workdir.plan();
  workdir.apply();

  const state = workdir.state();
  const httpId = state['aws_apigatewayv2_api.http_api'].id;
  const wsId = state['aws_apigatewayv2_api.ws_api'].id;
  const held = await alarms();
  expect(Object.keys(held).sort()).toEqual([
    'watching-http-Stage-ClientErrors', 'watching-http-Stage-LatencyP99', 'watching-http-Stage-ServerErrorRate',
    'watching-rest-Stage-LatencyP99', 'watching-rest-Stage-PetsErrors', 'watching-rest-Stage-ServerErrorRate',
    'watching-ws-Stage-IntegrationErrors', 'watching-ws-Stage-NoConnections',
  ]);
  expect(metricOf(held['watching-rest-Stage-PetsErrors'])).toEqual(['AWS/ApiGateway', '5XXError', { ApiName: 'pets', Stage: 'prod', Method: 'GET', Resource: '/pets' }, 'Sum', 60]);
  expect(metricOf(held['watching-rest-Stage-LatencyP99'])).toEqual(['AWS/ApiGateway', 'Latency', { ApiName: 'pets', Stage: 'prod' }, 'p99', 300]);
  expect(metricOf(held['watching-http-Stage-ClientErrors'])).toEqual(['AWS/ApiGateway', '4xx', { ApiId: httpId, Stage: 'live' }, 'Sum', 300]);
  expect(metricOf(held['watching-ws-Stage-IntegrationErrors'])).toEqual(['AWS/ApiGateway', 'IntegrationError', { ApiId: wsId, Stage: 'prod' }, 'Sum', 300]);
  expect(held['watching-ws-Stage-NoConnections']).toMatchObject({ ComparisonOperator: 'LessThanThreshold', Threshold: 1, TreatMissingData: 'breaching' });

  const rate = held['watching-http-Stage-ServerErrorRate'];
  expect(rate).toMatchObject({ Threshold: 5, EvaluationPeriods: 5, DatapointsToAlarm: 3 });
  // In the order the provider sent them (moto keeps another order).
  const queries = (rate.Metrics ?? []).slice().sort((a, b) => a.Id!.localeCompare(b.Id!));
  expect(queries.map((query) => [query.Id, query.Expression ?? query.MetricStat?.Metric?.MetricName, query.ReturnData])).toEqual([
    ['errors', '5xx', false], ['rate', 'IF(requests > 0, 100 * errors / requests, 0)', true], ['requests', 'Count', false],
  ]);
  expect(Object.fromEntries((queries[0].MetricStat?.Metric?.Dimensions ?? []).map(({ Name, Value }) => [Name, Value]))).toEqual({ ApiId: httpId, Stage: 'live' });

  const dashboard = await emulator().cloudWatch().send(new GetDashboardCommand({ DashboardName: 'watching-rest' }));
  const widgets = JSON.parse(dashboard.DashboardBody!).widgets;
  expect(widgets.map((widget: any) => [widget.properties.title, widget.properties.region])).toEqual([
    ['Requests', 'eu-west-2'], ['Errors', 'eu-west-2'], ['Latency (ms)', 'eu-west-2'],
  ]);
  expect(widgets[0].properties.metrics[0].slice(0, 6)).toEqual(['AWS/ApiGateway', 'Count', 'ApiName', 'pets', 'Stage', 'prod']);
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test('a threshold changes in place: the alarm is updated, no API is redeployed', async () => {
  const plan = workdir.load(synthesizeStack(app(1500), STACK)).plan();

  expect(plan.changedResources()).toEqual({ 'aws_cloudwatch_metric_alarm.rest_Stage_LatencyP99_EBC5ED27': ['update'] });
  workdir.apply();
  expect((await alarms())['watching-rest-Stage-LatencyP99'].Threshold).toBe(1500);
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test('destroy leaves no alarm', async () => {
  workdir.destroy();

  expect(await alarms()).toEqual({});
});
