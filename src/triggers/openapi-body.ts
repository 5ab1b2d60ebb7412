import type * as Yaml from 'yaml';
import { canonicalDigest, NestingTooDeepError } from './canonical-json';
import { hasInterpolation } from './terraform-references';

/**
 * An API Gateway variable written as a Terraform interpolation would be (`${stageVariables.host}`,
 * `${context.requestId}`), not escaped (`$${...}`).
 */
// `request`: HTTP APIs' parameter mapping and WebSocket route selection write `${request.path.id}` (AWS, "Transform API requests and responses").
// The roots of API Gateway's and its templates' (VTL) variables: `$input`, `$util`, `$method.request...`, `$integration...`
// too; no Terraform reference starts with one.
const API_GATEWAY_VARIABLE = /(^|[^$])\$\{\s*(stageVariables|context|request|input|util|method|integration)\./;

/**
 * The first argument of a resource block (`uri`, `request_templates.application/json`) whose text has
 * an API Gateway variable written as a Terraform interpolation, with the variable's kind; undefined when none has.
 */
export function apiGatewayVariableIn(config: unknown, path = ''): { readonly argument: string; readonly text: string; readonly kind: string } | undefined {
  if (typeof config === 'string') {
    const found = API_GATEWAY_VARIABLE.exec(config);
    return found === null ? undefined : { argument: path, text: config, kind: found[2] };
  }
  if (config !== null && typeof config === 'object') {
    for (const [key, value] of Object.entries(config)) {
      const found = key === '//' ? undefined : apiGatewayVariableIn(value, path === '' ? key : `${path}.${key}`);
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}

/** Raised when a literal OpenAPI body cannot be used; the message says why. */
export class InvalidOpenApiBodyError extends Error {}

/**
 * The trigger value for a REST API's OpenAPI `body`.
 *
 * - A literal JSON or YAML document is parsed and digested canonically, so key order,
 *   whitespace and JSON-versus-YAML do not matter and a real change does.
 * - A body that Terraform computes (`file(...)`, `templatefile(...)`, `jsonencode(...)`,
 *   or a document with interpolations in it) is digested by Terraform at plan time
 *   through `bodyReference`, the REST API's own `body` attribute, so that the trigger
 *   never holds the body's text.
 *
 * @param body the resolved body
 * @param bodyReference gives the Terraform expression of the body attribute, e.g. `aws_api_gateway_rest_api.api.body`
 *   (called only for a computed body: in another stack, the expression is a cross-stack reference)
 */
export function openApiBodyTrigger(body: string, bodyReference: () => string): string {
  const apiGatewayVariable = API_GATEWAY_VARIABLE.exec(body);
  if (apiGatewayVariable !== null) {
    throw new InvalidOpenApiBodyError(`a body whose API Gateway variables are escaped for Terraform: "\${${apiGatewayVariable[2]}.…}" is a Terraform `
      + `interpolation (terraform validate refuses it as a reference to an undeclared resource); write it "$\${${apiGatewayVariable[2]}.…}", `
      + 'which Terraform writes as "${…}" into the body API Gateway reads');
  }
  if (hasInterpolation(body)) {
    return `\${sha1(${bodyReference()})}`;
  }
  const document = parseOpenApiDocument(body);
  try {
    return canonicalDigest(document);
  } catch (error) {
    if (error instanceof NestingTooDeepError) {
      throw new InvalidOpenApiBodyError(`an OpenAPI document that does not nest so deeply (it ${error.message})`);
    }
    throw error;
  }
}

export function parseOpenApiDocument(body: string): Record<string, unknown> {
  const document = parseJsonOrYaml(body);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InvalidOpenApiBodyError(`an OpenAPI document (a JSON or YAML object), not ${describeKind(document)}`);
  }
  const record = document as Record<string, unknown>;
  if (record.openapi === undefined && record.swagger === undefined) {
    throw new InvalidOpenApiBodyError('an OpenAPI document with an "openapi" (3.x) or "swagger" (2.0) field at its top level');
  }
  return record;
}

function parseJsonOrYaml(body: string): unknown {
  let jsonError: string;
  try {
    return JSON.parse(body);
  } catch (error) {
    jsonError = messageOf(error);
  }
  try {
    return yaml().parse(body, { uniqueKeys: true, maxAliasCount: 1000, prettyErrors: false });
  } catch (error) {
    throw new InvalidOpenApiBodyError(
      `an OpenAPI document in JSON or YAML; it parses as neither (JSON: ${firstLine(jsonError)}; YAML: ${firstLine(messageOf(error))})`,
    );
  }
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) {
    return 'an empty document';
  }
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

/**
 * The YAML parser, loaded on first use: most bodies are JSON, and loading it costs every synth
 * about 15 ms (about half of the library's load time).
 */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml');
}
