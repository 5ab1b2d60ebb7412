import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { onlyResource, resourcesOfType, synthesize, TerraformJson } from './support/synth';

/**
 * The canary flow of DESIGN.md section 3, one synthesis per phase:
 * off -> on -> an API change while on -> promote (canary removed).
 */
function phase(options: { canary: boolean; apiChanged: boolean }): TerraformJson {
  return synthesize((stack) => {
    const api = petsApi(stack);
    if (options.apiChanged) {
      api.integration.addOverride('request_templates', { 'application/json': '{"statusCode": 200, "version": 2}' });
    }
    new RestApiDeployment(stack, 'deploy', {
      restApi: api.api,
      canary: options.canary ? { percentTraffic: 10, stageVariableOverrides: { backend: 'canary' }, useStageCache: false } : undefined,
    });
  });
}

const MAIN = 'deploy_Deployment_49668023';
const CANARY = 'deploy_CanaryDeployment_5C187555';

function deployments(json: TerraformJson): Record<string, any> {
  return resourcesOfType(json, 'aws_api_gateway_deployment');
}

describe('canary releases', () => {
  const off = phase({ canary: false, apiChanged: false });
  const on = phase({ canary: true, apiChanged: false });
  const changedWhileOn = phase({ canary: true, apiChanged: true });
  const promoted = phase({ canary: false, apiChanged: true });

  test('off: one deployment, no canary settings', () => {
    expect(Object.keys(deployments(off))).toEqual([MAIN]);
    expect(deployments(off)[MAIN].lifecycle).toEqual({ create_before_destroy: true });
    expect(onlyResource(off, 'aws_api_gateway_stage').canary_settings).toBeUndefined();
  });

  test('on: the main deployment ignores trigger changes, a canary deployment carries the live triggers', () => {
    expect(Object.keys(deployments(on)).sort()).toEqual([CANARY, MAIN]);
    expect(deployments(on)[MAIN].lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['triggers'] });
    expect(deployments(on)[CANARY].lifecycle).toEqual({ create_before_destroy: true });
    expect(deployments(on)[CANARY].triggers).toEqual(deployments(off)[MAIN].triggers);
    // Turning the canary on does not touch the main deployment's triggers.
    expect(deployments(on)[MAIN].triggers).toEqual(deployments(off)[MAIN].triggers);
  });

  test('on: the stage keeps serving the main deployment and sends the canary share to the canary deployment', () => {
    const stage = onlyResource(on, 'aws_api_gateway_stage');
    expect(stage.deployment_id).toBe(`\${aws_api_gateway_deployment.${MAIN}.id}`);
    expect(stage.canary_settings).toEqual({
      deployment_id: `\${aws_api_gateway_deployment.${CANARY}.id}`,
      percent_traffic: 10,
      stage_variable_overrides: { backend: 'canary' },
      use_stage_cache: false,
    });
  });

  test('an API change while on replaces only the canary deployment', () => {
    // The canary's triggers change: Terraform replaces it.
    expect(deployments(changedWhileOn)[CANARY].triggers['aws_api_gateway_integration.pets_get_integration'])
      .not.toBe(deployments(on)[CANARY].triggers['aws_api_gateway_integration.pets_get_integration']);
    // The main deployment's triggers change in configuration too, but are ignored: it stays.
    expect(deployments(changedWhileOn)[MAIN].lifecycle.ignore_changes).toEqual(['triggers']);
    expect(onlyResource(changedWhileOn, 'aws_api_gateway_stage').deployment_id).toBe(`\${aws_api_gateway_deployment.${MAIN}.id}`);
  });

  test('promote: the main deployment is replaced with the current API, the canary and its settings go', () => {
    expect(Object.keys(deployments(promoted))).toEqual([MAIN]);
    expect(deployments(promoted)[MAIN].lifecycle).toEqual({ create_before_destroy: true });
    // State still holds the triggers the main deployment was created with (they were ignored while on),
    // so the now-current triggers differ from them: Terraform replaces the main deployment.
    expect(deployments(promoted)[MAIN].triggers).not.toEqual(deployments(on)[MAIN].triggers);
    expect(deployments(promoted)[MAIN].triggers).toEqual(deployments(changedWhileOn)[CANARY].triggers);
    expect(onlyResource(promoted, 'aws_api_gateway_stage').canary_settings).toBeUndefined();
  });

  test('changing the canary percentage never redeploys', () => {
    const withPercent = (percentTraffic: number) => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic } });
    });
    const [ten, fifty] = [withPercent(10), withPercent(50)];

    expect(deployments(fifty)).toEqual(deployments(ten));
    expect(onlyResource(fifty, 'aws_api_gateway_stage').canary_settings.percent_traffic).toBe(50);
  });

  test('a canary percentage outside 0 to 100 is an error', () => {
    for (const percentTraffic of [-1, 100.5, NaN]) {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic } });
      })).toThrow(`RestApiDeployment at 'stack/deploy': property 'canary.percentTraffic' is ${String(percentTraffic)}; expected a number from 0 to 100.`);
    }
  });

  test('canary stage variable overrides are checked like stage variables', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 5, stageVariableOverrides: { 'bad-name': 'x' } } });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'canary.stageVariableOverrides.bad-name' is \"x\"; expected a variable name of letters, digits and '_' only.");
  });
});

test('a stage added while a canary runs serves the frozen main deployment: a warning says so; without a canary, none', () => {
  const warnings = (canary: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: canary ? { percentTraffic: 10 } : undefined }).addStage('beta');
    return RestApiDeployment.warningsOf(stack);
  };

  expect(warnings(true)).toEqual([
    'The stage "beta" (addStage) serves the main deployment, which the canary keeps as the API was when it started (its triggers are ignored while ' +
    'the canary runs): changes of the API reach this stage only when the canary is promoted (canary removed). For a stage that follows every change, ' +
    "add it to another RestApiDeployment of the API, and call moveFromId('aws_api_gateway_stage.deploy_Stage_beta_835122C0') on that construct's "
    + 'deploymentStage.stage, so that Terraform moves this stage there instead of creating a second stage of its name (AWS answers ConflictException); '
    + "move its mappings so too (moveFromId on each mapping the other construct makes, from its address here), or the old mapping's key is still taken "
    + 'when the new one is made.',
  ]);
  expect(warnings(false)).toEqual([]);
});

test('the warning names a stage added by a variable as the expression, never a raw token', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });
  deployment.addStage(new TerraformVariable(stack, 'stage', { type: 'string' }).stringValue);

  expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringMatching(/^The stage "\$\{var.stage\}" \(addStage\) serves the main deployment/)]);
});

test("the canary settings are the construct's: resetting or replacing them on the stage is refused", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });

  expect(() => deployment.deploymentStage.stage.resetCanarySettings()).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage.resetCanarySettings()' is \"called\"; expected the resource to keep its 'canarySettings' "
    + "as the construct set it: the construct's canary settings send the canary traffic to its canary deployment (set them with the construct's 'canary').");
  expect(() => deployment.deploymentStage.stage.addOverride('canary_settings.deployment_id', 'abc123')).toThrow("property 'deploymentStage.stage.addOverride(canary_settings.deployment_id)'");
});
