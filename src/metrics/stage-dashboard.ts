import type { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Fn, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { STAGE_DASHBOARD_OPTIONS } from './metric-shapes';
import { hasCanary } from './metric-source';
import { clientErrorName, nameFromPath, serverErrorName } from './stage-alarms';
import { StageMetric } from './stage-metric';
import { metricContextOf, stageMetric } from './stage-metrics';
import { invalidProperty } from '../core/errors';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct } from '../core/struct-check';

/** A dashboard of a deployment construct's main stage. */
export interface StageDashboardOptions {
  /**
   * The dashboard's name: up to 255 letters, digits, `-` and `_`, unique in its account.
   * @default - the stack's name and the construct's path, joined with '-'
   */
  readonly dashboardName?: string;

  /**
   * The period of its graphs, in seconds: a multiple of 60.
   * @default 300
   */
  readonly period?: number;

  /**
   * REST APIs: the API's name, as `StageMetricOptions.restApiName`.
   * @default - the name of the API resource the construct was given, or its `restApiId` names
   */
  readonly restApiName?: string;
}

/** A graph of the dashboard: its title and its lines (a metric, its label). */
interface Graph {
  readonly title: string;
  readonly lines: ReadonlyArray<readonly [StageMetric, string]>;
}

/**
 * Makes an `aws_cloudwatch_dashboard` of a stage (in `scope`, as `Dashboard`): its traffic, errors and
 * latency (REST, HTTP), or its connections, messages, errors and integration latency (WebSocket); a
 * canary's lines beside the stage's while it runs. Each line is one of the stage's metrics.
 */
export function addStageDashboard(scope: IConstruct, stage: IConstruct, options: StageDashboardOptions | undefined): CloudwatchDashboard {
  const context = metricContextOf(stage);
  const { owner, source } = context;
  const call = 'addDashboard';
  checkStruct(owner, `${call}.`, options, STAGE_DASHBOARD_OPTIONS);
  if (scope.node.tryFindChild('Dashboard') !== undefined) {
    throw invalidProperty(owner, call, options, 'one dashboard per construct (it has one already: keep the CloudwatchDashboard the first call returned)');
  }
  const given = options ?? {};
  const name = given.dashboardName ?? defaultDashboardName(scope);
  if (!Token.isUnresolved(name) && !/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw invalidProperty(owner, `${call}.dashboardName`, name, "a name of 1 to 255 letters, digits, '-' and '_' (what CloudWatch takes)");
  }
  const canaries = hasCanary(stage) ? [false, true] : [false];
  const metric = (metricName: string, statistic: string, canary: boolean) =>
    stageMetric(stage, metricName, { statistic, period: given.period, restApiName: given.restApiName, canary: canary || undefined }, call);
  const lines = (names: ReadonlyArray<readonly [string, string, string]>) => canaries.flatMap((canary) =>
    names.map(([metricName, statistic, label]) => [metric(metricName, statistic, canary), canary ? `${label} (canary)` : label] as const));
  const graphs: Graph[] = source.kind === 'WebSocket'
    ? [
      { title: 'Connections and messages', lines: lines([['ConnectCount', 'Sum', 'connections'], ['MessageCount', 'Sum', 'messages']]) },
      { title: 'Errors', lines: lines([['ClientError', 'Sum', 'client errors'], ['IntegrationError', 'Sum', 'integration errors'], ['ExecutionError', 'Sum', 'execution errors']]) },
      { title: 'Integration latency (ms)', lines: lines([['IntegrationLatency', 'p50', 'p50'], ['IntegrationLatency', 'p99', 'p99']]) },
    ]
    : [
      { title: 'Requests', lines: lines([['Count', 'Sum', 'requests']]) },
      { title: 'Errors', lines: lines([[clientErrorName(source.kind), 'Sum', '4xx'], [serverErrorName(source.kind), 'Sum', '5xx']]) },
      { title: 'Latency (ms)', lines: lines([['Latency', 'p50', 'p50'], ['Latency', 'p99', 'p99'], ['IntegrationLatency', 'p99', 'integration p99']]) },
    ];
  // The stage's region is in its ARN (arn:aws:apigateway:<region>::/...), known whichever provider or region placed it.
  const region = Fn.element(Fn.split(':', source.stageResource.arn), 3);
  const widgets = graphs.map((graph, index) => ({
    type: 'metric',
    x: (index % 2) * 12,
    y: Math.floor(index / 2) * 6,
    width: 12,
    height: 6,
    properties: {
      title: graph.title,
      region,
      view: 'timeSeries',
      stacked: false,
      metrics: graph.lines.map(([line, label]) => [
        line.namespace, line.metricName, ...Object.entries(line.dimensions).flat(),
        { stat: line.statistic ?? line.extendedStatistic, period: line.period, label },
      ]),
    },
  }));
  return new ProviderResources.CloudwatchDashboard(scope, 'Dashboard', {
    dashboardName: name,
    dashboardBody: Fn.jsonencode({ widgets }),
    provider: source.provider,
    region: source.region,
  });
}

/** `<stack>-<the construct's path in the stack>`, made of the characters CloudWatch takes; shortened with a digest past 255. */
function defaultDashboardName(scope: IConstruct): string {
  return nameFromPath(scope, [], /[^A-Za-z0-9_-]/g);
}
