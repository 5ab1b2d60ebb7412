/**
 * The redeploy promises for an HTTP or a WebSocket API, run by Terraform against the emulator
 * (`http-api.terraform.ts`, `websocket-api.terraform.ts`): an integration changed, a route added,
 * the Lambda function replaced, the authorizer changed each replace the deployment (created
 * before the old one is destroyed), the plan names what changed, and the stage moves to the new
 * one; tags and stage settings change without a deployment; nothing changed means no change;
 * destroy leaves nothing; a stage made outside Terraform is imported.
 */
import { CreateDeploymentCommand, CreateStageCommand, GetApisCommand, GetDeploymentsCommand, GetStageCommand, GetStagesCommand } from '@aws-sdk/client-apigatewayv2';
import { V2_ADDRESSES, V2_STACK, v2App, V2Protocol, V2StackVersion } from './v2-stack';
import type { Emulator } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

const { deployment: DEPLOYMENT, stage: STAGE } = V2_ADDRESSES;

export function v2Scenario(protocol: V2Protocol, emulator: () => Emulator): void {
  const stageName = protocol === 'HTTP' ? '$default' : 'prod';
  let workdir: TerraformWorkdir;
  /** Each version adds to the last, as a user's app grows. */
  let version: V2StackVersion = {};

  const planWith = (change: V2StackVersion) => {
    version = { ...version, ...change };
    return workdir.load(synthesizeStack(v2App(protocol, version), V2_STACK)).plan();
  };

  /** The stage as the emulator has it, and the deployments that exist. */
  const emulated = async () => {
    const state = workdir.state();
    const apiId = state['aws_apigatewayv2_api.api'].id;
    const stage = await emulator().apiGatewayV2().send(new GetStageCommand({ ApiId: apiId, StageName: stageName }));
    const deployments = await emulator().apiGatewayV2().send(new GetDeploymentsCommand({ ApiId: apiId }));
    return { deploymentId: state[DEPLOYMENT].id, stage, deploymentIds: (deployments.Items ?? []).map((item) => item.DeploymentId) };
  };

  /** Applies a planned replacement: new deployment first, then the stage moved, then the old one destroyed; the stage serves the new one. */
  const expectStageMovesOnApply = async () => {
    const before = await emulated();
    const log = workdir.apply();
    const created = log.indexOf(`${DEPLOYMENT}: Creation complete`);
    const moved = log.indexOf(`${STAGE}: Modifications complete`);
    const destroyed = log.search(new RegExp(`${DEPLOYMENT.replace(/\./g, '\\.')} \\(deposed object \\w+\\): Destroying`));
    if (!(created >= 0 && moved > created && destroyed > moved)) {
      throw new Error(`expected the new deployment created, then the stage modified, then the deposed deployment destroyed; the apply log:\n${log}`);
    }
    const after = await emulated();
    expect(after.deploymentId).not.toBe(before.deploymentId);
    expect(after.stage.DeploymentId).toBe(after.deploymentId);
    expect(after.deploymentIds).toEqual([after.deploymentId]);
    expect(workdir.planExitCode().code).toBe(0);
  };

  const expectReplacementKeyedBy = async (change: V2StackVersion, keys: string[], changed: Record<string, string[]>) => {
    const plan = planWith(change);
    expect(plan.changedResources()).toEqual({ ...changed, [DEPLOYMENT]: ['create', 'delete'], [STAGE]: ['update'] });
    expect(plan.changedTriggerKeys(DEPLOYMENT)).toEqual(keys);
    await expectStageMovesOnApply();
  };

  test('the app deploys: the stage serves the deployment, a second plan has nothing to do', async () => {
    workdir = new TerraformWorkdir(`v2-${protocol.toLowerCase()}`, emulator());
    workdir.load(synthesizeStack(v2App(protocol), V2_STACK)).init();
    const plan = workdir.plan();
    expect(plan.actions(DEPLOYMENT)).toEqual(['create']);
    workdir.apply();

    const { deploymentId, stage } = await emulated();
    expect(stage.DeploymentId).toBe(deploymentId);
    expect(stage.AutoDeploy ?? false).toBe(false);
    expect(workdir.planExitCode()).toMatchObject({ code: 0 });
  });

  test("an integration's setting changes: replaced, keyed by the integration", async () => {
    await expectReplacementKeyedBy({ timeoutMilliseconds: 10000 }, ['aws_apigatewayv2_integration.integration'],
      { 'aws_apigatewayv2_integration.integration': ['update'] });
  });

  test('a route is added: replaced, keyed by the route and resource_ids', async () => {
    await expectReplacementKeyedBy({ extraRoute: true }, ['aws_apigatewayv2_route.extra', 'resource_ids'], { 'aws_apigatewayv2_route.extra': ['create'] });
  });

  test('the Lambda function behind the integration is replaced: replaced, through the function\'s own entry', async () => {
    // The function's invoke ARN is in the integration and the WebSocket authorizer: both follow it in place.
    await expectReplacementKeyedBy({ functionName: 'v2-backend-2' }, ['aws_lambda_function.handler'], {
      'aws_lambda_function.handler': ['create', 'delete'],
      'aws_apigatewayv2_integration.integration': ['update'],
      ...(protocol === 'WEBSOCKET' ? { 'aws_apigatewayv2_authorizer.authorizer': ['update'] } : {}),
    });
  });

  test('the authorizer changes: replaced, keyed by the authorizer', async () => {
    await expectReplacementKeyedBy({ authorizerVariant: 'two' }, ['aws_apigatewayv2_authorizer.authorizer'], { 'aws_apigatewayv2_authorizer.authorizer': ['update'] });
  });

  test('tags of the API and the stage, and stage settings, change without touching the deployment', async () => {
    const plan = planWith({ apiTags: { team: 'chat' }, stage: { throttlingBurstLimit: 40, throttlingRateLimit: 20, variables: { colour: 'blue' }, tags: { team: 'chat' } } });

    expect(plan.actions(DEPLOYMENT)).toEqual(['no-op']);
    expect(plan.changedResources()).toEqual({ 'aws_apigatewayv2_api.api': ['update'], [STAGE]: ['update'] });
    workdir.apply();
    const { stage } = await emulated();
    expect(stage).toMatchObject({ StageVariables: { colour: 'blue' }, Tags: { team: 'chat' } });
    expect(workdir.planExitCode()).toMatchObject({ code: 0 });
  });

  test('destroy leaves no API behind', async () => {
    workdir.destroy();

    expect((await emulator().apiGatewayV2().send(new GetApisCommand({}))).Items ?? []).toEqual([]);
    expect(Object.keys(workdir.state())).toEqual([]);
  });

  test('importExistingStage adopts a stage made outside Terraform and moves it to the new deployment', async () => {
    const imported = new TerraformWorkdir(`v2-${protocol.toLowerCase()}-import`, emulator());
    imported.load(synthesizeStack(v2App(protocol, { withoutDeployment: true }), V2_STACK)).init();
    imported.plan();
    imported.apply();
    const apiId = imported.state()['aws_apigatewayv2_api.api'].id;
    const client = emulator().apiGatewayV2();
    const handMade = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
    await client.send(new CreateStageCommand({ ApiId: apiId, StageName: 'live', DeploymentId: handMade.DeploymentId }));

    const plan = imported.load(synthesizeStack(v2App(protocol, { stageName: 'live', importExistingStage: true }), V2_STACK)).plan();
    expect(plan.imports(STAGE)).toBe(true);
    expect(plan.actions(STAGE)).toEqual(['update']);
    imported.apply();

    const stage = await client.send(new GetStageCommand({ ApiId: apiId, StageName: 'live' }));
    expect(stage.DeploymentId).toBe(imported.state()[DEPLOYMENT].id);
    expect((await client.send(new GetStagesCommand({ ApiId: apiId }))).Items?.map((item) => item.StageName)).toEqual(['live']);
    expect(imported.planExitCode().code).toBe(0);
    imported.destroy();
  });
}
