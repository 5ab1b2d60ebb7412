/**
 * First step of `npm run test:terraform`: checks Terraform is there, installs moto into the
 * project's Python environment and makes `hashicorp/aws` installable (built from source where
 * the registry cannot be reached). Writes what the tests need to `build/terraform/harness.json`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { REPOSITORY_ROOT, VENV_PYTHON } from './emulator/emulator';
import { obtainAwsProvider } from './provider/aws-provider';
import { obtainOpenTofu } from './provider/opentofu';
import { commandOnPath, run } from './support/commands';
import { HARNESS_STATE_FILE, HarnessState } from './support/harness-state';
import { CLONE_COMMANDS_LOCK } from './support/user-app';
import { CDKTN_DIR, generate as generateCdktnFlavour } from '../../scripts/cdktn-flavour';

/** The `hashicorp/aws` version the synthesized JSON of this checkout requires. */
function requiredProviderVersion(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'required-provider-'));
  try {
    const app = new App({ outdir });
    new AwsProvider(new TerraformStack(app, 'probe'), 'aws', {});
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'probe', 'cdk.tf.json'), 'utf8'));
    return json.terraform.required_providers.aws.version;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function installEmulator(log: (line: string) => void): void {
  commandOnPath('python3', 'The AWS emulator (moto 5.2.5) runs on Python 3.10 or later: install python3 and put it on PATH.');
  if (!fs.existsSync(VENV_PYTHON)) {
    run('python3', ['-m', 'venv', path.join(REPOSITORY_ROOT, '.venv')], { what: 'creating the Python environment .venv' });
  }
  run(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', path.join(__dirname, 'emulator', 'requirements.txt')], {
    what: 'installing moto from PyPI into .venv',
  });
  log(`moto: ${run(VENV_PYTHON, ['-c', 'import moto; print(moto.__version__)'], { what: 'checking moto' }).trim()} in .venv`);
}

/** The `hashicorp/aws` version the cdktn flavour's JSON requires (its packages are installed into build/cdktn first). */
function cdktnProviderVersion(): string {
  generateCdktnFlavour();
  const manifest = path.join(CDKTN_DIR, 'node_modules', '@cdktn', 'provider-aws', 'package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).cdktn.provider.version;
}

/** What an earlier prepare step wrote, if any. */
function previousState(): HarnessState | undefined {
  return fs.existsSync(HARNESS_STATE_FILE) ? JSON.parse(fs.readFileSync(HARNESS_STATE_FILE, 'utf8')) : undefined;
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[test:terraform] ${line}`);
  const started = Date.now();
  commandOnPath('terraform', 'Install Terraform 1.5 or later and put it on PATH.');
  log(run('terraform', ['version'], { what: 'terraform version' }).split('\n')[0]);
  installEmulator(log);
  const version = requiredProviderVersion();
  const cdktnVersion = cdktnProviderVersion();
  log(`hashicorp/aws versions the JSON asks for: ${version} (cdktf flavour), ${cdktnVersion} (cdktn flavour)`);
  const provider = await obtainAwsProvider([...new Set([version, cdktnVersion])], log);
  // OpenTofu only for its subset (`npm run test:opentofu` sets TF_HARNESS_CLI=tofu); a later plain
  // prepare keeps what an earlier one found.
  const opentofu = process.env.TF_HARNESS_CLI === 'tofu' ? obtainOpenTofu(log) : previousState()?.opentofu;
  const state: HarnessState = { provider, providerVersion: version, cdktnProviderVersion: cdktnVersion, opentofu };
  fs.mkdirSync(path.dirname(HARNESS_STATE_FILE), { recursive: true });
  fs.writeFileSync(HARNESS_STATE_FILE, JSON.stringify(state, null, 2));
  // A lock the README apps' install left when an earlier run was stopped (support/user-app.ts).
  fs.rmSync(CLONE_COMMANDS_LOCK, { recursive: true, force: true });
  log(`prepared in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error) => {
  console.error(`[test:terraform] ${error.message}`);
  process.exit(1);
});
