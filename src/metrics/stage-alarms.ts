import type { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ErrorRateAlarmOptions, StageAlarmBaseOptions, StageAlarmOptions } from './alarm-options';
import { MetricDefinition } from './metric-catalog';
import { ERROR_RATE_ALARM_OPTIONS, STAGE_ALARM_OPTIONS } from './metric-shapes';
import { StageMetric } from './stage-metric';
import { judgeStageMetric, MetricContext, metricContextOf, stageMetric } from './stage-metrics';
import { describeValue, invalidProperty } from '../core/errors';
import { ProviderResources } from '../core/provider-resources';
import { expressionIn } from '../core/resolve';
import { refuseOtherKind } from '../core/scalar-tokens';
import { checkStruct } from '../core/struct-check';
import { sha256Hex } from '../triggers/canonical-json';

const OPERATORS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const MISSING_DATA = ['notBreaching', 'breaching', 'ignore', 'missing'];
const DEFAULT_MISSING_DATA = 'notBreaching';

/** The metrics of which a minute with requests (or messages, or connections) has at least one: only a quiet minute, with no data point, has fewer. */
const AT_LEAST_ONE_WITH_TRAFFIC = ['Count', 'ConnectCount', 'MessageCount'];

/** The highest value a statistic of a metric can take, where there is one (an error rate: 100; an Average of 0-or-1 data points: 1). */
type Ceiling = { readonly value: number; readonly why: string } | undefined;

/**
 * Makes an `aws_cloudwatch_metric_alarm` on one of the stage's metrics, with the stage's provider and
 * region; fails at synth where the alarm could never fire (a metric or dimensions the stage does not
 * publish, a method or route without detailed metrics or that the API does not serve, a threshold the
 * statistic never reaches).
 */
export function addStageAlarm(stage: IConstruct, id: string, options: StageAlarmOptions, call = `addAlarm(${id})`, thresholdName = 'threshold'): CloudwatchMetricAlarm {
  const context = metricContextOf(stage);
  const property = `${context.prefix}${call}`;
  checkStruct(context.owner, `${property}.`, options, STAGE_ALARM_OPTIONS);
  if (options === undefined || options === null || options.metric === undefined) {
    throw invalidProperty(context.owner, `${property}.metric`, options?.metric, "one of the stage's metrics, such as stage.metricServerError()");
  }
  const definition = judgeStageMetric(context, `${property}.metric`, options.metric);
  const operator = options.comparisonOperator ?? 'GreaterThanOrEqualToThreshold';
  const statistic = options.metric.statistic ?? options.metric.extendedStatistic ?? '';
  const thresholdProperty = `${context.prefix}${thresholdName.includes('.') ? thresholdName : `${call}.${thresholdName}`}`;
  checkCondition(context, property, operator, options.threshold, ceilingOf(definition, statistic), thresholdProperty);
  checkQuietMinutes(context, thresholdProperty, definition, statistic, operator, options.threshold, options.treatMissingData ?? DEFAULT_MISSING_DATA);
  const { metric } = options;
  return newAlarm(context, id, property, options, {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    period: metric.period,
    statistic: metric.statistic,
    extendedStatistic: metric.extendedStatistic,
    threshold: options.threshold,
    comparisonOperator: operator,
    alarmDescription: options.alarmDescription ?? `${describeStage(context)}${isCanary(metric) ? " (the canary's requests)" : ''}: ${metric.metricName} `
      + `(${statistic} over ${metric.period} s) ${operatorText(operator)} ${options.threshold}`,
  });
}

/**
 * Makes an `aws_cloudwatch_metric_alarm` on the share of a REST or HTTP stage's requests that failed,
 * in percent: metric math over the errors' and the requests' sums (0 in a period without requests).
 */
