/**
 * A CloudWatch metric a stage publishes: the namespace, metric name, dimensions, period and
 * statistic of an `aws_cloudwatch_metric_alarm`, under the names its config takes. In TypeScript it
 * plugs into one as it is: `new CloudwatchMetricAlarm(this, 'Errors', { ...stage.metricServerError(),
 * alarmName, comparisonOperator, threshold, evaluationPeriods })`; in a metric query (`metricQuery`
 * of an alarm) its fields go to `metric` and `statistic ?? extendedStatistic` to its `stat`. A stage's
 * `addAlarm` takes one and checks that it is one the stage publishes.
 */
export interface StageMetric {
  /** The namespace: `AWS/ApiGateway`. */
  readonly namespace: string;

  /** The metric's name: `5XXError` (REST), `5xx` (HTTP), `IntegrationError` (WebSocket), ... */
  readonly metricName: string;

  /**
   * The dimensions, as the stage's kind publishes the metric.
   *
   * `ApiName` (a REST API's name, not its id) or `ApiId` (HTTP, WebSocket), and `Stage`; for one REST
   * method or HTTP route `Method` and `Resource` too (`GET`, `/pets/{id}`).
   */
  readonly dimensions: { [name: string]: string };

  /** The period over which the statistic is applied, in seconds. */
  readonly period: number;

  /**
   * The statistic: `SampleCount`, `Average`, `Sum`, `Minimum` or `Maximum`.
   * @default - none, when `extendedStatistic` is set
   */
  readonly statistic?: string;

  /**
   * A percentile (`p99`) or another extended statistic.
   * @default - none, when `statistic` is set
   */
  readonly extendedStatistic?: string;
}

/** Which of a stage's metrics, and how it is aggregated. */
export interface StageMetricOptions {
  /**
   * The statistic: `Sum`, `Average`, `Minimum`, `Maximum`, `SampleCount`, or for a latency a
   * percentile (`p99`, `p99.9`) or another extended statistic (`tm90`). A percentile of a count
   * (errors, requests) is refused: each request counts 0 or 1, so it says nothing.
   * @default - `Sum` for counts and bytes, `Average` for latencies
   */
  readonly statistic?: string;

  /**
   * The period, in seconds: a multiple of 60 (API Gateway publishes one-minute data points).
   * @default 300
   */
  readonly period?: number;

  /**
   * REST APIs: the metric of one method, by its method path as `methodOptions` keys it: `/pets/GET`,
   * `/pets/{id}/DELETE`, `/GET` for the root resource. API Gateway publishes it only where detailed
   * metrics are on for the method (`metricsEnabled`), and the API must serve the method.
   * @default - the whole stage's metric
   */
  readonly method?: string;

  /**
   * HTTP APIs: the metric of one route, by its route key (`GET /pets`).
   *
   * API Gateway publishes it under
   * the route's method and path (the dimensions `Method` and `Resource`; AWS's "Monitor CloudWatch
   * metrics for HTTP APIs", and a published series in yet-another-cloudwatch-exporter#1031), only where
   * detailed metrics are on for the route (`detailedMetricsEnabled`); the API must serve the route.
   * `$default` and `ANY` routes, and WebSocket routes, are refused: what AWS publishes for them is
   * documented nowhere, and an alarm on a guess may never fire.
   * @default - the whole stage's metric
   */
  readonly route?: string;

  /**
   * REST APIs: the metric of the canary's requests, while the deployment construct runs a canary on
   * the stage (AWS: the canary "has its own logs and metrics"). Its `Stage` dimension is
   * `<stage>/Canary`, the suffix AWS documents for the canary's log groups; AWS does not document the
   * metric's, so an alarm on it gets a warning at synth to check it in CloudWatch once the canary runs.
   * @default false
   */
  readonly canary?: boolean;

  /**
   * REST APIs: the API's name (the `ApiName` dimension), when the construct was given an id that
   * does not lead to the `aws_api_gateway_rest_api` of the app (a module's output, a variable).
   * @default - the name of the API resource the construct was given, or its `restApiId` names
   */
  readonly restApiName?: string;
}
