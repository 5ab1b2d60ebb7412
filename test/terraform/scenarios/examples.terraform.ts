/**
 * Every example, and a stack with every discovered resource type, passes `terraform init`,
 * `validate` and `plan` with the real AWS provider (offline: the provider talks only to the
 * emulator). The examples then deploy as shipped, show no perpetual diff, and destroy cleanly.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { EVERY_TYPE_STACK, everyDiscoveredTypeApp } from './every-discovered-type-stack';
import { EXAMPLES } from '../../../examples/synth-all';
import { Emulator } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await Emulator.start();
});
afterAll(() => emulator?.stop());

/** The stacks an example app synthesizes, by name. */
function stacksOf(name: string): string[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  EXAMPLES[name](outdir).synth();
  return fs.readdirSync(path.join(outdir, 'stacks')).sort();
}

describe.each(Object.keys(EXAMPLES))('examples/%s', (name) => {
  test.each(stacksOf(name))('stack %s validates, plans, deploys as shipped, has nothing left to do, and destroys', async (stack) => {
    const workdir = new TerraformWorkdir(`example-${name}-${stack}`, emulator);
    workdir.load(synthesizeStack(EXAMPLES[name], stack));
    workdir.init();
    expect(workdir.validate()).toMatch(/The configuration is valid/);
    const plan = workdir.plan();
    for (const deployment of plan.addressesOf('aws_api_gateway_deployment')) {
      expect(plan.actions(deployment)).toEqual(['create']);
    }

    try {
      workdir.apply();
      const second = workdir.planExitCode();
      expect({ code: second.code, output: second.code === 0 ? '' : second.output }).toEqual({ code: 0, output: '' });
    } finally {
      workdir.destroy();
    }
    const apis = await emulator.apiGateway().send(new GetRestApisCommand({}));
    expect(apis.items ?? []).toEqual([]);
  });
});

test('a stack with every discovered type, a computed body, count, for_each, variables, locals and data sources validates and plans', () => {
  const workdir = new TerraformWorkdir('every-type', emulator);
  workdir.load(synthesizeStack(everyDiscoveredTypeApp, EVERY_TYPE_STACK));
  workdir.init();

  expect(workdir.validate()).toMatch(/The configuration is valid/);
  const plan = workdir.plan();
  expect(plan.addressesOf('aws_api_gateway_deployment')).toHaveLength(2);
  for (const deployment of plan.addressesOf('aws_api_gateway_deployment')) {
    expect(plan.actions(deployment)).toEqual(['create']);
  }
});
