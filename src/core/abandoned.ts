import { IConstruct } from 'constructs';

/** The constructs of the library whose constructor failed, taken out of the tree. */
const ABANDONED = new WeakSet<IConstruct>();

/**
 * Takes a construct whose constructor failed out of the tree, with whatever it made so far, and gives
 * back the error to throw: a caller that catches the error (a test's `toThrow`, Python's `except`)
 * synthesizes none of it, and may make the construct again under the same id. What it recorded
 * elsewhere before failing (a stage name claimed, a participant of its stack's render) is ignored
 * through `isAbandoned`.
 */
export function abandon(construct: IConstruct, error: unknown): unknown {
  ABANDONED.add(construct);
  construct.node.scope?.node.tryRemoveChild(construct.node.id);
  return error;
}

/** Whether `construct`, or a construct it is in, was taken out of the tree by `abandon`. */
export function isAbandoned(construct: IConstruct): boolean {
  for (let scope: IConstruct | undefined = construct; scope !== undefined; scope = scope.node.scope) {
    if (ABANDONED.has(scope)) {
      return true;
    }
  }
  return false;
}

/** What each call in progress recorded outside the tree, to take back if it fails (innermost call last). */
const UNDO: Array<Array<() => void>> = [];

/**
 * Runs a public method of the library (`checkEntryPoints` wraps each): when it fails, the constructs it
 * added under `construct` are abandoned and what it recorded elsewhere (`undoIfFailed`: a stage name
 * claimed) is taken back, so that a caller that catches the error may call it again. What a call that
 * succeeds recorded is taken back with the call around it, if that one fails.
 */
export function atomically<T>(construct: IConstruct | undefined, call: () => T): T {
  const before = construct === undefined ? undefined : new Set(construct.node.children);
  const undo: Array<() => void> = [];
  UNDO.push(undo);
  try {
    const result = call();
    UNDO.pop();
    UNDO[UNDO.length - 1]?.push(...undo);
    return result;
  } catch (error) {
    UNDO.pop();
    undo.reverse().forEach((action) => action());
    construct?.node.children.filter((child) => !before!.has(child)).forEach((child) => abandon(child, error));
    throw error;
  }
}

/** Records how to take back what the call in progress recorded outside the tree, should it fail. */
export function undoIfFailed(action: () => void): void {
  UNDO[UNDO.length - 1]?.push(action);
}
