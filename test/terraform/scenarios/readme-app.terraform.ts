/**
 * A new user's path, exactly as the README's "Use it in your app" says: build the tarball, run
 * the install commands in an empty folder, write the README's files, synthesize, then
 * `terraform init`, `validate` and `plan` (offline, against the emulator).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readmeBlock } from '../../support/readme';
import { emulatorForThisFile, REPOSITORY_ROOT } from '../emulator/emulator';
import { run } from '../support/commands';
import { TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

/** The code block that follows `<!-- readme-app: NAME -->` in the README. */
const appBlock = (name: string) => readmeBlock('readme-app', name);

/** The install block's commands, each with the folder it runs in (the clone or the app), as the comments above them say. */
function installCommands(appDir: string): { cwd: string; command: string }[] {
  let cwd = '';
  const commands: { cwd: string; command: string }[] = [];
  for (const line of appBlock('install').split('\n')) {
    if (line.startsWith('# in the clone')) {
      cwd = REPOSITORY_ROOT;
    } else if (line.startsWith("# in your app's folder")) {
      cwd = appDir;
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      commands.push({ cwd, command: line.split('<clone>').join(REPOSITORY_ROOT) });
    }
  }
  return commands;
}

const emulator = emulatorForThisFile();

test("the README's install commands, files and synth give a stack that Terraform validates and plans", () => {
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-app-'));
  run('npm', ['init', '-y'], { what: 'npm init -y in an empty folder', cwd: appDir });
  const commands = installCommands(appDir);
  expect(commands.map((command) => command.cwd)).toEqual([REPOSITORY_ROOT, appDir, appDir]);
  for (const { cwd, command } of commands) {
    run('sh', ['-c', command], { what: `the README's install command \`${command}\``, cwd, timeoutMs: 15 * 60_000 });
  }
  // The tarball holds the library and nothing of the checkout (once it held the 22,000 files of .venv).
  const tarball = path.join(REPOSITORY_ROOT, 'dist', 'js', 'cdktf-rest-api-deployment@0.1.0.jsii.tgz');
  const entries = run('tar', ['tzf', tarball], { what: 'listing the npm tarball' }).split('\n').filter((entry) => entry !== '');
  expect([...new Set(entries.map((entry) => entry.split('/')[1]))].sort()).toEqual(
    ['.jsii', 'API.md', 'CHANGELOG.md', 'LICENSE', 'README.md', 'lib', 'node_modules', 'package.json']);
  expect([...new Set(entries.filter((entry) => entry.startsWith('package/node_modules/')).map((entry) => entry.split('/')[2]))]).toEqual(['yaml']);
  for (const file of ['cdktf.json', 'tsconfig.json', 'main.ts']) {
    fs.writeFileSync(path.join(appDir, file), `${appBlock(file)}\n`);
  }

  // cdktf synth runs the app command of cdktf.json
  const appCommand = JSON.parse(appBlock('cdktf.json')).app;
  run('sh', ['-c', appCommand], { what: `the app command \`${appCommand}\` (what cdktf synth runs)`, cwd: appDir });

  const installed = JSON.parse(fs.readFileSync(path.join(appDir, 'node_modules', 'cdktf-rest-api-deployment', 'package.json'), 'utf8'));
  expect(installed.version).toBe('0.1.0');
  const workdir = new TerraformWorkdir('readme-app', emulator()).load(path.join(appDir, 'cdktf.out', 'stacks', 'pets'));
  workdir.init();
  expect(workdir.validate()).toMatch(/The configuration is valid/);
  const plan = workdir.plan();
  expect(plan.actions(plan.addressOf('aws_api_gateway_deployment'))).toEqual(['create']);
  expect(plan.actions(plan.addressOf('aws_api_gateway_stage'))).toEqual(['create']);
});
