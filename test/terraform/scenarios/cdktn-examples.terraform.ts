/**
 * The examples synthesized with the CDK Terrain flavour (cdktn and @cdktn/provider-aws, through
 * the same require mapping as `npm run test:cdktn`) pass `terraform init`, `validate` and `plan`:
 * their JSON asks for the newer AWS provider cdktn's bindings are generated from, and each stack
 * plans to create its deployments (REST or API Gateway v2).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLES } from '../../../examples/synth-all';
import { emulatorForThisFile, REPOSITORY_ROOT } from '../emulator/emulator';
import { EXAMPLE_VARIABLES } from '../support/example-variables';
import { harnessState } from '../support/harness-state';
import { TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

/** Synthesizes example `name` with cdktn in a process of its own; returns the cdktf.out folder. */
function synthesizeWithCdktn(name: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cdktn-example-${name}-`));
  execFileSync(process.execPath, [
    '-r', path.join(REPOSITORY_ROOT, 'test', 'flavours', 'cdktn-require.js'),
    '-r', 'ts-node/register/transpile-only',
    '-e', `require('./examples/synth-all').EXAMPLES[${JSON.stringify(name)}](${JSON.stringify(outdir)}).synth()`,
  ], { cwd: REPOSITORY_ROOT, env: { ...process.env, TS_NODE_PROJECT: 'examples/tsconfig.json' }, stdio: 'inherit' });
  return outdir;
}

describe.each(Object.keys(EXAMPLES))('examples/%s with cdktn', (name) => {
  test('every stack validates and plans', () => {
    const outdir = synthesizeWithCdktn(name);
    for (const stack of fs.readdirSync(path.join(outdir, 'stacks'))) {
      const workdir = new TerraformWorkdir(`cdktn-example-${name}-${stack}`, emulator());
      workdir.load(path.join(outdir, 'stacks', stack), EXAMPLE_VARIABLES[name]);
      expect(workdir.config().terraform.required_providers.aws.version).toBe(harnessState().cdktnProviderVersion);
      workdir.init();
      expect(workdir.validate()).toMatch(/The configuration is valid/);
      const plan = workdir.plan();
      const deployments = [...plan.addressesOf('aws_api_gateway_deployment'), ...plan.addressesOf('aws_apigatewayv2_deployment')];
      expect(deployments.length).toBeGreaterThan(0);
      for (const deployment of deployments) {
        expect(plan.actions(deployment)).toEqual(['create']);
      }
    }
  });
});
