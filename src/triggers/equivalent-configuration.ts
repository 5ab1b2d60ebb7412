import { canonicalJson, compare } from './canonical-json';

/**
 * How the provider compares an attribute: as a set (order and repeats never count; for
 * `set-case-insensitive`, letter case neither: the provider hashes its elements lowercased),
 * as an IAM policy, or as a JSON document.
 */
export type Equivalence = 'set' | 'set-case-insensitive' | 'iam-policy' | 'json';

/**
 * Attributes that Terraform compares by meaning rather than as written, from the AWS provider's
 * source: set-typed attributes (`schema.TypeSet`; `sdkv2.StringCaseInsensitiveSetFunc` for the
 * case-insensitive ones) and JSON documents compared with `verify.SuppressEquivalentPolicyDiffs`
 * or `SuppressEquivalentJSONDiffs`. A dotted name is an attribute of a nested block.
 * `provider-facts.terraform.ts` fails when the real provider's schema disagrees about the sets.
 */
export const EQUIVALENCES: Readonly<Record<string, Readonly<Record<string, Equivalence>>>> = {
  aws_api_gateway_rest_api: { 'endpoint_configuration.vpc_endpoint_ids': 'set', 'policy': 'iam-policy' },
  aws_api_gateway_method: { authorization_scopes: 'set' },
  aws_api_gateway_integration: { cache_key_parameters: 'set' },
  aws_api_gateway_authorizer: { provider_arns: 'set' },
  aws_api_gateway_rest_api_policy: { policy: 'iam-policy' },
  aws_api_gateway_model: { schema: 'json' },
  aws_apigatewayv2_api: {
    'cors_configuration.allow_headers': 'set-case-insensitive',
    'cors_configuration.allow_methods': 'set-case-insensitive',
    'cors_configuration.allow_origins': 'set-case-insensitive',
    'cors_configuration.expose_headers': 'set-case-insensitive',
  },
  aws_apigatewayv2_route: { authorization_scopes: 'set', request_parameter: 'set' },
  aws_apigatewayv2_integration: { response_parameters: 'set' },
  aws_apigatewayv2_authorizer: { 'identity_sources': 'set', 'jwt_configuration.audience': 'set' },
  aws_apigatewayv2_model: { schema: 'json' },
};

/** The set-typed attributes of each type (`EQUIVALENCES`' sets), as `provider-facts.terraform.ts` compares them with the provider schema. */
export const SET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(EQUIVALENCES)
  .map(([type, attributes]) => [type, Object.keys(attributes).filter((name) => attributes[name].startsWith('set'))])
  .filter(([, names]) => names.length > 0));

/**
 * The configuration of a resource with every attribute of `equivalences` in its canonical
 * form: sets sorted, JSON documents parsed (IAM policies into their canonical form), so that
 * configurations Terraform treats as equal digest equally. Values that are not literal (a
 * document Terraform computes) stay as they are.
 */
export function equivalentConfiguration(
  config: Record<string, unknown>,
  equivalences: Readonly<Record<string, Equivalence>> | undefined,
): Record<string, unknown> {
  let result = typeof config.for_each === 'string' ? { ...config, for_each: sortedLiteralSet(config.for_each) } : config;
  for (const { path, equivalence } of attributePaths(equivalences)) {
    if (path[0] in result) {
      result = mapAttribute(result, path, (value) => canonicalValue(value, equivalence));
    }
  }
  return result;
}

/**
 * `${toset(["b", "a"])}` (how cdktf writes `TerraformIterator.fromList` over a literal list) with
 * its items unique and sorted: `for_each` over a set, where the list's order never counts. Any
 * other expression stays as it is.
 */
export function sortedLiteralSet(expression: string): string {
  const match = /^\$\{toset\(\[(.*)\]\)\}$/s.exec(expression);
  if (match === null) {
    return expression;
  }
  let items: unknown;
  try {
    items = JSON.parse(`[${match[1]}]`);
  } catch {
    return expression;
  }
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return expression;
  }
  const unique = [...new Set(items.map((item) => JSON.stringify(item)))].sort(compare);
  return `\${toset([${unique.join(', ')}])}`;
}

