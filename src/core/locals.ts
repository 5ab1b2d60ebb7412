import { TerraformLocal, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { AppIndex } from './app-index';
import { referenceOf, resolveIn } from './resolve';

/** The constructs of `kind` (local values, variables) of a stack by their Terraform name, listed once per app generation. */
function namedOf<T extends TerraformLocal | TerraformVariable>(stack: TerraformStack, kind: new (...args: any[]) => T): ReadonlyMap<string, T> {
  return AppIndex.of(stack).appMemo(`${kind.name} of ${stack.node.path}`, () => {
    const found = new Map<string, T>();
    for (const construct of AppIndex.of(stack).constructsOf(stack)) {
      if (construct instanceof kind) {
        found.set(construct.friendlyUniqueId, construct);
      }
    }
    return found;
  });
}

/** The variable `name` of `stack`; undefined when it has none. */
export function variableNamed(stack: TerraformStack, name: string): TerraformVariable | undefined {
  return namedOf(stack, TerraformVariable).get(name);
}

/**
 * The literal `value` is: itself when it is one, the literal a local value holds when it is a local's
 * reference (through locals holding locals); undefined for any other token.
 */
export function literalOf(value: string): string | undefined {
  if (!Token.isUnresolved(value)) {
    return value;
  }
  const held = heldByLocal(value);
  return held !== undefined && !Token.isUnresolved(held) ? held : undefined;
}

/**
 * The string a local value holds, when `value` is a local's reference (`new TerraformLocal(...).asString`),
 * followed through locals holding locals: the literal or the token it was made of; undefined for
 * anything else (a local holding a map, another expression).
 */
export function heldByLocal(value: string, depth = 0): string | undefined {
  const reference = referenceOf(value);
  const name = reference === undefined ? undefined : /^local\.([A-Za-z0-9_-]+)$/.exec(reference.identifier)?.[1];
  const held = name === undefined ? undefined : localValue(reference!.stack, name);
  if (typeof held !== 'string' || depth > 16) {
    return undefined;
  }
  return heldByLocal(held, depth + 1) ?? held;
}

/** What the local value `name` of `stack` holds, as it was given (tokens unresolved); undefined when the stack has no such local. */
export function localValue(stack: TerraformStack, name: string): unknown {
  // cdktf keeps the value a local holds in `_expression` (its `expression` getter is the local's own reference).
  return (namedOf(stack, TerraformLocal).get(name) as unknown as { _expression?: unknown } | undefined)?._expression;
}

/**
 * The other expressions that stand for `value` (an API id) in `stack`: what a local value it is holds
 * (`${data.x.y.id}` for `local.api_id`), and the local values of the stack that hold exactly it
 * (`${local.api_id}` for `${data.x.y.id}`); the stack's local values are indexed by what they hold once per phase.
 */
export function aliasesIn(stack: TerraformStack, value: string, preparing: boolean): string[] {
  const index = AppIndex.of(stack);
  const expression = String(resolveIn(stack, value, preparing));
  const holding = index.phaseMemo(`local values of ${stack.node.path} by what they hold`, () => {
    const byValue = new Map<string, string[]>();
    for (const [name] of namedOf(stack, TerraformLocal)) {
      const held = localValue(stack, name);
      if (typeof held === 'string') {
        const resolved = String(resolveIn(stack, held, preparing));
        byValue.set(resolved, [...byValue.get(resolved) ?? [], `\${local.${name}}`]);
      }
    }
    return byValue;
  });
  const held = heldByLocal(value);
  return [...(held === undefined ? [] : [String(resolveIn(stack, held, preparing))]), ...(holding.get(expression) ?? [])]
    .filter((alias) => alias !== expression);
}
