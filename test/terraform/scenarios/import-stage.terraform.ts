/**
 * `importExistingStage`: a stage made outside Terraform is adopted by the import block, not
 * recreated; run by Terraform against the emulator.
 */
import { CreateDeploymentCommand, GetStageCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { petsApp, PETS_ADDRESSES, PETS_STACK } from './pets-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const { deployment: DEPLOYMENT, stage: STAGE } = PETS_ADDRESSES;

const emulator = emulatorForThisFile();
let workdir: TerraformWorkdir;

beforeAll(() => {
  workdir = new TerraformWorkdir('import-stage', emulator());
});

test('a stage created through the SDK is imported and moved to the new deployment, never recreated', async () => {
  // GIVEN the API in Terraform, and a deployment and stage "prod" made by hand
  workdir.load(synthesizeStack(petsApp({ deployment: false }), PETS_STACK)).init();
  workdir.plan();
  workdir.apply();
  const restApiId = workdir.state()['aws_api_gateway_rest_api.api'].id;
  const handMade = await emulator().apiGateway().send(new CreateDeploymentCommand({
    restApiId, stageName: 'prod', stageDescription: 'made by hand',
  }));

  // WHEN the app adopts it
  const plan = workdir.load(synthesizeStack(petsApp({ deployment: { stageName: 'prod', importExistingStage: true } }), PETS_STACK)).plan();

  // THEN Terraform imports the stage and updates it in place
  expect(plan.imports(STAGE)).toBe(true);
  expect(plan.actions(STAGE)).toEqual(['update']);
  workdir.apply();
  const state = workdir.state();
  const stage = await emulator().apiGateway().send(new GetStageCommand({ restApiId, stageName: 'prod' }));
  const stages = await emulator().apiGateway().send(new GetStagesCommand({ restApiId }));
  expect(stage.deploymentId).toBe(state[DEPLOYMENT].id);
  expect(stage.deploymentId).not.toBe(handMade.id);
  expect((stages.item ?? []).map((item) => item.stageName)).toEqual(['prod']);
  expect(workdir.planExitCode().code).toBe(0);

  workdir.destroy();
});
