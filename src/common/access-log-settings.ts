import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { TerraformDataSource, TerraformElement, TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessLogDestination, AccessLogFormat } from './access-log';
import { newAccessLogGroup } from './access-log-group';
import { regionOfArn } from './arn-region';
import { CommonStageOptions } from './common-stage-options';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { ArgumentCheck } from '../core/owned-kinds';
import { literalRegionOf } from '../core/placement';
import { resolveIn } from '../core/resolve';
import { refuseTemplateText } from '../core/template-text';

/** A CloudWatch Logs log group's ARN, or a Firehose stream's whose name starts with `amazon-apigateway-` (as AWS requires). */
const DESTINATION_ARN = /^arn:aws[a-z-]*:(logs:[a-z0-9-]+:\d{12}:log-group:[^:]+(:\*)?|firehose:[a-z0-9-]+:\d{12}:deliverystream\/amazon-apigateway-.+)$/;

const FIREHOSE_TYPE = 'aws_kinesis_firehose_delivery_stream';
/** Marks an `AccessLogDestination` whose ARN is a Firehose stream's `arn` (read by its `isCloudWatchLogs`; a symbol, as jsii shows none). */
const FIREHOSE_STREAM = Symbol.for('cdktf-api-gateway-deployment.FirehoseStream');

/** The resource types whose `arn` an access log destination may be. */
const DESTINATION_TYPES = new Set(['aws_cloudwatch_log_group', FIREHOSE_TYPE]);

const EXPECTED = 'AccessLogDestination.arn() with the ARN of a CloudWatch Logs log group ' +
  "(arn:aws:logs:<region>:<account>:log-group:<name>) or of a Firehose stream whose name starts with 'amazon-apigateway-'";

/** What an access log destination's ARN that is an expression refers to: `${[data.]<type>.<name>.arn}`. */
interface DestinationReference {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
}

/**
 * Fails unless `arn` is a CloudWatch Logs log group's or an `amazon-apigateway-` Firehose stream's
 * ARN: a literal is matched, a reference to another resource's ARN (`aws_s3_bucket.logs.arn`) is
 * refused; any other expression (a variable) is taken on trust. Returns the resource (or data source)
 * a reference names.
 */
function validateDestinationArn(owner: IConstruct, property: string, arn: string): DestinationReference | undefined {
  if (typeof arn !== 'string' || arn === '') {
    throw invalidProperty(owner, property, arn, EXPECTED);
  }
  if (!Token.isUnresolved(arn)) {
    if (!DESTINATION_ARN.test(arn)) {
      throw invalidProperty(owner, property, arn, EXPECTED);
    }
    return undefined;
  }
  const reference = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.arn\}$/.exec(resolveIn(TerraformStack.of(owner), arn, false));
  if (reference !== null && !DESTINATION_TYPES.has(reference[2])) {
    throw invalidProperty(owner, property, arn, `${EXPECTED}, not the ARN of an ${reference[2]}`);
  }
  return reference === null ? undefined : { data: reference[1] !== undefined, type: reference[2], name: reference[3] };
}

/**
 * Fails on a Firehose stream given as the access log destination of an HTTP or WebSocket API's stage:
 * they write access logs to CloudWatch Logs only (AWS's "Configure logging for HTTP APIs" and
 * "Configure logging for WebSocket APIs" name log groups only; the v2 AccessLogSettings:
 * "DestinationArn: The ARN of the CloudWatch Logs log group to receive access logs"). Firehose takes
 * the access logs of REST APIs ("Log REST API calls to Amazon Data Firehose").
 */
