/**
 * A user's app made exactly as the README says, for one flavour: its install commands (the
 * tarball built in this clone, the peer packages, the CLI), its files, its CLI commands and its
 * jest project, run against the emulator. The app is left as the README writes it: the AWS
 * provider finds the emulator through the AWS SDK's endpoint variables (AWS_ENDPOINT_URL), as a
 * user's credentials would point it at AWS.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run, runWithStatus } from './commands';
import { GO_GC_SETTINGS, harnessState, terraformCommand } from './harness-state';
import { readmeBlock } from '../../support/readme';
import { Flavour, inFlavour, writeReadmeApp } from '../../support/readme-app';
import { REPOSITORY_ROOT } from '../emulator/emulator';
import type { Emulator } from '../emulator/emulator';

const WORK_ROOT = path.join(REPOSITORY_ROOT, 'build', 'terraform');

/** The integration request template of the README's app, and what the scenarios change it to. */
export const TEMPLATE_BEFORE = '{"statusCode": 200}';
export const TEMPLATE_AFTER = '{"statusCode": 201}';

/** Text without terminal colours (the CLIs colour some of their output whatever NO_COLOR says). */
export function withoutColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The lock folder of the README apps' commands in the clone (test/terraform/prepare.ts removes one a stopped run left). */
export const CLONE_COMMANDS_LOCK = path.join(WORK_ROOT, 'clone-commands.lock');

