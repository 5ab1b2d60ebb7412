import { IConstruct } from 'constructs';
import { undoIfFailed } from './abandoned';

/**
 * What a helper that builds a string AWS matches exactly was asked for (`arnForExecuteApi('GET', '/pets')`,
 * `urlForPath('/pets')`): checked at synth against what the API serves.
 */
export interface HelperTarget {
  /** The call, as errors and warnings show it: `arnForExecuteApi('GET', '/pets')`. */
  readonly call: string;
  /** For REST and HTTP APIs: the method (`*` for any) and the path (`/pets/*`: path parameters written `*`). */
  readonly method?: string;
  readonly path?: string;
  /**
   * Whether the path ends in a wildcard of the caller's (`/pets/*`: any path below), not in a path
   * parameter written `*` (`/pets/{id}`: one segment). Default: whether the path ends in `/*`.
   */
  readonly wildcardTail?: boolean;
  /** For WebSocket APIs: the route key. */
  readonly routeKey?: string;
}

const TARGETS = new WeakMap<IConstruct, HelperTarget[]>();

/** Records what a helper of `owner` (a deployment construct) was asked for. */
export function recordHelperTarget(owner: IConstruct, target: HelperTarget): void {
  const targets = TARGETS.get(owner) ?? [];
  targets.push(target);
  TARGETS.set(owner, targets);
  undoIfFailed(() => targets.splice(targets.indexOf(target), 1));
}

/** What the helpers of `owner` were asked for, in the order of the calls. */
export function helperTargetsOf(owner: IConstruct): readonly HelperTarget[] {
  return TARGETS.get(owner) ?? [];
}
