/**
 * Adopting the provider page's pattern, as the README says: the hand-written deployment and stage
 * (the README's "before" snippet) are applied, then replaced by the construct with the README's
 * `moveFromId` calls. The stage is moved and updated in place, never destroyed; the deployment is
 * moved and replaced once, the new one created first.
 */
import { GetDeploymentsCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Fn, TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../../../src';
import { petsApi } from '../../support/api';
import { readmeBlock } from '../../support/readme';
import { runSnippet } from '../../support/readme-snippet';
import { emulatorForThisFile } from '../emulator/emulator';
import { expectReadmePlanExcerpt } from '../support/readme-plans';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const STACK = 'pets';
const HAND_WRITTEN = { deployment: 'aws_api_gateway_deployment.deployment', stage: 'aws_api_gateway_stage.stage' };
const CONSTRUCT = { deployment: 'aws_api_gateway_deployment.deployment_Deployment_E18B84BC', stage: 'aws_api_gateway_stage.deployment_Stage_B284FC1F' };

/** The `/pets` API with one of the README's snippets deploying it. */
function appWith(snippet: string): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, STACK);
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    runSnippet(snippet, stack, { ApiGatewayDeployment, ApiGatewayStage, Fn, RestApiDeployment, ...petsApi(stack) });
    return app;
  };
}

const emulator = emulatorForThisFile();

test("the provider page's pattern is adopted in one apply: the stage is kept, the deployment replaced once", async () => {
  // GIVEN the hand-written deployment and stage, applied
  const workdir = new TerraformWorkdir('adopt-hand-written', emulator());
  workdir.load(synthesizeStack(appWith(readmeBlock('readme-snippet', 'before')), STACK)).init();
  workdir.plan();
  workdir.apply();
  const restApiId = workdir.state()['aws_api_gateway_rest_api.api'].id;
  const handWrittenId = workdir.state()[HAND_WRITTEN.deployment].id;

  // WHEN the app uses the construct with the README's moveFromId calls
  const plan = workdir.load(synthesizeStack(appWith(readmeBlock('readme-snippet', 'adopt-hand-written')), STACK)).plan();

  // THEN both resources are moved; the stage is updated in place and the deployment replaced
  const change = (address: string) => plan.json.resource_changes.find((candidate: any) => candidate.address === address);
  expect(change(CONSTRUCT.stage).previous_address).toBe(HAND_WRITTEN.stage);
  expect(change(CONSTRUCT.deployment).previous_address).toBe(HAND_WRITTEN.deployment);
  expect(plan.changedResources()).toEqual({ [CONSTRUCT.deployment]: ['create', 'delete'], [CONSTRUCT.stage]: ['update'] });
  expectReadmePlanExcerpt('adopt-hand-written', plan.text);

  const log = workdir.apply();
  expect(log).not.toMatch(/aws_api_gateway_stage\.\S+: Destroying/);
  const stage = await emulator().apiGateway().send(new GetStageCommand({ restApiId, stageName: 'prod' }));
  const deployments = await emulator().apiGateway().send(new GetDeploymentsCommand({ restApiId }));
  const newId = workdir.state()[CONSTRUCT.deployment].id;
  expect(newId).not.toBe(handWrittenId);
  expect(stage.deploymentId).toBe(newId);
  expect((deployments.items ?? []).map((item) => item.id)).toEqual([newId]);

  // AND with the moveFromId calls removed (the README's "after"), nothing is left to do
  workdir.load(synthesizeStack(appWith(readmeBlock('readme-snippet', 'after')), STACK));
  expect(workdir.planExitCode().code).toBe(0);
  workdir.destroy();
});
