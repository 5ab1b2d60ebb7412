import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkMethod, checkRoute } from './method-and-route';
import {
  EXTENDED_STATISTIC, kindsPublishing, METRIC_NAMESPACE, MetricDefinition, metricOfKind, METRICS, SIMPLE_STATISTICS,
  STATISTICS_EXPECTED,
} from './metric-catalog';
import { checkCanary, checkDimensions, restApiNameOf } from './metric-dimensions';
import { STAGE_METRIC, STAGE_METRIC_OPTIONS } from './metric-shapes';
import { MetricContext, metricSourceOf } from './metric-source';
import { StageMetric, StageMetricOptions } from './stage-metric';
import { stageErrorOwner, stagePropertyPrefix } from '../core/deployment-marker';
import { describeValue, invalidProperty, notOneOfTheLibrarys } from '../core/errors';
import { refuseOtherKind } from '../core/scalar-tokens';
import { checkStruct } from '../core/struct-check';

export type { MetricContext };

/** The metric context of a library stage construct. */
export function metricContextOf(stage: IConstruct): MetricContext {
  const source = metricSourceOf(stage);
  if (source === undefined) {
    throw new Error(notOneOfTheLibrarys(stage, 'StageBase', 'RestApiStage, HttpApiStage or WebSocketApiStage (or a deployment construct, which makes its stages)'));
  }
  return { owner: stageErrorOwner(stage), stage, source, prefix: stagePropertyPrefix(stage, source.stageName) };
}

/** The period a metric gets when its options name none. */
export const DEFAULT_PERIOD = 300;

/**
 * The metric `metricName` of a stage, as the stage's kind publishes it (`call` is how errors name the
 * call: `metricServerError`, `metric(5XXError)`), checked as `addAlarm` checks a metric.
 */
export function stageMetric(stage: IConstruct, metricName: string, options: StageMetricOptions | undefined, call: string): StageMetric {
  const context = metricContextOf(stage);
  const { owner, source } = context;
  const property = `${context.prefix}${call}`;
  checkStruct(owner, `${property}.`, options, STAGE_METRIC_OPTIONS);
  const given = options ?? {};
  const definition = metricDefinition(context, property, metricName);
  const period = given.period ?? DEFAULT_PERIOD;
  checkPeriod(owner, `${property}.period`, period);
  const statistic = given.statistic ?? definition.defaultStatistic;
  if (Token.isUnresolved(statistic)) {
    throw invalidProperty(owner, `${property}.statistic`, statistic, 'a statistic written out: whether it is a statistic (Sum) or an extended one (p99) '
      + 'decides which argument of the alarm holds it');
  }
  checkStatistic(owner, `${property}.statistic`, statistic, definition);
  const dimensions: Record<string, string> = source.kind === 'REST'
    ? { ApiName: restApiNameOf(context, `${property}.restApiName`, given.restApiName), Stage: source.stageName }
    : { ApiId: source.apiId, Stage: source.stageName };
  if (given.restApiName !== undefined && source.kind !== 'REST') {
    throw invalidProperty(owner, `${property}.restApiName`, given.restApiName, `no restApiName: ${source.kind} APIs' metrics name the API by its id (ApiId)`);
  }
  if (given.canary !== undefined) {
    refuseOtherKind(owner, `${property}.canary`, given.canary, 'boolean');
  }
  if (given.canary === true) {
    checkCanary(context, `${property}.canary`, true);
    dimensions.Stage = `${source.stageName}/Canary`;
  }
  if (given.method !== undefined) {
    const { resource, method } = checkMethod(context, `${property}.method`, given.method);
    dimensions.Method = method;
    dimensions.Resource = resource;
  }
  if (given.route !== undefined) {
    const { resource, method } = checkRoute(context, `${property}.route`, given.route);
    dimensions.Method = method;
    dimensions.Resource = resource;
  }
  return {
    namespace: METRIC_NAMESPACE,
    metricName: definition.name,
    dimensions,
    period,
    ...(SIMPLE_STATISTICS.includes(statistic) ? { statistic } : { extendedStatistic: statistic }),
  };
}

/**
 * Fails unless `metric` (given to `addAlarm` as `property`) is one the stage publishes: its namespace, a
 * metric of its kind, the dimensions its kind gives it (the API, the stage, a method or route with
 * detailed metrics on that the API serves, the canary while there is one), a statistic the metric
 * takes, and a period of whole minutes. Returns its definition.
 */
export function judgeStageMetric(context: MetricContext, property: string, metric: StageMetric): MetricDefinition {
  const { owner } = context;
  checkStruct(owner, `${property}.`, metric, STAGE_METRIC);
  if (metric.namespace !== METRIC_NAMESPACE && !Token.isUnresolved(metric.namespace)) {
    throw invalidProperty(owner, `${property}.namespace`, metric.namespace, `'${METRIC_NAMESPACE}', where API Gateway publishes its metrics`);
  }
  const definition = metricDefinition(context, `${property}.metricName`, metric.metricName);
  checkPeriod(owner, `${property}.period`, metric.period);
  checkStatistics(context, property, metric, definition);
  checkDimensions(context, `${property}.dimensions`, metric.dimensions ?? {});
  return definition;
}

