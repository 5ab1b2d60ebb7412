/**
 * Generated user programs (GitHub issue "hard to misuse", item 2), the CI suite: a fixed seed,
 * 300 programs composed of the moves real users make (test/programs/), every check of the
 * oracle, `terraform validate` of every stack they synthesize included (batched: the stacks are
 * child modules of one root module, one `terraform init` and one `terraform validate -json` per
 * 400 stacks; test/programs/validate-batch.ts). A failing check prints each distinct failure
 * once, shrunk, with a TypeScript reproduction. The fast suite without Terraform is
 * test/programs.test.ts; long runs by hand: test/programs/run.ts.
 *
 * Measured on 2 cores (Node.js 20, Terraform 1.11.4, the harness's AWS provider), this file alone:
 * the oracle takes about 100 ms per program (two fresh builds and syntheses, the three
 * `warningsOf`, one mutated synthesis; in a child process, so that a program the library loops on
 * is stopped after 10 s and reported), 30 s for the 300 programs; their 343 stacks make one
 * validate batch: `terraform init` 0.6 s + `terraform validate` 7 s; the sentinel batch 3 s;
 * the whole file 50 s, shrinking included, against src/ as of commit 53800df. Against the src/
 * of commit 97d4181 (the bugs: 550 ms per program, hangs) the 100 s budget stops the
 * run after about 170 programs and the file takes 165 s. Budget: 3 minutes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHECKS, CheckId } from '../../programs/checks';
import { formatReport, shrinkMillisFor, summary } from '../../programs/report';
import { RunResult, runPrograms } from '../../programs/runner';
import { OracleProcess } from '../../programs/supervisor';
import { validateBatch } from '../../programs/validate-batch';
import { harnessState } from '../support/harness-state';

const SEED = 7;
const RUNS = 300;
/** Time for checking the programs (about 30 s when the library works; a slow library gets a report of those checked). */
const RUN_MILLIS = 100_000;
/** Time for shrinking the failures of all checks together. */
const SHRINK_MILLIS = 45_000;
const WORK_DIR = path.resolve(__dirname, '..', '..', '..', 'build', 'terraform', 'user-programs-ci');

describe(`${RUNS} generated user programs (seed ${SEED}), with terraform validate`, () => {
  let result: RunResult;
  const deadline = { at: 0 };

  const oracle = new OracleProcess();

  beforeAll(async () => {
    harnessState(); // fails early, saying what to run, when the harness is not prepared
    result = await runPrograms({
      seed: SEED, runs: RUNS, validate: true, workDir: WORK_DIR, oracle, budgetMillis: RUN_MILLIS, log: (line) => console.log(`[user programs] ${line}`),
    });
    deadline.at = Date.now() + SHRINK_MILLIS;
  }, 150_000);

  afterAll(() => oracle.stop());

  test('the validate batch maps a diagnostic to the stack and program that has it (two hand-written stacks, one with a bad argument)', () => {
    const { providerVersion } = harnessState();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-'));
    const stack = (name: string, maxSessionDuration: number) => {
      const dir = path.join(folder, name);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({
        terraform: { required_providers: { aws: { source: 'aws', version: providerVersion } }, backend: { local: { path: 'terraform.tfstate' } } },
        provider: { aws: [{ region: 'eu-west-2' }] },
        variable: { release: { type: 'string' } },
        resource: { aws_iam_role: { role: { name: name, assume_role_policy: '{}', max_session_duration: maxSessionDuration } } },
      }));
      return dir;
    };
    try {
      const batch = validateBatch([{ program: 0, stack: 'valid', dir: stack('valid', 3600) }, { program: 1, stack: 'sentinel', dir: stack('sentinel', 1) }], `${WORK_DIR}-sentinel`);
      expect(batch.byProgram.get(0) ?? []).toEqual([]);
      expect(batch.byProgram.get(1)).toEqual([expect.objectContaining({ severity: 'error', stack: 'sentinel', summary: expect.stringContaining('max_session_duration') })]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  test.each(Object.keys(CHECKS) as CheckId[])('check %s', async (check) => {
    const groups = result.groups.filter((group) => group.check === check);
    if (groups.length > 0) {
      throw new Error(await formatReport({ ...result, groups }, { shrinkMillis: shrinkMillisFor(result, check, deadline.at), oracle }));
    }
  }, 70_000);

  test(`all ${RUNS} programs are checked within ${RUN_MILLIS / 1000} s, and every stack they synthesize is validated`, () => {
    console.log(summary(result));
    expect(summary(result)).not.toContain('the time budget ran out');
    expect(result.stacksValidated).toBeGreaterThanOrEqual(result.synthesized);
  });
});
