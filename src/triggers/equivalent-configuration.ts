import { canonicalJson, compare } from './canonical-json';

/**
 * Attributes the AWS provider's schema declares as sets: their order never changes what is
 * deployed, and Terraform shows no change when only the order differs. Taken from
 * `terraform providers schema -json` (AWS provider 6.x); `provider-facts.terraform.ts` fails when
 * the provider's schema disagrees. A dotted name is an attribute of a nested block.
 */
export const SET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_api_gateway_rest_api: ['endpoint_configuration.vpc_endpoint_ids'],
  aws_api_gateway_method: ['authorization_scopes'],
  aws_api_gateway_integration: ['cache_key_parameters'],
  aws_api_gateway_authorizer: ['provider_arns'],
};

/** How the provider compares a JSON document attribute: as an IAM policy, or as plain JSON. */
export type JsonEquivalence = 'iam-policy' | 'json';

/**
 * Attributes holding a JSON document that the provider compares by meaning
 * (`verify.SuppressEquivalentPolicyDiffs` / `SuppressEquivalentJSONDiffs` in its source):
 * key order and whitespace never count, and for IAM policies neither does the order of
 * statements and list elements, nor a one-element list written as its element.
 */
export const JSON_DOCUMENT_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, JsonEquivalence>>>> = {
  aws_api_gateway_rest_api: { policy: 'iam-policy' },
  aws_api_gateway_rest_api_policy: { policy: 'iam-policy' },
  aws_api_gateway_model: { schema: 'json' },
};

/**
 * The configuration of a resource of `type` with every set attribute sorted and every JSON
 * document attribute parsed into its canonical form, so that configurations Terraform treats
 * as equal digest equally. Values that are not literal (a document Terraform computes) stay
 * as they are.
 */
export function equivalentConfiguration(type: string, config: Record<string, unknown>): Record<string, unknown> {
  let result = config;
  for (const attribute of SET_ATTRIBUTES[type] ?? []) {
    result = mapAttribute(result, attribute.split('.'), sortedSet);
  }
  for (const [attribute, equivalence] of Object.entries(JSON_DOCUMENT_ATTRIBUTES[type] ?? {})) {
    result = mapAttribute(result, [attribute], (value) => parsedDocument(value, equivalence));
  }
  return result;
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

function parsedDocument(value: unknown, equivalence: JsonEquivalence): unknown {
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
