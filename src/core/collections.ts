import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from './errors';
import { callOf, closesAtEnd, scan } from './hcl-scan';
import { localValue, variableNamed } from './locals';
import { resolveIn } from './resolve';

/**
 * Fails on a token given where Terraform takes one string that stands for a list, a set or a map for
 * certain (`Token.asString(Fn.split(...))`, a variable of type map): terraform validate refuses it
 * ("string required").
 *
 * @param what what Terraform takes there, in words: `a tag value`
 */
export function refuseCollection(scope: IConstruct, property: string, value: unknown, what: string): void {
  const collection = collectionGiven(scope, value);
  if (collection !== undefined) {
    throw invalidProperty(scope, property, value, `${what}: this is ${collection}, and Terraform takes one string here ("string required"); `
      + 'give one string, such as Fn.jsonencode(...) or Fn.join(",", ...) of it');
  }
}

/** Terraform's functions that give a list, a set or a map, never a string. */
const COLLECTION_FUNCTIONS: Readonly<Record<string, string>> = {
  chunklist: 'a list',
  coalescelist: 'a list',
  compact: 'a list',
  concat: 'a list',
  distinct: 'a list',
  fileset: 'a set',
  flatten: 'a list',
  formatlist: 'a list',
  keys: 'a list',
  list: 'a list',
  map: 'a map',
  matchkeys: 'a list',
  merge: 'a map',
  range: 'a list',
  regexall: 'a list',
  reverse: 'a list',
  setintersection: 'a set',
  setproduct: 'a list',
  setsubtract: 'a set',
  setunion: 'a set',
  slice: 'a list',
  sort: 'a list',
  split: 'a list',
  tolist: 'a list',
  tomap: 'a map',
  toset: 'a set',
  transpose: 'a map',
  values: 'a list',
  zipmap: 'a map',
};

/** What Terraform's function `name` gives when that is a list, a set or a map, always: `a list`; undefined for any other function. */
export function collectionFunction(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(COLLECTION_FUNCTIONS, name) ? COLLECTION_FUNCTIONS[name] : undefined;
}

/**
 * What a token given where Terraform takes a string stands for, when that is a list, a set or a map
 * for certain (a function that gives one, such as `merge(...)` or `split(...)`, a list or map written
 * in the expression, a variable of such a type, a local value holding one), in words: `merge(...), a
 * map`; undefined for a literal, a string, or anything that may be one. Terraform refuses it at
 * validate ("string required"), however it was wrapped (`Token.asString`).
 */
export function collectionGiven(scope: IConstruct, value: unknown, depth = 0): string | undefined {
  if (!Token.isUnresolved(value) || depth > 16) {
    return undefined;
  }
  let rendered: unknown;
  try {
    rendered = resolveIn(scope, value, false);
  } catch {
    return undefined;
  }
  const expression = typeof rendered === 'string' ? wholeInterpolation(rendered) : undefined;
  if (expression === undefined) {
    return undefined;
  }
  // The call, the list or the map whole: `split(",", x)[0]` or `{a = 1}.a` is an item of one.
  const call = callOf(expression)?.name;
  if (call !== undefined && collectionFunction(call) !== undefined) {
    return `${call}(...), ${collectionFunction(call)}`;
  }
  const whole = closesAtEnd(expression);
  if (whole && expression.startsWith('[')) {
    return `${shortened(expression)}, a list`;
  }
  if (whole && expression.startsWith('{')) {
    return `${shortened(expression)}, a map`;
  }
  const stack = TerraformStack.of(scope);
  const variable = /^var\.([A-Za-z0-9_-]+)$/.exec(expression)?.[1];
  if (variable !== undefined) {
    const type = variableNamed(stack, variable)?.type;
    const kind = typeof type === 'string' ? /^\s*(list|map|set|tuple|object)\b/.exec(type)?.[1] : undefined;
    return kind === undefined ? undefined : `var.${variable}, a variable of type ${type}`;
  }
  const local = /^local\.([A-Za-z0-9_-]+)$/.exec(expression)?.[1];
  if (local !== undefined) {
    const held = localValue(stack, local);
    if (Array.isArray(held)) {
      return `local.${local}, a list`;
    }
    if (held !== null && typeof held === 'object' && !Token.isUnresolved(held)) {
      return `local.${local}, a map`;
    }
    const inner = collectionGiven(scope, held, depth + 1);
    return inner === undefined ? undefined : `local.${local}, which holds ${inner}`;
  }
  return undefined;
}

/** The expression of a string that is one interpolation, whole (`${merge(a, b)}` -> `merge(a, b)`); undefined for a template. */
export function wholeInterpolation(text: string): string | undefined {
  // The interpolation's brace closes at the end, past quoted strings and the interpolations in them (`${upper("a${b}")}`).
  return text.startsWith('${') && scan(text, 1)?.end === text.length - 1 ? text.slice(2, -1).trim() : undefined;
}

function shortened(expression: string): string {
  return expression.length > 40 ? `${expression.slice(0, 37)}...` : expression;
}