export function refuseFirehoseDestination(owner: IConstruct, property: string, arn: unknown, apiKind: string): void {
  if (typeof arn !== 'string') {
    return;
  }
  const firehose = Token.isUnresolved(arn)
    ? /^\$\{(data\.)?aws_kinesis_firehose_delivery_stream\./.test(String(resolveIn(TerraformStack.of(owner), arn, false)))
    : /^arn:aws[a-z-]*:firehose:/.test(arn);
  if (firehose) {
    throw invalidProperty(owner, property, arn, `the ARN of a CloudWatch Logs log group (or AccessLogDestination.newLogGroup()): ${apiKind} stages `
      + 'write access logs to CloudWatch Logs only (a Firehose stream takes the access logs of REST APIs only)');
  }
}

/**
 * For a destination that is a Firehose stream's `arn` (a resource or a data source of the app): marks
 * the destination as one (no CloudWatch Logs, so no account's CloudWatch role), and checks at synth,
 * once every construct is made, that the stream's name, when it is a literal, starts with
 * `amazon-apigateway-` (as a literal ARN's must).
 */
function checkFirehoseStream(
  scope: Construct, owner: IConstruct, property: string, destination: AccessLogDestination, arn: string, reference: DestinationReference,
): void {
  Object.defineProperty(destination, FIREHOSE_STREAM, { value: true, configurable: true });
  const stack = TerraformStack.of(owner);
  addValidationWhenCommitted(scope, {
    validate: () => {
      const stream = firehoseStreamOf(AppIndex.of(owner), reference, stack);
      const name: unknown = (stream as { nameInput?: unknown } | undefined)?.nameInput;
      if (stream === undefined || typeof name !== 'string' || Token.isUnresolved(name) || /^amazon-apigateway-./.test(name)) {
        return [];
      }
      return [invalidProperty(owner, property, arn, `${EXPECTED}, not the ARN of '${stream.node.path}', named ${JSON.stringify(name)}`).message];
    },
  });
}

/** The Firehose stream (resource or data source) a reference names: the one of its address in `stack`, else the only one of the app. */
function firehoseStreamOf(index: AppIndex, reference: DestinationReference, stack: TerraformStack): TerraformElement | undefined {
  const all = reference.data
    ? index.appMemo(FIREHOSE_DATA_SOURCES, () => index.stacks().flatMap((each) => index.elementsOf(each))
      .filter((element) => TerraformDataSource.isTerraformDataSource(element) && element.terraformResourceType === FIREHOSE_TYPE))
    : index.resourcesOfType(FIREHOSE_TYPE);
  const named = (all as readonly TerraformElement[]).filter((element) => element.friendlyUniqueId === reference.name);
  return named.find((element) => TerraformStack.of(element) === stack) ?? (named.length === 1 ? named[0] : undefined);
}

/** The key of the app's Firehose data sources in its index. */
const FIREHOSE_DATA_SOURCES = {};

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
  if (typeof format.toString() !== 'string') {
    throw invalidProperty(owner, `${prefix}accessLogFormat`, format.toString(),
      'an AccessLogFormat made by its static methods (AccessLogFormat.custom(...), AccessLogFormat.clf(), ...), which give it its text');
  }
  checkAccessLogFormatText(owner, `${prefix}accessLogFormat`, format.toString());
  if (!format.identifiesRequests) {
    throw invalidProperty(owner, `${prefix}accessLogFormat`, format.toString(),
      'a format that logs $context.requestId or $context.extendedRequestId, so each line can be matched with a request');
  }
  if (destination.destinationArn !== undefined) {
    const property = `${prefix}accessLogDestination`;
    const reference = validateDestinationArn(owner, property, destination.destinationArn);
    if (reference?.type === FIREHOSE_TYPE) {
      checkFirehoseStream(scope, owner, property, destination, destination.destinationArn, reference);
    }
    return { destinationArn: destination.destinationArn, format: format.toString() };
  }
  const group = newAccessLogGroup(scope, owner, `${prefix}accessLogDestination`, destination, logGroupName, provider, region);
  return { destinationArn: group.arn, format: format.toString(), group };
}

/** Fails on an access log format AWS or Terraform refuses: on more than one line, or with `${...}` text. */
export function checkAccessLogFormatText(owner: IConstruct, property: string, text: unknown): void {
  // AWS: "Access Log format must be single line, new line character is allowed only at end of the format".
  if (typeof text === 'string' && !Token.isUnresolved(text) && /[\r\n]/.test(text.replace(/[\r\n]+$/, ''))) {
    throw invalidProperty(owner, property, text, 'a format on one line: AWS refuses a line break in it but at its end '
      + '("Access Log format must be single line"); give JSON.stringify(...) of the fields without its indent');
  }
  refuseTemplateText(owner, property, text);
}

/**
 * The checks of a stage's access log settings set on its resource (`accessLogSettings`, or an override of
 * `access_log_settings`), as `accessLogFormat` and `accessLogDestination` are checked: its format, and a
 * literal destination ARN of the stage's region (and no Firehose stream for an HTTP or WebSocket API, `v2Kind`).
 */
export function accessLogSettingsCheck(v2Kind?: string): ArgumentCheck {
  return (owner, property, settings, stage) => {
    const { format, destinationArn: arn } = (settings ?? {}) as { format?: unknown; destinationArn?: unknown; destination_arn?: unknown };
    checkAccessLogFormatText(owner, `${property}.format`, format);
    const destination = arn ?? (settings as { destination_arn?: unknown } | undefined)?.destination_arn;
    if (typeof destination !== 'string') {
      return;
    }
    if (v2Kind !== undefined) {
      refuseFirehoseDestination(owner, `${property}.destinationArn`, destination, v2Kind);
    }
    const [arnRegion, region] = [regionOfArn(destination), literalRegionOf(stage)];
    if (arnRegion !== undefined && region !== undefined && arnRegion !== region) {
      throw invalidProperty(owner, `${property}.destinationArn`, destination,
        `a log group or Firehose stream of the stage's region, ${region} (this one is in ${arnRegion}: API Gateway writes a stage's logs only to a destination of its region)`);
    }
  };
}
