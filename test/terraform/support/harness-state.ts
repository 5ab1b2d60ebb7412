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
  /** The OpenTofu binary (`tofu` on PATH, or the harness's build), once a prepare step ran with `TF_HARNESS_CLI=tofu`. */
  readonly opentofu?: string;
}

/**
 * The command the Terraform scenarios run: `terraform`, or OpenTofu when `TF_HARNESS_CLI=tofu`
 * (`npm run test:opentofu` runs the OpenTofu subset that way).
 */
export function terraformCommand(): { command: string; name: 'terraform' | 'tofu' } {
  if (process.env.TF_HARNESS_CLI !== 'tofu') {
    return { command: 'terraform', name: 'terraform' };
  }
  const { opentofu } = harnessState();
  if (opentofu === undefined) {
    throw new HarnessError('TF_HARNESS_CLI=tofu, but no prepare step has made OpenTofu ready: run `npm run test:opentofu` (its first step prepares it).');
  }
  return { command: opentofu, name: 'tofu' };
}

/** The prepared harness, or a clear error when the prepare step has not run. */
export function harnessState(): HarnessState {
  if (!fs.existsSync(HARNESS_STATE_FILE)) {
    throw new HarnessError(`${HARNESS_STATE_FILE} is missing: run \`npm run test:terraform\` (its first step prepares Terraform, the AWS provider and moto).`);
  }
  return JSON.parse(fs.readFileSync(HARNESS_STATE_FILE, 'utf8'));
}

/**
 * Go's garbage collector settings for every Terraform, OpenTofu and provider process the harness
 * starts: collect only past 1 GiB of heap. Each command is short-lived, and most of its CPU went to
 * collecting (the provider builds its schemas anew at every start): measured on 2 cores, a
 * scenario's terraform commands took 59 s of CPU with Go's default, 24 s with these, and ran 28%
 * faster by the clock; no command came near the limit.
 */
export const GO_GC_SETTINGS: NodeJS.ProcessEnv = { GOGC: 'off', GOMEMLIMIT: '1GiB' };

/** The environment the harness runs `terraform` (or `tofu`) in: no prompts, no checkpoint calls, the provider mirror. */
export function terraformEnvironment(): NodeJS.ProcessEnv {
  const { provider } = harnessState();
  return {
    ...process.env,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    ...GO_GC_SETTINGS,
    ...(provider.cliConfigFile ? { TF_CLI_CONFIG_FILE: provider.cliConfigFile } : {}),
  };
}
