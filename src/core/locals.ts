import { TerraformLocal, TerraformStack } from 'cdktf';
import { AppIndex } from './app-index';
import { referenceOf } from './resolve';

/** The local values of a stack by name, listed once per app generation. */
function localsOf(stack: TerraformStack): ReadonlyMap<string, TerraformLocal> {
  return AppIndex.of(stack).appMemo(`locals of ${stack.node.path}`, () => {
    const found = new Map<string, TerraformLocal>();
    for (const construct of AppIndex.of(stack).constructsOf(stack)) {
      if (construct instanceof TerraformLocal) {
        found.set(construct.friendlyUniqueId, construct);
      }
    }
    return found;
  });
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
  return (localsOf(stack).get(name) as unknown as { _expression?: unknown } | undefined)?._expression;
}
