import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { atomically } from './abandoned';
import { ENTRY_POINTS, Parameter, REQUIRED_PROPERTIES } from './entry-points';
import { invalidArgument } from './errors';
import { bigIntHint, dataSourceHint, isPlainObject, isStructLike, structHint, tokenOfAnotherKind } from './struct-check';

/**
 * Checks the arguments of a construct's constructor against the assembly (src/core/entry-points.ts)
 * before anything else runs, and returns the scope for `super(...)`: a Python, Java, Go or plain
 * JavaScript caller who passes nothing, `null` or a value of another kind gets the library's error
 * naming the construct, the argument and what is expected, never a TypeError from inside.
 *
 * @param className the class whose constructor is called (not a subclass of the user's)
 * @param args the constructor's arguments, in order
 */
export function checkedScope(className: string, args: readonly unknown[]): Construct {
  const [scope, id] = args;
  const path = Construct.isConstruct(scope) && typeof id === 'string' ? `${scope.node.path}/${id}`.replace(/^\//, '') : undefined;
  const where = path === undefined ? className : `${className} at '${path}'`;
  checkArguments(entryPoint(className, 'constructor'), args, {
    where,
    scope: Construct.isConstruct(scope) ? scope : undefined,
    property: (name) => name,
    structPrefix: (name) => (name === 'props' ? '' : `${name}.`),
  });
  if (id === '') {
    throw invalidArgument(where, Construct.isConstruct(scope) ? scope : undefined, 'id', id, 'a non-empty construct id');
  }
  // Every construct of the library makes Terraform resources, which belong to a stack (the App itself is none).
  if (!(scope as Construct).node.scopes.some((each) => TerraformStack.isStack(each))) {
    throw invalidArgument(where, undefined, 'scope', scope,
      'a stack, or a construct in one (new TerraformStack(app, ...)): the resources it makes belong to a stack');
  }
  return scope as Construct;
}

/**
 * Makes the public methods that `declaring` declares (instance and static, as the assembly lists
 * them) check their arguments first, and take `null` for an optional argument as left out (so its
 * default applies). Called once after each public class of the library.
 */
export function checkEntryPoints(declaring: Function): void {
  const table = ENTRY_POINTS[declaring.name] ?? {};
  for (const [key, parameters] of Object.entries(table)) {
    if (key === 'constructor' || parameters.length === 0) {
      continue;
    }
    const isStatic = key.startsWith('static ');
    const name = isStatic ? key.slice('static '.length) : key;
    const holder = isStatic ? declaring : declaring.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(holder, name);
    if (descriptor === undefined || typeof descriptor.value !== 'function' || CHECKED.has(descriptor.value)) {
      continue;
    }
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const checked = function (this: unknown, ...args: unknown[]): unknown {
      const owner = !isStatic && Construct.isConstruct(this) ? this : undefined;
      const given = checkArguments(parameters, args, {
        where: owner !== undefined ? `${owner.constructor.name} at '${owner.node.path}'` : `${declaring.name}.${name}`,
        scope: owner,
        property: (parameter) => (owner !== undefined ? `${name}(${parameter})` : parameter),
        structPrefix: (parameter) => `${owner !== undefined ? name : `${declaring.name}.${name}`}(${parameter}).`,
      });
      // A method of a construct leaves nothing behind when it fails; a static one (warningsOf, the isX checks, ARN builders) makes nothing.
      return owner === undefined ? original.apply(this, given) : atomically(owner, () => original.apply(this, given));
    };
    Object.defineProperty(checked, 'name', { value: name });
    CHECKED.add(checked);
    Object.defineProperty(holder, name, { ...descriptor, value: checked });
  }
}

const CHECKED = new WeakSet<Function>();

/** How errors name the call's arguments. */
interface CallNames {
  /** `HttpApiDeployment at 'stack/deploy'`, or `AccessLogDestination.arn` for a static method. */
  readonly where: string;
  /** The construct whose stack resolves tokens in messages. */
  readonly scope?: IConstruct;
  /** The name of an argument in errors: `stageName`, `addStage(stageName)`. */
  property(parameter: string): string;
  /** The prefix of a struct argument's properties in errors: `''` for a construct's props, `addStage(options).`. */
  structPrefix(parameter: string): string;
}

function entryPoint(className: string, key: string): readonly Parameter[] {
  const parameters = ENTRY_POINTS[className]?.[key];
  if (parameters === undefined) {
    throw new Error(`${className}.${key} is not in src/core/entry-points.ts: run \`npx projen entry-points\` after \`npx projen compile\``);
  }
  return parameters;
}

/** Fails on the first argument that is missing or of another kind; returns the arguments with `null` for an optional one as `undefined`. */
function checkArguments(parameters: readonly Parameter[], args: readonly unknown[], names: CallNames): unknown[] {
  const given = [...args];
  parameters.forEach((parameter, position) => {
    const value = given[position];
    if (value === undefined || value === null) {
      // An `any` parameter (`isRestApiDeployment(x)`) takes nothing as well as anything.
      if (!parameter.optional && parameter.kind !== 'any') {
        throw invalidArgument(names.where, names.scope, names.property(parameter.name), value, `${expectedOf(parameter)} (it is required)`);
      }
      given[position] = undefined;
      return;
    }
    if (!hasKind(value, parameter.kind)) {
      const accessors = parameter.kind.startsWith('struct:') ? structHint(value) : '';
      const bigInt = parameter.kind === 'number' ? bigIntHint(value) : '';
      const hint = `${tokenOfAnotherKind(value, parameter.kind)}${dataSourceHint(value, parameter.kind)}${accessors}${bigInt}`;
      throw invalidArgument(names.where, names.scope, names.property(parameter.name), value, `${expectedOf(parameter)}${hint}`);
    }
    if (parameter.kind.startsWith('struct:')) {
      const struct = parameter.kind.slice('struct:'.length);
      for (const required of REQUIRED_PROPERTIES[struct] ?? []) {
        const property = (value as Record<string, unknown>)[required];
        if (property === undefined || property === null) {
          throw invalidArgument(names.where, names.scope, `${names.structPrefix(parameter.name)}${required}`, property, `a value: ${struct} requires '${required}'`);
        }
      }
    }
  });
  return given;
}

function hasKind(value: unknown, kind: string): boolean {
  switch (kind) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'construct':
      return Construct.isConstruct(value);
    case 'resource':
      return TerraformResource.isTerraformResource(value);
    case 'list':
      return Array.isArray(value);
    case 'map':
      return isLiteralObject(value);
    default:
      if (kind.startsWith('struct:')) {
        return isStructLike(value) && !Token.isUnresolved(value);
      }
      return isInstanceOf(value, kind.slice('class:'.length));
  }
}