export function addErrorRateAlarm(
  stage: IConstruct, id: string, options: ErrorRateAlarmOptions, call = `addErrorRateAlarm(${id})`, thresholdName = 'thresholdPercent',
): CloudwatchMetricAlarm {
  const context = metricContextOf(stage);
  const { owner, source } = context;
  const property = `${context.prefix}${call}`;
  checkStruct(owner, `${property}.`, options, ERROR_RATE_ALARM_OPTIONS);
  if (source.kind === 'WebSocket') {
    throw invalidProperty(owner, property, options, 'no error rate alarm on a WebSocket stage: it publishes no request count to divide by; alarm on its '
      + 'integrationErrors or executionErrors counts (addAlarm with metricIntegrationError(), or addDefaultAlarms)');
  }
  const threshold = options?.thresholdPercent;
  checkCondition(context, property, 'GreaterThanOrEqualToThreshold', threshold, { value: 100, why: 'a share of requests in percent' },
    `${context.prefix}${thresholdName.includes('.') ? thresholdName : `${call}.${thresholdName}`}`);
  const metricOptions = { period: options.period, restApiName: options.restApiName };
  const errors = stageMetric(stage, options.clientErrors === true ? clientErrorName(source.kind) : serverErrorName(source.kind),
    { ...metricOptions, statistic: 'Sum' }, call);
  const requests = stageMetric(stage, 'Count', { ...metricOptions, statistic: 'Sum' }, call);
  const label = `${options.clientErrors === true ? 'client' : 'server'} error rate (%)`;
  return newAlarm(context, id, property, options, {
    threshold,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    metricQuery: [
      { id: 'errors', metric: queryMetric(errors), returnData: false },
      { id: 'requests', metric: queryMetric(requests), returnData: false },
      { id: 'rate', expression: 'IF(requests > 0, 100 * errors / requests, 0)', label, returnData: true },
    ],
    alarmDescription: options.alarmDescription ?? `${describeStage(context)}: ${label} over ${errors.period} s at or above ${threshold}`,
  });
}

/** The server error metric of a kind. */
export function serverErrorName(kind: string): string {
  return kind === 'HTTP' ? '5xx' : '5XXError';
}

/** The client error metric of a kind. */
export function clientErrorName(kind: string): string {
  return kind === 'HTTP' ? '4xx' : kind === 'REST' ? '4XXError' : 'ClientError';
}

/** A metric as a metric query takes it. */
function queryMetric(metric: StageMetric) {
  return {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    period: metric.period,
    stat: (metric.statistic ?? metric.extendedStatistic)!,
  };
}

