/**
 * A new user's app runs the README's install by name (its "once released" commands) against the local
 * npm registry (verdaccio, test/release/registries.sh) the release rehearsal published the library to,
 * writes the README's first app and synthesizes it, with the version package.json has: for each flavour.
 *
 *   ts-node test/release/install-by-name.ts cdktf|cdktn
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readmeBlock } from '../support/readme';
import { Flavour, writeReadmeApp } from '../support/readme-app';

const ROOT = path.join(__dirname, '..', '..');
const REGISTRY = 'http://127.0.0.1:4873';

/**
 * The packages of the README's commands for an install by name (its "once released" block: the line
 * of the flavour's package), then the development packages of its install from a clone but the CLI.
 */
function installCommands(flavour: string): string[][] {
  const byName = readmeBlock('readme-app', 'install-by-name').split('\n').find((line) => line.startsWith(`npm install ${flavour}-api-gateway-deployment `));
  const fromClone = readmeBlock('readme-app', flavour === 'cdktf' ? 'install' : 'install-cdktn').split('\n').filter((line) => line.startsWith('npm install --save-dev '));
  if (byName === undefined || fromClone.length !== 1) {
    throw new Error(`install-by-name: the README's install blocks have no \`npm install ${flavour}-api-gateway-deployment ...\` or not one \`npm install --save-dev\``);
  }
  // The CLI is not needed to synthesize (ts-node runs main.ts), and the Terraform scenarios install and run it.
  return [byName, ...fromClone].map((line) => line.split(/\s+/).slice(2).filter((word) => !/^cdkt[fn]-cli@/.test(word)));
}

function main(flavour: Flavour): void {
  if (!['cdktf', 'cdktn'].includes(flavour)) {
    throw new Error(`install-by-name.ts: expected cdktf or cdktn, got "${flavour}"`);
  }
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const app = path.join(ROOT, 'build', 'release-rehearsal', `${flavour}-app`);
  fs.rmSync(app, { recursive: true, force: true });
  fs.mkdirSync(app, { recursive: true });
  const run = (command: string, args: string[]): string => execFileSync(command, args, { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

  run('npm', ['init', '-y']);
  for (const packages of installCommands(flavour)) {
    console.log(`install-by-name: npm install ${packages.join(' ')} --registry ${REGISTRY}`);
    run('npm', ['install', '--no-audit', '--no-fund', '--registry', REGISTRY, ...packages]);
  }
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', `${flavour}-api-gateway-deployment`, 'package.json'), 'utf8'));
  if (installed.version !== version) {
    throw new Error(`install-by-name: installed ${installed.name}@${installed.version}, expected ${version}`);
  }
  writeReadmeApp(app, flavour);

  run('npx', ['ts-node', 'main.ts']);
  const stack = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'stacks', 'pets', 'cdk.tf.json'), 'utf8'));
  const deployment = Object.values(stack.resource?.aws_api_gateway_deployment ?? {})[0];
  const triggers = Object.keys((deployment as { triggers?: object } | undefined)?.triggers ?? {});
  if (!triggers.includes('aws_api_gateway_integration.pets_get_integration') || stack.resource.aws_api_gateway_stage === undefined) {
    throw new Error(`install-by-name: the README app synthesized with ${installed.name}@${installed.version} has no deployment triggered by its integration or no stage:\n${JSON.stringify(stack.resource, null, 2)}`);
  }
  console.log(`install-by-name: ${installed.name}@${installed.version}, installed by name from ${REGISTRY}, synthesized the README app: `
    + `a deployment with ${triggers.length} triggers and the stage ${Object.values(stack.resource.aws_api_gateway_stage as Record<string, { stage_name: string }>)[0].stage_name}`);
}

main(process.argv[2] as Flavour);
