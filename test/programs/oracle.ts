/**
 * The oracle: every check of one program but `terraform validate` (validate-batch.ts runs that
 * for many programs at once). Two fresh copies of the program are built: the first gets
 * `warningsOf` (all three classes) before it is synthesized, the second is synthesized as a user
 * would; their outputs must be byte-identical. A valid program is then mutated once and the
 * deployments' triggers of both versions compared.
 */
import { TerraformResource, TerraformStack } from 'cdktf';
import { AnyDeployment, BuiltProgram, triggerKeyIn } from './builder';
import { Failure, REJECTED_WELL, TriggerFailure, normalize } from './checks';
import { ExpectedOutcome, expectedOutcome } from './mistakes';
import { DeploymentMove, Program, apiOf, moveById } from './model';
import { Mutation, applyMutation, pickMutation } from './mutations';
import { outputChecks } from './output-checks';
import { literal, quote } from './printer';
import { Random } from './random';
import { Synthesis, messageOf, rejectionProblem, synthesizeProgram } from './synth';
import { changedKeys, triggersOf } from './synthesized';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../src';

/** What the oracle found for one program. */
export interface ProgramReport {
  readonly program: Program;
  readonly expected: ExpectedOutcome;
  readonly outcome: 'synthesized' | 'rejected';
  readonly failures: readonly Failure[];
  /** The mutation the trigger oracle tried, if any. */
  readonly mutation?: Mutation;
  /** The user's synthesis, its outdir kept with `keep` (for terraform validate; the caller removes it). */
  readonly synthesis: Synthesis;
  readonly millis: number;
}

/** Options of {@link checkProgram}. */
export interface CheckOptions {
  /** Keep the synthesized outdir for terraform validate. */
  readonly keep?: boolean;
  /** The mutation to try (shrinking keeps the one a failure was found with); default: a random one; null: none. */
  readonly mutation?: Mutation | null;
  /** Told what the oracle is about to do (the supervisor names where a program hangs). */
  readonly onPhase?: (phase: string) => void;
}

const WARNING_SOURCES = [RestApiDeployment, HttpApiDeployment, WebSocketApiDeployment];

/** Reproduction statements: a fresh app with the program in it, not synthesized. */
export const FRESH_APP = "const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'repro-')) });\nprogram(app, false);";

/** Reproduction expression: `synth`'s `before` calling every class's `warningsOf`. */
const WARNINGS_FIRST = '(app) => [RestApiDeployment, HttpApiDeployment, WebSocketApiDeployment].forEach((kind) => kind.warningsOf(app))';

/** The random source of a program's mutation, apart from the one that generated it. */
export function mutationRandom(program: Program): Random {
  return Random.forProgram(program.seed + 0x5bd1e995, program.index);
}

/** Runs checks 1, 2 and 4 to 13 on `program`. */
export function checkProgram(program: Program, options: CheckOptions = {}): ProgramReport {
  const started = Date.now();
  const phase = options.onPhase ?? (() => undefined);
  const expected = expectedOutcome(program);
  const failures: Failure[] = [];
  let warnings: string[] = [];

  phase('building the program');
  const first = synthesizeProgram(program, {
    beforeSynth: (built) => {
      warnings = warningsCheck(built, expected, failures, phase);
      phase('synthesizing it after warningsOf');
    },
  });
  phase('synthesizing it');
  const second = synthesizeProgram(program, { keep: options.keep });
  const outcome = second.error === undefined ? 'synthesized' : 'rejected';
  failures.push(...outcomeCheck(second, expected));
  failures.push(...determinismCheck(program, first, second, phase));

  let mutation: Mutation | undefined;
  if (outcome === 'synthesized') {
    failures.push(...tokenCheck(second));
    if (expected.mistakes.length === 0) {
      phase('checking its output');
      failures.push(...outputChecks(program, second, warnings));
      mutation = options.mutation === null ? undefined : options.mutation ?? pickMutation(program, mutationRandom(program));
      if (mutation !== undefined) {
        phase('synthesizing the mutated program');
        failures.push(...triggerOracle(program, second, mutation));
      }
    }
  }
  return { program, expected, outcome, failures, mutation, synthesis: second, millis: Date.now() - started };
}

/** What the supervisor needs of a report: no constructs, no JSON (it crosses a process boundary). */
export interface CheckedProgram {
  readonly program: Program;
  readonly outcome: 'synthesized' | 'rejected';
  readonly failures: readonly Failure[];
  readonly mutation?: Mutation;
  /** The synthesized stacks' names. */
  readonly stacks: readonly string[];
  /** The kept outdir (`keep`). */
  readonly outdir?: string;
  readonly millis: number;
}