/** The alarm resource, in the stage, with the stage's provider and region, and what every alarm takes checked. */
function newAlarm(
  context: MetricContext, id: string, property: string, options: StageAlarmBaseOptions,
  config: Omit<CloudwatchMetricAlarmConfig, 'alarmName' | 'evaluationPeriods'>,
): CloudwatchMetricAlarm {
  const { owner, stage, source } = context;
  if (typeof id !== 'string' || id === '' || stage.node.tryFindChild(id) !== undefined) {
    throw invalidProperty(owner, property.replace(/\(.*\)$/, '(id)'), id, 'an id no other alarm or construct of the stage has');
  }
  const evaluationPeriods = options.evaluationPeriods ?? 1;
  checkWholeNumber(owner, `${property}.evaluationPeriods`, evaluationPeriods, 1);
  const period = config.period ?? (config.metricQuery as Array<{ metric?: { period?: number } }> | undefined)?.[0]?.metric?.period;
  if (typeof period === 'number' && !Token.isUnresolved(period) && !Token.isUnresolved(evaluationPeriods)) {
    // CloudWatch: period x evaluation periods at most one day for periods under an hour, seven days for longer ones.
    const longest = period < 3600 ? 86_400 : 604_800;
    if (period * evaluationPeriods > longest) {
      throw invalidProperty(owner, `${property}.evaluationPeriods`, evaluationPeriods, `at most ${Math.floor(longest / period)} periods of ${period} s: CloudWatch `
        + `evaluates at most ${longest === 86_400 ? 'one day (periods under an hour)' : 'seven days'} of data, and refuses a longer alarm`);
    }
  }
  if (options.datapointsToAlarm !== undefined) {
    checkWholeNumber(owner, `${property}.datapointsToAlarm`, options.datapointsToAlarm, 1);
    if (!Token.isUnresolved(options.datapointsToAlarm) && !Token.isUnresolved(evaluationPeriods) && options.datapointsToAlarm > evaluationPeriods) {
      throw invalidProperty(owner, `${property}.datapointsToAlarm`, options.datapointsToAlarm,
        `at most evaluationPeriods (${evaluationPeriods}): the alarm cannot see more breaching periods than it looks at, so it would never fire`);
    }
  }
  const treatMissingData = options.treatMissingData ?? DEFAULT_MISSING_DATA;
  if (!Token.isUnresolved(treatMissingData) && !MISSING_DATA.includes(treatMissingData)) {
    throw invalidProperty(owner, `${property}.treatMissingData`, treatMissingData, `one of ${MISSING_DATA.join(', ')}`);
  }
  const alarmName = options.alarmName ?? defaultAlarmName(stage, id);
  if (!Token.isUnresolved(alarmName) && (alarmName.length < 1 || alarmName.length > 255 || /[\u0000-\u001f\u007f]/.test(alarmName))) {
    throw invalidProperty(owner, `${property}.alarmName`, alarmName, 'a name of 1 to 255 characters, without control characters');
  }
  for (const actions of ['alarmActions', 'okActions', 'insufficientDataActions'] as const) {
    const list = options[actions] ?? [];
    // A list token (a variable) is known at deploy time only.
    (Token.isUnresolved(list) ? [] : list).forEach((arn, index) => {
      if (!Token.isUnresolved(arn) && !/^arn:[\w-]+:/.test(arn)) {
        throw invalidProperty(owner, `${property}.${actions}[${index}]`, arn, 'the ARN of what to notify (an SNS topic, an Auto Scaling policy, ...)');
      }
    });
  }
  const alarm = new ProviderResources.CloudwatchMetricAlarm(stage, id, {
    ...config,
    alarmName,
    evaluationPeriods,
    datapointsToAlarm: options.datapointsToAlarm,
    treatMissingData,
    alarmActions: options.alarmActions,
    okActions: options.okActions,
    insufficientDataActions: options.insufficientDataActions,
    provider: source.provider,
    region: source.region,
  });
  return alarm;
}

/** Fails where the condition can never hold: a metric never below 0 compared "less than" 0 or less, a bounded statistic compared above its ceiling. */
function checkCondition(
  context: MetricContext, property: string, operator: string, threshold: number, ceiling: Ceiling, thresholdProperty: string,
): void {
  const { owner } = context;
  if (!Token.isUnresolved(operator) && !OPERATORS.includes(operator)) {
    throw invalidProperty(owner, `${property}.comparisonOperator`, operator, `one of ${OPERATORS.join(', ')} (the anomaly detection operators need a band `
      + 'metric, which a stage alarm does not make)');
  }
  refuseOtherKind(owner, thresholdProperty, threshold, 'number');
  if (Token.isUnresolved(threshold) || Token.isUnresolved(operator)) {
    return;
  }
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw invalidProperty(owner, thresholdProperty, threshold, 'a number');
  }
  const never = (why: string) => invalidProperty(owner, thresholdProperty, threshold, `a threshold the statistic can reach with ${operator}: ${why}, so the alarm would never fire`);
  if ((operator === 'LessThanThreshold' && threshold <= 0) || (operator === 'LessThanOrEqualToThreshold' && threshold < 0)) {
    throw never('API Gateway\'s metrics are never below 0');
  }
  if ((operator === 'GreaterThanOrEqualToThreshold' && threshold <= 0) || (operator === 'GreaterThanThreshold' && threshold < 0)) {
    throw invalidProperty(owner, thresholdProperty, threshold, `a threshold above 0 with ${operator}: API Gateway's metrics are never below 0, so the alarm `
      + 'would be in ALARM whenever there is data (and for a rate, always): it says nothing');
  }
  if (ceiling !== undefined && ((operator === 'GreaterThanThreshold' && threshold >= ceiling.value)
    || (operator === 'GreaterThanOrEqualToThreshold' && threshold > ceiling.value))) {
    throw never(`it is ${ceiling.why}, at most ${ceiling.value}`);
  }
}

