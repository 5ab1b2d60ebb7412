/**
 * A batch run: generate programs `0..runs-1` of a seed, run the oracle on each, optionally
 * `terraform validate` every synthesized stack in batches, and group the failures by check and
 * kind (one group per distinct bug, with the programs it was seen in).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHECKS, CheckId, Failure, normalize } from './checks';
import { generateProgram } from './generator';
import { Program } from './model';
import { Mutation } from './mutations';
import { OracleProcess } from './supervisor';
import { Diagnostic, StackToValidate, validateBatch } from './validate-batch';

/** Options of {@link runPrograms}. */
export interface RunOptions {
  readonly seed: number;
  readonly runs: number;
  /** Also run `terraform validate` (check 3). */
  readonly validate?: boolean;
  /** Stacks per `terraform validate` batch. @default 400 */
  readonly batchSize?: number;
  /** Where the batches are validated. @default build/terraform/user-programs */
  readonly workDir?: string;
  /** Progress lines. */
  readonly log?: (line: string) => void;
  /** The oracle's process; default: one of its own, stopped at the end. */
  readonly oracle?: OracleProcess;
  /**
   * Stop starting programs after this long (ms), so that a slow library still gets a report (of
   * the programs checked; `RunResult.programs` says how many). @default no limit
   */
  readonly budgetMillis?: number;
}

/** One failure of one program. */
export interface ProgramFailure extends Failure {
  readonly program: Program;
  readonly mutation?: Mutation;
}

/** The failures of one check and kind. */
export interface FailureGroup {
  readonly check: CheckId;
  readonly kind: string;
  readonly failures: readonly ProgramFailure[];
}

/** How long things took. */
export interface RunTimings {
  readonly totalMillis: number;
  /** The oracle's time per program (checks 1, 2, 4-11), mean. */
  readonly meanProgramMillis: number;
  readonly maxProgramMillis: number;
  readonly batches: ReadonlyArray<{ readonly stacks: number; readonly initMillis: number; readonly validateMillis: number }>;
}

/** What a run found. */
export interface RunResult {
  readonly options: RunOptions;
  /** How many programs were checked (fewer than `options.runs` when the budget ran out). */
  readonly programs: number;
  readonly synthesized: number;
  readonly rejected: number;
  readonly mutated: number;
  readonly stacksValidated: number;
  readonly groups: readonly FailureGroup[];
  readonly timings: RunTimings;
}

const DEFAULT_WORK_DIR = path.resolve(__dirname, '..', '..', 'build', 'terraform', 'user-programs');

/** Runs the oracle on programs `0..runs-1` of `seed` (and terraform validate with `validate`). */
export async function runPrograms(options: RunOptions): Promise<RunResult> {
  const oracle = options.oracle ?? new OracleProcess();
  try {
    return await run(options, oracle);
  } finally {
    if (options.oracle === undefined) {
      oracle.stop();
    }
  }
}

