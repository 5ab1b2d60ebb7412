import { Aspects, IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { AppIndex } from '../core/app-index';

/**
 * cdktf prepares every stack of an app first and only then, stack by stack, runs the stack's
 * Aspects and renders it. The triggers are checked (and their cross-stack references made) while
 * the stacks are prepared, and may hash the resources of another stack, so an Aspect that changes an
 * API resource would be seen too late: a stale digest, or a reference to another stack's object
 * that no cross-stack output carries. So, before the first stack of an app is prepared, this runs
 * every stack's Aspects once, as cdktf does (from each stack down, nested stacks included, each
 * aspect once per construct, an aspect added by an aspect not run), and makes cdktf's own run skip
 * what has been visited
 * (aspects on constructs created later, such as cross-stack outputs, still see them).
 */
export function runAspectsFirst(index: AppIndex): void {
  const app = index.app;
  if (DONE.has(app)) {
    return;
  }
  DONE.add(app);
  for (const stack of index.stacks()) {
    visit(stack, []);
  }
}

const DONE = new WeakSet<IConstruct>();

/** What cdktf keeps in each construct's `Aspects` (a private field: never relied on when absent). */
interface AspectsInternals {
  _aspects?: IAspect[];
}

function visit(construct: IConstruct, inherited: readonly IAspect[]): void {
  const own = Aspects.of(construct) as unknown as AspectsInternals;
  if (Array.isArray(own._aspects)) {
    own._aspects = own._aspects.map(visitedOnce);
  }
  const here = [...inherited, ...Aspects.of(construct).all];
  for (const aspect of new Set(here)) {
    aspect.visit(construct);
  }
  for (const child of construct.node.children) {
    visit(child, here);
  }
}

/** The aspect, answering `visit` only once per construct (the same wrapper each time it is asked). */
function visitedOnce(aspect: IAspect): IAspect {
  if (WRAPPED.has(aspect)) {
    return aspect;
  }
  const visited = new WeakSet<IConstruct>();
  const wrapper: IAspect = {
    visit: (node: IConstruct) => {
      if (!visited.has(node)) {
        visited.add(node);
        aspect.visit(node);
      }
    },
  };
  WRAPPED.add(wrapper);
  return wrapper;
}

const WRAPPED = new WeakSet<IAspect>();
