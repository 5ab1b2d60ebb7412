import * as fs from 'fs';
import * as path from 'path';

/**
 * The Terraform schema of the AWS provider as far as `@cdktf/provider-aws` records it in
 * its jsii assembly: for every resource and data source, its arguments (Terraform
 * names), which are required, and the schema of each nested block.
 */

interface AttributeSchema {
  readonly required: boolean;
  /** The schema of a nested block; undefined for a plain attribute. */
  readonly block?: BlockSchema;
}

type BlockSchema = Map<string, AttributeSchema>;

interface JsiiProperty {
  name: string;
  optional?: boolean;
  docs?: { summary?: string; remarks?: string };
  type: { primitive?: string; fqn?: string; collection?: { elementtype: any }; union?: { types: any[] } };
}

interface JsiiType {
  fqn: string;
  kind: string;
  datatype?: boolean;
  interfaces?: string[];
  properties?: JsiiProperty[];
  docs?: { summary?: string };
  initializer?: { parameters?: Array<{ name: string; type: { fqn?: string } }> };
}

/** Keys Terraform accepts on every resource, whatever its schema. */
const META_ARGUMENTS = new Set(['count', 'depends_on', 'for_each', 'lifecycle', 'provider', 'connection', 'provisioner', '//']);
const LIFECYCLE_KEYS = new Set(['create_before_destroy', 'prevent_destroy', 'ignore_changes', 'replace_triggered_by', 'precondition', 'postcondition']);

let cached: { resources: Map<string, BlockSchema>; dataSources: Map<string, BlockSchema> } | undefined;

function loadSchema() {
  if (cached) {
    return cached;
  }
  const assemblyPath = path.join(path.dirname(require.resolve('@cdktf/provider-aws/package.json')), '.jsii');
  const types: Record<string, JsiiType> = JSON.parse(fs.readFileSync(assemblyPath, 'utf8')).types;
  const resources = new Map<string, BlockSchema>();
  const dataSources = new Map<string, BlockSchema>();
  const blocks = new Map<string, BlockSchema>();
  for (const type of Object.values(types)) {
    // The config struct is usually `<Class>Config`, but not always (`Wafv2WebAclAssociationConfigA`).
    const configFqn = type.initializer?.parameters?.find((parameter) => parameter.name === 'config')?.type.fqn;
    if (type.kind !== 'class' || !configFqn || !types[configFqn]) {
      continue;
    }
    const link = /\/docs\/(resources|data-sources)\/([a-z0-9_]+) (aws_[a-z0-9_]+|[a-z0-9_]+)\}/.exec(type.docs?.summary ?? '');
    if (!link) {
      continue;
    }
    const block = blockSchema(types, types[configFqn], blocks);
    (link[1] === 'resources' ? resources : dataSources).set(link[3], block);
  }
  cached = { resources, dataSources };
  return cached;
}

/**
 * The schema of a block type, once per type: a type that contains itself (newer providers'
 * WAF statements nest statements) gets a schema that contains itself, instead of recursing forever.
 */
function blockSchema(types: Record<string, JsiiType>, type: JsiiType, blocks: Map<string, BlockSchema>): BlockSchema {
  const known = blocks.get(type.fqn);
  if (known) {
    return known;
  }
  const schema: BlockSchema = new Map();
  blocks.set(type.fqn, schema);
  for (const property of type.properties ?? []) {
    const docs = `${property.docs?.summary ?? ''} ${property.docs?.remarks ?? ''}`;
    const name = /#([a-z0-9_]+) /.exec(docs)?.[1] ?? snakeCase(property.name);
    const candidates = [property.type, ...(property.type.union?.types ?? [])]
      .map((t) => t.fqn ?? t.collection?.elementtype?.fqn as string | undefined);
    const nestedFqn = candidates.find((fqn) => fqn !== undefined && types[fqn]?.datatype);
    const nested = nestedFqn ? types[nestedFqn] : undefined;
    schema.set(name, { required: !property.optional, block: nested ? blockSchema(types, nested, blocks) : undefined });
  }
  return schema;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Every way in which a synthesized Terraform JSON document disagrees with the provider
 * schema: unknown resource types, unknown arguments, missing required arguments, in
 * nested blocks too. An empty list means it matches.
 */
export function schemaViolations(json: Record<string, any>): string[] {
  const { resources, dataSources } = loadSchema();
  const violations: string[] = [];
  const check = (kind: string, schemas: Map<string, BlockSchema>, blocks: Record<string, Record<string, any>>) => {
    for (const [type, byName] of Object.entries(blocks ?? {})) {
      const schema = schemas.get(type);
      if (!schema) {
        violations.push(`${kind} type ${type} is not in the provider schema`);
        continue;
      }
      for (const [name, config] of Object.entries(byName)) {
        checkBlock(`${type}.${name}`, schema, config, violations, true);
      }
    }
  };
  check('resource', resources, json.resource);
  check('data source', dataSources, json.data);
  return violations;
}

/** How many resource types the schema knows: a guard that the assembly was read at all. */
export function knownResourceTypeCount(): number {
  return loadSchema().resources.size;
}

function checkBlock(where: string, schema: BlockSchema, config: Record<string, any>, violations: string[], topLevel: boolean): void {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    violations.push(`${where} is not a block`);
    return;
  }
  for (const [key, value] of Object.entries(config)) {
    if (topLevel && META_ARGUMENTS.has(key)) {
      if (key === 'lifecycle') {
        Object.keys(value).filter((k) => !LIFECYCLE_KEYS.has(k)).forEach((k) => violations.push(`${where}.lifecycle.${k} is not a lifecycle argument`));
      }
      continue;
    }
    const attribute = schema.get(key);
    if (!attribute) {
      violations.push(`${where}.${key} is not an argument of this type`);
      continue;
    }
    if (attribute.block && typeof value === 'object' && value !== null) {
      for (const [index, item] of (Array.isArray(value) ? value : [value]).entries()) {
        checkBlock(`${where}.${key}[${index}]`, attribute.block, item, violations, false);
      }
    }
  }
  for (const [key, attribute] of schema) {
    if (attribute.required && !(key in config)) {
      violations.push(`${where} lacks the required argument ${key}`);
    }
  }
}

/** The top-level arguments of a resource type, as the provider bindings record them; undefined for an unknown type. */
export function resourceArguments(type: string): string[] | undefined {
  const schema = loadSchema().resources.get(type);
  return schema ? [...schema.keys()].sort() : undefined;
}
