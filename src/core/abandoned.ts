import { IConstruct, IValidation } from 'constructs';

/** The constructs of the library whose constructor failed, taken out of the tree. */
const ABANDONED = new WeakSet<IConstruct>();

/**
 * Takes a construct whose constructor failed out of the tree, with whatever it made so far, and gives
 * back the error to throw: a caller that catches the error (a test's `toThrow`, Python's `except`)
 * synthesizes none of it, and may make the construct again under the same id. What it recorded
 * elsewhere before failing (a stage name claimed, a participant of its stack's render) is ignored
 * through `isAbandoned`.
 */
export function abandon(construct: IConstruct, error: unknown, call?: Call): unknown {
  if (call !== undefined) {
    closeCall(call, false);
  }
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

/**
 * A call of the library in progress (a constructor's body, a public method): what it recorded outside the
 * tree, to take back if it fails, and what it says or asks of synth (a warning, a validation), done once it
 * succeeds, so that a call that fails leaves none of them.
 */
export interface Call {
  readonly undo: Array<() => void>;
  readonly committed: Array<() => void>;
}

/** The calls in progress, the innermost last. */
const CALLS: Call[] = [];

/** Opens a call: a constructor's body opens one (and `closeCall` or `abandon` closes it), `atomically` one per method. */
export function openCall(): Call {
  const call: Call = { undo: [], committed: [] };
  CALLS.push(call);
  return call;
}

/**
 * Closes `call`: succeeded, what it recorded and committed goes with the call around it (taken back, or done,
 * with that one), or is done now for the outermost; failed, what it recorded is taken back and nothing of it is done.
 */
export function closeCall(call: Call, succeeded = true): void {
  const index = CALLS.lastIndexOf(call);
  if (index < 0) {
    return;
  }
  CALLS.splice(index);
  const outer = CALLS[CALLS.length - 1];
  if (!succeeded) {
    call.undo.reverse().forEach((action) => action());
  } else if (outer !== undefined) {
    outer.undo.push(...call.undo);
    outer.committed.push(...call.committed);
  } else {
    call.committed.forEach((action) => action());
  }
}

/**
 * Runs a public method of the library (`checkEntryPoints` wraps each): when it fails, the constructs it
 * added under `construct` are abandoned, what it recorded elsewhere (`undoIfFailed`: a stage name
 * claimed) is taken back, and what it would have said (`whenCommitted`: warnings, validations) is not,
 * so that a caller that catches the error may call it again.
 */
export function atomically<T>(construct: IConstruct | undefined, run: () => T): T {
  const before = construct === undefined ? undefined : new Set(construct.node.children);
  const call = openCall();
  try {
    const result = run();
    closeCall(call);
    return result;
  } catch (error) {
    closeCall(call, false);
    construct?.node.children.filter((child) => !before!.has(child)).forEach((child) => abandon(child, error));
    throw error;
  }
}

/** Records how to take back what the call in progress recorded outside the tree, should it fail. */
export function undoIfFailed(action: () => void): void {
  CALLS[CALLS.length - 1]?.undo.push(action);
}

/** Does `action` (a warning, a validation added) once the calls in progress succeed; now, outside any. */
export function whenCommitted(action: () => void): void {
  const call = CALLS[CALLS.length - 1];
  if (call === undefined) {
    action();
  } else {
    call.committed.push(action);
  }
}

/** `construct.node.addValidation(validation)`, once the calls in progress succeed (a call that fails asks nothing of synth). */
export function addValidationWhenCommitted(construct: IConstruct, validation: IValidation): void {
  whenCommitted(() => construct.node.addValidation(validation));
}
