import { TerraformResource, Token } from 'cdktf';
import { MetricContext, servedRequirementOf } from './metric-source';
import { methodSettingsWrittenFor } from '../common/logging-at-synth';
import { addValidationWhenCommitted } from '../core/abandoned';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
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
export function checkMethod(context: MetricContext, property: string, method: string): MethodDimensions {
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
  requireDetailed(context, property, method, key, 'method');
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
export function checkRoute(context: MetricContext, property: string, route: string): MethodDimensions {
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
  if (parts === null || !METHODS.test(parts[1]) || !RESOURCE_PATH.test(parts[2])) {
    throw invalidProperty(owner, property, route, "a route key with an HTTP method and a path, such as 'GET /pets': API Gateway publishes an HTTP "
      + "route's metrics under its method and path (Method, Resource); what it publishes for '$default' and ANY routes is documented nowhere, "
      + "so those are not offered (alarm on the stage's metrics)");
  }
  requireDetailed(context, property, route, route, 'route');
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
  if (source.kind === 'REST') {
    checkMethod(context, `${property}.Resource`, `${resource === '/' ? '' : resource}/${method}`);
  } else {
    checkRoute(context, `${property}.Resource`, `${method} ${resource}`);
  }
}

/**
 * Fails unless detailed metrics are on for `key` on the stage (where they are known only at deploy time
 * not judged; for REST, method settings written by hand that may turn them on for the method are waited for).
 */
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
    validate: () => {
      const written = methodSettingsWrittenFor(source.stageResource as TerraformResource);
      return written.some((settings) => mayEnableMetrics(settings, key)) ? [] : [error.message];
    },
  });
}

/**
 * Whether method settings written by hand may turn detailed metrics on for the method `key` (`pets/GET`):
 * their method path is the method's, its resource's (`pets/*`), every method's (`* /*`) or known only at
 * deploy time, and their `metrics_enabled` is not false or unset.
 */
function mayEnableMetrics(settings: TerraformResource, key: string): boolean {
  const path = configuredArgument(settings, 'method_path');
  const written = typeof path === 'string' ? literalOf(path) ?? path : undefined;
  const slash = key.lastIndexOf('/');
  const covers = written === undefined || Token.isUnresolved(written)
    || [key, slash < 0 ? '*' : `${key.slice(0, slash)}/*`, '*/*'].includes(written.replace(/~1/g, '/').replace(/^\/+/, ''));
  const block = configuredArgument(settings, 'settings') as Record<string, unknown> | undefined;
  const enabled = block?.metrics_enabled ?? block?.metricsEnabled;
  return covers && (enabled === true || enabled === 'true' || Token.isUnresolved(enabled) || (Token.isUnresolved(block) && block !== undefined));
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
