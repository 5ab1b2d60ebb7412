import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  EXTENDED_STATISTIC, kindsPublishing, METRIC_NAMESPACE, MetricDefinition, metricOfKind, METRICS, SIMPLE_STATISTICS,
  STATISTICS_EXPECTED,
} from './metric-catalog';
import { STAGE_METRIC, STAGE_METRIC_OPTIONS } from './metric-shapes';
import { hasCanary, knownRestApiName, MetricSource, metricSourceOf, servedRequirementOf } from './metric-source';
import { StageMetric, StageMetricOptions } from './stage-metric';
import { methodSettingsWrittenFor } from '../common/logging-at-synth';
import { addValidationWhenCommitted } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { stageErrorOwner, stagePropertyPrefix } from '../core/deployment-marker';
import { describeValue, invalidProperty, notOneOfTheLibrarys } from '../core/errors';
import { expressionIn, idReferenceOf, referenceOf } from '../core/resolve';
import { refuseOtherKind } from '../core/scalar-tokens';
import { checkStruct } from '../core/struct-check';
import { warnOnce } from '../core/warnings';
import { HTTP_API_FAMILY, WEBSOCKET_API_FAMILY } from '../triggers/api-gateway-v2-family';
import { REST_API_FAMILY } from '../triggers/rest-api-family';
import { checkServedByApi } from '../triggers/served-by-api';

/** A stage's metrics as its errors name them: the construct errors name, the stage, its source, and the property prefix. */
export interface MetricContext {
  readonly owner: IConstruct;
  readonly stage: IConstruct;
  readonly source: MetricSource;
  /** `''` for a main stage or a stage made on its own, `addStage(beta).` for an added one. */
  readonly prefix: string;
}

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
      + 'each request counts once, so a percentile of it is 0 or 1 and an alarm on it says nothing; use Sum (how many) or Average (the share of requests)');
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

/** Fails unless `dimensions` are those the stage's kind publishes the metric with, naming this stage and what it has. */
function checkDimensions(context: MetricContext, property: string, dimensions: { [name: string]: string }): void {
  const { owner, source } = context;
  const apiDimension = source.kind === 'REST' ? 'ApiName' : 'ApiId';
  const allowed = [apiDimension, 'Stage', ...source.kind === 'WebSocket' ? [] : ['Method', 'Resource']];
  const expected = source.kind === 'REST'
    ? "ApiName and Stage, and for one method Method and Resource too (a REST API's metrics name the API by its name, not its id)"
    : source.kind === 'HTTP'
      ? 'ApiId and Stage, and for one route Method and Resource too (HTTP APIs\' metrics name the API by its id, not its name, and a route by its method and path, not by a Route dimension)'
      : 'ApiId and Stage (WebSocket APIs\' metrics name the API by its id, not its name; their per-route dimensions are not offered)';
  const names = Object.keys(dimensions);
  const unknown = names.find((name) => !allowed.includes(name));
  if (unknown !== undefined || !names.includes(apiDimension) || !names.includes('Stage')) {
    throw invalidProperty(owner, property, dimensions, `the dimensions ${source.kind} stages publish their metrics with: ${expected}; CloudWatch `
      + 'takes any dimensions, and an alarm on a combination nobody publishes sits in INSUFFICIENT_DATA and never fires');
  }
  if (source.kind === 'REST') {
    checkApiName(context, `${property}.ApiName`, dimensions.ApiName);
  } else if (certainlyDifferent(owner, source.apiId, dimensions.ApiId)) {
    throw invalidProperty(owner, `${property}.ApiId`, dimensions.ApiId, `the id of the stage's ${source.kind} API, ${describeValue(expressionIn(owner, source.apiId))}`);
  }
  const stage = dimensions.Stage;
  if (source.kind === 'REST' && !Token.isUnresolved(stage) && typeof stage === 'string' && stage.endsWith('/Canary')) {
    checkCanary(context, `${property}.Stage`, stage);
    requireSame(context, `${property}.Stage`, stage.slice(0, -'/Canary'.length), stage);
  } else {
    requireSame(context, `${property}.Stage`, stage, stage);
  }
  if (dimensions.Method !== undefined || dimensions.Resource !== undefined) {
    if (dimensions.Method === undefined || dimensions.Resource === undefined) {
      throw invalidProperty(owner, property, dimensions, 'both Method and Resource for one method or route, or neither for the whole stage: API Gateway publishes them together');
    }
    if (!Token.isUnresolved(dimensions.Method) && !Token.isUnresolved(dimensions.Resource)) {
      if (source.kind === 'REST') {
        checkMethod(context, `${property}.Method`, `${dimensions.Resource === '/' ? '' : dimensions.Resource}/${dimensions.Method}`);
      } else {
        checkRoute(context, `${property}.Method`, `${dimensions.Method} ${dimensions.Resource}`);
      }
    }
  }
}