async function run(options: RunOptions, oracle: OracleProcess): Promise<RunResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const failures: ProgramFailure[] = [];
  const pending: Array<StackToValidate & { outdir: string }> = [];
  const programs = new Map<number, Program>();
  const batches: Array<{ stacks: number; initMillis: number; validateMillis: number }> = [];
  let synthesized = 0;
  let mutated = 0;
  let stacksValidated = 0;
  let programMillis = 0;
  let maxProgramMillis = 0;

  const flush = () => {
    if (pending.length === 0) {
      return;
    }
    const result = validateBatch(pending, `${options.workDir ?? DEFAULT_WORK_DIR}-${options.seed}`);
    batches.push({ stacks: result.stacks, initMillis: result.initMillis, validateMillis: result.validateMillis });
    stacksValidated += result.stacks;
    log(`terraform validate: ${result.stacks} stacks, init ${result.initMillis} ms, validate ${result.validateMillis} ms`);
    for (const [index, diagnostics] of result.byProgram) {
      for (const diagnostic of diagnostics.filter((candidate) => candidate.severity === 'error')) {
        failures.push(validateFailure(programs.get(index)!, diagnostic.stack, diagnostic));
      }
    }
    for (const diagnostic of result.unattributed.filter((candidate) => candidate.severity === 'error')) {
      failures.push({ ...validateFailure(programs.get(pending[0].program)!, '(unknown)', diagnostic), kind: `terraform validate (not in any stack's files): ${normalize(diagnostic.summary)}` });
    }
    new Set(pending.map((stack) => stack.outdir)).forEach((outdir) => fs.rmSync(outdir, { recursive: true, force: true }));
    pending.length = 0;
  };

  let checked = 0;
  for (let index = 0; index < options.runs; index++) {
    if (options.budgetMillis !== undefined && Date.now() - started > options.budgetMillis) {
      log(`time budget of ${Math.round(options.budgetMillis / 1000)} s used up after ${index} programs`);
      break;
    }
    checked++;
    const program = generateProgram(options.seed, index);
    const report = await oracle.check(program, { keep: options.validate });
    programMillis += report.millis;
    maxProgramMillis = Math.max(maxProgramMillis, report.millis);
    failures.push(...report.failures.map((failure) => ({ ...failure, program, mutation: failure.check === 'triggers' ? report.mutation : undefined })));
    if (report.outcome === 'synthesized') {
      synthesized++;
    }
    if (report.mutation !== undefined) {
      mutated++;
    }
    const outdir = report.outdir;
    if (outdir !== undefined) {
      programs.set(index, program);
      for (const stack of report.stacks) {
        pending.push({ program: index, stack, dir: path.join(outdir, 'stacks', stack), outdir });
      }
      if (pending.length >= (options.batchSize ?? 400)) {
        flush();
      }
    }
    if ((index + 1) % 100 === 0) {
      log(`${index + 1} programs, ${failures.length} failures so far, ${Math.round(programMillis / (index + 1))} ms per program`);
    }
  }
  flush();

  return {
    options,
    programs: checked,
    synthesized,
    rejected: checked - synthesized,
    mutated,
    stacksValidated,
    groups: groupFailures(failures),
    timings: {
      totalMillis: Date.now() - started,
      meanProgramMillis: Math.round(programMillis / Math.max(1, checked)),
      maxProgramMillis,
      batches,
    },
  };
}

function validateFailure(program: Program, stack: string, diagnostic: Diagnostic): ProgramFailure {
  const where = diagnostic.range ? ` (${stack}/cdk.tf.json line ${diagnostic.range.start.line})` : '';
  const snippet = diagnostic.snippet?.code ? `\n  ${diagnostic.snippet.context ?? ''}: ${diagnostic.snippet.code.trim()}` : '';
  return {
    program,
    check: 'validate',
    kind: `terraform validate: ${normalize(diagnostic.summary)}`,
    message: `stack ${stack}: ${diagnostic.summary}${where}\n${diagnostic.detail ?? ''}${snippet}`,
    repro: [
      'const { outdir } = synth();',
      `// then: cd <outdir>/stacks/${stack} && terraform init && terraform validate`,
      `// expected to fail with: ${diagnostic.summary}`,
      'console.log(outdir);',
    ].join('\n'),
  };
}

/** Failures grouped by check and kind, in the checks' order, each group's programs in order. */
export function groupFailures(failures: readonly ProgramFailure[]): FailureGroup[] {
  const groups = new Map<string, ProgramFailure[]>();
  for (const failure of failures) {
    const key = `${failure.check}\u0000${failure.kind}`;
    groups.set(key, [...groups.get(key) ?? [], failure]);
  }
  const order = Object.keys(CHECKS);
  return [...groups.values()]
    .map((list) => ({ check: list[0].check, kind: list[0].kind, failures: list }))
    .sort((a, b) => order.indexOf(a.check) - order.indexOf(b.check) || a.kind.localeCompare(b.kind));
}