/** An object literal that is not a map token (a struct, a map written in the program). */
function isLiteralObject(value: unknown): boolean {
  return isPlainObject(value) && !Token.isUnresolved(value);
}

/** Whether `value` is an instance of the library's class `name` (by name: the cdktf and cdktn flavours, or two copies, have their own classes). */
function isInstanceOf(value: unknown, name: string): boolean {
  for (let prototype = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : null; prototype !== null; prototype = Object.getPrototypeOf(prototype)) {
    if (prototype.constructor?.name === name) {
      return true;
    }
  }
  return false;
}

/**
 * What an argument of a string kind is, by the parameter's name, where "a string" says too little
 * (the same name means the same thing on every entry point).
 */
export const ARGUMENT_HINTS: Readonly<Record<string, string>> = {
  domainName: "the custom domain name, as a string or as the domain resource's domainName (aws_apigatewayv2_domain_name, aws_api_gateway_domain_name)",
};

function expectedOf({ name, kind }: Parameter): string {
  const hint = ARGUMENT_HINTS[name];
  if (hint !== undefined) {
    return hint;
  }
  switch (kind) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'construct':
      return 'a construct (a stack, or a construct in one)';
    case 'resource':
      return "a Terraform resource (one of the provider's resource constructs)";
    case 'list':
      return 'a list';
    case 'map':
      return 'a map, e.g. { key: "value" }';
    case 'any':
      return 'a value';
    default:
      return kind.startsWith('struct:') ? `an object of ${kind.slice('struct:'.length)}` : withArticle(kind.slice('class:'.length));
  }
}

function withArticle(noun: string): string {
  return `${/^[AEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
