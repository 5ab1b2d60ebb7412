import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { kindsPublishing, METRIC_NAMESPACE, MetricApiKind, metricOfKind, METRICS } from './metric-catalog';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { attributeOf, expressionIn } from '../core/resolve';

const CHECKED = Symbol('hand-written alarms checked by');

/**
 * Adds to a library stage the check of the app's `aws_cloudwatch_metric_alarm`s, written by hand or changed by an override (once
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
      // The library's own alarms too: an override may have changed what they were made with.
      return index.resourcesOfType('aws_cloudwatch_metric_alarm').flatMap((alarm) => alarmErrors(alarm));
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
    const api = read === undefined ? undefined : apiOf(alarm, read.type, read.stack, read.name);
    if (read === undefined || api === undefined) {
      continue;
    }
    // Shown as written in the API's stack (in another stack cdktf reads it through a remote state).
    const shown = `${expressionIn(read.stack, value as string)}${read.stack !== TerraformStack.of(alarm) ? ` (of the stack '${read.stack.node.path}')` : ''}`;
    const what = api.kind ?? 'HTTP or WebSocket';
    const wanted = api.family === 'REST' ? { dimension: 'ApiName', attribute: 'name' } : { dimension: 'ApiId', attribute: 'id' };
    if (dimension !== wanted.dimension || read.attribute !== wanted.attribute) {
      return invalidProperty(alarm, `${prefix}dimensions.${dimension}`, shown, `the ${what} API's ${wanted.attribute} as ${wanted.dimension}: `
        + `${api.family === 'REST' ? "a REST API's metrics name the API by its name (ApiName), not its id" : `${what} APIs' metrics name the API by its id (ApiId)`}, `
        + 'and CloudWatch takes an alarm on dimensions nobody publishes, which sits in INSUFFICIENT_DATA and never fires (the stage\'s metric...() methods '
        + 'give the right ones)');
    }
    if (api.kind !== undefined && typeof metricName === 'string' && !Token.isUnresolved(metricName) && metricOfKind(api.kind, metricName) === undefined) {
      const elsewhere = kindsPublishing(metricName, api.kind);
      return invalidProperty(alarm, `${prefix}metricName`, metricName, `a metric ${api.kind} stages publish: one of ${METRICS[api.kind].map((known) => `'${known.name}'`).join(', ')}`
        + `${elsewhere.length > 0 ? ` ('${metricName}' is what ${elsewhere.join(' and ')} APIs publish)` : ''}: an alarm on a metric nobody publishes never fires`);
    }
  }
  return undefined;
}

/**
 * The API of the app (a resource or data source) that `type.name` in `stack` is, when it is one: its
 * family, and its kind where known (a v2 API's protocol is unknown for a data source or a variable).
 */
function apiOf(scope: IConstruct, type: string, stack: TerraformStack, name: string): { family: 'REST' | 'V2'; kind?: MetricApiKind } | undefined {
  if (type === 'aws_api_gateway_rest_api' || type === 'data.aws_api_gateway_rest_api') {
    return { family: 'REST', kind: 'REST' };
  }
  if (type === 'data.aws_apigatewayv2_api') {
    return { family: 'V2' };
  }
  if (type !== 'aws_apigatewayv2_api') {
    return undefined;
  }
  const api = AppIndex.of(scope).resourceNamed(type, stack, name);
  const protocol = api === undefined ? undefined : configuredArgument(api, 'protocol_type');
  return { family: 'V2', kind: protocol === 'HTTP' ? 'HTTP' : protocol === 'WEBSOCKET' ? 'WebSocket' : undefined };
}
