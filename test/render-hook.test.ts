import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesizeStack, triggersOf } from './support/synth';

/** Synthesizes the pets API with a deployment through a full `app.synth()`; returns the stack's output file. */
function synthesizedFile(options: { hclOutput: boolean }): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-hook-'));
  const app = new App({ outdir, skipValidation: true, hclOutput: options.hclOutput });
  const stack = new TerraformStack(app, 'stack');
  new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: '1' } });
  app.synth();
  const dir = path.join(outdir, 'stacks', 'stack');
  const text = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((file) => file.startsWith('cdk.tf'))!), 'utf8');
  fs.rmSync(outdir, { recursive: true, force: true });
  return text;
}

describe('the triggers are computed from the blocks cdktf renders', () => {
  test('Testing.synth, a full app synth and HCL output give the same entries', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: '1' } });
    const expected = triggersOf(synthesizeStack(stack));
    const json = synthesizedFile({ hclOutput: false });
    const hcl = synthesizedFile({ hclOutput: true });

    expect(Object.keys(expected)).toHaveLength(6);
    for (const [key, value] of Object.entries(expected)) {
      expect(json).toContain(`"${key}": ${JSON.stringify(value)}`);
      expect(hcl).toContain(value);
    }
    expect(json).not.toContain('__triggers_pending__');
    expect(hcl).not.toContain('__triggers_pending__');
  });

  test('two deployments in one stack each get their own triggers', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const pets = petsApi(stack);
    const orders = petsApi(stack, { name: 'orders' }, 'orders_');
    new RestApiDeployment(stack, 'pets_deploy', { restApi: pets.api });
    new RestApiDeployment(stack, 'orders_deploy', { restApi: orders.api, stageName: 'orders' });
    const deployments = synthesizeStack(stack).resource.aws_api_gateway_deployment;

    const keysOf = (name: string) => Object.keys(Object.entries<any>(deployments).find(([id]) => id.startsWith(`${name}deploy`))![1].triggers);
    expect(keysOf('pets_')).toContain('aws_api_gateway_method.pets_get');
    expect(keysOf('pets_')).not.toContain('aws_api_gateway_method.orders_pets_get');
    expect(keysOf('orders_')).toContain('aws_api_gateway_method.orders_pets_get');
  });
});
