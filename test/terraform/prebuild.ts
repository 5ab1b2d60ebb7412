/**
 * CI's head start (`.ci/run` starts it in the background, niced, right after `npm ci`): builds the
 * binaries the Terraform steps need and no machine has, the AWS provider and OpenTofu, into the
 * cache outside the repository. It writes nothing in the checkout, so it can run beside the jsii
 * build and the jest suites; the prepare steps of `npm run test:terraform` and `npm run
 * test:opentofu` then find both built. By hand it is never needed: the prepare steps build what is
 * missing.
 */
import { prebuildAwsProvider } from './provider/aws-provider';
import { obtainOpenTofu } from './provider/opentofu';

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[prebuild] ${line}`);
  const started = Date.now();
  await prebuildAwsProvider(log);
  obtainOpenTofu(log);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error) => {
  console.error(`[prebuild] ${error.message}`);
  process.exit(1);
});
