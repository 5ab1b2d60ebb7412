/**
 * CI's head start (`.ci/run` starts it in the background, niced, right after `npm ci`): builds a
 * binary the Terraform steps need and no machine has, the AWS provider (`prebuild.ts provider`) or
 * OpenTofu (`prebuild.ts opentofu`), into the cache outside the repository. It writes nothing in the
 * checkout, so it can run beside the jsii build and the jest suites; the prepare steps of `npm run
 * test:terraform` and `npm run test:opentofu` then find it built. By hand it is never needed: the
 * prepare steps build what is missing.
 */
import { prebuildAwsProvider } from './provider/aws-provider';
import { obtainOpenTofu } from './provider/opentofu';

async function main(what: string | undefined): Promise<void> {
  const log = (line: string) => console.log(`[prebuild] ${line}`);
  const started = Date.now();
  if (what === 'provider') {
    await prebuildAwsProvider(log);
  } else if (what === 'opentofu') {
    obtainOpenTofu(log);
  } else {
    throw new Error(`usage: prebuild.ts provider|opentofu (got ${what ?? 'nothing'})`);
  }
  log(`${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main(process.argv[2]).catch((error) => {
  console.error(`[prebuild] ${error.message}`);
  process.exit(1);
});
