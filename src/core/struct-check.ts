import { TerraformDataSource, TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { accessorsOf, invalidProperty } from './errors';
import { refuseOtherKind } from './scalar-tokens';

/**
 * What one property of a props struct holds, as its TypeScript type says. Python, Java, Go and
 * plain JavaScript users pass props no compiler has checked (a key of another construct, a string
 * for a boolean): the constructs check them against these shapes first, so a wrong one fails at
 * synth naming the property, instead of being ignored or rendered into JSON Terraform refuses.
 */
export type PropertyShape =
  | 'string' | 'number' | 'boolean'
  /** A map of strings written in the program (`variables`, `triggers`): its entries are checked one by one. */
  | 'string-map'
  /** A map of strings, or a map token (`tags`: rendered as the expression). */
  | 'string-map-or-token'
  /** A construct (`IConstruct`), a Terraform resource, a provider. */
  | 'construct' | 'resource' | 'provider'
  /** A list written in the program (its items checked), or with `tokenTaken` a list token too (a variable of a list type). */
  | { readonly list: PropertyShape; readonly tokenTaken?: boolean }
  | { readonly mapOf: StructShape }
  | { readonly struct: StructShape }
  | { readonly oneOf: readonly string[] }
  /** An instance of one of the library's classes (`AccessLogDestination`). */
  | { readonly instanceOf: Function; readonly hint: string };

/** A props struct: its name (as in the API reference) and the shape of each property. */
export interface StructShape {
  readonly name: string;
  readonly properties: Readonly<Record<string, PropertyShape>>;
  /** For properties it lacks that users of another construct know, the reason and what to use instead. */
  readonly elsewhere?: Readonly<Record<string, string>>;
}

/**
 * Fails, naming `prefix` + the property, unless `value` is an object whose every property is one
 * of the struct's and has its shape (unset properties aside; tokens pass where a string, a number
 * or a map is expected, unless one stands for another kind for certain where a number or a bool is: `scalar-tokens.ts`).
 *
 * @param prefix how errors name the struct's properties: `''` for a construct's props, `addStage(beta).`
 */
export function checkStruct(owner: IConstruct, prefix: string, value: unknown, shape: StructShape): void {
  if (value === undefined || value === null) {
    return;
  }
  if (!isStructLike(value) || Token.isUnresolved(value)) {
    throw invalidProperty(owner, prefix.replace(/\.$/, '') || 'props', value, `an object of ${shape.name}${structHint(value)}`);
  }
  for (const [name, property] of Object.entries(value)) {
    const expected = shape.properties[name];
    if (property === undefined) {
      continue;
    }
    if (expected === undefined) {
      throw invalidProperty(owner, `${prefix}${name}`, property, unknownProperty(shape, name));
    }
    checkProperty(owner, `${prefix}${name}`, property, expected);
  }
}

function checkProperty(owner: IConstruct, property: string, value: unknown, shape: PropertyShape): void {
  const problem = mismatch(value, shape);
  if (problem !== undefined) {
    // In props, `null` is a value (a method's optional argument given as null is left out; a property is left out by leaving it out).
    throw invalidProperty(owner, property, value, value === null ? `${problem}, or the property left out (undefined): null is not taken for left out here` : problem);
  }
  if (shape === 'number' || shape === 'boolean') {
    // A token of another kind for certain (a list, a string that is not a number): Terraform refuses it.
    refuseOtherKind(owner, property, value, shape);
  }
  if (value === null || Token.isUnresolved(value)) {
    return;
  }
  if (shape === 'string-map' || shape === 'string-map-or-token' || (typeof shape === 'object' && 'mapOf' in shape)) {
    refusePrototypeKey(owner, property, value as object);
  }
  if (shape === 'string-map' || shape === 'string-map-or-token') {
    Object.entries(value as object).forEach(([key, item]) => checkProperty(owner, `${property}.${key}`, item, 'string'));
    return;
  }
  if (typeof shape !== 'object') {
    return;
  }
  if ('struct' in shape) {
    checkStruct(owner, `${property}.`, value, shape.struct);
  } else if ('mapOf' in shape) {
    Object.entries(value as object).forEach(([key, item]) => {
      if (item === undefined || item === null) {
        // A map entry is given or not: an entry without a value (`{ 'GET /pets': config.pets }` with nothing there) is a mistake.
        throw invalidProperty(owner, `${property}.${key}`, item, `an object of ${shape.mapOf.name} (or no '${key}' entry)`);
      }
      checkStruct(owner, `${property}.${key}.`, item, shape.mapOf);
    });
  } else if ('list' in shape) {
    (value as unknown[]).forEach((item, index) => checkProperty(owner, `${property}[${index}]`, item, shape.list));
  }
}

/**
 * Fails on a map with an own `__proto__` key (`{ ['__proto__']: ... }`, or one parsed from JSON):
 * cdktf renders maps by assigning their keys to a plain object, where that key sets the prototype,
 * so the entry would be dropped without a word.
 */
export function refusePrototypeKey(owner: IConstruct, property: string, value: object): void {
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    throw invalidProperty(owner, `${property}.__proto__`, (value as Record<string, unknown>).__proto__,
      'a key other than "__proto__": cdktf renders a map by assigning its keys to a JavaScript object, where this one sets the prototype, and the entry would be dropped');
  }
}

/**
 * The hint for a token where a string or a number is expected: a function's result (`Fn.conditional(...)`)
 * or an attribute of another type is a token object, which the language's own type would not pass either.
 */
