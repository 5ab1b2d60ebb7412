import { Token } from 'cdktf';
import { MethodLoggingLevel, MethodSettingsOptions } from './method-settings';
import { StageSettings } from './rest-api-stage';

/**
 * Whether a stage with these settings makes API Gateway write to CloudWatch Logs, which it
 * does only once the account's CloudWatch role is set: access logs to a log group (not to a
 * Firehose stream), or execution logs (`loggingLevel` ERROR or INFO, `dataTraceEnabled`).
 */
export function logsToCloudWatch(settings: StageSettings): boolean {
  const accessLogDestination = settings.accessLogSettings?.destinationArn;
  const accessLogs = settings.accessLogging !== undefined
    || (accessLogDestination !== undefined && (Token.isUnresolved(accessLogDestination) || !accessLogDestination.includes(':firehose:')));
  const methods: MethodSettingsOptions[] = [settings.methodSettings ?? {}, ...Object.values(settings.methodOptions ?? {})];
  const executionLogs = methods.some((options) =>
    options.dataTraceEnabled === true || options.loggingLevel === MethodLoggingLevel.ERROR || options.loggingLevel === MethodLoggingLevel.INFO);
  return accessLogs || executionLogs;
}

/** The warning for a logging stage of a RestApiDeployment that says nothing about the account's CloudWatch role. */
export function cloudWatchRoleWarning(stageName: string): string {
  return `The stage "${stageName}" writes logs to CloudWatch, which API Gateway does only once the account's CloudWatch role is set in this region ` +
    '(aws_api_gateway_account); without it the stage fails to deploy with "CloudWatch Logs role ARN must be set in account settings to enable logging". ' +
    "Set 'cloudWatchRole: true' to create and set the role in this stack (one stack per account and region), " +
    "or 'cloudWatchRole: false' when it is set elsewhere.";
}
