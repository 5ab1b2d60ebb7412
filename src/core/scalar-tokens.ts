import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { collectionFunction, collectionGiven, wholeInterpolation } from './collections';
import { invalidProperty } from './errors';
import { callOf, partsOf, scan } from './hcl-scan';
import { localValue, variableNamed } from './locals';
import { resolveIn } from './resolve';

/** What Terraform takes where a number or a bool belongs. */
export type ScalarKind = 'number' | 'boolean';

/**
 * Fails on a token given where Terraform takes a number (or a bool) that stands for something else
 * for certain: a list, a set or a map (`Token.asNumber(Fn.split(...))`, as `collections.ts` finds
 * them), a string that is not a number (`Fn.upper(...)`, `Fn.jsonencode({...})`, `Token.asNumber('abc')`;
 * resp. not "true" or "false"), a bool (resp. a number). Terraform refuses it ("number required", "a
 * number is required": terraform validate, or plan where the value is known only then). A token whose value is only known at deploy time (a variable of
 * type number, string or any, a resource's attribute, a function of one) is taken, as are the strings
 * Terraform converts: "5", "1e3" for a number; "true", "false", "1", "0" for a bool.
 *
 * @param kind what the property takes: `number`, or `boolean`
 */
export function refuseOtherKind(scope: IConstruct, property: string, value: unknown, kind: ScalarKind): void {
  const given = otherKindGiven(scope, value, kind);
  if (given === undefined) {
    return;
  }
  const expected = kind === 'number' ? 'a number' : 'true or false';
  const terraform = kind === 'number' ? (given.text ? 'a number is required' : 'number required') : (given.text ? 'a bool is required' : 'bool required');
  throw invalidProperty(scope, property, value, `${expected}: this is ${given.what}, and Terraform takes ${kind === 'number' ? 'a number' : 'a bool'} here ("${terraform}")`);
}

/** What a token given where `kind` belongs stands for, when that is certainly something else (`what`: `split(...), a list`; `text` when it is a string). */
export function otherKindGiven(scope: IConstruct, value: unknown, kind: ScalarKind): { readonly what: string; readonly text: boolean } | undefined {
  if (!Token.isUnresolved(value)) {
    return undefined;
  }
  const collection = collectionGiven(scope, value);
  if (collection !== undefined) {
    return { what: collection, text: false };
  }
  try {
    return renderedKind(scope, resolveIn(scope, value, false), kind, 0);
  } catch {
    return undefined;
  }
}

function renderedKind(scope: IConstruct, rendered: unknown, kind: ScalarKind, depth: number): { what: string; text: boolean } | undefined {
  if (depth > 16) {
    return undefined;
  }
  if (Array.isArray(rendered)) {
    return { what: 'a list', text: false };
  }
  if (typeof rendered === 'object' && rendered !== null) {
    return { what: 'a map', text: false };
  }
  if (typeof rendered === 'boolean' || typeof rendered === 'number') {
    return (typeof rendered === 'boolean') === (kind === 'number') ? { what: typeof rendered === 'boolean' ? 'a bool' : 'a number', text: false } : undefined;
  }
  if (typeof rendered !== 'string') {
    return undefined;
  }
  const notIt = kind === 'number' ? 'a string that is not a number' : 'a string other than "true" or "false"';
  const expression = wholeInterpolation(rendered);
  if (expression === undefined) {
    // A literal, or a template of literal text around expressions.
    const text = templateText(rendered, false);
    return text !== undefined && !mayBe(text, kind) ? { what: notIt, text: true } : undefined;
  }
  const stack = TerraformStack.of(scope);
  const local = /^local\.([A-Za-z0-9_-]+)$/.exec(expression)?.[1];
  if (local !== undefined) {
    const held = localValue(stack, local);
    const heldRendered = Token.isUnresolved(held) ? resolveIn(scope, held, false) : held;
    const inner = held === undefined ? undefined : renderedKind(scope, heldRendered, kind, depth + 1);
    return inner === undefined ? undefined : { what: `local.${local}, which holds ${inner.what}`, text: inner.text };
  }
  const variable = /^var\.([A-Za-z0-9_-]+)$/.exec(expression)?.[1];
  if (variable !== undefined) {
    const type = variableNamed(stack, variable)?.type;
    const other = kind === 'number' ? 'bool' : 'number';
    return typeof type === 'string' && type.trim() === other ? { what: `var.${variable}, a variable of type ${other}`, text: false } : undefined;
  }
  const text = textOf(expression, 0);
  if (text === undefined || mayBe(text, kind)) {
    return undefined;
  }
  const call = callOf(expression);
  return { what: call === undefined ? notIt : `${call.name}(...), ${notIt}`, text: true };
}