/** Whether two ids are certainly not the same at deploy time: two literals, or references to two resources' ids, that differ. */
function certainlyDifferent(owner: IConstruct, a: string, b: string): boolean {
  if (typeof b !== 'string') {
    return true;
  }
  const bothLiteral = !Token.isUnresolved(a) && !Token.isUnresolved(b);
  const bothIds = idReferenceOf(a) !== undefined && idReferenceOf(b) !== undefined;
  return (bothLiteral || bothIds) && expressionIn(owner, a) !== expressionIn(owner, b);
}

/** Fails unless the stage name `stage` (of a dimension: `given`) is the stage's. */
function requireSame(context: MetricContext, property: string, stage: string, given: string): void {
  const { owner, source } = context;
  if (Token.isUnresolved(stage) || Token.isUnresolved(source.stageName)) {
    return;
  }
  if (stage !== source.stageName) {
    throw invalidProperty(owner, property, given, `the stage's name, '${source.stageName}'${source.kind === 'REST' && hasCanary(context.stage)
      ? ` (or '${source.stageName}/Canary' for the canary's requests)` : ''}: the alarm is the stage's, and watches its metrics (another stage's alarm is that stage's addAlarm)`);
  }
}

/** Fails unless the stage runs a canary (REST APIs with `canary`), whose requests publish under `<stage>/Canary`. */
function checkCanary(context: MetricContext, property: string, given: unknown): void {
  const { owner, source, stage } = context;
  if (source.kind !== 'REST') {
    throw invalidProperty(owner, property, given, `no canary: ${source.kind} APIs have no canary releases (REST APIs do)`);
  }
  if (!hasCanary(stage)) {
    throw invalidProperty(owner, property, given, "the canary's metrics only while the deployment construct runs a canary on the stage (its `canary` "
      + 'prop): without one nothing publishes them, and an alarm on them never fires');
  }
  warnOnce(owner, `The canary's metrics are named with the Stage dimension '${expressionIn(owner, source.stageName)}/Canary', the suffix AWS documents for the `
    + "canary's log groups; AWS documents no dimension for its metrics: once the canary takes traffic, check in CloudWatch that the stage's canary "
    + 'metrics are published under that name (an alarm on a name nobody publishes never fires).');
}

/**
 * Fails unless `method` (a method path: `/pets/GET`) names one method of a REST stage with detailed
 * metrics on for it, and requires the API to serve it. Returns the method's `Resource` and `Method` dimensions.
 */
function checkMethod(context: MetricContext, property: string, method: string): { resource: string; method: string } {
  const { owner, source } = context;
  if (source.kind !== 'REST') {
    throw invalidProperty(owner, property, method, `no method: ${source.kind} stages publish per-route metrics, by route key ('route')`);
  }
  if (typeof method !== 'string' || Token.isUnresolved(method)) {
    throw invalidProperty(owner, property, method, 'a method path such as "/pets/GET", written out (its resource path and HTTP method are its metric\'s dimensions)');
  }
  const key = method.replace(/^\//, '');
  const slash = key.lastIndexOf('/');
  const httpMethod = key.slice(slash + 1);
  const resourcePath = `/${key.slice(0, Math.max(slash, 0))}`;
  if ((!/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)$/.test(httpMethod) || key.includes('*') || /\/\/|\/$/.test(resourcePath.slice(1) + '/x'))) {
    throw invalidProperty(owner, property, method, 'one method, by its method path: "/pets/GET", "/pets/{id}/DELETE", "/GET" for the root resource (API Gateway '
      + 'publishes a method\'s metrics under its resource path and HTTP method, in capitals; no "*")');
  }
  requireDetailed(context, property, method, key, 'method');
  requireServed(context, property, key);
  return { resource: resourcePath, method: httpMethod };
}

/**
 * Fails unless `route` names a route of an HTTP stage with detailed metrics on for it, and requires the
 * API to serve it. Returns its `Method` and `Resource` dimensions: HTTP APIs publish per-route metrics
 * under `ApiId, Method, Resource, Stage` (AWS's HTTP API metrics page; a real series:
 * prometheus-community/yet-another-cloudwatch-exporter#1031, `Method="GET", Resource="/.../v1"`), not
 * under a `Route` dimension. What AWS publishes for `$default` and `ANY` routes is documented nowhere,
 * nor are WebSocket routes' values: those are refused rather than guessed.
 */
function checkRoute(context: MetricContext, property: string, route: string): { resource: string; method: string } {
  const { owner, source } = context;
  if (source.kind === 'REST') {
    throw invalidProperty(owner, property, route, "no route: REST stages publish per-method metrics, by method path ('method', such as \"/pets/GET\")");
  }
  if (source.kind === 'WebSocket') {
    throw invalidProperty(owner, property, route, 'no route: AWS documents WebSocket per-route metrics under the dimensions ApiId, Method, Resource and '
      + 'Stage without saying what Method and Resource hold for a route, and no published series shows it, so the library does not guess (an alarm '
      + "on a guess may never fire); alarm on the stage's metrics");
  }
  const parts = typeof route === 'string' ? /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/.exec(route) : null;
  if (Token.isUnresolved(route) || parts === null) {
    throw invalidProperty(owner, property, route, "a route key with an HTTP method and a path, such as 'GET /pets': API Gateway publishes an HTTP "
      + "route's metrics under its method and path (Method, Resource); what it publishes for '$default' and ANY routes is documented nowhere, "
      + "so those are not offered (alarm on the stage's metrics)");
  }
  requireDetailed(context, property, route, route, 'route');
  requireServed(context, property, route);
  return { method: parts[1], resource: parts[2] };
}

/** Fails unless detailed metrics are on for `key` on the stage (where they are known only at deploy time, or set by hand, not judged). */
function requireDetailed(context: MetricContext, property: string, given: string, key: string, what: 'method' | 'route'): void {
  const { owner, source } = context;
  if (Token.isUnresolved(key) || source.detailedMetrics(key) !== false) {
    return;
  }
  const setting = what === 'method'
    ? `metricsEnabled: true in the stage's options (all methods) or in its methodOptions entry ${JSON.stringify(given.startsWith('/') ? given : `/${given}`)}`
    : `detailedMetricsEnabled: true in the stage's options (all routes) or in its routeOptions entry ${JSON.stringify(given)}`;
  const error = invalidProperty(owner, property, given, `a ${what} with detailed metrics on: API Gateway publishes per-${what} metrics only where they `
    + `are (they are off for this one), so an alarm on it never fires; set ${setting} (billed per metric)`);
  if (source.kind !== 'REST') {
    throw error;
  }
  // Method settings written by hand for the stage may turn them on: judged once the app is complete.
  addValidationWhenCommitted(owner, {
    validate: () => (methodSettingsWrittenFor(source.stageResource as TerraformResource).length > 0 ? [] : [error.message]),
  });
}

/** Requires the stage's API to serve `key` (a method path without its `/`, a route key): the deployment construct's engine, or a stage's own check. */
function requireServed(context: MetricContext, property: string, key: string): void {
  const { owner, source } = context;
  const require = servedRequirementOf(owner);
  if (require !== undefined) {
    require(property, key);
    return;
  }
  const family = source.kind === 'REST' ? REST_API_FAMILY : source.kind === 'HTTP' ? HTTP_API_FAMILY : WEBSOCKET_API_FAMILY;
  checkServedByApi(owner, family, source.apiId, [{ property, key }]);
}

/**
 * Fails where the `ApiName` dimension given for a REST stage is certainly not its API's name: the API's
 * id, or a literal other than the literal name of the API resource.
 */
function checkApiName(context: MetricContext, property: string, given: string): void {
  const { owner, source } = context;
  if (typeof given !== 'string' || given === '') {
    throw invalidProperty(owner, property, given, "the REST API's name");
  }
  if (expressionIn(owner, given) === expressionIn(owner, source.apiId)) {
    throw invalidProperty(owner, property, given, "the REST API's name, not its id: a REST API's metrics name the API by its name (HTTP and WebSocket APIs' by their id)");
  }
  const known = knownRestApiName(owner) ?? nameBehindId(owner, source.apiId)?.reference;
  const literal = known === undefined ? undefined : literalNameOf(known);
  if (!Token.isUnresolved(given) && literal !== undefined && given !== literal) {
    throw invalidProperty(owner, property, given, `the name of the stage's REST API, '${literal}'`);
  }
}

/** The literal name of the API resource whose `name` attribute `reference` reads, if the program gives it one. */
function literalNameOf(reference: string): string | undefined {
  const parts = referenceOf(reference);
  const match = parts === undefined ? null : /^aws_api_gateway_rest_api\.([\w-]+)\.name$/.exec(parts.identifier);
  const element = match === null ? undefined : parts!.stack.node.tryFindChild(match[1]) as { nameInput?: unknown } | undefined;
  return typeof element?.nameInput === 'string' && !Token.isUnresolved(element.nameInput) ? element.nameInput : undefined;
}

/**
 * A REST API's name, the `ApiName` of its metrics: as given, else the API resource's the construct was
 * given or its `restApiId` leads to (`aws_api_gateway_rest_api.<name>.name`); otherwise an error.
 */
function restApiNameOf(context: MetricContext, property: string, given: string | undefined): string {
  const { owner, source } = context;
  if (given !== undefined) {
    if (typeof given !== 'string' || given === '') {
      throw invalidProperty(owner, property, given, "the REST API's name");
    }
    return given;
  }
  const known = knownRestApiName(owner) ?? nameBehindId(owner, source.apiId)?.reference;
  if (known === undefined) {
    throw invalidProperty(owner, property, given, 'the REST API\'s name: a REST API\'s metrics name the API by its name (the ApiName dimension), and the '
      + `construct's restApiId ${describeValue(expressionIn(owner, source.apiId))} does not lead to an aws_api_gateway_rest_api of the app; give the `
      + 'construct the API resource (restApi), or the name as restApiName');
  }
  return known;
}

/** The `name` of the `aws_api_gateway_rest_api` whose id `apiId` is (directly, through local values, or another resource's `rest_api_id`). */
function nameBehindId(owner: IConstruct, apiId: string): { readonly reference: string } | undefined {
  const behind = apiIdBehind(owner, apiId, true);
  const reference = referenceOf(behind);
  const parts = reference === undefined ? null : /^(data\.)?aws_api_gateway_rest_api\.([\w-]+)\.id$/.exec(reference.identifier);
  if (parts === null) {
    return undefined;
  }
  const element = reference!.stack.node.tryFindChild(parts[2]) as { name?: unknown; friendlyUniqueId?: unknown } | undefined;
  return element?.friendlyUniqueId === parts[2] && typeof element.name === 'string' ? { reference: element.name } : undefined;
}
