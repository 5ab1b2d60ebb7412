import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkMethodDimensions } from './method-and-route';
import { hasCanary, knownRestApiName, MetricContext } from './metric-source';
import { apiIdBehind } from '../core/api-id-behind';
import { configuredArgument } from '../core/configured';
import { describeValue, invalidProperty } from '../core/errors';
import { attributeOf, expressionIn, idReferenceOf } from '../core/resolve';
import { warnOnce } from '../core/warnings';

/** Fails unless `dimensions` are those the stage's kind publishes the metric with, naming this stage and what it has. */
export function checkDimensions(context: MetricContext, property: string, dimensions: { [name: string]: string }): void {
  const { owner, source } = context;
  const apiDimension = source.kind === 'REST' ? 'ApiName' : 'ApiId';
  const allowed = [apiDimension, 'Stage', ...source.kind === 'WebSocket' ? [] : ['Method', 'Resource']];
  const expected = source.kind === 'REST'
    ? "ApiName and Stage, and for one method Method and Resource too (a REST API's metrics name the API by its name, not its id)"
    : source.kind === 'HTTP'
      ? 'ApiId and Stage, and for one route Method and Resource too (HTTP APIs\' metrics name the API by its id, not its name, and a route by its method and path, not by a Route dimension)'
      : 'ApiId and Stage (WebSocket APIs\' metrics name the API by its id, not its name; their per-route dimensions are not offered)';
  const names = Object.keys(dimensions);
  if (names.some((name) => !allowed.includes(name)) || !names.includes(apiDimension) || !names.includes('Stage')) {
    throw invalidProperty(owner, property, dimensions, `the dimensions ${source.kind} stages publish their metrics with: ${expected}; CloudWatch `
      + 'takes any dimensions (their names are case-sensitive), and an alarm on a combination nobody publishes sits in INSUFFICIENT_DATA and never fires');
  }
  if (source.kind === 'REST') {
    checkApiName(context, `${property}.ApiName`, dimensions.ApiName);
  } else {
    checkApiId(context, `${property}.ApiId`, dimensions.ApiId);
  }
  checkStage(context, `${property}.Stage`, dimensions.Stage);
  if (dimensions.Method !== undefined || dimensions.Resource !== undefined) {
    checkMethodDimensions(context, property, dimensions);
  }
}

/**
 * Fails where the `ApiName` given for a REST stage (a dimension, `restApiName`) is certainly not its API's
 * name: the API's id, another attribute of an API (`arn`), another API's name, or a literal other than the
 * literal name of the API resource.
 */
export function checkApiName(context: MetricContext, property: string, given: string): void {
  const { owner, source } = context;
  if (typeof given !== 'string' || given === '') {
    throw invalidProperty(owner, property, given, "the REST API's name");
  }
  if (expressionIn(owner, given) === expressionIn(owner, source.apiId)) {
    throw invalidProperty(owner, property, given, "the REST API's name, not its id: a REST API's metrics name the API by its name (HTTP and WebSocket APIs' by their id)");
  }
  const known = knownRestApiName(owner) ?? nameBehindId(owner, source.apiId);
  const read = attributeOf(given);
  if (read?.type === 'aws_api_gateway_rest_api' && read.attribute !== 'name') {
    throw invalidProperty(owner, property, given, `the REST API's name (its name attribute), not its ${read.attribute}: a REST API's metrics name the API by its name`);
  }
  if (read?.type === 'aws_api_gateway_rest_api' && known !== undefined && attributeOf(known)?.type === read.type && expressionIn(owner, known) !== expressionIn(owner, given)) {
    throw invalidProperty(owner, property, given, `the name of the stage's REST API, ${describeValue(expressionIn(owner, known))}: this is another API's`);
  }
  const literal = known === undefined ? undefined : literalNameOf(known);
  if (!Token.isUnresolved(given) && literal !== undefined && given !== literal) {
    throw invalidProperty(owner, property, given, `the name of the stage's REST API, '${literal}'`);
  }
}

/** Fails where the `ApiId` given for an HTTP or WebSocket stage is certainly not its API's id: another API's, another attribute, the API's literal name. */
function checkApiId(context: MetricContext, property: string, given: string): void {
  const { owner, source } = context;
  if (typeof given !== 'string' || given === '') {
    throw invalidProperty(owner, property, given, `the id of the stage's ${source.kind} API`);
  }
  const read = attributeOf(given);
  if (read?.type === 'aws_apigatewayv2_api' && read.attribute !== 'id') {
    throw invalidProperty(owner, property, given, `the ${source.kind} API's id, not its ${read.attribute}: ${source.kind} APIs' metrics name the API by its id`);
  }
  const bothLiteral = !Token.isUnresolved(source.apiId) && !Token.isUnresolved(given);
  const bothIds = idReferenceOf(source.apiId) !== undefined && idReferenceOf(given) !== undefined;
  if ((bothLiteral || bothIds) && expressionIn(owner, source.apiId) !== expressionIn(owner, given)) {
    throw invalidProperty(owner, property, given, `the id of the stage's ${source.kind} API, ${describeValue(expressionIn(owner, source.apiId))}`);
  }
  const api = idReferenceOf(source.apiId);
  const apiElement = api === undefined ? undefined : api.stack.node.tryFindChild(api.name);
  if (!Token.isUnresolved(given) && apiElement instanceof TerraformResource && apiElement.friendlyUniqueId === api?.name
    && configuredArgument(apiElement, 'name') === given) {
    throw invalidProperty(owner, property, given, `the ${source.kind} API's id, not its name: ${source.kind} APIs' metrics name the API by its id `
      + `(${describeValue(expressionIn(owner, source.apiId))})`);
  }
}

