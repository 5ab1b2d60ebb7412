/**
 * Checks that a stack synthesized by another language's example equals the TypeScript
 * example's, after removing only cdktf's "//" metadata. Run from the repository root, like
 * the other language's synth (the default local backend records the working directory).
 *
 *   ts-node scripts/compare-with-typescript.ts <example> <stack name> <other language's outdir>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { synthesizeExample } from '../examples/synth-all';

const withoutMetadata = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, item) => (key === '//' ? undefined : item)));

function main(): void {
  const [example, stack, otherOutdir] = process.argv.slice(2);
  const typescript = synthesizeExample(example, fs.mkdtempSync(path.join(os.tmpdir(), `compare-${example}-`)))[stack];
  const other = JSON.parse(fs.readFileSync(path.join(otherOutdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  if (!isDeepStrictEqual(withoutMetadata(other), withoutMetadata(typescript))) {
    console.error(`${otherOutdir}: stack "${stack}" differs from the TypeScript examples/${example}`);
    console.error(JSON.stringify(withoutMetadata(other), null, 2));
    process.exit(1);
  }
  const triggers = Object.values<any>(typescript.resource.aws_api_gateway_deployment)[0].triggers;
  console.log(`${otherOutdir}: stack "${stack}" equals the TypeScript examples/${example} (triggers: ${Object.keys(triggers).join(', ')})`);
}

main();
