import { Annotations, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { MethodDeploymentOptions, MethodLoggingLevel } from './method-settings';
import type { StageOptions } from './rest-api-stage';
import { addressOf } from './triggers/api-snapshot';

/**
 * Whether a stage with these options makes API Gateway write to CloudWatch Logs, which it
 * does only once the account's CloudWatch role is set: access logs to a log group (not to a
 * Firehose stream), or execution logs (`loggingLevel` ERROR or INFO, `dataTraceEnabled`).
 *
 * @param options the stage's options, deprecated names already replaced
 */
export function logsToCloudWatch(options: StageOptions): boolean {
  const accessLogs = options.accessLogDestination?.isCloudWatchLogs === true;
  const methods: MethodDeploymentOptions[] = [options, ...Object.values(options.methodOptions ?? {})];
  const executionLogs = methods.some((method) =>
    method.dataTraceEnabled === true || method.loggingLevel === MethodLoggingLevel.ERROR || method.loggingLevel === MethodLoggingLevel.INFO);
  return accessLogs || executionLogs;
}

/** The warning for a logging stage of a RestApiDeployment that says nothing about the account's CloudWatch role. */
export function cloudWatchRoleWarning(stageName: string): string {
  return `The stage "${stageName}" writes logs to CloudWatch, which API Gateway does only once the account's CloudWatch role is set in this region ` +
    '(aws_api_gateway_account); without it the stage fails to deploy with "CloudWatch Logs role ARN must be set in account settings to enable logging". ' +
    "Set 'cloudWatchRole: true' to create and set the role in this stack (one stack per account and region), " +
    "or 'cloudWatchRole: false' when it is set elsewhere.";
}

/** A stage construct as the CloudWatch role logic needs it. */
export interface LoggingStage extends IConstruct {
  readonly stageName: string;
  /** @internal */
  readonly _logsToCloudWatch: boolean;
}

/**
 * Makes the stage's resources of `stageTypes` wait for the account's CloudWatch role when the
 * deployment construct `owner` creates it (`role`); without one, warns on `owner` when the stage
 * logs to CloudWatch and `warn` (the `cloudWatchRole` prop left out) says to.
 */
export function prepareStageLogging(
  owner: IConstruct,
  stage: LoggingStage,
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
  } else if (warn && stage._logsToCloudWatch) {
    Annotations.of(owner).addWarning(cloudWatchRoleWarning(stage.stageName));
  }
}