/** A string's text as far as it is known at synth: all of it, or characters it holds for certain. */
interface Text {
  readonly exact?: string;
  /** Characters the string holds whatever the values known only at deploy time, each as often as it holds it at least (all of them when `exact` is known). */
  readonly holds: string;
}

/** The strings Terraform converts to a number (cty's ParseNumberVal: Go's big.ParseFloat in base 10, which takes "Inf"), and those it converts to a bool. */
const NUMBER = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf)$/i;
const NUMBER_CHARACTERS = /^[0-9.+\-eEinfINF]*$/;
const BOOLS = ['true', 'false', '1', '0'];
const BOOL_CHARACTERS = /^[truefals01]*$/;

/** Whether a string of `text` may be of `kind` for Terraform (converted at apply). */
function mayBe(text: Text, kind: ScalarKind): boolean {
  if (text.exact !== undefined) {
    return kind === 'number' ? NUMBER.test(text.exact) : BOOLS.includes(text.exact);
  }
  if (kind === 'boolean') {
    return BOOL_CHARACTERS.test(text.holds);
  }
  // A number has a sign before it and one in its exponent at most, one point, one exponent (`uuid()` holds four `-`).
  const count = (pattern: RegExp) => text.holds.match(pattern)?.length ?? 0;
  return NUMBER_CHARACTERS.test(text.holds) && count(/[+-]/g) <= 2 && count(/\./g) <= 1 && count(/[eE]/g) <= 1;
}

/** `text` as what it holds for certain, its exact text dropped. */
const holding = (text: Text | undefined): Text | undefined => (text === undefined ? undefined : { holds: text.holds });

/** Terraform's functions whose string holds what no number or bool does, whatever their arguments: `uuid()` holds four `-`. */
const ALWAYS_HOLDS: Readonly<Record<string, string>> = {
  uuid: '----',
  uuidv5: '----',
  timestamp: ':',
  bcrypt: '$',
  base64sha256: '=',
  base64sha512: '=',
  filebase64sha256: '=',
  filebase64sha512: '=',
};

/** The text of the string an HCL expression gives, as far as synth knows it; undefined when it is not known to be a string or nothing of it is known. */
function textOf(expression: string, depth: number): Text | undefined {
  if (depth > 16) {
    return undefined;
  }
  if (expression.startsWith('"')) {
    return quotedText(expression);
  }
  const call = callOf(expression);
  if (call === undefined || call.expands) {
    return undefined;
  }
  const { name, args } = call;
  const first = args[0] === undefined ? undefined : textOf(args[0], depth + 1);
  if (ALWAYS_HOLDS[name] !== undefined) {
    return { holds: ALWAYS_HOLDS[name] };
  }
  switch (name) {
    case 'tostring':
      return first;
    case 'upper':
    case 'lower': {
      const cased = (text: string) => (name === 'upper' ? text.toUpperCase() : text.toLowerCase());
      return first === undefined ? undefined : { exact: first.exact === undefined ? undefined : cased(first.exact), holds: cased(first.holds) };
    }
    case 'trimspace':
      return first === undefined ? undefined : { exact: first.exact?.trim(), holds: first.holds.replace(/\s/g, '') };
    case 'chomp':
      return first === undefined ? undefined : { exact: first.exact?.replace(/(\r\n|\n|\r)+$/, ''), holds: first.holds.replace(/[\r\n]/g, '') };
    case 'jsonencode':
      return args.length === 1 ? jsonText(args[0], depth) : undefined;
    case 'format':
      return first?.exact === undefined ? undefined : formatText(first.exact);
    case 'join':
      return args.length === 2 && first !== undefined ? joinText(first, args[1], depth) : undefined;
    default:
      return undefined;
  }
}

