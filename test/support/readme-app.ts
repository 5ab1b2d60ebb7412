/**
 * The README's first app as a user of either flavour writes it: the Terraform harness's CLI scenarios
 * (test/terraform/support/user-app.ts) and the release rehearsal (test/release/install-by-name.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readmeBlock } from './readme';
import { rewriteSource } from '../../scripts/cdktn-flavour';

export type Flavour = 'cdktf' | 'cdktn';

/** A README TypeScript file as the given flavour's user writes it: the cdktn flavour renames the imports. */
export function inFlavour(source: string, flavour: Flavour): string {
  return flavour === 'cdktf' ? source : rewriteSource(source).replace(/'cdktf-api-gateway-deployment'/g, "'cdktn-api-gateway-deployment'");
}

/** Writes the README's app files into `dir`: cdktf.json, tsconfig.json, pets-stack.ts, main.ts. */
export function writeReadmeApp(dir: string, flavour: Flavour): void {
  const write = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), `${body}\n`);
  write('cdktf.json', readmeBlock('readme-app', 'cdktf.json'));
  write('tsconfig.json', readmeBlock('readme-app', 'tsconfig.json'));
  write('pets-stack.ts', inFlavour(readmeBlock('readme-app', 'pets-stack.ts'), flavour));
  write('main.ts', inFlavour(readmeBlock('readme-app', 'main.ts'), flavour));
}
