import { ApiResourceBlock, isMultiInstance } from './api-family';
import { parseOpenApiDocument } from './openapi-body';
import { hasInterpolation } from './terraform-references';

/**
 * What an API serves, as the keys a stage's per-route or per-method settings name: route keys
 * (`GET /pets`, `$connect`) of an HTTP or WebSocket API, method paths (`pets/GET`) of a REST API.
 * Read from the discovered routes and methods and a literal OpenAPI body; undefined where the
 * library cannot know them all (a key or path that is a Terraform expression, a computed body,
 * `count` or `for_each`), so that nothing is refused on a guess.
 */
export type ServedKeys = ReadonlySet<string> | undefined;

/** The route keys of an HTTP or WebSocket API. */
export function servedRouteKeys(api: ApiResourceBlock, resources: readonly ApiResourceBlock[]): ServedKeys {
  const routes = resources.filter((item) => item.type === 'aws_apigatewayv2_route');
  const keys = routes.map((route) => route.config.route_key);
  if (routes.some(isMultiInstance) || !keys.every(isLiteral) || api.config.target !== undefined) {
    return undefined;
  }
  // The path `$default` of an HTTP API's OpenAPI definition is its route `$default` (no method in its key).
  const fromBody = operationsOfBody(api.config.body, (path, method) => (path === '$default' ? '$default'
    : method === 'x-amazon-apigateway-any-method' ? `ANY ${path}` : `${method.toUpperCase()} ${path}`));
  return fromBody === undefined ? undefined : new Set([...keys as string[], ...fromBody]);
}

/**
 * The method paths of a REST API, `{resource path}/{HTTP method}` without the leading `/`, as
 * `methodOptions` keys are written once the `/` is dropped; a resource with an `ANY` method serves
 * every method (`pets/*`). `idsElsewhere`: the ids of the API's root resource and resources as other stacks read them (a remote
 * state's output), each with the expression it stands for in the resource's own stack (`${aws_api_gateway_resource.pets.id}`).
 */
export function servedMethodPaths(
  api: ApiResourceBlock, resources: readonly ApiResourceBlock[], idsElsewhere?: ReadonlyMap<string, string>,
): ServedKeys {
  const relevant = resources.filter((item) => item.type === 'aws_api_gateway_resource' || item.type === 'aws_api_gateway_method');
  if (relevant.some(isMultiInstance) || resources.some((item) => item.type === 'aws_api_gateway_rest_api_put')) {
    return undefined;
  }
  const root = `\${${api.address}.root_resource_id}`;
  const parts = new Map<string, { parent: unknown; pathPart: unknown }>();
  for (const resource of relevant.filter((item) => item.type === 'aws_api_gateway_resource')) {
    parts.set(`\${${resource.address}.id}`, { parent: resource.config.parent_id, pathPart: resource.config.path_part });
  }
  const pathOf = (given: unknown, depth = 0): string | undefined => {
    const id = idsElsewhere?.get(String(given)) ?? String(given);
    if (id === root) {
      return '';
    }
    const part = parts.get(id);
    const parent = part && depth < 64 ? pathOf(part.parent, depth + 1) : undefined;
    return parent !== undefined && isLiteral(part!.pathPart) ? `${parent}/${part!.pathPart}` : undefined;
  };
  const paths: string[] = [];
  for (const method of relevant.filter((item) => item.type === 'aws_api_gateway_method')) {
    const path = pathOf(method.config.resource_id);
    if (path === undefined || !isLiteral(method.config.http_method)) {
      return undefined;
    }
    paths.push(methodPath(path, method.config.http_method as string));
  }
  const mode = (api.config.parameters as Record<string, unknown> | undefined)?.basepath;
  if (mode !== undefined && !isLiteral(mode)) {
    return undefined;
  }
  const fromBody = operationsOfBody(api.config.body, (path, method) => methodPath(path, method === 'x-amazon-apigateway-any-method' ? 'ANY' : method),
    mode === 'prepend' || mode === 'split' ? mode : undefined);
  return fromBody === undefined ? undefined : new Set([...paths, ...fromBody]);
}

/**
 * What the OpenAPI document's base path adds before each path when it is imported with the
 * `basepath` parameter `mode` (AWS developer guide, "Set the OpenAPI basePath property"): `prepend`
 * the whole base path, `split` the base path but its first segment. The base path is Swagger 2's
 * `basePath`, or OpenAPI 3's first server URL's path (its `{basePath}` variable's default); undefined
 * where it cannot be read.
 */
function basePathPrefix(document: Record<string, unknown>, mode: 'prepend' | 'split'): string | undefined {
  let basePath: unknown = document.basePath;
  if (basePath === undefined && Array.isArray(document.servers) && document.servers.length > 0) {
    const servers = document.servers as Array<{ url?: unknown; variables?: Record<string, { default?: unknown }> }>;
    // "If the API contains only one basePath variable, the Import API feature uses it as the base path, even if it's not
    // referenced in the server.url" (AWS developer guide); else the first server URL's path.
    const variables = servers.flatMap((server) => (server?.variables?.basePath === undefined ? [] : [server.variables.basePath.default]));
    if (variables.length === 1) {
      basePath = variables[0];
    } else if (typeof servers[0]?.url === 'string') {
      basePath = servers[0].url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    } else {
      return undefined;
    }
  }
  if (basePath === undefined) {
    return '';
  }
  if (typeof basePath !== 'string' || basePath.includes('{')) {
    return undefined;
  }
  const segments = basePath.split('/').filter((segment) => segment !== '');
  return (mode === 'split' ? segments.slice(1) : segments).map((segment) => `/${segment}`).join('');
}

/** `{resource path}/{HTTP method}` as a `methodOptions` key writes it, without its leading `/`: `pets/GET`, `GET` for the root resource. */
function methodPath(path: string, httpMethod: string): string {
  const method = httpMethod.toUpperCase();
  const resource = path.replace(/^\//, '').replace(/\/$/, '');
  return `${resource === '' ? '' : `${resource}/`}${method === 'ANY' ? '*' : method}`;
}

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

/** Each operation of a literal OpenAPI body, named by `name`; `[]` without a body; undefined for a body the library cannot read. */
function operationsOfBody(body: unknown, name: (path: string, method: string) => string, basePathMode?: 'prepend' | 'split'): string[] | undefined {
  if (body === undefined) {
    return [];
  }
  if (typeof body !== 'string' || hasInterpolation(body)) {
    return undefined;
  }
  let document: Record<string, unknown>;
  try {
    document = parseOpenApiDocument(body);
  } catch {
    return undefined; // the body's own entry reports it
  }
  const paths = document.paths;
  if (paths === null || typeof paths !== 'object') {
    return [];
  }
  const prefix = basePathMode === undefined ? '' : basePathPrefix(document, basePathMode);
  if (prefix === undefined) {
    return undefined;
  }
  return Object.entries(paths as Record<string, unknown>).flatMap(([path, item]) =>
    Object.keys(item !== null && typeof item === 'object' ? item : {}).filter((method) => OPERATIONS.has(method))
      .map((method) => name(`${prefix}${path === '/' && prefix !== '' ? '' : path}`, method)));
}

function isLiteral(value: unknown): value is string {
  return typeof value === 'string' && !hasInterpolation(value);
}