/**
 * Fails unless the `Stage` given names this stage: its name (or, for a REST stage with a canary,
 * `<name>/Canary`), or its own stage resource's name attribute; another stage's name or another attribute
 * of a stage resource is refused. A value known only at deploy time is not judged.
 */
function checkStage(context: MetricContext, property: string, given: string): void {
  const { owner, source } = context;
  if (typeof given !== 'string' || given === '') {
    throw invalidProperty(owner, property, given, "the stage's name");
  }
  const read = attributeOf(given);
  if (read !== undefined && (read.type === 'aws_api_gateway_stage' || read.type === 'aws_apigatewayv2_stage')) {
    const nameAttribute = read.type === 'aws_api_gateway_stage' ? 'stage_name' : 'name';
    const own = read.name === source.stageResource.friendlyUniqueId && read.stack === TerraformStack.of(source.stageResource);
    // An aws_apigatewayv2_stage's id is its name (the provider sets it so); a REST stage's is not ("ags-...").
    const namesIt = read.attribute === nameAttribute || (read.type === 'aws_apigatewayv2_stage' && read.attribute === 'id');
    if (!namesIt || !own) {
      throw invalidProperty(owner, property, given, `the stage's name, ${describeValue(expressionIn(owner, source.stageName))}${!namesIt
        ? ` (a stage resource's ${nameAttribute}, not its ${read.attribute})` : ' (this is another stage\'s name)'}: the alarm is the stage's, and watches its metrics`);
    }
    return;
  }
  if (source.kind === 'REST' && !Token.isUnresolved(given) && given.endsWith('/Canary')) {
    checkCanary(context, property, given);
    requireStageName(context, property, given.slice(0, -'/Canary'.length), given);
    return;
  }
  requireStageName(context, property, given, given);
}

/** Fails unless the stage name `stage` (of a dimension: `given`) is the stage's, where both are literals. */
function requireStageName(context: MetricContext, property: string, stage: string, given: string): void {
  const { owner, source } = context;
  if (Token.isUnresolved(stage) || Token.isUnresolved(source.stageName)) {
    return;
  }
  if (stage !== source.stageName) {
    throw invalidProperty(owner, property, given, `the stage's name, '${source.stageName}'${source.kind === 'REST' && hasCanary(context.stage)
      ? ` (or '${source.stageName}/Canary' for the canary's requests)` : ''}: the alarm is the stage's, and watches its metrics (another stage's alarm is that stage's addAlarm)`);
  }
}

/** Fails unless the stage runs a canary (REST APIs with `canary`), whose requests publish under `<stage>/Canary`; warns that AWS does not document that name. */
export function checkCanary(context: MetricContext, property: string, given: unknown): void {
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

/** The literal name of the API resource whose `name` attribute `reference` reads, if the program gives it one. */
function literalNameOf(reference: string): string | undefined {
  const read = attributeOf(reference);
  const element = read?.type === 'aws_api_gateway_rest_api' && read.attribute === 'name' ? read.stack.node.tryFindChild(read.name) : undefined;
  // What Terraform gets: an override of the name (`addOverride('name', ...)`) wins over the input.
  const name = element instanceof TerraformResource ? configuredArgument(element, 'name') : undefined;
  return typeof name === 'string' && !Token.isUnresolved(name) ? name : undefined;
}

/**
 * A REST API's name, the `ApiName` of its metrics: as given (checked as a dimension is), else the API
 * resource's the construct was given or its `restApiId` leads to (`aws_api_gateway_rest_api.<name>.name`);
 * otherwise an error.
 */
export function restApiNameOf(context: MetricContext, property: string, given: string | undefined): string {
  const { owner, source } = context;
  if (given !== undefined) {
    checkApiName(context, property, given);
    return given;
  }
  const known = knownRestApiName(owner) ?? nameBehindId(owner, source.apiId);
  if (known === undefined) {
    throw invalidProperty(owner, property, given, 'the REST API\'s name: a REST API\'s metrics name the API by its name (the ApiName dimension), and the '
      + `construct's restApiId ${describeValue(expressionIn(owner, source.apiId))} does not lead to an aws_api_gateway_rest_api of the app; give the `
      + 'construct the API resource (restApi), or the name as restApiName');
  }
  return known;
}

/** The `name` of the `aws_api_gateway_rest_api` whose id `apiId` is (directly, through local values, or another resource's `rest_api_id`). */
function nameBehindId(owner: IConstruct, apiId: string): string | undefined {
  const read = attributeOf(apiIdBehind(owner, apiId, true));
  if ((read?.type !== 'aws_api_gateway_rest_api' && read?.type !== 'data.aws_api_gateway_rest_api') || read.attribute !== 'id') {
    return undefined;
  }
  const element = read.stack.node.tryFindChild(read.name) as { name?: unknown; friendlyUniqueId?: unknown } | undefined;
  return element?.friendlyUniqueId === read.name && typeof element.name === 'string' ? element.name : undefined;
}
