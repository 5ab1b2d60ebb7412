/** What `test/terraform/prepare.ts` found, for the Terraform tests. */
import * as fs from 'fs';
import * as path from 'path';
import { HarnessError } from './commands';
import type { ProviderInstallation } from '../provider/aws-provider';

export const HARNESS_STATE_FILE = path.resolve(__dirname, '..', '..', '..', 'build', 'terraform', 'harness.json');

/** Written by the prepare step. */
export interface HarnessState {
  readonly provider: ProviderInstallation;
  /** The `hashicorp/aws` version the synthesized JSON requires. */
  readonly providerVersion: string;
  /** The `hashicorp/aws` version the cdktn flavour's synthesized JSON requires. */
  readonly cdktnProviderVersion: string;
}

/** The prepared harness, or a clear error when the prepare step has not run. */
export function harnessState(): HarnessState {
  if (!fs.existsSync(HARNESS_STATE_FILE)) {
    throw new HarnessError(`${HARNESS_STATE_FILE} is missing: run \`npm run test:terraform\` (its first step prepares Terraform, the AWS provider and moto).`);
  }
  return JSON.parse(fs.readFileSync(HARNESS_STATE_FILE, 'utf8'));
}
