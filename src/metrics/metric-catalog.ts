/**
 * What each kind of API publishes to CloudWatch (namespace `AWS/ApiGateway`), as AWS's pages list it:
 * - REST: "Amazon API Gateway dimensions and metrics",
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
 * - HTTP: "Monitor CloudWatch metrics for HTTP APIs in API Gateway",
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
 * - WebSocket: "Monitor WebSocket API execution with CloudWatch metrics",
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
 */
export const METRIC_NAMESPACE = 'AWS/ApiGateway';

/** The kinds of API, as the stages name them. */
export type MetricApiKind = 'REST' | 'HTTP' | 'WebSocket';

/** How a metric's values are read. */
export interface MetricDefinition {
  /** The metric's name, as the kind publishes it. */
  readonly name: string;
  /** A count (one data point per request or message; a percentile of it says nothing) or a duration in milliseconds, or bytes. */
  readonly unit: 'Count' | 'Milliseconds' | 'Bytes';
  /** The statistic a metric helper gives by default. */
  readonly defaultStatistic: string;
  /**
   * Each data point is 0 or 1 (AWS: "The Average statistic represents the error rate"), so the Average,
   * Minimum and Maximum lie between 0 and 1.
   */
  readonly zeroOrOne?: boolean;
  /** What AWS's page says it counts or measures (for the doc comments and errors). */
  readonly means: string;
}

const count = (name: string, means: string, zeroOrOne = false): MetricDefinition => ({ name, unit: 'Count', defaultStatistic: 'Sum', zeroOrOne, means });
const latency = (name: string, means: string): MetricDefinition => ({ name, unit: 'Milliseconds', defaultStatistic: 'Average', means });

/** The metrics of each kind, by name. */
export const METRICS: Readonly<Record<MetricApiKind, readonly MetricDefinition[]>> = {
  REST: [
    count('4XXError', 'client-side errors (4XX responses)', true),
    count('5XXError', 'server-side errors (5XX responses)', true),
    count('Count', 'requests'),
    latency('Latency', 'the time from the request to the response, in milliseconds'),
    latency('IntegrationLatency', 'the time from relaying the request to the backend to its response, in milliseconds'),
    count('CacheHitCount', 'requests served from the stage cache', true),
    count('CacheMissCount', 'requests served from the backend while the stage cache is on', true),
  ],
  HTTP: [
    count('4xx', 'client-side errors (4xx responses)', true),
    count('5xx', 'server-side errors (5xx responses)', true),
    count('Count', 'requests'),
    latency('Latency', 'the time from the request to the response, in milliseconds'),
    latency('IntegrationLatency', 'the time from relaying the request to the backend to its response, in milliseconds'),
    { name: 'DataProcessed', unit: 'Bytes', defaultStatistic: 'Sum', means: 'the data processed, in bytes' },
  ],
  WebSocket: [
    count('ConnectCount', 'messages sent to the $connect route integration'),
    count('MessageCount', 'messages sent to the WebSocket API, from or to the client'),
    count('IntegrationError', 'requests the integration answered with a 4XX/5XX response'),
    count('ClientError', 'requests API Gateway answered with 4XX before the integration was called'),
    count('ExecutionError', 'errors that occurred when calling the integration'),
    latency('IntegrationLatency', 'the time from sending the request to the integration to its response, in milliseconds'),
  ],
};

/** The metric of `kind` named `name`, if the kind publishes one. */
export function metricOfKind(kind: MetricApiKind, name: string): MetricDefinition | undefined {
  return METRICS[kind].find((metric) => metric.name === name);
}

/** The kinds other than `kind` that publish a metric named `name` (for the error on a metric of another kind). */
export function kindsPublishing(name: string, except: MetricApiKind): MetricApiKind[] {
  return (Object.keys(METRICS) as MetricApiKind[]).filter((kind) => kind !== except && metricOfKind(kind, name) !== undefined);
}

/** The statistics an alarm's `statistic` takes; the others (percentiles) are its `extended_statistic`. */
export const SIMPLE_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

/**
 * An extended statistic CloudWatch alarms take (PutMetricAlarm's `ExtendedStatistic`): a percentile
 * `p99`, `p99.9`; a trimmed mean, winsorized mean, trimmed count or trimmed sum of a percentage (`tm90`)
 * or a range (`TM(10%:90%)`, `TM(:95%)`, `TC(0.005:0.030)`); the interquartile mean `IQM`; a percentile
 * rank `PR(:300)`.
 */
export const EXTENDED_STATISTIC = new RegExp('^(?:IQM|(?:p|tm|wm|tc|ts)(?:100|[1-9]?\\d)(?:\\.\\d+)?'
  + '|(?:TM|WM|TC|TS|PR)\\((?:\\d+(?:\\.\\d+)?%?)?:(?:\\d+(?:\\.\\d+)?%?)?\\))$');

/** The statistics, for errors. */
export const STATISTICS_EXPECTED = `one of ${SIMPLE_STATISTICS.join(', ')}, or an extended statistic such as 'p99' or 'p99.9' (also tm90, TM(10%:90%), `
  + 'IQM, PR(:300))';
