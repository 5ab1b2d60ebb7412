import { TerraformStack } from 'cdktf';
import { IConstruct, Node } from 'constructs';

/**
 * When the construct tree last changed, per stack and per app, while a pass of the app's index is
 * open: what the index lists (a stack's constructs, the app's domain resources, ...) is good until
 * its stack, or for an app-wide list the app, changes. Within a synth the tree does change: Aspects
 * create resources, providers and mappings, and cdktf adds cross-stack outputs and remote state
 * while it prepares the stacks.
 *
 * Noticed by wrapping the adding and removing of a child (`Node.prototype`, constructs' own methods)
 * while at least one pass is open, restored when the last one ends: outside a pass nothing is cached.
 * The cross-stack outputs and remote state cdktf adds directly under a stack hold no element the
 * index lists, so they change nothing.
 */
export function watchTreeChanges(): () => void {
  if (watchers++ === 0) {
    const prototype = Node.prototype as unknown as Record<string, unknown>;
    restores = ['addChild', 'tryRemoveChild'].map((method) => wrapChange(prototype, method));
  }
  return () => {
    if (--watchers === 0) {
      restores.forEach((restore) => restore());
      restores = [];
    }
  };
}

/** A number that changes whenever a construct is added under `stack` (not under a nested stack) or removed from it. */
export function stackGeneration(stack: TerraformStack): number {
  return STACKS.get(stack) ?? 0;
}

/** A number that changes whenever a construct is added anywhere in the app of root `app`, or removed. */
export function appGeneration(app: IConstruct): number {
  return APPS.get(app) ?? 0;
}

let watchers = 0;
let restores: Array<() => void> = [];
let generation = 0;
const STACKS = new WeakMap<TerraformStack, number>();
const APPS = new WeakMap<IConstruct, number>();
const CROSS_STACK_IDS = /^cross-stack-(output|reference-input)-/;

function wrapChange(prototype: Record<string, unknown>, method: string): () => void {
  const original = prototype[method];
  if (typeof original !== 'function') {
    return () => undefined;
  }
  prototype[method] = function (this: Node, ...args: unknown[]) {
    // `this` is the parent's node; its construct (`host`, constructs' own field) gains or loses the child.
    const parent = (this as unknown as { host?: IConstruct }).host;
    const name = typeof args[0] === 'string' ? args[0] : args[1];
    if (!(TerraformStack.isStack(parent) && typeof name === 'string' && CROSS_STACK_IDS.test(name))) {
      changed(parent);
    }
    return original.apply(this, args);
  };
  return () => {
    prototype[method] = original;
  };
}

/** Marks the stack of `construct` and its app as changed. */
function changed(construct: IConstruct | undefined): void {
  if (construct === undefined) {
    return;
  }
  generation++;
  let scope: IConstruct | undefined = construct;
  while (scope !== undefined && !TerraformStack.isStack(scope)) {
    scope = scope.node.scope;
  }
  if (scope !== undefined) {
    STACKS.set(scope, generation);
  }
  APPS.set(construct.node.root, generation);
}
