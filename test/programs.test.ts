/**
 * Generated user programs (GitHub issue "hard to misuse", item 2), the fast suite: a fixed seed,
 * 100 programs composed of the moves real users make (test/programs/), every check of the oracle
 * but `terraform validate` (test/terraform/scenarios/user-programs.terraform.ts runs that too).
 * A failing check prints each distinct failure once, shrunk, with a TypeScript reproduction.
 * Longer runs by hand: `npx ts-node --project test/tsconfig.json test/programs/run.ts --seed 7 --runs 2000`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { CHECKS, CheckId } from './programs/checks';
import { fixturePaths } from './programs/fixtures';
import { generateProgram } from './programs/generator';
import { ExpectedOutcome, expectedOutcome, stackGraph } from './programs/mistakes';
import { Move, Program, dependenciesOf } from './programs/model';
import { applyMutation, candidateMutations, pickMutation } from './programs/mutations';
import { checkProgram, mutationRandom, outcomeCheck, tokenCheck } from './programs/oracle';
import { printProgram } from './programs/printer';
import { Random } from './programs/random';
import { crossReadChecks, mappingChecks } from './programs/reference-checks';
import { loadPrintedProgram } from './programs/replay';
import { formatReport, shrinkMillisFor, summary } from './programs/report';
import { RunResult, runPrograms } from './programs/runner';
import { OracleProcess } from './programs/supervisor';
import { Synthesis, synthesizeProgram } from './programs/synth';
import { blockOf } from './programs/synthesized';

const SEED = 20261126;
const RUNS = 100;
/** Time for checking the programs (about 10 s when the library works) and for shrinking failures: the suite stays well under 60 s. */
const RUN_MILLIS = 25_000;
const SHRINK_MILLIS = 15_000;

const programs: Program[] = Array.from({ length: RUNS }, (_, index) => generateProgram(SEED, index));

// The run (in a supervised process, so that a program the library loops on cannot hang the suite)
// comes first: the printer's and the oracle's own tests below use only programs that finished.
const oracle = new OracleProcess();
let result: RunResult;
const shrinkDeadline = { at: 0 };

beforeAll(async () => {
  result = await runPrograms({ seed: SEED, runs: RUNS, oracle, budgetMillis: RUN_MILLIS });
  shrinkDeadline.at = Date.now() + SHRINK_MILLIS;
}, 50_000);

afterAll(() => oracle.stop());

/** The programs that did not hang (the printer's and the oracle's tests run them in this process). */
function finished(): Program[] {
  const hung = new Set(result.groups.filter((group) => group.kind.startsWith('hangs')).flatMap((group) => group.failures.map((failure) => failure.program.index)));
  return programs.filter((program) => !hung.has(program.index));
}