function metricDefinition(context: MetricContext, property: string, metricName: string): MetricDefinition {
  const { owner, source } = context;
  const definition = typeof metricName === 'string' ? metricOfKind(source.kind, metricName) : undefined;
  const notPublished = definition === undefined ? undefined : source.notPublished?.(definition.name);
  if (notPublished !== undefined) {
    throw invalidProperty(owner, property, metricName, `a metric the stage publishes: ${notPublished}, so an alarm on it would never fire`);
  }
  if (definition !== undefined) {
    return definition;
  }
  const names = METRICS[source.kind].map((metric) => `'${metric.name}'`).join(', ');
  const elsewhere = typeof metricName === 'string' ? kindsPublishing(metricName, source.kind) : [];
  const caseOnly = typeof metricName === 'string' ? METRICS[source.kind].find((metric) => metric.name.toLowerCase() === metricName.toLowerCase()) : undefined;
  const hint = elsewhere.length > 0
    ? ` ('${metricName}' is what ${elsewhere.join(' and ')} APIs publish: an alarm on it for a ${source.kind} stage never fires`
      + `${caseOnly ? `; this kind's is '${caseOnly.name}'` : ''})`
    : caseOnly ? ` (metric names are case-sensitive: '${caseOnly.name}')` : ' (CloudWatch takes any name, and an alarm on one nobody publishes never fires)';
  throw invalidProperty(owner, property, metricName, `a metric ${source.kind} stages publish: one of ${names}${hint}`);
}

/** Fails unless `period` is a whole number of minutes (API Gateway publishes one data point a minute). */
function checkPeriod(owner: IConstruct, property: string, period: number): void {
  refuseOtherKind(owner, property, period, 'number');
  if (Token.isUnresolved(period)) {
    return;
  }
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 60 || period % 60 !== 0) {
    throw invalidProperty(owner, property, period, 'a period in seconds that is a multiple of 60, such as 60 or 300: API Gateway publishes one data '
      + 'point a minute, so a shorter period has no data most of the time');
  }
}

/** Fails unless `statistic` is one a CloudWatch alarm takes and that says something of `definition`. */
function checkStatistic(owner: IConstruct, property: string, statistic: string, definition: MetricDefinition): void {
  if (Token.isUnresolved(statistic)) {
    return;
  }
  if (typeof statistic !== 'string' || (!SIMPLE_STATISTICS.includes(statistic) && !EXTENDED_STATISTIC.test(statistic))) {
    const caseOnly = typeof statistic === 'string' ? SIMPLE_STATISTICS.find((name) => name.toLowerCase() === statistic.toLowerCase()) : undefined;
    throw invalidProperty(owner, property, statistic, `${STATISTICS_EXPECTED}${caseOnly ? ` (statistics are case-sensitive: '${caseOnly}')` : ''}`);
  }
  if (definition.unit === 'Count' && !SIMPLE_STATISTICS.includes(statistic)) {
    throw invalidProperty(owner, property, statistic, `one of ${SIMPLE_STATISTICS.join(', ')} for '${definition.name}', a count (${definition.means}): `
      + 'each request counts once, so a percentile (or another extended statistic) of it is 0 or 1 and an alarm on it says nothing; use Sum (how many) '
      + 'or Average (the share of requests)');
  }
}

/** A hand-given metric's statistic: one of `statistic` (a simple one) and `extendedStatistic` (a percentile). */
function checkStatistics(context: MetricContext, property: string, metric: StageMetric, definition: MetricDefinition): void {
  const { owner } = context;
  const { statistic, extendedStatistic } = metric;
  if ((statistic === undefined) === (extendedStatistic === undefined)) {
    throw invalidProperty(owner, `${property}.statistic`, statistic,
      `exactly one of statistic and extendedStatistic (extendedStatistic is ${describeValue(extendedStatistic)}): Terraform takes one of them`);
  }
  if (statistic !== undefined && !Token.isUnresolved(statistic) && !SIMPLE_STATISTICS.includes(statistic)) {
    throw invalidProperty(owner, `${property}.statistic`, statistic, `one of ${SIMPLE_STATISTICS.join(', ')} (a percentile such as 'p99' is an extendedStatistic)`);
  }
  if (extendedStatistic !== undefined && !Token.isUnresolved(extendedStatistic) && SIMPLE_STATISTICS.includes(extendedStatistic)) {
    throw invalidProperty(owner, `${property}.extendedStatistic`, extendedStatistic, `a percentile such as 'p99' ('${extendedStatistic}' is a statistic: give it as statistic)`);
  }
  const given = statistic ?? extendedStatistic!;
  checkStatistic(owner, `${property}.${statistic !== undefined ? 'statistic' : 'extendedStatistic'}`, given, definition);
}

