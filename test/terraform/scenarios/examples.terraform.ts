/**
 * Every example, and a stack with every discovered resource type, passes `terraform init`,
 * `validate` and `plan` with the real AWS provider (offline: the provider talks only to the
 * emulator). The examples then deploy as shipped, show no perpetual diff, and destroy cleanly.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GetAccountCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { GetApiMappingsCommand, GetApisCommand, GetDomainNamesCommand, GetStageCommand } from '@aws-sdk/client-apigatewayv2';
import { EVERY_TYPE_STACK, everyDiscoveredTypeApp, everyV2DiscoveredTypeApp } from './every-discovered-type-stack';
import { EXAMPLES } from '../../../examples/synth-all';
import { emulatorForThisFile } from '../emulator/emulator';
import { EXAMPLE_VARIABLES } from '../support/example-variables';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

/** What else to check of an example once it is applied, by example name. */
const AFTER_APPLY: Record<string, (workdir: TerraformWorkdir, applyLog: string) => Promise<void>> = {
  // cloudWatchRole: the account's CloudWatch role is set before any stage is deployed.
  'production': async (workdir, applyLog) => {
    const state = workdir.state();
    const [role] = Object.keys(state).filter((address) => address.startsWith('aws_iam_role.') && address.includes('CloudWatchRole'));
    const account = await emulator().apiGateway().send(new GetAccountCommand({}));
    expect(account.cloudwatchRoleArn).toBe(state[role].arn);
    const accountSet = applyLog.search(/aws_api_gateway_account\.\w+: Creation complete/);
    const firstStage = applyLog.search(/aws_api_gateway_stage\.\w+: Creating\.\.\./);
    expect(accountSet).toBeGreaterThanOrEqual(0);
    expect(firstStage).toBeGreaterThan(accountSet);
  },
  'http-api': (workdir) => expectStageServesDeployment(workdir, '$default'),
  'websocket': (workdir) => expectStageServesDeployment(workdir, 'prod'),
  // Each stage is mapped where the example says, REST and HTTP on one domain, WebSocket on the other.
  'custom-domains': async () => {
    const mappings = async (domainName: string) => {
      const found = await emulator().apiGatewayV2().send(new GetApiMappingsCommand({ DomainName: domainName }));
      return (found.Items ?? []).map((mapping) => `${mapping.ApiMappingKey ?? ''} -> ${mapping.Stage}`).sort();
    };
    expect(await mappings('orders.example.com')).toEqual([' -> live', 'orders/beta -> beta', 'orders/v1 -> v1', 'orders/v2 -> live']);
    expect(await mappings('chat.example.com')).toEqual([' -> prod']);
  },
};

/** The emulated v2 stage `stageName` serves the deployment in the state. */
async function expectStageServesDeployment(workdir: TerraformWorkdir, stageName: string): Promise<void> {
  const state = workdir.state();
  const [deployment] = Object.keys(state).filter((address) => address.startsWith('aws_apigatewayv2_deployment.'));
  const stage = await emulator().apiGatewayV2().send(new GetStageCommand({ ApiId: state[deployment].api_id, StageName: stageName }));
  expect(stage.DeploymentId).toBe(state[deployment].id);
}

/** The deployments of both kinds in a plan. */
const DEPLOYMENT_TYPES = ['aws_api_gateway_deployment', 'aws_apigatewayv2_deployment'];

/** The stacks an example app synthesizes, by name. */
function stacksOf(name: string): string[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  EXAMPLES[name](outdir).synth();
  return fs.readdirSync(path.join(outdir, 'stacks')).sort();
}

describe.each(Object.keys(EXAMPLES))('examples/%s', (name) => {
  test.each(stacksOf(name))('stack %s validates, plans, deploys as shipped, has nothing left to do, and destroys', async (stack) => {
    const workdir = new TerraformWorkdir(`example-${name}-${stack}`, emulator());
    workdir.load(synthesizeStack(EXAMPLES[name], stack), EXAMPLE_VARIABLES[name]);
    workdir.init();
    expect(workdir.validate()).toMatch(/The configuration is valid/);
    const plan = workdir.plan();
    const deployments = DEPLOYMENT_TYPES.flatMap((type) => plan.addressesOf(type));
    expect(deployments.length).toBeGreaterThan(0);
    for (const deployment of deployments) {
      expect(plan.actions(deployment)).toEqual(['create']);
    }

    try {
      const applyLog = workdir.apply();
      await AFTER_APPLY[name]?.(workdir, applyLog);
      const second = workdir.planExitCode();
      expect({ code: second.code, output: second.code === 0 ? '' : second.output }).toEqual({ code: 0, output: '' });
    } finally {
      workdir.destroy();
    }
    const apis = await emulator().apiGateway().send(new GetRestApisCommand({}));
    expect(apis.items ?? []).toEqual([]);
    expect((await emulator().apiGatewayV2().send(new GetApisCommand({}))).Items ?? []).toEqual([]);
    expect((await emulator().apiGatewayV2().send(new GetDomainNamesCommand({}))).Items ?? []).toEqual([]);
  });
});

test('a stack with every discovered type, a computed body, count, for_each, variables, locals and data sources validates and plans', () => {
  const workdir = new TerraformWorkdir('every-type', emulator());
  workdir.load(synthesizeStack(everyDiscoveredTypeApp, EVERY_TYPE_STACK));
  workdir.init();

  expect(workdir.validate()).toMatch(/The configuration is valid/);
  const plan = workdir.plan();
  expect(plan.addressesOf('aws_api_gateway_deployment')).toHaveLength(2);
  for (const deployment of plan.addressesOf('aws_api_gateway_deployment')) {
    expect(plan.actions(deployment)).toEqual(['create']);
  }
});

test('a stack with every discovered HTTP and WebSocket API type validates and plans', () => {
  const workdir = new TerraformWorkdir('every-v2-type', emulator());
  workdir.load(synthesizeStack(everyV2DiscoveredTypeApp, EVERY_TYPE_STACK));
  workdir.init();

  expect(workdir.validate()).toMatch(/The configuration is valid/);
  const plan = workdir.plan();
  expect(plan.addressesOf('aws_apigatewayv2_deployment')).toHaveLength(2);
  for (const deployment of plan.addressesOf('aws_apigatewayv2_deployment')) {
    expect(plan.actions(deployment)).toEqual(['create']);
  }
});