/** A report as it crosses the process boundary. */
export function checkedProgram(report: ProgramReport): CheckedProgram {
  const { program, outcome, failures, mutation, synthesis, millis } = report;
  return { program, outcome, failures, mutation, stacks: Object.keys(synthesis.stacks), outdir: synthesis.outdir, millis };
}

/** Check 5: each class's `warningsOf(app)` returns an array of strings (a mistake may be rejected instead). */
function warningsCheck(built: BuiltProgram, expected: ExpectedOutcome, failures: Failure[], phase: (phase: string) => void): string[] {
  const all: string[] = [];
  for (const source of WARNING_SOURCES) {
    phase(`calling ${source.name}.warningsOf`);
    try {
      const warnings: unknown = source.warningsOf(built.app);
      if (!Array.isArray(warnings) || warnings.some((warning) => typeof warning !== 'string')) {
        failures.push({
          check: 'warnings',
          kind: `${source.name}.warningsOf returned something else than strings`,
          message: `${source.name}.warningsOf(app) returned ${JSON.stringify(warnings)?.slice(0, 300)}`,
          repro: `${FRESH_APP}\nexpect(${source.name}.warningsOf(app).every((warning) => typeof warning === 'string')).toBe(true);`,
        });
      } else {
        all.push(...warnings);
      }
    } catch (error) {
      const acceptable = (expected.mistakes.length > 0 || expected.either.length > 0) && rejectionProblem(error) === undefined;
      if (!acceptable) {
        failures.push({
          check: 'warnings',
          kind: `${source.name}.warningsOf threw: ${normalize(messageOf(error))}`,
          message: `${source.name}.warningsOf(app) threw ${shortMessage(error)}`,
          repro: `${FRESH_APP}\nexpect(() => ${source.name}.warningsOf(app)).not.toThrow();`,
        });
      }
    }
  }
  return [...new Set(all)];
}

/**
 * Check 1: the outcome the moves call for, and a well-formed error when rejected. Failures are
 * kinded by what went wrong (the error), not by the program, so that a bad error groups (and
 * shrinks) apart from the moves that happen to be in the program.
 */
export function outcomeCheck(synthesis: Synthesis, expected: ExpectedOutcome): Failure[] {
  const error = synthesis.error;
  const mistakes = expected.mistakes;
  if (error === undefined) {
    return mistakes.map((mistake) => ({
      check: 'synth',
      kind: `a mistake is accepted: ${mistake.label}`,
      message: `synthesized although ${mistake.description}`,
      repro: `// ${mistake.description}\nexpect(() => synth()).toThrow(/property '[^']*(${mistake.properties.map((property) => property.replace(/[()]/g, '\\$&')).join('|')})/);`,
    }));
  }
  const where = `while ${synthesis.phase === 'build' ? 'building the constructs' : 'running app.synth()'}`;
  const message = shortMessage(error);
  const program = mistakes.length > 0 ? `a program with a mistake (${mistakes.map((mistake) => mistake.description).join('; ')})`
    : expected.either.length > 0 ? `a program the library may reject (${expected.either.map((item) => item.description).join('; ')})` : 'a valid program';
  const problem = rejectionProblem(error);
  if (problem !== undefined) {
    return [{
      check: 'synth',
      kind: `rejected with a bad error (${problem.split(' `')[0]}): ${normalize(messageOf(error))}`,
      message: `${program} is rejected ${where}, but ${problem}:\n${message}`,
      repro: mistakes.length > 0 || expected.either.length > 0 ? REJECTED_WELL : 'expect(() => synth()).not.toThrow();',
    }];
  }
  if (mistakes.length > 0) {
    // With a move the library may reject as well, the error may be about that move instead.
    const properties = mistakes.flatMap((mistake) => mistake.properties);
    const wrongProperty = expected.either.length > 0 ? undefined : rejectionProblem(error, properties);
    return wrongProperty === undefined ? [] : [{
      check: 'synth',
      kind: `a mistake (${mistakes[0].label}) is rejected for another property`,
      message: `${program} is rejected ${where}, but ${wrongProperty}:\n${message}`,
      repro: `expect(() => synth()).toThrow(/property '[^']*(${properties.map((property) => property.replace(/[()]/g, '\\$&')).join('|')})/);`,
    }];
  }
  if (expected.either.length > 0) {
    return [];
  }
  return [{
    check: 'synth',
    kind: `a valid program is rejected: ${normalize(messageOf(error))}`,
    message: `${program} is rejected ${where}:\n${message}`,
    repro: 'expect(() => synth()).not.toThrow();',
  }];
}

