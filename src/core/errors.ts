import { TerraformDataSource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { resolveIn } from './resolve';

/** How long a described value may get: a 5 MB body never ends up in a terminal. */
const LONGEST = 120;

/**
 * Formats a value for an error message, the one place that does: strings quoted, plain objects and
 * lists as JSON, and what JSON would drop or misreport in words: a construct by its path (the App,
 * a data source as `data.<type>`), a BigInt as `5n`, a class instance by its class (and the accessors
 * a struct check does not read), a `Map` or a `Set` with its entries. Long values are shortened.
 */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = written(value, new Set());
  } catch {
    // A value that cannot be read (a revoked Proxy, a getter that throws) is described by its kind, never by the error it throws.
    text = `a value that cannot be read (${value === null ? 'null' : typeof value})`;
  }
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 3)}...` : text;
}

/** How deep values are described: nested past it, `...` (a value nested 10 000 deep would overflow the stack). */
const DEEPEST = 32;

/** `value` in the words of {@link describeValue}, unshortened but for its parts past the length shown; `seen` holds the objects it is inside. */
function written(value: unknown, seen: Set<object>): string {
  const construct = constructWords(value);
  if (construct !== undefined) {
    return construct;
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 2 * LONGEST ? value.slice(0, 2 * LONGEST) : value);
    case 'bigint':
      return `${value}n`;
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'symbol':
      return String(value); // NaN and Infinity too, which JSON writes as null
    case 'function':
      return /^class\b/.test(Function.prototype.toString.call(value)) ? `the class ${value.name || '(anonymous)'}` : `the function ${value.name || '(anonymous)'}`;
  }
  if (value === null) {
    return 'null';
  }
  const object = value as object;
  if (seen.has(object)) {
    return '[Circular]';
  }
  if (seen.size >= DEEPEST) {
    return '...';
  }
  seen.add(object);
  try {
    return writtenObject(object, seen);
  } finally {
    seen.delete(object);
  }
}

/** A construct by its path (`the App` for the root), with its Terraform type (`data.<type>` for a data source); undefined for what is no construct. */
function constructWords(value: unknown): string | undefined {
  const node = (value as { node?: { path?: unknown } } | null)?.node;
  if (typeof node?.path !== 'string') {
    return undefined;
  }
  if (node.path === '') {
    return 'the App';
  }
  const type = (value as { terraformResourceType?: unknown }).terraformResourceType;
  const kind = typeof type !== 'string' ? '' : ` (${TerraformDataSource.isTerraformDataSource(value) ? `data.${type}` : type})`;
  return `the construct '${node.path}'${kind}`;
}

function writtenObject(object: object, seen: Set<object>): string {
  if (Array.isArray(object)) {
    return `[${joined(object, (item) => written(item, seen))}]`;
  }
  if (object instanceof Map) {
    return `a Map {${joined([...object], ([key, item]) => `${written(key, seen)} => ${written(item, seen)}`)}}`;
  }
  if (object instanceof Set) {
    return `a Set [${joined([...object], (item) => written(item, seen))}]`;
  }
  if (object instanceof RegExp) {
    return String(object);
  }
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    try {
      return written(toJSON.call(object), seen); // a Date
    } catch {
      // written below as the object it is
    }
  }
  // Own enumerable properties, as JSON writes them (those holding undefined left out).
  const fields = `{${joined(Object.entries(object).filter(([, item]) => item !== undefined), ([key, item]) => `${JSON.stringify(key)}:${written(item, seen)}`)}}`;
  const prototype = Object.getPrototypeOf(object);
  if (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) {
    return fields;
  }
  const name = typeof prototype.constructor === 'function' && prototype.constructor.name ? prototype.constructor.name : 'an anonymous class';
  const accessors = accessorsOf(object);
  if (accessors.length > 0) {
    return `an instance of ${name} with the accessor${accessors.length > 1 ? 's' : ''} ${accessors.join(', ')}`;
  }
  return fields === '{}' ? `an instance of ${name}` : `an instance of ${name} ${fields}`;
}

/** The items written and joined with commas, as JSON does, stopping once past the length shown. */
function joined<T>(items: readonly T[], write: (item: T) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (const item of items) {
    if (length > LONGEST) {
      parts.push('...');
      break;
    }
    const part = write(item);
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(',');
}

/**
 * The accessors (`get stageName()`) of the classes an object is an instance of, nearest class first:
 * what a struct check, which reads an object's own fields, would leave out without a word.
 */
export function accessorsOf(value: object): string[] {
  const names: string[] = [];
  // Up to the root prototype (Object.prototype, or another realm's), whose `__proto__` accessor every object has.
  let prototype = Object.getPrototypeOf(value);
  for (; prototype !== null && Object.getPrototypeOf(prototype) !== null; prototype = Object.getPrototypeOf(prototype)) {
    if (isBuiltIn(prototype)) {
      continue; // a Map's size, a typed array's length: no accessor of the user's
    }
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) {
      if (descriptor.get !== undefined && !names.includes(name)) {
        names.push(name);
      }
    }
  }
  return names;
}

/** Whether a prototype is that of one of JavaScript's own classes (`Map`, `Uint8Array`), whose constructor is native code. */
function isBuiltIn(prototype: object): boolean {
  const constructor = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(constructor));
}

/**
 * The error every bad input raises: it names the construct path, the property,
 * the value given and what was expected. Tokens in the property or the value are written as
 * the Terraform expressions they stand for (`${var.stage}`), never as cdktf's `${TfToken[...]}`.
 */
export function invalidProperty(scope: IConstruct, property: string, value: unknown, expected: string): Error {
  return invalidArgument(`${scope.constructor.name} at '${scope.node.path}'`, scope, property, value, expected);
}

/**
 * The same error where there is no construct to name yet (a constructor's arguments) or none at all
 * (a static method): `where` says what was called (`HttpApiDeployment at 'stack/deploy'`,
 * `AccessLogDestination.arn`); `scope`, when there is one, resolves tokens in the message.
 */
export function invalidArgument(where: string, scope: IConstruct | undefined, property: string, value: unknown, expected: string): Error {
  const shown = (item: unknown) => (scope === undefined ? item : readable(scope, item));
  return new Error(`${where}: property '${shown(property)}' is ${describeValue(shown(value))}; expected ${expected}.`);
}

/** `value` with its tokens resolved as Terraform expressions in the stack of `scope`, or marked where they cannot be. */
export function readable<T>(scope: IConstruct, value: T): T | string {
  if (!Token.isUnresolved(value) && !(typeof value === 'object' && value !== null && holdsToken(value))) {
    return value;
  }
  try {
    const stack = TerraformStack.of(scope);
    return resolveIn(stack, value, false);
  } catch {
    return String(value).replace(/\$\{TfToken\[[^\]]*\]\}/g, '<a value known only at deploy time>');
  }
}

/** Whether an object's JSON holds a token; false for what has no JSON (a construct, a circular structure). */
function holdsToken(value: object): boolean {
  try {
    return JSON.stringify(value)?.includes('${TfToken[') ?? false;
  } catch {
    return false;
  }
}

/**
 * The message for a construct of an abstract base class of the library made directly, or of a class
 * of the user's that extends it: only the library's own constructs hand the base what it reads.
 */
export function notOneOfTheLibrarys(construct: IConstruct, base: string, make: string): string {
  return `${construct.constructor.name} at '${construct.node.path}' is not one of the library's constructs: ${base} is what they have in common, `
    + `and only they give it what it reads. Make a ${make}`;
}
