import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { awaitAccountSetting } from './account-settings';
import type { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { loggingWrittenFor, rendersLogging, settleLoggingWrittenByHand, waitFor } from './logging-at-synth';
import type { StageBase } from './stage-base';
import { addValidationWhenCommitted } from '../core/abandoned';
import { dependOnOwned } from '../core/owned-resources';
import { addressOf } from '../triggers/api-snapshot';

/**
 * The warning for a logging stage of a deployment construct that says nothing about the account's CloudWatch role.
 *
 * @param fix what to do, when the role is known to be set elsewhere; by default, set it here or say it is set elsewhere
 */
export function cloudWatchRoleWarning(stageName: string, fix?: string): string {
  return `The stage "${stageName}" writes logs to CloudWatch, which API Gateway does only once the account's CloudWatch role is set in this region ` +
    '(aws_api_gateway_account); without it the stage fails to deploy with "CloudWatch Logs role ARN must be set in account settings to enable logging". ' +
    (fix ?? "Set 'cloudWatchRole: true' to create and set the role in this stack (one stack per account and region), " +
    "or 'cloudWatchRole: false' when it is set elsewhere.");
}

/** The resources of a REST stage that need the account's CloudWatch role when the stage logs: the stage, its method settings. */
export const REST_STAGE_RESOURCE_TYPES = ['aws_api_gateway_stage', 'aws_api_gateway_method_settings'];

/** Why a stage's resources wait for the account's CloudWatch role, for errors. */
const CLOUD_WATCH_ROLE_WHY = 'API Gateway deploys a stage that logs to CloudWatch only once the account\'s CloudWatch role is set in its region '
  + '("CloudWatch Logs role ARN must be set in account settings to enable logging")';

/**
 * Makes the stage's resources of `stageTypes` wait for the account's CloudWatch role: the one the
 * deployment construct `owner` creates (`role`); without one, when the stage logs to CloudWatch (by
 * its props, or at synth by what its resources hold or method settings written by hand for it turn
 * on), the one the library sets in the stage's stack, account and region (an `ApiGatewayCloudWatchRole`,
 * made before or after, or another construct's, or one written by hand), and else a warning on `owner`
 * at synth when `warn` (the `cloudWatchRole` prop left out) says to. Method settings written by hand
 * for the stage (`stage_name` read from its resource) wait for it too.
 */
export function prepareStageLogging(
  owner: IConstruct,
  stage: StageBase,
  role: ApiGatewayCloudWatchRole | undefined,
  warn: boolean,
  stageTypes: readonly string[],
): void {
  const resources = stage.node.findAll().filter((resource): resource is TerraformResource =>
    resource instanceof TerraformResource && stageTypes.includes(resource.terraformResourceType));
  const resource = resources.find((candidate) => candidate.terraformResourceType === stageTypes[0]);
  const handWritten = () => (resource === undefined ? [] : loggingWrittenFor(resource));
  settleLoggingWrittenByHand(owner);
  const depended = new Set<string>();
  const depend = (account: TerraformResource) => {
    const address = addressOf(account);
    if (!depended.has(address)) {
      // Once: a dependency removed later is refused at synth (the owned resources' check), not put back.
      depended.add(address);
      resources.forEach((waiting) => dependOnOwned(waiting, [address], CLOUD_WATCH_ROLE_WHY));
    }
    handWritten().filter((written) => TerraformStack.of(written) === TerraformStack.of(account)).forEach((written) => waitFor(written, account));
  };
  if (role) {
    depend(role.account);
    // Method settings written by hand for the stage are known at synth.
    addValidationWhenCommitted(stage, { validate: () => { depend(role.account); return []; } });
    return;
  }
  if (resource !== undefined) {
    awaitAccountSetting({
      owner,
      resource,
      logs: stage._logsToCloudWatch,
      logsAtSynth: () => resources.some(rendersLogging) || handWritten().length > 0,
      warning: warn ? (fix) => cloudWatchRoleWarning(stage.stageName, fix) : undefined,
      depend,
    });
  }
}