describe('the generator', () => {
  test('is deterministic: the same seed and index give the same program', () => {
    expect(generateProgram(SEED, 17)).toEqual(programs[17]);
    expect(generateProgram(SEED + 1, 17)).not.toEqual(programs[17]);
  });

  test('makes every move after the moves it names, with unique ids, and no two stacks that need each other', () => {
    for (const program of programs) {
      const seen = new Set<string>();
      for (const move of program.moves) {
        expect(seen.has(move.id)).toBe(false);
        for (const dependency of dependenciesOf(move)) {
          const where = { program: program.index, move: move.id };
          expect({ ...where, missing: seen.has(dependency) ? undefined : dependency }).toEqual({ ...where, missing: undefined });
        }
        seen.add(move.id);
      }
      expect(stackCycle(program)).toBeUndefined();
    }
  });

  test('composes every move, every API kind, mistakes and every kind of mutation in 100 programs', () => {
    const moves = programs.flatMap((program) => program.moves);
    const has = (predicate: (move: Move) => boolean) => moves.some(predicate);
    for (const kind of ['stack', 'scope', 'api', 'variable', 'apiId', 'lambda', 'role', 'restResource', 'restMethod', 'restIntegration', 'v2Integration', 'v2Route', 'module', 'deployment', 'addStage', 'escapeHatch', 'override', 'setter', 'aspect',
      'standaloneStage', 'domain', 'mapping', 'handMapping', 'crossRead']) {
      expect({ kind, present: has((move) => move.kind === kind) }).toEqual({ kind, present: true });
    }
    for (const apiKind of ['rest', 'http', 'websocket']) {
      expect({ apiKind, present: has((move) => move.kind === 'api' && move.apiKind === apiKind) }).toEqual({ apiKind, present: true });
    }
    for (const iteration of ['list', 'map', 'count', 'apiMap']) {
      expect({ iteration, present: has((move) => (move.kind === 'restResource' || move.kind === 'v2Route') && move.iterate?.kind === iteration) }).toEqual({ iteration, present: true });
    }
    expect(has((move) => 'apiIdFrom' in move && move.apiIdFrom !== undefined)).toBe(true);
    expect(has((move) => move.kind === 'restIntegration' && move.templateFile === true)).toBe(true);
    expect(has((move) => move.kind === 'mapping' && move.byName === true)).toBe(true);
    expect(has((move) => move.kind === 'mapping' && move.byName === undefined)).toBe(true);
    for (const hatch of ['overrideTrigger', 'setTriggers', 'output', 'local', 'lifecycle']) {
      expect({ hatch, present: has((move) => move.kind === 'escapeHatch' && move.hatch === hatch) }).toEqual({ hatch, present: true });
    }
    const outcomes = programs.map(expectedOutcome);
    expect(outcomes.filter((outcome) => outcome.mistakes.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(outcomes.filter((outcome) => outcome.mistakes.length === 0 && outcome.either.length === 0).length).toBeGreaterThanOrEqual(60);
    expect(programs.some((program) => program.moves.filter((move) => move.kind === 'stack').length === 3)).toBe(true);
    const mutations = programs.flatMap((program) => candidateMutations(program, mutationRandom(program)));
    for (const effect of ['entry', 'user', 'none']) {
      expect(mutations.some((mutation) => mutation.effect.kind === effect)).toBe(true);
    }
    expect(mutations.some((mutation) => mutation.change.kind === 'order')).toBe(true);
  });
});

describe('the printer', () => {
  test('prints programs that synthesize exactly what the builder does, before and after their mutation', () => {
    const fixtures = path.dirname(fixturePaths().zip);
    // The fixture folders differ; so do the numbers of tokens a library bug leaves in the JSON (check 2 reports those).
    const normalize = (text: string) => text.split(fixtures).join('<fixtures>').replace(/\/tmp\/repro-fixtures-\w+/g, '<fixtures>')
      .replace(/TfToken\[TOKEN\.\d+\]/g, 'TfToken[TOKEN]');
    // Every sixth program, and the first two with each move of a custom domain, a standalone stage or a read from another stack.
    const rare = ['standaloneStage', 'mapping', 'handMapping', 'crossRead'].flatMap((kind) => finished().filter((candidate) => candidate.moves.some((move) => move.kind === kind)).slice(0, 2));
    for (const program of finished().filter((candidate) => candidate.index % 6 === 0 || rare.includes(candidate))) {
      const mutation = pickMutation(program, mutationRandom(program));
      const printed = loadPrintedProgram(printProgram(program, { mutation }));
      for (const changed of mutation ? [false, true] : [false]) {
        const expected = synthesizeProgram(changed ? applyMutation(program, mutation!)! : program);
        const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'printed-program-'));
        let stacks: Record<string, string> = {};
        let error: unknown;
        try {
          const app = new App({ outdir });
          printed(app, changed);
          app.synth();
          stacks = Object.fromEntries(fs.readdirSync(path.join(outdir, 'stacks')).map((name) => [name, normalize(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'))]));
        } catch (caught) {
          error = caught;
        } finally {
          fs.rmSync(outdir, { recursive: true, force: true });
        }
        const label = `program ${program.index}${changed ? ` after ${mutation!.description}` : ''}`;
        expect({ label, rejected: error !== undefined }).toEqual({ label, rejected: expected.error !== undefined });
        const expectedStacks = Object.fromEntries(Object.entries(expected.stacks).map(([name, text]) => [name, normalize(text)]));
        expect({ label, stacks }).toEqual({ label, stacks: expectedStacks });
      }
    }
  });
});

describe('the oracle', () => {
  test('fails when a mutation does not change what it should', () => {
    // A program without user triggers or escape hatches: nothing but the integration can change.
    const plain = (candidate: Program) => candidate.moves.every((move) => move.kind !== 'escapeHatch' && (move.kind !== 'deployment' || move.triggers === undefined));
    const program = finished().find((candidate) => plain(candidate) && candidate.moves.some((move) => move.kind === 'restIntegration' && move.template !== undefined)
      && checkProgram(candidate, { mutation: null }).outcome === 'synthesized')!;
    const integration = program.moves.find((move) => move.kind === 'restIntegration' && move.template !== undefined)!;
    // A template change said to change nothing: the oracle must notice the integration's entry changing.
    const report = checkProgram(program, { mutation: { description: 'a template change claimed to change nothing', change: { kind: 'set', move: integration.id, key: 'template', to: '{}' }, effect: { kind: 'none' } } });
    expect(report.failures.filter((failure) => failure.check === 'triggers').map((failure) => failure.kind)).toEqual([
      expect.stringMatching(/changes an entry it should not \((another stack's )?aws_api_gateway_integration\)$/),
    ]);
  });

  test('fails on an accepted mistake, a bad error, a rejected valid program and a token in the JSON', () => {
    const mistake = { label: 'two cloudWatchRole: true in one app', description: 'd1 and d2', properties: ['cloudWatchRole'] };
    const kinds = (synthesis: Partial<Synthesis>, expected: ExpectedOutcome) =>
      outcomeCheck({ stacks: {}, json: {}, ...synthesis }, expected).map((failure) => failure.kind);
    const libraryError = new Error("RestApiDeployment at 'deploy/d2': property 'cloudWatchRole' is true; expected one per app.");

    expect(kinds({}, { mistakes: [mistake], either: [] })).toEqual(['a mistake is accepted: two cloudWatchRole: true in one app']);
    expect(kinds({ error: libraryError }, { mistakes: [mistake], either: [] })).toEqual([]);
    expect(kinds({ error: libraryError }, { mistakes: [], either: [] })).toEqual([expect.stringMatching(/^a valid program is rejected: RestApiDeployment at/)]);
    expect(kinds({ error: new TypeError("Cannot read properties of undefined (reading 'x')") }, { mistakes: [mistake], either: [] }))
      .toEqual([expect.stringMatching(/^rejected with a bad error \(threw a TypeError or RangeError\): Cannot read/)]);
    expect(kinds({ error: new Error(`Resolution error: Resolution error: ${libraryError.message}`) }, { mistakes: [mistake], either: [] }))
      .toEqual([expect.stringMatching(/^rejected with a bad error \(the message says 'Resolution error:' twice\)/)]);
    expect(kinds({ error: new Error("RestApiDeployment at 'deploy/d2': property 'stageName' is \"x\"; expected a name.") }, { mistakes: [mistake], either: [] }))
      .toEqual(['a mistake (two cloudWatchRole: true in one app) is rejected for another property']);
    expect(tokenCheck({ stacks: { deploy: '{\n  "triggers": {\n    "release": "${TfToken[TOKEN.1]}"\n  }\n}' }, json: {} }).map((failure) => failure.kind))
      .toEqual(['TfToken[ in the JSON']);
  });

  test('fails on a mapping, a standalone stage or a read from another stack that the JSON does not hold as the program wrote it', () => {
    const withMapping = finished().find((program) => program.moves.some((move) => move.kind === 'mapping' && !move.byName) && expectedOutcome(program).mistakes.length === 0
      && expectedOutcome(program).either.length === 0)!;
    const mappingMove = withMapping.moves.find((move) => move.kind === 'mapping' && !move.byName)!;
    const synthesis = synthesizeProgram(withMapping);
    const mapping = blockOf(synthesis, synthesis.built!.constructs.get(mappingMove.id)!)!;
    expect(mappingChecks(withMapping, synthesis)).toEqual([]);
    mapping.block.api_mapping_key = 'other';
    mapping.block.stage = 'prod';
    expect(mappingChecks(withMapping, synthesis).map((failure) => failure.kind))
      .toEqual(["a mapping's api_mapping_key is not what the call gave", "a mapping's stage is not what the call gave"]);

    const withRead = finished().find((program) => program.moves.some((move) => move.kind === 'crossRead') && expectedOutcome(program).mistakes.length === 0
      && expectedOutcome(program).either.length === 0)!;
    const readMove = withRead.moves.find((move) => move.kind === 'crossRead')!;
    const read = synthesizeProgram(withRead);
    expect(crossReadChecks(withRead, read)).toEqual([]);
    const reader = read.built!.constructs.get(readMove.id) as TerraformOutput;
    read.json[TerraformStack.of(reader).node.path].output[reader.friendlyUniqueId].value = { one: 'entry' };
    expect(crossReadChecks(withRead, read).map((failure) => failure.kind)).toEqual([`${(readMove as { attribute: string }).attribute} read in another stack is not its whole value`]);
  });

  test('draws one mutation per program from a source of its own', () => {
    const program = programs[3];
    expect(pickMutation(program, mutationRandom(program))).toEqual(pickMutation(program, mutationRandom(program)));
    expect(new Random(1).next()).toBe(new Random(1).next());
  });
});

describe(`${RUNS} generated user programs (seed ${SEED})`, () => {
  const checks = (Object.keys(CHECKS) as CheckId[]).filter((check) => check !== 'validate');
  test.each(checks)('check %s', async (check) => {
    const groups = result.groups.filter((group) => group.check === check);
    if (groups.length > 0) {
      throw new Error(await formatReport({ ...result, groups }, { shrinkMillis: shrinkMillisFor(result, check, shrinkDeadline.at), oracle }));
    }
  }, 40_000);

  test(`all ${RUNS} programs are checked within ${RUN_MILLIS / 1000} s`, () => {
    expect(summary(result)).not.toContain('the time budget ran out');
  });
});

/** A cycle of stacks that need each other through the program's own references, if any. */
function stackCycle(program: Program): string[] | undefined {
  const graph = stackGraph(program);
  const visit = (stack: string, trail: string[]): string[] | undefined => {
    if (trail.includes(stack)) {
      return [...trail, stack];
    }
    for (const next of graph.get(stack) ?? []) {
      const found = visit(next, [...trail, stack]);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  return [...graph.keys()].map((stack) => visit(stack, [])).find((cycle) => cycle !== undefined);
}
