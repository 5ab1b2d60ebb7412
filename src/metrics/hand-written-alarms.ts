import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { kindsPublishing, METRIC_NAMESPACE, MetricApiKind, metricOfKind, METRICS } from './metric-catalog';
import { attributeOf } from './metric-dimensions';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';

/** The alarms the library makes (judged when made, so not again here). */
const MADE = new WeakSet<IConstruct>();

/** Marks an alarm the library made. */
export function markLibraryAlarm(alarm: IConstruct): void {
  MADE.add(alarm);
}

const CHECKED = Symbol('hand-written alarms checked by');

/**
 * Adds to a library stage the check of the app's `aws_cloudwatch_metric_alarm`s written by hand (once
 * per app: the first stage validated reports them). An alarm (or a metric query of one) in
 * `AWS/ApiGateway` whose `ApiId` or `ApiName` reads an API of the app fails when it could never fire:
 * a REST API named by its id (`ApiId`) or by another attribute than its name, an HTTP or WebSocket API
 * named by anything but its id (`ApiName`, its name), or a metric name its kind does not publish.
 */
export function checkHandWrittenAlarms(owner: IConstruct, stage: IConstruct): void {
  addValidationWhenCommitted(owner, {
    validate: () => {
      const index = AppIndex.of(stage);
      if (index.appMemo(CHECKED, () => stage) !== stage) {
        return [];
      }
      return index.resourcesOfType('aws_cloudwatch_metric_alarm').filter((alarm) => !MADE.has(alarm)).flatMap((alarm) => alarmErrors(alarm));
    },
  });
}

/** A metric of an alarm as written: where errors name it, and its namespace, name and dimensions. */
interface WrittenMetric {
  readonly prefix: string;
  readonly namespace: unknown;
  readonly metricName: unknown;
  readonly dimensions: unknown;
}

/** The errors of one alarm written by hand: its own metric and each of its metric queries'. */
function alarmErrors(alarm: TerraformResource): string[] {
  const queries = configuredArgument(alarm, 'metric_query');
  const metrics: WrittenMetric[] = [
    { prefix: '', namespace: configuredArgument(alarm, 'namespace'), metricName: configuredArgument(alarm, 'metric_name'), dimensions: configuredArgument(alarm, 'dimensions') },
    ...(Array.isArray(queries) ? queries : []).flatMap((query: any, position: number) => {
      const metric = query?.metric;
      return metric === undefined || metric === null || typeof metric !== 'object' ? [] : [{
        prefix: `metricQuery[${position}].metric.`,
        namespace: metric.namespace,
        metricName: metric.metricName ?? metric.metric_name,
        dimensions: metric.dimensions,
      }];
    }),
  ];
  return metrics.flatMap((metric) => {
    const error = metricError(alarm, metric);
    return error === undefined ? [] : [error.message];
  });
}

/** The error of a metric that names an API of the app with another kind's dimension or metric name; undefined when it may be right. */
function metricError(alarm: TerraformResource, metric: WrittenMetric): Error | undefined {
  const { prefix, namespace, metricName, dimensions } = metric;
  if (namespace !== METRIC_NAMESPACE || dimensions === null || typeof dimensions !== 'object' || Token.isUnresolved(dimensions)) {
    return undefined;
  }
  for (const dimension of ['ApiId', 'ApiName']) {
    const value = (dimensions as Record<string, unknown>)[dimension];
    const read = attributeOf(value);
    const kind = read === undefined ? undefined : apiKindOf(alarm, read.type, read.stack, read.name);
    if (read === undefined || kind === undefined) {
      continue;
    }
    const wanted = kind === 'REST' ? { dimension: 'ApiName', attribute: 'name' } : { dimension: 'ApiId', attribute: 'id' };
    if (dimension !== wanted.dimension || read.attribute !== wanted.attribute) {
      return invalidProperty(alarm, `${prefix}dimensions.${dimension}`, value, `the ${kind} API's ${wanted.attribute} as ${wanted.dimension}: `
        + `${kind === 'REST' ? "a REST API's metrics name the API by its name (ApiName), not its id" : `${kind} APIs' metrics name the API by its id (ApiId)`}, `
        + 'and CloudWatch takes an alarm on dimensions nobody publishes, which sits in INSUFFICIENT_DATA and never fires (the stage\'s metric...() methods '
        + 'give the right ones)');
    }
    if (typeof metricName === 'string' && !Token.isUnresolved(metricName) && metricOfKind(kind, metricName) === undefined) {
      const elsewhere = kindsPublishing(metricName, kind);
      return invalidProperty(alarm, `${prefix}metricName`, metricName, `a metric ${kind} stages publish: one of ${METRICS[kind].map((known) => `'${known.name}'`).join(', ')}`
        + `${elsewhere.length > 0 ? ` ('${metricName}' is what ${elsewhere.join(' and ')} APIs publish)` : ''}: an alarm on a metric nobody publishes never fires`);
    }
  }
  return undefined;
}

/** The kind of the API resource (or data source) of the app that `type.name` in `stack` is, when it is one. */
function apiKindOf(scope: IConstruct, type: string, stack: TerraformStack, name: string): MetricApiKind | undefined {
  if (type === 'aws_api_gateway_rest_api' || type === 'data.aws_api_gateway_rest_api') {
    return 'REST';
  }
  if (type !== 'aws_apigatewayv2_api') {
    return undefined;
  }
  const api = AppIndex.of(scope).resourceNamed(type, stack, name);
  const protocol = api === undefined ? undefined : configuredArgument(api, 'protocol_type');
  return protocol === 'HTTP' ? 'HTTP' : protocol === 'WEBSOCKET' ? 'WebSocket' : undefined;
}
