/**
 * The report of a run: one section per distinct failure (check and kind) with the programs it
 * was seen in, and for the smallest of them, shrunk, the failure's message and a TypeScript
 * reproduction to paste into a jest test.
 */
import { CHECKS, CheckId, Failure } from './checks';
import { Program } from './model';
import { printProgram } from './printer';
import { FailureGroup, ProgramFailure, RunResult } from './runner';
import { shrinkProgram } from './shrink';
import { OracleProcess } from './supervisor';

/** Options of {@link formatReport}. */
export interface ReportOptions {
  /** Time for shrinking, shared by all groups (ms). @default 30 000 */
  readonly shrinkMillis?: number;
  /** Only the groups of these checks. @default all */
  readonly checks?: readonly CheckId[];
  /** The oracle's process for shrinking; default: one of its own, stopped at the end. */
  readonly oracle?: OracleProcess;
}

/** The summary line and, per check, what it found. */
export function summary(result: RunResult): string {
  const failing = new Set(result.groups.flatMap((group) => group.failures.map((failure) => failure.program.index)));
  const { timings } = result;
  const batches = timings.batches.map((batch) => `${batch.stacks} stacks: init ${batch.initMillis} ms + validate ${batch.validateMillis} ms`).join('; ');
  return [
    `user programs, seed ${result.options.seed}: ${result.programs}${result.programs < result.options.runs ? ` of ${result.options.runs} (the time budget ran out)` : ''} programs `
      + `(${result.synthesized} synthesized, ${result.rejected} rejected, ${result.mutated} mutated), `
      + `${result.stacksValidated} stacks validated; ${result.groups.length} distinct failures in ${failing.size} programs.`,
    `time: ${Math.round(timings.totalMillis / 1000)} s in all; ${timings.meanProgramMillis} ms per program (max ${timings.maxProgramMillis} ms)${batches ? `; terraform validate: ${batches}` : ''}.`,
  ].join('\n');
}

/**
 * The shrinking time the failures of `check` get when the checks are reported one by one: what
 * is left until `deadline`, shared by the failing checks from `check` on.
 */
export function shrinkMillisFor(result: RunResult, check: CheckId, deadline: number): number {
  const order = Object.keys(CHECKS);
  const left = new Set(result.groups.map((group) => group.check).filter((other) => order.indexOf(other) >= order.indexOf(check))).size;
  return Math.max(0, deadline - Date.now()) / Math.max(1, left);
}

/** The whole report: the summary, then each group with its reproduction. */
export async function formatReport(result: RunResult, options: ReportOptions = {}): Promise<string> {
  const groups = result.groups.filter((group) => options.checks === undefined || options.checks.includes(group.check));
  const deadline = Date.now() + (options.shrinkMillis ?? 30_000);
  const oracle = options.oracle ?? new OracleProcess();
  try {
    const sections: string[] = [];
    for (const [i, group] of groups.entries()) {
      sections.push(await formatGroup(group, `${i + 1}/${groups.length}`, deadline, oracle));
    }
    return [summary(result), ...sections].join('\n\n');
  } finally {
    if (options.oracle === undefined) {
      oracle.stop();
    }
  }
}

/** One group: which programs, and the smallest one (shrunk until `deadline`) with its reproduction. */
export async function formatGroup(group: FailureGroup, number: string, deadline: number, oracle: OracleProcess): Promise<string> {
  const first = [...group.failures].sort((a, b) => a.program.moves.length - b.program.moves.length)[0];
  const indices = [...new Set(group.failures.map((failure) => failure.program.index))].sort((a, b) => a - b);
  const { program, failure } = group.check === 'validate' ? { program: first.program, failure: first as Failure } : await shrunk(first, deadline, oracle);
  const seed = program.seed;
  const shrinkNote = program.moves.length < first.program.moves.length ? `, shrunk from ${first.program.moves.length} to ${program.moves.length} moves` : '';
  const header = [
    `Failure ${number}: check ${CHECKS[group.check]}`,
    `${failure.kind}`,
    `Seen in ${indices.length} program(s) of seed ${seed}: ${indices.slice(0, 20).join(', ')}${indices.length > 20 ? ', ...' : ''}`,
    `This is program ${program.index} of seed ${seed}${shrinkNote}; run it: npx ts-node --project test/tsconfig.json test/programs/run.ts --seed ${seed} --program ${program.index}`,
    '',
    ...failure.message.split('\n'),
  ];
  const source = printProgram(program, {
    mutation: first.mutation,
    header,
    testBody: failure.repro,
    testName: `seed ${seed}, program ${program.index}: ${failure.kind}`.slice(0, 160),
  });
  return [`${'='.repeat(100)}`, source].join('\n');
}

/** The failure's program shrunk, and the failure as the shrunk program shows it. */
async function shrunk(failure: ProgramFailure, deadline: number, oracle: OracleProcess): Promise<{ program: Program; failure: Failure }> {
  const program = Date.now() < deadline ? await shrinkProgram(failure.program, failure, failure.mutation, oracle, { deadline }) : failure.program;
  if (program === failure.program) {
    return { program, failure };
  }
  const report = await oracle.check(program, { mutation: failure.mutation ?? null });
  const again = report.failures.find((found) => found.check === failure.check && found.kind === failure.kind);
  return { program, failure: again ?? failure };
}
