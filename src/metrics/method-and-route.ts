import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { MetricContext, MetricSource, servedRequirementOf } from './metric-source';
import { addValidationWhenCommitted, undoIfFailed } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
import { attributeOf, expressionIn } from '../core/resolve';
import { providerMethodPath } from '../rest/method-settings';
import { comparablePath } from '../rest/method-settings-twice';
import { HTTP_API_FAMILY, WEBSOCKET_API_FAMILY } from '../triggers/api-gateway-v2-family';
import { REST_API_FAMILY } from '../triggers/rest-api-family';
import { checkServedByApi } from '../triggers/served-by-api';

/**
 * The HTTP methods a per-method or per-route metric is published under. `ANY` is not among them: what
 * API Gateway publishes for an ANY method or route (the request's method, or `ANY`) is documented
 * nowhere, so such metrics are refused rather than guessed.
 */
const METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

/** A resource path as the `Resource` dimension holds it: `/` or `/pets/{id}` (no trailing `/`). */
const RESOURCE_PATH = /^(\/|(\/[^/\s]+)+)$/;

/** One method's or route's dimensions. */
export interface MethodDimensions {
  readonly resource: string;
  readonly method: string;
}

/**
 * Fails unless `method` (a method path: `/pets/GET`) names one method of a REST stage with detailed
 * metrics on for it, and requires the API to serve it. Returns the method's `Resource` and `Method` dimensions.
 */
export function checkMethod(context: MetricContext, property: string, method: string, shown: unknown = method): MethodDimensions {
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
  const resource = `/${key.slice(0, Math.max(slash, 0))}`;
  if (!METHODS.test(httpMethod) || !RESOURCE_PATH.test(resource) || key.includes('*')) {
    throw invalidProperty(owner, property, method, 'one method, by its method path: "/pets/GET", "/pets/{id}/DELETE", "/GET" for the root resource (API Gateway '
      + 'publishes a method\'s metrics under its resource path and HTTP method, in capitals; no "*", and no ANY method: what it publishes for one is '
      + 'documented nowhere)');
  }
  requireDetailed(context, property, shown, key, 'method');
  requireServed(context, property, key);
  return { resource, method: httpMethod };
}

/**
 * Fails unless `route` names a route of an HTTP stage with detailed metrics on for it, and requires the
 * API to serve it. Returns its `Method` and `Resource` dimensions: HTTP APIs publish per-route metrics
 * under `ApiId, Method, Resource, Stage` (AWS's HTTP API metrics page; a real series:
 * prometheus-community/yet-another-cloudwatch-exporter#1031, `Method="GET", Resource="/.../v1"`), not
 * under a `Route` dimension. What AWS publishes for `$default` and `ANY` routes is documented nowhere,
 * nor are WebSocket routes' values: those are refused rather than guessed.
 */
export function checkRoute(context: MetricContext, property: string, route: string, shown: unknown = route): MethodDimensions {
  const { owner, source } = context;
  if (source.kind === 'REST') {
    throw invalidProperty(owner, property, route, "no route: REST stages publish per-method metrics, by method path ('method', such as \"/pets/GET\")");
  }
  if (source.kind === 'WebSocket') {
    throw invalidProperty(owner, property, route, 'no route: AWS documents WebSocket per-route metrics under the dimensions ApiId, Method, Resource and '
      + 'Stage without saying what Method and Resource hold for a route, and no published series shows it, so the library does not guess (an alarm '
      + "on a guess may never fire); alarm on the stage's metrics");
  }
  const parts = typeof route === 'string' && !Token.isUnresolved(route) ? /^(\S+) (\S+)$/.exec(route) : null;
  if (parts !== null && METHODS.test(parts[1].toUpperCase()) && parts[1] !== parts[1].toUpperCase()) {
    throw invalidProperty(owner, property, route, `the route key as the API has it, its method in capitals ('${parts[1].toUpperCase()} ${parts[2]}')`);
  }
  if (parts === null || !METHODS.test(parts[1]) || !RESOURCE_PATH.test(parts[2])) {
    throw invalidProperty(owner, property, route, "a route key with an HTTP method and a path, such as 'GET /pets': API Gateway publishes an HTTP "
      + "route's metrics under its method and path (Method, Resource); what it publishes for '$default' and ANY routes is documented nowhere, "
      + "so those are not offered (alarm on the stage's metrics)");
  }
  requireDetailed(context, property, shown, route, 'route');
  requireServed(context, property, route);
  return { method: parts[1], resource: parts[2] };
}

/**
 * Fails unless `dimensions` (`Method` and `Resource` written by hand) name one method or route as API
 * Gateway publishes it, then checks it as `method` or `route` would be.
 */
export function checkMethodDimensions(context: MetricContext, property: string, dimensions: { [name: string]: string }): void {
  const { owner, source } = context;
  const { Method: method, Resource: resource } = dimensions;
  if (method === undefined || resource === undefined) {
    throw invalidProperty(owner, property, dimensions, 'both Method and Resource for one method or route, or neither for the whole stage: API Gateway publishes them together');
  }
  if (Token.isUnresolved(method) || Token.isUnresolved(resource)) {
    return;
  }
  if (typeof method !== 'string' || !METHODS.test(method)) {
    throw invalidProperty(owner, `${property}.Method`, method, 'an HTTP method in capitals (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS): what API Gateway '
      + 'publishes a method\'s or route\'s metrics under (not ANY, for which it is documented nowhere)');
  }
  if (typeof resource !== 'string' || !RESOURCE_PATH.test(resource)) {
    throw invalidProperty(owner, `${property}.Resource`, resource, 'a resource path as API Gateway publishes it: "/" for the root resource, else "/pets" or '
      + '"/pets/{id}" (beginning with "/", without a trailing one)');
  }
  const shown = { Method: method, Resource: resource };
  if (source.kind === 'REST') {
    checkMethod(context, property, `${resource === '/' ? '' : resource}/${method}`, shown);
  } else {
    checkRoute(context, property, `${method} ${resource}`, shown);
  }
}