/** An error's class and message, cut to its first lines (cdktf appends long creation stacks). */
function shortMessage(error: unknown): string {
  const lines = messageOf(error).split('\n');
  const stack = lines.findIndex((line) => line.startsWith('Object creation stack:'));
  const kept = lines.slice(0, stack === -1 ? 8 : Math.min(stack + 6, 14)).map((line) => (line.length > 400 ? `${line.slice(0, 400)} ...` : line));
  return `${(error as Error)?.constructor?.name ?? typeof error}: ${kept.join('\n')}${kept.length < lines.length ? '\n  ...' : ''}`;
}

/** Check 2: no unresolved token and no placeholder in any synthesized stack. */
export function tokenCheck(synthesis: Synthesis): Failure[] {
  const failures: Failure[] = [];
  for (const [stack, text] of Object.entries(synthesis.stacks)) {
    for (const marker of ['TfToken[', '__triggers_pending__']) {
      const lines = text.split('\n').filter((line) => line.includes(marker));
      if (lines.length > 0) {
        failures.push({
          check: 'tokens',
          kind: `${marker} in ${[...new Set(pathsContaining(JSON.parse(text), marker))].join(', ')}`,
          message: `stack ${stack}:\n${lines.slice(0, 5).map((line) => `  ${line.trim()}`).join('\n')}`,
          repro: `expect(JSON.stringify(synth().stacks[${quote(stack)}], null, 2)).not.toContain(${quote(marker)});`,
        });
      }
    }
  }
  return failures;
}

/** Where in a stack's JSON a text occurs, as `<resource type>.<argument>` (`aws_api_gateway_deployment.triggers`) or a section (`locals`). */
function pathsContaining(json: any, marker: string): string[] {
  const contains = (value: unknown) => JSON.stringify(value ?? null).includes(marker);
  const found = new Set<string>();
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const block of Object.values<any>(byName)) {
      Object.entries(block).filter(([, value]) => contains(value)).forEach(([argument]) => found.add(`${type}.${argument}`));
    }
  }
  ['locals', 'output', 'module', 'data', 'variable'].filter((section) => contains(json[section])).forEach((section) => found.add(section));
  return found.size > 0 ? [...found] : ['the JSON'];
}

/** Check 6: the first copy (warningsOf before synth) and the second wrote the same bytes. */
function determinismCheck(program: Program, first: Synthesis, second: Synthesis, phase: (phase: string) => void): Failure[] {
  if ((first.error === undefined) !== (second.error === undefined)) {
    return [{
      check: 'determinism',
      kind: 'warningsOf before synth changes whether the program synthesizes',
      message: `with warningsOf first: ${first.error === undefined ? 'synthesized' : `rejected: ${messageOf(first.error).slice(0, 300)}`}; without: ${second.error === undefined ? 'synthesized' : `rejected: ${messageOf(second.error).slice(0, 300)}`}`,
      repro: `expect(() => synth(false, ${WARNINGS_FIRST})).${second.error === undefined ? 'not.' : ''}toThrow();`,
    }];
  }
  const differing = [...new Set([...Object.keys(first.stacks), ...Object.keys(second.stacks)])]
    .filter((stack) => first.stacks[stack] !== second.stacks[stack]);
  if (differing.length === 0) {
    return [];
  }
  phase('synthesizing it a third time');
  const third = synthesizeProgram(program);
  const warningsFirst = differing.every((stack) => third.stacks[stack] === second.stacks[stack]);
  const cause = warningsFirst ? 'calling warningsOf before synth changes the output' : 'two plain syntheses differ';
  const [left, right, labels] = warningsFirst ? [first, second, 'with warningsOf first / without'] : [second, third, 'one synthesis / the next'];
  return [{
    check: 'determinism',
    kind: cause,
    message: differing.map((stack) => `stack ${stack}, ${labels}: ${firstDifference(left.stacks[stack] ?? '', right.stacks[stack] ?? '')}`).join('\n'),
    repro: cause.startsWith('calling')
      ? `const plain = synth().stacks;\nexpect(JSON.stringify(synth(false, ${WARNINGS_FIRST}).stacks, null, 1)).toBe(JSON.stringify(plain, null, 1));`
      : 'expect(JSON.stringify(synth().stacks, null, 1)).toBe(JSON.stringify(synth().stacks, null, 1));',
  }];
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  const at = line === -1 ? left.length : line;
  const excerpt = (lines: string[]) => lines.slice(at, at + 3).map((text) => `    ${text}`).join('\n');
  return `from line ${at + 1}:\n${excerpt(left)}\n  vs\n${excerpt(right)}`;
}