/** What `jsonencode(argument)` gives: `{` for a map, `[` for a list, `"` for a string; "true" for true. */
function jsonText(argument: string, depth: number): Text | undefined {
  if (argument === 'true' || argument === 'false' || argument === 'null') {
    return { exact: argument, holds: argument };
  }
  if (argument.startsWith('{') || argument.startsWith('[')) {
    return { holds: argument[0] };
  }
  const call = callOf(argument);
  const collection = call === undefined ? undefined : collectionFunction(call.name);
  if (collection !== undefined) {
    return { holds: collection === 'a map' ? '{' : '[' };
  }
  return textOf(argument, depth + 1) !== undefined || (call !== undefined && STRING_FUNCTIONS.has(call.name)) ? { holds: '"' } : undefined;
}

/** Terraform's functions that give a string, whatever their arguments (what they hold may be unknown). */
const STRING_FUNCTIONS = new Set(['base64encode', 'chomp', 'format', 'formatdate', 'join', 'jsonencode', 'lower', 'md5', 'replace', 'sha1', 'sha256',
  'sha512', 'substr', 'title', 'tostring', 'trim', 'trimprefix', 'trimspace', 'trimsuffix', 'upper', 'yamlencode', ...Object.keys(ALWAYS_HOLDS)]);

/** What `format(spec, ...)` gives for a literal spec: its text outside the verbs (all of it when it has none). */
function formatText(spec: string): Text {
  let verbs = 0;
  const literal = spec.replace(/%%|%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z]/g, (verb) => {
    if (verb === '%%') {
      return '%';
    }
    verbs++;
    return '';
  });
  return verbs === 0 ? { exact: literal, holds: literal } : { holds: literal };
}

/** What `join(separator, [a, b])` gives for a list written in the expression: its items' text, and the separator's between two. */
function joinText(separator: Text, list: string, depth: number): Text | undefined {
  if (!list.startsWith('[')) {
    return undefined;
  }
  const scanned = scan(list, 0);
  if (scanned === undefined || scanned.end !== list.length - 1 || /^\[\s*for\s/.test(list)) {
    return undefined;
  }
  const items = partsOf(list, scanned).filter((item) => item !== '');
  if (items.some((item) => item.endsWith('...'))) {
    return undefined;
  }
  const texts = items.map((item) => (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$|^(true|false)$/.test(item) ? { exact: item, holds: item } : holding(textOf(item, depth + 1)) ?? { holds: '' }));
  const exact = texts.every((text) => text.exact !== undefined) && separator.exact !== undefined
    ? texts.map((text) => text.exact).join(separator.exact) : undefined;
  return { exact, holds: texts.map((text) => text.holds).join('') + (items.length > 1 ? separator.holds : '') };
}

/** A quoted string literal, whole (`"abc"`): its text, or what its literal parts hold around interpolations. */
function quotedText(expression: string): Text | undefined {
  const scanned = scan(expression, 0);
  if (scanned === undefined || scanned.end !== expression.length - 1) {
    return undefined;
  }
  if (!/[$%]\{/.test(expression)) {
    try {
      const exact = JSON.parse(expression);
      return typeof exact === 'string' ? { exact, holds: exact } : undefined;
    } catch {
      return undefined;
    }
  }
  return holding(templateText(expression.slice(1, -1), true));
}

/**
 * The literal text of a template (`x-${var.a}`): exact when it has no interpolation; undefined for a
 * directive (`%{ if }`, whose text may be left out).
 *
 * @param quoted whether it is the inside of a quoted HCL string, whose escapes (`\"`) are left out
 */
function templateText(template: string, quoted: boolean): Text | undefined {
  let literal = '';
  let interpolated = false;
  for (let index = 0; index < template.length; index++) {
    const rest = template.slice(index, index + 3);
    if (rest === '$${' || rest === '%%{') {
      literal += rest.slice(1);
      index += 2;
    } else if (rest.startsWith('%{')) {
      return undefined;
    } else if (rest.startsWith('${')) {
      const scanned = scan(template, index + 1);
      if (scanned === undefined) {
        return undefined;
      }
      interpolated = true;
      index = scanned.end;
    } else if (quoted && template[index] === '\\') {
      interpolated = true;
      index++;
    } else {
      literal += template[index];
    }
  }
  return interpolated ? { holds: literal } : { exact: literal, holds: literal };
}