export function tokenOfAnotherKind(value: unknown, kind: string): string {
  if (kind === 'string' && typeof value === 'number' && Token.isUnresolved(value)) {
    return ' (this is a number token, such as a variable\'s numberValue: give Token.asString(...) of it)';
  }
  if ((kind !== 'string' && kind !== 'number') || typeof value === 'string' || typeof value === 'number' || !Token.isUnresolved(value)) {
    return '';
  }
  return kind === 'string'
    ? ' (this is a token of another kind, such as the result of a function: give Token.asString(...) of it)'
    : ' (this is a token of another kind, such as the result of a function: give Token.asNumber(...) of it)';
}

/** The hint for a data source where a resource is expected (in `resources`): what to give instead. */
export function dataSourceHint(value: unknown, kind: string): string {
  return kind === 'resource' && TerraformDataSource.isTerraformDataSource(value)
    ? '; a data source is read, not made: give the attribute that should redeploy the API as a trigger (triggers: { name: source.attribute })' : '';
}

/** What is wrong with `value` for `shape`, in the words of an error's "expected"; undefined when nothing is. */
function mismatch(value: unknown, shape: PropertyShape): string | undefined {
  const token = Token.isUnresolved(value);
  switch (shape) {
    case 'string':
      return typeof value === 'string' ? undefined : `a string${tokenOfAnotherKind(value, 'string')}`;
    case 'number':
      return typeof value === 'number' || token ? undefined : `a number${bigIntHint(value)}`;
    case 'boolean':
      return typeof value === 'boolean' || token ? undefined : 'true or false';
    case 'string-map':
      return isPlainObject(value) && !token ? undefined : 'a map of strings written in the program, e.g. { name: "value" } (not a Map, a class instance or a map token)';
    case 'string-map-or-token':
      return isPlainObject(value) || token ? undefined : 'a map of strings, e.g. { name: "value" } (not a Map or a class instance)';
    case 'construct':
      return Construct.isConstruct(value) ? undefined : 'a construct';
    case 'resource':
      return TerraformResource.isTerraformResource(value) ? undefined
        : `a Terraform resource (a TerraformResource, such as an ApiGatewayIntegration)${dataSourceHint(value, 'resource')}`;
    case 'provider':
      return value instanceof TerraformProvider ? undefined : 'a TerraformProvider (an AwsProvider)';
  }
  if ('list' in shape) {
    return Array.isArray(value) && (!token || shape.tokenTaken === true) ? undefined
      : shape.tokenTaken === true ? 'a list of strings' : 'a list written in the program (a list token cannot be checked item by item)';
  }
  if ('oneOf' in shape) {
    return token || shape.oneOf.includes(value as string) ? undefined : `one of ${shape.oneOf.join(', ')}`;
  }
  if ('instanceOf' in shape) {
    return value instanceof shape.instanceOf ? undefined : shape.hint;
  }
  if ('struct' in shape) {
    return isStructLike(value) && !token ? undefined : `an object of ${shape.struct.name}${structHint(value)}`;
  }
  return isPlainObject(value) && !token ? undefined : `an object of route or method keys to ${shape.mapOf.name}`;
}

/**
 * Whether `value` can be read as a struct: a plain object, or an instance of a class of the user's (`class
 * ProdDefaults implements RestApiDeploymentProps`, whose fields are its own properties); not a list, a
 * `Map`, a `Set`, a `Date` or a construct.
 */
export function isStructLike(value: unknown): value is object {
  if (isPlainObject(value)) {
    return true;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)
    && !(value instanceof Date) && !(value instanceof RegExp) && !('node' in value) && !hasAccessors(value);
}

/**
 * Whether a class instance reads a property through an accessor of its class (`get stageName()`): what the
 * library copies of a struct (its own fields) would leave it out without a word, so such an object is refused.
 */
function hasAccessors(value: object): boolean {
  let prototype = Object.getPrototypeOf(value);
  for (; prototype !== null && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    if (Object.values(Object.getOwnPropertyDescriptors(prototype)).some((descriptor) => descriptor.get !== undefined)) {
      return true;
    }
  }
  return false;
}

/**
 * The hint for an instance of a class with accessors where a struct is expected, naming them
 * (`get metricsEnabled()`): a struct is read by its own fields, so they are refused rather than dropped.
 */
export function structHint(value: unknown): string {
  const accessors = typeof value === 'object' && value !== null && !Array.isArray(value) && !('node' in value) ? accessorsOf(value) : [];
  return accessors.length === 0 ? ''
    : ` (a plain object, or an instance of a class of yours whose fields hold the values: accessors such as ${accessors.map((name) => `get ${name}()`).join(' and ')} are not read)`;
}

/** The hint for a BigInt where a number is expected: a `5n` is no number to JavaScript, nor to Terraform's JSON. */
export function bigIntHint(value: unknown): string {
  return typeof value === 'bigint' ? ` (a BigInt is not a number: write ${value}, not ${value}n)` : '';
}

/** An object literal (or one without a prototype): not a list, a `Map`, a `Date` or another class's instance, whose entries would be lost. */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

function unknownProperty(shape: StructShape, name: string): string {
  const elsewhere = shape.elsewhere?.[name];
  const close = Object.keys(shape.properties).filter((known) => editDistance(known.toLowerCase(), name.toLowerCase()) <= 2);
  return `no '${name}': ${shape.name} has no such property` +
    (elsewhere ? ` (${elsewhere})` : close.length > 0 ? ` (did you mean ${close.map((known) => `'${known}'`).join(' or ')}?)` : '');
}

/** The Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
