/**
 * Shrinking a failing program: drop one move at a time (with every move that needs it, so the
 * rest still builds) and keep the smaller program while the same failure (same check, same
 * kind) persists. Tries the moves that take the most others with them first.
 */
import { Failure } from './checks';
import { Move, Program, dependenciesOf } from './model';
import { Mutation } from './mutations';
import { OracleProcess } from './supervisor';

/** Options of {@link shrinkProgram}. */
export interface ShrinkOptions {
  /** Stop after this many candidate programs. @default 80 */
  readonly attempts?: number;
  /** Stop at this time (`Date.now()`). @default no limit */
  readonly deadline?: number;
}

/** The moves `id` and every move that needs it, directly or not. */
export function withDependents(moves: readonly Move[], id: string): Set<string> {
  const dropped = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const move of moves) {
      if (!dropped.has(move.id) && dependenciesOf(move).some((dependency) => dropped.has(dependency))) {
        dropped.add(move.id);
        grew = true;
      }
    }
  }
  return dropped;
}

/** Whether `program` still fails `failure`'s check with its kind (with the same mutation, for the trigger oracle). */
export async function stillFails(program: Program, failure: Failure, mutation: Mutation | undefined, oracle: OracleProcess): Promise<boolean> {
  // A program that hangs is given less time: the others finish in well under a second.
  const report = await oracle.check(program, { mutation: mutation ?? null, timeoutMillis: failure.kind.startsWith('hangs') ? 5_000 : undefined });
  return report.failures.some((found) => found.check === failure.check && found.kind === failure.kind);
}

/** The smallest program found that still fails the same way (the program itself if none). */
export async function shrinkProgram(
  program: Program,
  failure: Failure,
  mutation: Mutation | undefined,
  oracle: OracleProcess,
  options: ShrinkOptions = {},
): Promise<Program> {
  let current = program;
  let attempts = options.attempts ?? 80;
  let progress = true;
  while (progress) {
    progress = false;
    const candidates = current.moves
      .map((move) => withDependents(current.moves, move.id))
      .sort((a, b) => b.size - a.size);
    const tried = new Set<string>();
    for (const dropped of candidates) {
      const signature = [...dropped].sort().join(',');
      if (tried.has(signature) || dropped.size === current.moves.length) {
        continue;
      }
      tried.add(signature);
      if (attempts-- <= 0 || (options.deadline !== undefined && Date.now() > options.deadline)) {
        return current;
      }
      const candidate = { ...current, moves: current.moves.filter((move) => !dropped.has(move.id)) };
      if (await stillFails(candidate, failure, mutation, oracle)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}