/**
 * Fails on an alarm that watches for too little traffic (`Count < 1`) while quiet periods count as healthy:
 * a period with requests has a `Count` of at least 1, and one without has no data point at all, which
 * `notBreaching` (the default), `ignore` and `missing` never take for a breach.
 */
function checkQuietMinutes(
  context: MetricContext, property: string, definition: MetricDefinition, statistic: string, operator: string, threshold: number,
  treatMissingData: string,
): void {
  if (!AT_LEAST_ONE_WITH_TRAFFIC.includes(definition.name) || Token.isUnresolved(threshold) || Token.isUnresolved(treatMissingData) || treatMissingData === 'breaching') {
    return;
  }
  const oneAtLeast = ['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average'].includes(statistic);
  if (oneAtLeast && ((operator === 'LessThanThreshold' && threshold <= 1) || (operator === 'LessThanOrEqualToThreshold' && threshold < 1))) {
    throw invalidProperty(context.owner, property, threshold, `a threshold a period with data can reach, or treatMissingData: 'breaching': the ${statistic} `
      + `of '${definition.name}' is at least 1 in a period with traffic, and a period without has no data point, which treatMissingData `
      + `'${treatMissingData}' never takes for a breach, so the alarm would never fire`);
  }
}

/** The ceiling of a statistic of a metric: an Average, Minimum or Maximum of data points that are 0 or 1 is at most 1. */
function ceilingOf(definition: MetricDefinition, statistic: string): Ceiling {
  if (definition.name === 'Count' && ['Average', 'Minimum', 'Maximum'].includes(statistic)) {
    return { value: 1, why: `the ${statistic} of 'Count', whose data points are 1 each (Sum gives the number of requests)` };
  }
  if (definition.zeroOrOne === true && ['Average', 'Minimum', 'Maximum'].includes(statistic)) {
    return { value: 1, why: `the ${statistic} of '${definition.name}', whose data points are 0 or 1 each (a share of requests, not a percentage: 0.05 for 5%)` };
  }
  return undefined;
}

function checkWholeNumber(owner: IConstruct, property: string, value: number, least: number): void {
  refuseOtherKind(owner, property, value, 'number');
  if (!Token.isUnresolved(value) && (typeof value !== 'number' || !Number.isInteger(value) || value < least)) {
    throw invalidProperty(owner, property, value, `a whole number of at least ${least}`);
  }
}

/** `<stack>-<the alarm's construct path in the stack>`, a name unique in the app; shortened with a digest past 255 characters. */
function defaultAlarmName(stage: IConstruct, id: string): string {
  return nameFromPath(stage, [id]);
}

/**
 * `<stack>-<the construct path of scope in its stack>[-<more>]`, with characters outside `allowed` written
 * `_`, shortened with a digest past 255 characters: the default names of alarms and dashboards.
 */
export function nameFromPath(scope: IConstruct, more: readonly string[], allowed?: RegExp): string {
  const stack = TerraformStack.of(scope);
  const joined = [stack.node.id, ...scope.node.scopes.slice(stack.node.scopes.length).map((each) => each.node.id), ...more].join('-');
  const path = allowed === undefined ? joined : joined.replace(allowed, '_');
  return path.length <= 255 ? path : `${path.slice(0, 238)}-${sha256Hex(path).slice(0, 16)}`;
}

/** Whether a metric is a REST canary's (`Stage` `<stage>/Canary`). */
function isCanary(metric: StageMetric): boolean {
  const stage = metric.dimensions?.Stage;
  return typeof stage === 'string' && !Token.isUnresolved(stage) && stage.endsWith('/Canary');
}

function describeStage(context: MetricContext): string {
  const { source, owner } = context;
  return `${source.kind} API stage ${describeValue(expressionIn(owner, source.stageName))}`;
}

function operatorText(operator: string): string {
  return { GreaterThanOrEqualToThreshold: '>=', GreaterThanThreshold: '>', LessThanThreshold: '<', LessThanOrEqualToThreshold: '<=' }[operator] ?? operator;
}
