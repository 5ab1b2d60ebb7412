import { StageMetric } from './stage-metric';

/** What every alarm of a stage takes besides what it watches: how long it must breach, what it says, whom it tells. */
export interface StageAlarmBaseOptions {
  /**
   * The number of periods the alarm looks at.
   * @default 1
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of those periods must breach for the alarm to fire (M out of N).
   * @default - all of `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;

  /**
   * How periods without data count: `notBreaching`, `breaching`, `ignore` or `missing`. API Gateway
   * publishes nothing for a minute without requests, so the default counts quiet minutes as healthy
   * (with CloudWatch's own default, `missing`, a quiet API sits in INSUFFICIENT_DATA).
   * @default 'notBreaching'
   */
  readonly treatMissingData?: string;

  /**
   * The alarm's name, unique in its account and region (up to 255 characters).
   * @default - the stack's name and the alarm's construct path, joined with '-'
   */
  readonly alarmName?: string;

  /**
   * The alarm's description.
   * @default - the stage, the metric and the condition
   */
  readonly alarmDescription?: string;

  /**
   * The ARNs to notify when the alarm fires (an SNS topic, ...).
   * @default - none
   */
  readonly alarmActions?: string[];

  /**
   * The ARNs to notify when the alarm returns to OK.
   * @default - none
   */
  readonly okActions?: string[];

  /**
   * The ARNs to notify when the alarm has too little data.
   * @default - none
   */
  readonly insufficientDataActions?: string[];
}

/** An alarm on one of a stage's metrics. */
export interface StageAlarmOptions extends StageAlarmBaseOptions {
  /** The metric: one of the stage's (`metricServerError()`, `metric('Count', {...})`, ...). */
  readonly metric: StageMetric;

  /** The value the statistic is compared with. */
  readonly threshold: number;

  /**
   * How the statistic is compared with the threshold: `GreaterThanOrEqualToThreshold`,
   * `GreaterThanThreshold`, `LessThanThreshold` or `LessThanOrEqualToThreshold`.
   * @default 'GreaterThanOrEqualToThreshold'
   */
  readonly comparisonOperator?: string;
}

/**
 * An alarm on the share of a REST or HTTP stage's requests that failed, in percent.
 *
 * It is metric math, `100 * errors / requests` over each period (0 in a period without requests).
 */
export interface ErrorRateAlarmOptions extends StageAlarmBaseOptions {
  /** The error rate, in percent (0 to 100), at or above which the alarm fires. */
  readonly thresholdPercent: number;

  /**
   * Whether to watch client errors (4XX) instead of server errors (5XX).
   * @default false
   */
  readonly clientErrors?: boolean;

  /**
   * The period, in seconds: a multiple of 60.
   * @default 300
   */
  readonly period?: number;

  /**
   * REST APIs: the API's name, as `StageMetricOptions.restApiName`.
   * @default - the name of the API resource the construct was given, or its `restApiId` names
   */
  readonly restApiName?: string;
}

/**
 * A stage's default alarms, each with a threshold of its own. REST and HTTP stages: the 5XX error
 * rate (at or above `serverErrorRatePercent` in 3 of 5 one-minute periods) and the p99 latency (at or
 * above `latencyP99Milliseconds` in 3 consecutive five-minute periods). WebSocket stages: integration
 * errors (at least `integrationErrors` in a five-minute period).
 */
export interface DefaultAlarmsOptions {
  /**
   * The ARNs to notify when an alarm fires.
   * @default - none
   */
  readonly alarmActions?: string[];

  /**
   * The ARNs to notify when an alarm returns to OK.
   * @default - none
   */
  readonly okActions?: string[];

  /**
   * REST and HTTP stages: the server error rate, in percent, at or above which its alarm fires.
   * @default 5
   */
  readonly serverErrorRatePercent?: number;

  /**
   * REST and HTTP stages: the p99 latency, in milliseconds, at or above which its alarm fires.
   * @default 3000
   */
  readonly latencyP99Milliseconds?: number;

  /**
   * WebSocket stages: the number of integration errors in five minutes at or above which its alarm fires.
   * @default 5
   */
  readonly integrationErrors?: number;

  /**
   * REST APIs: the API's name, as `StageMetricOptions.restApiName`.
   * @default - the name of the API resource the construct was given, or its `restApiId` names
   */
  readonly restApiName?: string;
}
