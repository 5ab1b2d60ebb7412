/**
 * The facts the trigger digests rely on, checked against the AWS provider itself: which
 * attributes of the discovered types are sets (its schema), and which JSON attributes it
 * compares by meaning (its source). `src/triggers/equivalent-configuration.ts` keeps them as a
 * table; this fails when the provider disagrees with it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { petsApp, PETS_STACK } from './pets-stack';
import { HTTP_API_FAMILY } from '../../../src/triggers/api-gateway-v2-family';
import { EQUIVALENCES, SET_ATTRIBUTES } from '../../../src/triggers/equivalent-configuration';
import { REST_API_FAMILY } from '../../../src/triggers/rest-api-family';
import { emulatorForThisFile } from '../emulator/emulator';
import { PROVIDER_MODULE, PROVIDER_SOURCE_VERSION } from '../provider/aws-provider';
import { commandOnPath, run } from '../support/commands';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(10 * 60_000);

const emulator = emulatorForThisFile();
const DISCOVERED_TYPES = [REST_API_FAMILY, HTTP_API_FAMILY].flatMap((family) => [family.apiType, ...family.redeployTypes]).sort();

/** The table's entries of the given kinds, by type. */
function tableOf(kinds: readonly string[]): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(EQUIVALENCES)
    .map(([type, attributes]) => [type, Object.fromEntries(Object.entries(attributes).filter(([, kind]) => kinds.includes(kind)))])
    .filter(([, attributes]) => Object.keys(attributes).length > 0));
}

/**
 * The dotted names of what a schema block holds as a set, nested blocks included: attributes of
 * a set type, and blocks nested as a set (`request_parameter { ... }` repeated; Terraform's JSON
 * writes them as an array whose order does not count either).
 */
function setAttributes(block: any, prefix = ''): string[] {
  const own = Object.entries<any>(block.attributes ?? {})
    .filter(([, attribute]) => Array.isArray(attribute.type) && attribute.type[0] === 'set')
    .map(([name]) => `${prefix}${name}`);
  const setBlocks = Object.entries<any>(block.block_types ?? {})
    .filter(([, blockType]) => blockType.nesting_mode === 'set')
    .map(([name]) => `${prefix}${name}`);
  const nested = Object.entries<any>(block.block_types ?? {}).flatMap(([name, blockType]) => setAttributes(blockType.block, `${prefix}${name}.`));
  return [...own, ...setBlocks, ...nested].sort();
}

test("the set-typed attributes of every discovered type are the table's", () => {
  const workdir = new TerraformWorkdir('provider-facts', emulator()).load(synthesizeStack(petsApp(), PETS_STACK));
  workdir.init();
  const schemas = workdir.providersSchema().provider_schemas['registry.terraform.io/hashicorp/aws'].resource_schemas;

  const fromSchema = Object.fromEntries(DISCOVERED_TYPES
    .map((type) => [type, setAttributes(schemas[type].block)])
    .filter(([, attributes]) => attributes.length > 0));
  expect(fromSchema).toEqual(Object.fromEntries(Object.entries(SET_ATTRIBUTES).map(([type, attributes]) => [type, [...attributes].sort()])));
});

/** The provider's API Gateway source folders (the Go module cache has them once the provider was built from source). */
function apiGatewaySources(): string[] {
  commandOnPath('go', 'Reading the AWS provider source needs Go 1.23 or later on PATH.');
  const download = JSON.parse(run('go', ['mod', 'download', '-json', `${PROVIDER_MODULE}@${PROVIDER_SOURCE_VERSION}`], { what: 'locating the AWS provider source' }));
  return ['apigateway', 'apigatewayv2'].map((service) => path.join(download.Dir, 'internal', 'service', service));
}

/**
 * For each discovered type's source file, the attributes (by their schema key) of each line that
 * `classify` recognises, keyed by what it returns.
 */
function attributesInSource(classify: (line: string) => string | undefined): Record<string, Record<string, string>> {
  const found: Record<string, Record<string, string>> = {};
  for (const dir of apiGatewaySources()) {
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.go') && !name.endsWith('_test.go'))) {
      const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
      const type = /@(?:SDK|Framework)Resource\("(\w+)"/.exec(lines.join('\n'))?.[1];
      if (type === undefined || !DISCOVERED_TYPES.includes(type)) {
        continue;
      }
      lines.forEach((line, index) => {
        const kind = classify(line);
        if (kind === undefined) {
          return;
        }
        const keyLines = lines.slice(0, index + 1).reverse().filter((candidate) => /^\s*(names\.Attr\w+|"\w+"):\s*(\{|sdkv2\.)/.test(candidate));
        (found[type] ??= {})[dottedName(keyLines, lines, index)] = kind;
      });
    }
  }
  return found;
}

/** The attribute's name, with its enclosing block's (`cors_configuration.allow_headers`) when it is nested one level. */
function dottedName(keyLines: string[], lines: string[], index: number): string {
  const own = keyLines[0];
  const depth = (line: string) => /^\t*/.exec(line)![0].length;
  const parent = keyLines.find((candidate) => depth(candidate) < depth(own) - 1 && /Elem:\s*&schema\.Resource/.test(lines.slice(lines.indexOf(candidate), index).join('\n')));
  const name = attributeName(/^\s*(names\.Attr\w+|"\w+"):/.exec(own)![1]);
  return parent ? `${attributeName(/^\s*(names\.Attr\w+|"\w+"):/.exec(parent)![1])}.${name}` : name;
}

/** `names.AttrSchema` -> `schema`, `"cloudwatch_role_arn"` -> itself. */
function attributeName(key: string): string {
  return key.startsWith('names.Attr') ? key.slice('names.Attr'.length).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : key.replace(/"/g, '');
}

test("the JSON attributes the provider compares by meaning, among the discovered types, are the table's", () => {
  const found = attributesInSource((line) => (/SuppressEquivalentPolicyDiffs|IAMPolicyDocumentSchema/.test(line) ? 'iam-policy'
    : /SuppressEquivalentJSONDiffs/.test(line) ? 'json' : undefined));

  expect(found).toEqual(tableOf(['iam-policy', 'json']));
});

test("the sets the provider hashes case-insensitively are the table's", () => {
  const found = attributesInSource((line) => (/StringCaseInsensitiveSetFunc/.test(line) ? 'set-case-insensitive' : undefined));

  expect(found).toEqual(tableOf(['set-case-insensitive']));
});