/** Each attribute of `equivalences` as a path of block names, worked out once per table. */
function attributePaths(equivalences: Readonly<Record<string, Equivalence>> | undefined): readonly AttributePath[] {
  if (equivalences === undefined) {
    return [];
  }
  let paths = ATTRIBUTE_PATHS.get(equivalences);
  if (paths === undefined) {
    paths = Object.entries(equivalences).map(([attribute, equivalence]) => ({ path: attribute.split('.'), equivalence }));
    ATTRIBUTE_PATHS.set(equivalences, paths);
  }
  return paths;
}

interface AttributePath {
  readonly path: string[];
  readonly equivalence: Equivalence;
}

const ATTRIBUTE_PATHS = new WeakMap<object, readonly AttributePath[]>();

function canonicalValue(value: unknown, equivalence: Equivalence): unknown {
  switch (equivalence) {
    case 'set':
      return sortedSet(value);
    case 'set-case-insensitive':
      return sortedSet(Array.isArray(value) ? value.map((item) => (typeof item === 'string' && !item.includes('${') ? item.toLowerCase() : item)) : value);
    default:
      return parsedDocument(value, equivalence);
  }
}

/** `config` with the attribute at `path` (through nested blocks, single or repeated) replaced by `map(value)`. */
function mapAttribute(config: Record<string, unknown>, path: string[], map: (value: unknown) => unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!(head in config)) {
    return config;
  }
  const value = config[head];
  if (rest.length === 0) {
    return { ...config, [head]: map(value) };
  }
  const mapBlock = (block: unknown) => (isRecord(block) ? mapAttribute(block, rest, map) : block);
  return { ...config, [head]: Array.isArray(value) ? value.map(mapBlock) : mapBlock(value) };
}

function sortedSet(value: unknown): unknown {
  return Array.isArray(value) ? [...new Set(value.map((item) => canonicalJson(item)))].sort().map((item) => JSON.parse(item)) : value;
}

function parsedDocument(value: unknown, equivalence: 'iam-policy' | 'json'): unknown {
  if (typeof value !== 'string' || value.startsWith('${')) {
    return value;
  }
  let document: unknown;
  try {
    document = JSON.parse(value);
  } catch {
    return value;
  }
  return { parsedDocument: equivalence === 'iam-policy' ? canonicalPolicy(document) : document };
}

/** The parts of an IAM policy statement whose values may be a string or a list of strings, in any order. */
const STATEMENT_LISTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

/**
 * An IAM policy in the form in which equivalent policies are equal: statements as a sorted
 * list, and every action, resource and principal list sorted, a single string as a list.
 */
function canonicalPolicy(policy: unknown): unknown {
  if (!isRecord(policy)) {
    return policy;
  }
  const statements = Array.isArray(policy.Statement) ? policy.Statement : policy.Statement === undefined ? undefined : [policy.Statement];
  if (statements === undefined) {
    return policy;
  }
  const canonical = statements.map(canonicalStatement).sort((a, b) => compare(canonicalJson(a), canonicalJson(b)));
  return { ...policy, Statement: canonical };
}

function canonicalStatement(statement: unknown): unknown {
  if (!isRecord(statement)) {
    return statement;
  }
  const result: Record<string, unknown> = { ...statement };
  for (const key of STATEMENT_LISTS) {
    if (key in result) {
      result[key] = stringList(result[key]);
    }
  }
  for (const key of ['Principal', 'NotPrincipal']) {
    const principal = result[key];
    if (isRecord(principal)) {
      result[key] = Object.fromEntries(Object.entries(principal).map(([kind, ids]) => [kind, stringList(ids)]));
    }
  }
  if (isRecord(result.Condition)) {
    result.Condition = Object.fromEntries(Object.entries(result.Condition).map(([operator, keys]) =>
      [operator, isRecord(keys) ? Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, stringList(values)])) : keys]));
  }
  return result;
}

function stringList(value: unknown): unknown {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? sortedSet(value) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
