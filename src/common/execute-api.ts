import { Fn, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from '../core/errors';
import { recordHelperTarget } from '../core/helper-targets';

/** Fails unless `path`, when it is not a token, starts with `/`. */
export function validatePath(owner: IConstruct, property: string, path: string, expected: string): void {
  if (!Token.isUnresolved(path) && !path.startsWith('/')) {
    throw invalidProperty(owner, property, path, expected);
  }
}

/** What a URL's path (with a query and a fragment) may hold as it is: RFC 3986's characters, `%` only before two hex digits. */
const URL_PATH_TEXT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;

/**
 * `path` for `urlForPath`: it starts with `/` (unless it starts with a token) and its literal text is
 * what a URL may hold (no space, no `{`, no `${` that cdktf would write as text, non-ASCII percent-encoded).
 */
export function validateUrlPath(owner: IConstruct, path: string): void {
  const tokens = Token.isUnresolved(path);
  const literals = tokens ? (Tokenization.reverseString(path).literals as unknown[]).filter((part): part is string => typeof part === 'string') : [path];
  if (!(tokens && path.startsWith('${')) && !path.startsWith('/')) {
    throw invalidProperty(owner, 'urlForPath(path)', path, 'a path that starts with "/"');
  }
  const bad = literals.find((literal) => !URL_PATH_TEXT.test(literal));
  if (bad !== undefined) {
    throw invalidProperty(owner, 'urlForPath(path)', path,
      "a URL path of the characters a URL holds as they are (letters, digits, -._~!$&'()*+,;=:@/?# and %XX): " +
      'percent-encode the others (encodeURIComponent for a segment); a Terraform expression goes in as a token (a variable\'s stringValue), not as "${...}" text');
  }
  // The path ends at the first `?` or `#` (a query may hold `//`); a token in it is some text, not a `/`.
  const pathPart = literals.join('\u0000').split(/[?#]/)[0];
  if (pathPart.includes('//')) {
    throw invalidProperty(owner, 'urlForPath(path)', path,
      'a path without an empty segment ("//"): API Gateway matches no resource or route with one (a trailing "/" is kept, as clients may call it)');
  }
  // A token is some text (NUL here): a segment next to one is no dot segment.
  const dotSegment = path.replace(/\$\{TfToken\[[^\]]*\]\}/g, '\u0000').split(/[?#]/)[0].split('/').some((segment) => segment === '.' || segment === '..');
  if (dotSegment) {
    throw invalidProperty(owner, 'urlForPath(path)', path,
      'a path without a "." or ".." segment: clients resolve them before they call (".." drops the stage from the URL), so the URL would reach another path');
  }
}

/**
 * An execute-api ARN for the `source_arn` of an `aws_lambda_permission`: `<API's execution
 * ARN>/<stage>/<target>`. It is built from the API's execution ARN when the construct has the API,
 * so the permission does not depend on the deployment and no dependency cycle can form; else from
 * the stage's execution ARN (`arn:...:<api id>/<stage>`, everything before the `/`).
 *
 * @param target what follows the stage: `GET/pets` (REST, HTTP), a route key (WebSocket)
 * @param defaultStage whether the API's kind has a `$default` stage (HTTP; not REST, not WebSocket)
 */
export function executeApiArn(
  owner: IConstruct, apiExecutionArn: string | undefined, stageExecutionArn: string, stage: string, target: string, defaultStage: boolean,
): string {
  validateArnStage(owner, stage, defaultStage);
  const apiArn = apiExecutionArn ?? Fn.element(Fn.split('/', stageExecutionArn), 0);
  return `${apiArn}/${stage}/${target}`;
}

/** A resource path in an execute-api ARN: `/`, or `/`-separated non-empty segments, each literal, a `{parameter}` or `*`. */
const RESOURCE_PATH = /^\/$|^(\/([A-Za-z0-9._~:@!&'()+,;=-]+|\{[A-Za-z0-9_.-]+\+?\}|\*))+$/;

/** A stage in an execute-api ARN: `*`, or a stage name (letters, digits, `-`, `_`; `$default` where the API's kind has that stage). */
const ARN_STAGE = /^(\*|\$default|[A-Za-z0-9_-]{1,128})$/;

/**
 * Fails unless `stage`, when it is not a token, is `*` or a stage name: `$default` only where the
 * API's kind has that stage (`defaultStage`: HTTP APIs); a REST or WebSocket API's stage cannot be named so.
 */
export function validateArnStage(owner: IConstruct, stage: string, defaultStage: boolean): void {
  if (!Token.isUnresolved(stage) && (!ARN_STAGE.test(stage) || (stage === '$default' && !defaultStage))) {
    throw invalidProperty(owner, 'arnForExecuteApi(stage)', stage, stage === '$default'
      ? `a stage name of a ${owner.constructor.name.startsWith('WebSocket') ? 'WebSocket' : 'REST'} API (letters, digits, '-' and '_'), or '*' for `
        + "every stage: '$default' is a stage of HTTP APIs, and this API has none of that name (its stage names are 1 to 128 letters, digits, "
        + "'-' and '_'), so the ARN would match nothing"
      : `a stage name (1 to 128 letters, digits, '-' and '_')${defaultStage ? ", '$default'" : ''}, or '*' for every stage`);
  }
}

/** The methods API Gateway invokes with, as they appear in an execute-api ARN. */
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * The method and path of an execute-api ARN of a REST or HTTP API, written as API Gateway matches
 * them (exactly, case included): the method in capitals (`ANY` is `*` there), each path parameter
 * (`{id}`, `{proxy+}`) as `*`, since the ARN API Gateway invokes with has the value in its place
 * (aws-cdk #8206, serverless-application-model #110). A method that is none of API Gateway's, or a
 * path without its leading `/` or with a trailing one, is refused: such an ARN matches nothing.
 */
export function methodAndPath(owner: IConstruct, method: string, path: string): string {
  validatePath(owner, 'arnForExecuteApi(path)', path, 'a path that starts with "/", e.g. "/*" or "/pets/{id}"');
  if (!Token.isUnresolved(path) && path.length > 1 && path.endsWith('/')) {
    throw invalidProperty(owner, 'arnForExecuteApi(path)', path,
      'a path without a trailing "/" ("/pets", not "/pets/"): API Gateway matches the ARN exactly, and a resource path has none');
  }
  if (!Token.isUnresolved(path) && !RESOURCE_PATH.test(path)) {
    throw invalidProperty(owner, 'arnForExecuteApi(path)', path,
      'a resource path as API Gateway writes it: segments of letters, digits and -._~, path parameters in braces ({id}, {proxy+}) or *, '
      + 'separated by single "/", without a query (?) or fragment (#): the ARN API Gateway invokes with has no others');
  }
  // In a path with tokens too: a token is written `${TfToken[...]}`, the only `{` after a `$`.
  return `${arnMethod(owner, method)}${path.replace(/(?<!\$)\{[^}]*\}/g, '*')}`;
}

function arnMethod(owner: IConstruct, method: string): string {
  if (Token.isUnresolved(method)) {
    // Known at deploy time: written in capitals there too, `ANY` as `*` (API Gateway invokes with `GET`, never `get`).
    return Fn.replace(Fn.upper(method), 'ANY', '*');
  }
  if (method === '*') {
    return method;
  }
  const upper = method.toUpperCase();
  if (upper === 'ANY') {
    return '*';
  }
  if (!HTTP_METHODS.includes(upper)) {
    throw invalidProperty(owner, 'arnForExecuteApi(method)', method,
      `an HTTP method (${HTTP_METHODS.join(', ')}), or '*' or 'ANY' for every method`);
  }
  return upper;
}

/** The route keys API Gateway defines for WebSocket APIs; a custom key cannot start with `$`. */
const PREDEFINED_ROUTE_KEYS = ['$connect', '$disconnect', '$default'];

/** A WebSocket route key for an execute-api ARN: `*`, a custom key, or one of the predefined keys exactly as AWS writes them. */
export function webSocketArnRouteKey(owner: IConstruct, routeKey: string): string {
  if (routeKey === '' || (!Token.isUnresolved(routeKey) && routeKey.startsWith('$') && !PREDEFINED_ROUTE_KEYS.includes(routeKey))) {
    const known = PREDEFINED_ROUTE_KEYS.find((key) => key === routeKey.toLowerCase());
    throw invalidProperty(owner, 'arnForExecuteApi(routeKey)', routeKey,
      `${known !== undefined ? `'${known}' (API Gateway matches route keys exactly, case included)` : `one of ${PREDEFINED_ROUTE_KEYS.map((key) => `'${key}'`).join(', ')}`}, ` +
      "a custom route key (which cannot start with '$'), or '*' for every route");
  }
  return routeKey;
}

/**
 * Records, for the check at synth against what the API serves, what an `arnForExecuteApi` call of
 * `owner` asked for: `target` as the ARN has it (`GET/pets/*`, a WebSocket route key, `$default`).
 */
export function recordArnTarget(owner: IConstruct, call: string, target: string, webSocket: boolean, path?: string): void {
  if (webSocket || target === '$default') {
    recordHelperTarget(owner, { call, routeKey: target });
    return;
  }
  const slash = target.indexOf('/');
  // `{id}` is written `*` in the ARN: one segment, judged as the path parameter it is; a `*` of the caller's at the end, any path below.
  recordHelperTarget(owner, { call, method: target.slice(0, slash), path: target.slice(slash), wildcardTail: path?.endsWith('/*') });
}

/** Records, for the check at synth against what the API serves, the path a `urlForPath` call of `owner` asked for. */
export function recordUrlTarget(owner: IConstruct, path: string): void {
  recordHelperTarget(owner, { call: callText('urlForPath', [path]), method: '*', path });
}

/** A call as warnings show it: `arnForExecuteApi('GET', '/pets')`. */
export function callText(name: string, args: readonly unknown[]): string {
  return `${name}(${args.filter((arg) => arg !== undefined).map((arg) => `'${String(arg)}'`).join(', ')})`;
}
