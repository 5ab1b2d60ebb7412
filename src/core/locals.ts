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
  // cdktf keeps the value a local holds in `_expression` (its `expression` getter is the local's own reference).
  const local = name === undefined ? undefined : localsOf(reference!.stack).get(name);
  const held = (local as unknown as { _expression?: unknown } | undefined)?._expression;
  if (typeof held !== 'string' || depth > 16) {
    return undefined;
  }
  return heldByLocal(held, depth + 1) ?? held;
}
