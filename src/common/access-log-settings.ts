import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessLogFormat } from './access-log';
import { newAccessLogGroup } from './access-log-group';
import { CommonStageOptions } from './common-stage-options';
import { invalidProperty } from '../core/errors';
import { resolveIn } from '../core/resolve';

/** A CloudWatch Logs log group's ARN, or a Firehose stream's whose name starts with `amazon-apigateway-` (as AWS requires). */
const DESTINATION_ARN = /^arn:aws[a-z-]*:(logs:[a-z0-9-]+:\d{12}:log-group:[^:]+(:\*)?|firehose:[a-z0-9-]+:\d{12}:deliverystream\/amazon-apigateway-.+)$/;

/** The resource types whose `arn` an access log destination may be. */
const DESTINATION_TYPES = new Set(['aws_cloudwatch_log_group', 'aws_kinesis_firehose_delivery_stream']);

/**
 * Fails unless `arn` is a CloudWatch Logs log group's or an `amazon-apigateway-` Firehose stream's
 * ARN: a literal is matched, a reference to another resource's ARN (`aws_s3_bucket.logs.arn`) is
 * refused; any other expression (a variable) is taken on trust.
 */
function validateDestinationArn(owner: IConstruct, property: string, arn: string): void {
  const expected = 'AccessLogDestination.arn() with the ARN of a CloudWatch Logs log group ' +
    "(arn:aws:logs:<region>:<account>:log-group:<name>) or of a Firehose stream whose name starts with 'amazon-apigateway-'";
  if (typeof arn !== 'string' || arn === '') {
    throw invalidProperty(owner, property, arn, expected);
  }
  if (!Token.isUnresolved(arn)) {
    if (!DESTINATION_ARN.test(arn)) {
      throw invalidProperty(owner, property, arn, expected);
    }
    return;
  }
  const reference = /^\$\{(?:data\.)?([a-z0-9_]+)\.[A-Za-z0-9_-]+\.arn\}$/.exec(resolveIn(TerraformStack.of(owner), arn, false));
  if (reference !== null && !DESTINATION_TYPES.has(reference[1])) {
    throw invalidProperty(owner, property, arn, `${expected}, not the ARN of an ${reference[1]}`);
  }
}

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
 * @param region the stage's own region, for the log group
 */
export function accessLogSettingsOf(
  scope: Construct,
  owner: IConstruct,
  prefix: string,
  options: CommonStageOptions,
  logGroupName: string,
  defaultFormat: AccessLogFormat,
  provider: TerraformProvider | undefined,
  region: string | undefined,
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
    validateDestinationArn(owner, `${prefix}accessLogDestination`, destination.destinationArn);
    return { destinationArn: destination.destinationArn, format: format.toString() };
  }
  const group = newAccessLogGroup(scope, owner, `${prefix}accessLogDestination`, destination, logGroupName, provider, region);
  return { destinationArn: group.arn, format: format.toString(), group };
}