/**
 * Fails unless detailed metrics are on for `key` on the stage (where they are known only at deploy time
 * not judged; for REST, method settings written by hand that may turn them on for the method are waited for).
 */
function requireDetailed(context: MetricContext, property: string, given: unknown, key: string, what: 'method' | 'route'): void {
  const { owner, source } = context;
  if (Token.isUnresolved(key) || source.detailedMetrics(key) !== false) {
    return;
  }
  const setting = what === 'method'
    ? `metricsEnabled: true in the stage's options (all methods) or in its methodOptions entry ${JSON.stringify(`/${key}`)}`
    : `detailedMetricsEnabled: true (with both throttling limits) in the stage's options (all routes) or in its routeOptions entry ${JSON.stringify(key)}`;
  const error = invalidProperty(owner, property, given, `a ${what} with detailed metrics on: API Gateway publishes per-${what} metrics only where they `
    + `are (they are off for this one), so an alarm on it never fires; set ${setting} (billed per metric), or check the ${what} is the API's`);
  if (source.kind !== 'REST') {
    throw error;
  }
  // Method settings of the app (written by hand, or the construct's own changed by an override) may turn them on: judged once the app
  // is complete (app.synth(), Testing.synth(stack, true), warningsOf), once per stage and method however often the metric is asked for.
  const pending = PENDING.get(context.stage) ?? new Set<string>();
  if (pending.has(key)) {
    return;
  }
  pending.add(key);
  PENDING.set(context.stage, pending);
  undoIfFailed(() => pending.delete(key));
  addValidationWhenCommitted(owner, {
    validate: () => (mayEnableMetrics(methodSettingsForStage(source), key) ? [] : [error.message]),
  });
}

/** The methods of each REST stage whose detailed metrics are judged when the app is validated. */
const PENDING = new WeakMap<object, Set<string>>();

const METHOD_SETTINGS = Symbol('the method settings of the app');

/**
 * The app's `aws_api_gateway_method_settings` (the library's and those written by hand) that may be the
 * stage's: a `stage_name` that reads this stage resource's, a literal equal to its name, or one known only
 * at deploy time that reads no other stage; in the stage's stack, a `rest_api_id` that is its API's.
 */
function methodSettingsForStage(source: MetricSource): TerraformResource[] {
  const index = AppIndex.of(source.stageResource);
  const all = index.appMemo(METHOD_SETTINGS, () => index.resourcesOfType('aws_api_gateway_method_settings'));
  const stack = TerraformStack.of(source.stageResource);
  return all.filter((settings) => {
    const name = configuredArgument(settings, 'stage_name');
    if (typeof name !== 'string') {
      return false;
    }
    const literal = literalOf(name);
    if (literal !== undefined) {
      if (!Token.isUnresolved(source.stageName) && literal !== source.stageName) {
        return false;
      }
    } else {
      const read = attributeOf(name);
      if (read !== undefined && read.type === 'aws_api_gateway_stage'
        && (read.name !== source.stageResource.friendlyUniqueId || read.stack !== stack)) {
        return false;
      }
    }
    const apiId = configuredArgument(settings, 'rest_api_id');
    return TerraformStack.of(settings) !== stack || typeof apiId !== 'string' || expressionIn(stack, apiId) === expressionIn(stack, source.apiId)
      || (Token.isUnresolved(apiId) && attributeOf(apiId)?.type !== 'aws_api_gateway_rest_api');
  });
}

/**
 * Whether the stage's method settings (`methodSettingsForStage`) may turn detailed metrics on for the
 * method `key` (`pets/GET`), as API Gateway applies them: the settings of the method itself, else of its
 * resource (`pets/*`), else of every method (`* /*`), the most specific that sets `metrics_enabled` deciding;
 * method paths as API Gateway reads them (`~1pets~1{id}/GET`: a nested path with plain slashes never
 * applies); a path or a setting known only at deploy time may.
 */
function mayEnableMetrics(candidates: readonly TerraformResource[], key: string): boolean {
  const slash = key.lastIndexOf('/');
  const levels = [providerMethodPath(key), providerMethodPath(slash < 0 ? '*' : `${key.slice(0, slash)}/*`), '*/*'];
  const written = candidates.map((settings) => {
    const path = configuredArgument(settings, 'method_path');
    const literal = typeof path === 'string' ? literalOf(path) : undefined;
    const raw = configuredArgument(settings, 'settings');
    const block = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
    const enabled = Token.isUnresolved(block) ? 'unknown' : block?.metrics_enabled ?? block?.metricsEnabled;
    // -1: a path known only at deploy time (it may be the method's); a literal of another method: not in levels (ignored below).
    return { level: literal === undefined ? -1 : levels.indexOf(comparablePath(literal)) === -1 ? 3 : levels.indexOf(comparablePath(literal)), enabled: Token.isUnresolved(enabled) || enabled === 'unknown' ? 'unknown' : enabled };
  });
  const turnsOn = (enabled: unknown) => enabled === true || enabled === 'true' || enabled === 'unknown';
  if (written.some(({ level, enabled }) => level === -1 && turnsOn(enabled))) {
    return true;
  }
  for (const level of [0, 1, 2]) {
    const here = written.filter((entry) => entry.level === level && entry.enabled !== undefined);
    if (here.length > 0) {
      return here.some(({ enabled }) => turnsOn(enabled));
    }
  }
  return false;
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
