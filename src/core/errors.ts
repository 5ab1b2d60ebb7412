import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { resolveIn } from './resolve';

/**
 * Formats a value for an error message: strings quoted, everything else as JSON,
 * long values shortened so a 5 MB body never ends up in a terminal.
 */
export function describeValue(value: unknown): string {
  const construct = (value as { node?: { path?: unknown } } | null)?.node;
  if (typeof construct?.path === 'string') {
    const type = (value as { terraformResourceType?: unknown }).terraformResourceType;
    return `the construct '${construct.path}'${typeof type === 'string' ? ` (${type})` : ''}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value); // JSON writes NaN and Infinity as null
  }
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
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
