import { Token } from 'cdktf';
import { HelperTarget } from '../core/helper-targets';

/**
 * The warnings for what helpers were asked for that the API does not serve (`served`: route keys, or
 * REST method paths as `methodOptions` keys hold them, `pets/{id}/GET`): an ARN that matches no request
 * (a permission with it lets none through), a URL no route answers. What holds a token or a wildcard is
 * not judged.
 */
export function unservedTargetWarnings(apiAddress: string, served: ReadonlySet<string>, rest: boolean, targets: readonly HelperTarget[]): string[] {
  const routes = [...served].map((key) => ({ key, route: rest ? restRoute(key) : v2Route(key) }));
  const shown = [...served].sort().map((key) => JSON.stringify(rest ? `/${key}` : key)).join(', ');
  // A route key (WebSocket, `$default`) is matched exactly: the ARN has the key of the route that was invoked.
  const servesTarget = (target: HelperTarget) => routes.some(({ key, route }) =>
    (target.routeKey !== undefined ? key === target.routeKey : serves(route, target)));
  // An API whose only route is `$default` is invoked with `<api>/<stage>/$default`: an ARN of a method and path matches none of its requests, wildcards too.
  const onlyDefault = routes.length > 0 && routes.every(({ route }) => route.catchAll);
  const arnOfPath = (target: HelperTarget) => target.routeKey === undefined && target.call.startsWith('arnForExecuteApi');
  return targets.filter((target) => (judged(target) || (onlyDefault && arnOfPath(target))) && !servesTarget(target)).map((target) =>
    `${target.call} names ${describe(target)}, which ${apiAddress} does not serve (it serves ${shown || 'nothing yet'}): `
    + `${target.call.startsWith('urlForPath') ? 'no route answers the URL (404)' : 'the ARN matches no request, so a permission with it lets none through'}. `
    + 'Name what the API serves, or add it to the API.');
}

/**
 * Beside other routes, the `$default` route's requests escape an ARN of every method and path (`arnForExecuteApi()`), unless
 * its own ARN is asked for too: the warnings for such ARNs. Judged where the API has a literal `$default` route beside others
 * (`besideOthers`), even when the other routes are not all known (one named indirectly, one of a module).
 */
export function missedDefaultRouteWarnings(apiAddress: string, besideOthers: boolean, targets: readonly HelperTarget[]): string[] {
  if (!besideOthers || targets.some((target) => target.routeKey === '$default')) {
    return [];
  }
  return targets.filter((target) => target.routeKey === undefined && target.call.startsWith('arnForExecuteApi') && target.method === '*' && target.path === '/*')
    .map((target) => `${target.call} matches every method and path, but not the requests ${apiAddress}'s $default route `
      + "serves: API Gateway invokes it with the ARN '<api>/<stage>/$default', which has no method and path, so a permission with this ARN lets none "
      + "of them through (the caller gets 500). Give the $default route's function a permission with arnForExecuteApi('$default') too.");
}

/** A route as served: `$default` (every request), or a method (`*` for any) and path segments. */
type Route = { readonly catchAll: true }
  | { readonly catchAll?: false; readonly method: string; readonly segments: readonly string[]; readonly routeKey?: string };

function restRoute(key: string): Route {
  const parts = key.split('/');
  return { method: parts[parts.length - 1], segments: parts.slice(0, -1) };
}

function v2Route(key: string): Route {
  if (key === '$default') {
    return { catchAll: true };
  }
  const [method, path] = key.split(' ');
  return path === undefined ? { method: '', segments: [], routeKey: key }
    : { method: method === 'ANY' ? '*' : method, segments: path.split('/').filter((part) => part !== '') };
}

/** Whether the target is judged: no token but in path segments (any segment there), no wildcard path, not the stage's root URL. */
function judged(target: HelperTarget): boolean {
  if ([target.method, target.routeKey].some((part) => part !== undefined && Token.isUnresolved(part)) || target.routeKey === '*') {
    return false;
  }
  const path = target.path?.split(/[?#]/)[0];
  return target.routeKey !== undefined || (path !== undefined && path !== '/' && path !== '/*' && !(target.wildcardTail ?? path.endsWith('/*')));
}

/** Whether a route serves a request for a method and path (an HTTP API's `$default` route serves every URL, but no ARN of a method and path). */
function serves(route: Route, target: HelperTarget): boolean {
  if (route.catchAll) {
    // The `$default` route answers every URL; a request it serves is invoked with the ARN `<api>/<stage>/$default`, never `GET/pets`.
    return target.call.startsWith('urlForPath');
  }
  if (route.routeKey !== undefined || (route.method !== '*' && target.method !== '*' && route.method !== target.method)) {
    return false;
  }
  const segments = target.path!.split(/[?#]/)[0].split('/').filter((part) => part !== '');
  // From a segment with a value known only at deploy time on, the path may be any (a value may hold a '/'): only what precedes is judged.
  const known = segments.findIndex((part) => Token.isUnresolved(part));
  return known < 0 ? pathMatches(route.segments, segments) : pathMatches(route.segments, segments.slice(0, known), true);
}

/**
 * Whether served segments (`{id}` one segment, `{proxy+}` the rest) match requested ones (`*`: a path
 * parameter, any segment): the whole path, or, with `goesOn` (a path known only from there on), a
 * beginning the route's path goes on from.
 */
function pathMatches(served: readonly string[], requested: readonly string[], goesOn = false): boolean {
  const compared = goesOn ? requested.length : served.length;
  for (let index = 0; index < compared; index++) {
    const segment = served[index];
    if (segment !== undefined && /^\{[^}]+\+\}$/.test(segment)) {
      return goesOn || requested.length > index;
    }
    const asked = requested[index];
    if (segment === undefined || asked === undefined || !(asked === segment || asked === '*' || /^\{[^}]+\}$/.test(segment))) {
      return false;
    }
  }
  return goesOn ? served.length > requested.length : requested.length === served.length;
}

function describe(target: HelperTarget): string {
  return target.routeKey !== undefined ? `the route ${JSON.stringify(target.routeKey)}`
    : target.method === undefined || target.method === '*' ? `the path ${JSON.stringify(target.path)}` : `${target.method} ${target.path}`;
}

/** The warning for a URL of the execute-api endpoint of an API that turns it off (`disable_execute_api_endpoint`). */
export function endpointDisabledWarning(call: string, apiAddress: string): string {
  return `${call} is a URL of the execute-api endpoint, which ${apiAddress} turns off (disable_execute_api_endpoint): clients get 403 Forbidden. `
    + 'Give clients the URL on its custom domain.';
}
