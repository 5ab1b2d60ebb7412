import { MethodDeploymentOptions, MethodLoggingLevel } from './method-settings';
import type { StageOptions } from './rest-api-stage';

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
