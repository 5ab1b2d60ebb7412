import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessLogFormat } from './access-log';
import { newAccessLogGroup } from './access-log-group';
import { CommonStageOptions } from './common-stage-options';
import { invalidProperty } from './errors';

/** A stage's access log settings: where, in which format, and the log group created for them. */
export interface AccessLogSettingsOfStage {
  readonly destinationArn: string;
  readonly format: string;
  readonly group?: CloudwatchLogGroup;
}

/**
 * The access log settings the options ask for, creating the log group of
 * `AccessLogDestination.newLogGroup()` in `scope` (named `logGroupName`); undefined without a
 * destination. Errors name `owner` and the options' names behind `prefix`.
 *
 * @param defaultFormat the format when the options give none
 */
export function accessLogSettingsOf(
  scope: Construct,
  owner: IConstruct,
  prefix: string,
  options: CommonStageOptions,
  logGroupName: string,
  defaultFormat: AccessLogFormat,
  provider: TerraformProvider | undefined,
): AccessLogSettingsOfStage | undefined {
  const destination = options.accessLogDestination;
  if (destination === undefined) {
    if (options.accessLogFormat !== undefined) {
      throw invalidProperty(owner, `${prefix}accessLogFormat`, options.accessLogFormat.toString(),
        "no format without 'accessLogDestination': a format needs a destination");
    }
    return undefined;
  }
  const format = options.accessLogFormat ?? defaultFormat;
  if (!format.identifiesRequests) {
    throw invalidProperty(owner, `${prefix}accessLogFormat`, format.toString(),
      'a format that logs $context.requestId or $context.extendedRequestId, so each line can be matched with a request');
  }
  if (destination.destinationArn !== undefined) {
    if (destination.destinationArn === '') {
      throw invalidProperty(owner, `${prefix}accessLogDestination`, destination.destinationArn,
        'AccessLogDestination.arn() with the ARN of a CloudWatch log group or Firehose stream, not an empty string');
    }
    return { destinationArn: destination.destinationArn, format: format.toString() };
  }
  const group = newAccessLogGroup(scope, owner, `${prefix}accessLogDestination`, destination, logGroupName, provider);
  return { destinationArn: group.arn, format: format.toString(), group };
}
