/**
 * Long runs by hand:
 *
 *   npx ts-node --project test/tsconfig.json test/programs/run.ts --seed 7 --runs 2000
 *   npx ts-node --project test/tsconfig.json test/programs/run.ts --seed 7 --runs 300 --validate
 *   npx ts-node --project test/tsconfig.json test/programs/run.ts --seed 7 --program 12     (one program, printed)
 *
 * Prints a summary, then one section per distinct failure with a shrunk TypeScript reproduction.
 * `--validate` needs the Terraform harness (`build/terraform/harness.json`, made by
 * `npm run test:terraform`'s prepare step). `--shrink-seconds` bounds shrinking (default 120);
 * `--timeout-seconds` is how long one program may take before it counts as hanging (default 10).
 * Exits 1 when anything failed.
 */
import { generateProgram } from './generator';
import { printProgram } from './printer';
import { formatReport } from './report';
import { runPrograms } from './runner';
import { OracleProcess } from './supervisor';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<number> {
  const seed = Number(option('seed') ?? 1);
  const one = option('program');
  const oracle = new OracleProcess(Number(option('timeout-seconds') ?? 10) * 1000);
  if (one !== undefined) {
    const program = generateProgram(seed, Number(one));
    const report = await oracle.check(program).finally(() => oracle.stop());
    console.log(printProgram(program, { mutation: report.mutation, header: [`seed ${seed}, program ${one}: ${report.outcome}${report.mutation ? `; mutation: ${report.mutation.description}` : ''}`] }));
    for (const failure of report.failures) {
      console.log(`FAILED ${failure.check}: ${failure.kind}\n${failure.message}\n`);
    }
    return report.failures.length > 0 ? 1 : 0;
  }
  const result = await runPrograms({
    seed,
    runs: Number(option('runs') ?? 100),
    validate: process.argv.includes('--validate'),
    batchSize: option('batch') === undefined ? undefined : Number(option('batch')),
    log: (line) => console.error(`[user programs] ${line}`),
    oracle,
  });
  try {
    console.log(await formatReport(result, { shrinkMillis: Number(option('shrink-seconds') ?? 120) * 1000, oracle }));
  } finally {
    oracle.stop();
  }
  return result.groups.length > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error) => {
  console.error(error);
  process.exitCode = 2;
});
