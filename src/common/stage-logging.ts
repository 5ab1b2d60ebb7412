import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { logsToCloudWatchOf, StageBase } from './stage-base';
import { warnOnce } from '../core/warnings';
import { addressOf } from '../triggers/api-snapshot';

/** The warning for a logging stage of a RestApiDeployment that says nothing about the account's CloudWatch role. */
export function cloudWatchRoleWarning(stageName: string): string {
  return `The stage "${stageName}" writes logs to CloudWatch, which API Gateway does only once the account's CloudWatch role is set in this region ` +
    '(aws_api_gateway_account); without it the stage fails to deploy with "CloudWatch Logs role ARN must be set in account settings to enable logging". ' +
    "Set 'cloudWatchRole: true' to create and set the role in this stack (one stack per account and region), " +
    "or 'cloudWatchRole: false' when it is set elsewhere.";
}

/**
 * Makes the stage's resources of `stageTypes` wait for the account's CloudWatch role when the
 * deployment construct `owner` creates it (`role`); without one, warns on `owner` when the stage
 * logs to CloudWatch and `warn` (the `cloudWatchRole` prop left out) says to.
 */
export function prepareStageLogging(
  owner: IConstruct,
  stage: StageBase,
  role: ApiGatewayCloudWatchRole | undefined,
  warn: boolean,
  stageTypes: readonly string[],
): void {
  if (role) {
    const accountAddress = addressOf(role.account);
    for (const resource of stage.node.findAll()) {
      if (resource instanceof TerraformResource && stageTypes.includes(resource.terraformResourceType)) {
        resource.dependsOn = [...(resource.dependsOn ?? []), accountAddress];
      }
    }
  } else if (warn && logsToCloudWatchOf(stage)) {
    warnOnce(owner, cloudWatchRoleWarning(stage.stageName));
  }
}