/** Runs `work` while no other jest worker runs commands in the clone (CLONE_COMMANDS_LOCK). */
function inTheCloneAlone(work: () => void): void {
  const lock = CLONE_COMMANDS_LOCK;
  fs.mkdirSync(WORK_ROOT, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) {
        throw error;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** One app folder, `build/terraform/cli-<flavour>-app` (its package name, from `npm init -y`, is the folder's). */
export class UserApp {
  readonly dir: string;
  /** The CLI's command: `cdktf` or `cdktn`. */
  readonly cliName: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly flavour: Flavour, emulator: Emulator) {
    const cli = terraformCommand();
    this.dir = path.join(WORK_ROOT, `cli-${cli.name === 'tofu' ? 'tofu-' : ''}${flavour}-app`);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    this.cliName = flavour;
    const { provider } = harnessState();
    // cdktn's CLI and provider bindings need Node.js 22.19 or later; the README says so.
    const node22 = flavour === 'cdktn' ? run('bash', [path.join(REPOSITORY_ROOT, 'scripts', 'node-22.sh')], { what: 'getting Node.js 22 (scripts/node-22.sh)' }).trim() : undefined;
    this.env = {
      ...process.env,
      PATH: node22 ? `${node22}${path.delimiter}${process.env.PATH}` : process.env.PATH,
      AWS_ENDPOINT_URL: emulator.endpoint,
      AWS_ACCESS_KEY_ID: 'emulated',
      AWS_SECRET_ACCESS_KEY: 'emulated',
      AWS_REGION: 'eu-west-2',
      // An operation the emulator lacks fails in seconds instead of being retried for minutes.
      AWS_MAX_ATTEMPTS: '2',
      CHECKPOINT_DISABLE: '1',
      CI: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      TF_IN_AUTOMATION: '1',
      ...GO_GC_SETTINGS,
      ...(provider.cliConfigFile ? { TF_CLI_CONFIG_FILE: provider.cliConfigFile } : {}),
      // Both CLIs run OpenTofu when it names it (the README's OpenTofu section).
      ...(cli.name === 'tofu' ? { TERRAFORM_BINARY_NAME: cli.command } : {}),
    };
  }

  /**
   * Runs the README's install commands for the flavour, each in the folder its comment names. The
   * commands in the clone build into the same folders for both flavours (`package:js` builds the
   * cdktn tarball too): the apps of two jest workers take turns there, and at installing what they built.
   */
  install(): void {
    run('npm', ['init', '-y'], { what: 'npm init -y in an empty folder', cwd: this.dir, env: this.env });
    const block = this.flavour === 'cdktf' ? readmeBlock('readme-app', 'install') : readmeBlock('readme-app', 'install-cdktn');
    let cwd: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith('# in the clone')) {
        cwd = REPOSITORY_ROOT;
      } else if (line.startsWith("# in your app's folder")) {
        cwd = this.dir;
      } else if (line.trim() !== '' && !line.startsWith('#')) {
        if (cwd === undefined) {
          throw new Error(`the README's install block has a command before it says where to run it: ${line}`);
        }
        const command = line.split('<clone>').join(REPOSITORY_ROOT);
        const install = () => run('sh', ['-c', command], { what: `the README's install command \`${command}\``, cwd, env: this.env, timeoutMs: 15 * 60_000 });
        if (cwd === REPOSITORY_ROOT || line.includes('<clone>')) {
          inTheCloneAlone(install);
        } else {
          install();
        }
      }
    }
  }

  /** The tarball the install commands built and installed. */
  tarball(): string {
    const installed = this.installedLibrary();
    const folder = this.flavour === 'cdktf' ? path.join('dist', 'js') : path.join('dist', 'cdktn', 'js');
    return path.join(REPOSITORY_ROOT, folder, `${installed.name}@${installed.version}.jsii.tgz`);
  }

  /** The library's package.json as installed in the app. */
  installedLibrary(): { name: string; version: string } {
    const name = `${this.flavour}-api-gateway-deployment`;
    return JSON.parse(fs.readFileSync(path.join(this.dir, 'node_modules', name, 'package.json'), 'utf8'));
  }

  /** Writes the README's app files: cdktf.json, tsconfig.json, pets-stack.ts, main.ts. */
  writeAppFiles(): void {
    writeReadmeApp(this.dir, this.flavour);
  }

  /** Installs jest as the README's testing guide says and writes its config, the tsconfig with jest's types and the test file. */
  addJestProject(): void {
    const install = readmeBlock('readme-app', 'test-install');
    run('sh', ['-c', install], { what: `the README's \`${install}\``, cwd: this.dir, env: this.env, timeoutMs: 10 * 60_000 });
    this.write('jest.config.js', readmeBlock('readme-app', 'jest.config.js'));
    this.write('tsconfig.json', readmeBlock('readme-app', 'test-tsconfig.json'));
    this.write('pets-stack.test.ts', inFlavour(readmeBlock('readme-app', 'pets-stack.test.ts'), this.flavour));
  }

  /** `npx jest` (with `--ci`, a missing or different snapshot fails); the exit code and output. */
  jest(ci: boolean): { status: number; output: string } {
    const result = runWithStatus('npx', ['jest', `--ci=${ci}`], { what: 'npx jest in the app', cwd: this.dir, env: this.env, okExitCodes: [0, 1] });
    return { status: result.status, output: withoutColours(`${result.stdout}\n${result.stderr}`) };
  }

  /**
   * Runs one of the README's CLI commands (`npx cdktf deploy`; `npx cdktn deploy` for cdktn),
   * unattended and offline: `--auto-approve` where it asks, `--skip-provider-lock` where it would
   * ask the public registry for other platforms' checksums (README, Troubleshooting).
   */
  cli(command: 'synth' | 'diff' | 'deploy' | 'destroy'): string {
    const line = readmeBlock('readme-shell', 'cli').split('\n').find((candidate) => candidate.startsWith(`npx cdktf ${command} `));
    if (line === undefined) {
      throw new Error(`the README's CLI block has no \`npx cdktf ${command}\``);
    }
    const args = [this.cliName, command,
      ...(['deploy', 'destroy'].includes(command) ? ['--auto-approve'] : []),
      ...(command === 'synth' ? [] : ['--skip-provider-lock'])];
    return withoutColours(run('npx', args, { what: `npx ${args.join(' ')} in the README's app`, cwd: this.dir, env: this.env, timeoutMs: 15 * 60_000 }));
  }

  /** Changes the request template of the README app's integration. */
  changeIntegrationTemplate(): void {
    const file = path.join(this.dir, 'pets-stack.ts');
    const source = fs.readFileSync(file, 'utf8');
    const before = `'application/json': '${TEMPLATE_BEFORE}'`;
    if (!source.includes(before)) {
      throw new Error(`the README's pets-stack.ts no longer has the template ${before}`);
    }
    fs.writeFileSync(file, source.replace(before, `'application/json': '${TEMPLATE_AFTER}'`));
  }

  private write(name: string, body: string): void {
    fs.writeFileSync(path.join(this.dir, name), `${body}\n`);
  }
}