/** Check 4: synthesizes the mutated program and compares each deployment's triggers with the original's. */
function triggerOracle(program: Program, original: Synthesis, mutation: Mutation): TriggerFailure[] {
  const mutatedProgram = applyMutation(program, mutation);
  if (mutatedProgram === undefined) {
    return [];
  }
  const fail = (kind: string, message: string, repro: string): TriggerFailure => ({ check: 'triggers', kind, message: `mutation: ${mutation.description}\n${message}`, mutation, repro });
  if (expectedOutcome(mutatedProgram).mistakes.length > 0) {
    return [];
  }
  const mutated = synthesizeProgram(mutatedProgram);
  if (mutated.error !== undefined) {
    return [fail('the mutated program is rejected', shortMessage(mutated.error), 'expect(() => synth(true)).not.toThrow();')];
  }
  const failures: TriggerFailure[] = [];
  const built = original.built!;
  for (const move of program.moves.filter((candidate): candidate is DeploymentMove => candidate.kind === 'deployment')) {
    const deployment = built.constructs.get(move.id) as AnyDeployment;
    const before = triggersOf(original, deployment);
    const after = triggersOf(mutated, mutated.built!.constructs.get(move.id) as AnyDeployment);
    if (before === undefined || after === undefined) {
      continue;
    }
    const expected = expectedChanges(program, mutation, move, built, before, after);
    const actual = changedKeys(before, after);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      const unexpected = actual.filter((key) => !expected.includes(key));
      const missing = expected.filter((key) => !actual.includes(key));
      const effect = mutation.effect.kind === 'none' ? 'a change that must not redeploy' : mutation.effect.kind === 'user' ? 'a user trigger change' : 'a deployed argument change';
      // User entries changing on their own (a token rendered differently each time) are one bug, whatever the mutation.
      const userKeys = userKeysOf(program, move);
      const kinds = [...new Set(unexpected.map((key) => (userKeys.has(key) ? 'a user entry' : keyKind(key))))];
      const kind = missing.length > 0
        ? `${effect} (${mutationKind(mutation)}) leaves its entry unchanged`
        : kinds.length === 1 && kinds[0] === 'a user entry'
          ? 'a change elsewhere changes a user trigger entry'
          : `${effect} (${mutationKind(mutation)}) changes ${unexpected.length === 1 ? 'an entry' : 'entries'} it should not (${kinds.join(', ')})`;
      const path = quote(deployment.deployment.node.path);
      failures.push(fail(kind, `deployment ${deployment.node.path}: expected changed keys ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}${actual.map((key) => `\n  ${key}: ${before[key]} -> ${after[key]}`).join('')}`, [
        `const before = triggersOf(synth(false).stacks, ${path});`,
        `const after = triggersOf(synth(true).stacks, ${path});`,
        '// the keys whose values differ',
        'expect(Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]).sort())',
        `  .toEqual(${literal(expected)});`,
      ].join('\n')));
    }
  }
  return failures;
}

/** The trigger keys of `move`'s deployment that the mutation must change. */
function expectedChanges(
  program: Program,
  mutation: Mutation,
  move: DeploymentMove,
  built: BuiltProgram,
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const effect = mutation.effect;
  if (effect.kind === 'none') {
    return [];
  }
  if (effect.kind === 'user') {
    return effect.deployment === move.id ? [effect.key] : [];
  }
  const changed = moveById(program, effect.move);
  if (apiOf(program, changed)?.id !== move.api) {
    return [];
  }
  const home = TerraformStack.of(built.constructs.get(move.id)!);
  const key = triggerKeyIn(home, built.constructs.get(effect.move) as TerraformResource);
  // A resource discovery does not see has no entry to change (check 10 reports it).
  return key in before || key in after ? [key] : [];
}

/** A mutation's kind for grouping: the changed field, or the order. */
function mutationKind(mutation: Mutation): string {
  const change = mutation.change;
  if (change.kind === 'order') {
    return 'creation order';
  }
  const description = mutation.description.split(': ')[1] ?? '';
  if (/fromList|fromMap|count/.test(description)) {
    return description.replace(/\(.*\)/, '(…)');
  }
  return `${change.move.replace(/\d+$/, '')}.${change.key}`;
}

/** The keys of a deployment's user entries: its `triggers`, and those its escape hatches set. */
function userKeysOf(program: Program, move: DeploymentMove): Set<string> {
  const keys = new Set(Object.keys(move.triggers ?? {}));
  for (const other of program.moves) {
    if (other.kind === 'escapeHatch' && other.deployment === move.id) {
      if (other.hatch === 'overrideTrigger') keys.add(other.key);
      if (other.hatch === 'setTriggers') Object.keys(other.entries).forEach((key) => keys.add(key));
    }
  }
  return keys;
}

/** A trigger key's kind for grouping: `<stack>/aws_x.*` -> `other stack's aws_x`. */
function keyKind(key: string): string {
  const [prefix, rest] = key.includes('/') ? ['another stack\'s ', key.slice(key.indexOf('/') + 1)] : ['', key];
  return `${prefix}${rest.split('.')[0] === 'data' ? rest.split('.').slice(0, 2).join('.') : rest.split('.')[0]}`;
}
