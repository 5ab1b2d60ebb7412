import { IConstruct } from 'constructs';
import { MethodDeploymentOptions, METHOD_DEPLOYMENT_OPTION_NAMES } from './method-settings';
import { AccessLogDestination, AccessLogFormat } from '../common/access-log';
import { invalidProperty } from '../core/errors';
import { warnOnce } from '../core/warnings';

// The stage options' names before the 0.2.0 API review, kept working until 0.3.0. Delete this
// file (and the deprecated props) then.

/**
 * Where a stage sends its access logs.
 * @deprecated use `accessLogDestination: AccessLogDestination.arn(destinationArn)` and `accessLogFormat`; removed in 0.3.0
 */
export interface AccessLogSettings {
  /** The ARN of the destination: a CloudWatch log group or a Kinesis Data Firehose stream. */
  readonly destinationArn: string;

  /**
   * The format of each line.
   * @default AccessLogFormat.jsonWithStandardFields()
   */
  readonly format?: AccessLogFormat;
}

/**
 * A CloudWatch log group created for the stage's access logs.
 * @deprecated use `accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays, kmsKeyId })` and `accessLogFormat`; removed in 0.3.0
 */
export interface AccessLoggingOptions {
  /**
   * How many days to keep the logs.
   * @default - kept forever
   */
  readonly retentionInDays?: number;

  /**
   * The format of each line.
   * @default AccessLogFormat.jsonWithStandardFields()
   */
  readonly format?: AccessLogFormat;

  /**
   * The ARN of a KMS key to encrypt the log group with.
   * @default - encrypted with a key CloudWatch Logs manages
   */
  readonly kmsKeyId?: string;
}

/**
 * The stage options' names before 0.2.0, still accepted (each with a synth warning) until 0.3.0.
 */
export interface DeprecatedStageOptions {
  /**
   * Whether X-Ray tracing is on.
   * @default false
   * @deprecated use `tracingEnabled` (AWS CDK's name); removed in 0.3.0
   */
  readonly xrayTracingEnabled?: boolean;

  /**
   * Send access logs to an existing destination.
   * @default - no access logs
   * @deprecated use `accessLogDestination: AccessLogDestination.arn(...)` and `accessLogFormat`; removed in 0.3.0
   */
  readonly accessLogSettings?: AccessLogSettings;

  /**
   * Create a CloudWatch log group for the access logs.
   * @default - no access logs
   * @deprecated use `accessLogDestination: AccessLogDestination.newLogGroup(...)` and `accessLogFormat`; removed in 0.3.0
   */
  readonly accessLogging?: AccessLoggingOptions;

  /**
   * Method settings for every method of the stage.
   * @default - API Gateway's defaults
   * @deprecated set the same fields on the stage options themselves (`loggingLevel`, `metricsEnabled`, ...), as AWS CDK does; removed in 0.3.0
   */
  readonly methodSettings?: MethodDeploymentOptions;
}

/** Each deprecated name, and the names that replace it. */
const REPLACEMENTS: Record<keyof DeprecatedStageOptions, string> = {
  xrayTracingEnabled: "'tracingEnabled'",
  accessLogSettings: "'accessLogDestination: AccessLogDestination.arn(destinationArn)' and 'accessLogFormat'",
  accessLogging: "'accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays, kmsKeyId })' and 'accessLogFormat'",
  methodSettings: "the same fields on the stage options themselves ('loggingLevel', 'metricsEnabled', ...)",
};

/**
 * The options with every deprecated name replaced by its current one. A deprecated name gets a
 * synth warning; a deprecated name given together with its replacement is an error.
 *
 * @param owner the construct errors and warnings name
 * @param prefix how the options' names are written in errors: `''` or `addStage(beta).`
 */
export function currentStageOptions<T extends DeprecatedStageOptions & CurrentStageOptionNames>(owner: IConstruct, prefix: string, options: T): T {
  const given = (Object.keys(REPLACEMENTS) as Array<keyof DeprecatedStageOptions>).filter((name) => options[name] !== undefined);
  if (given.length === 0) {
    return options;
  }
  const conflict = (name: keyof DeprecatedStageOptions, current: string[]) => {
    const clash = !given.includes(name) ? undefined : current.find((currentName) => (options as Record<string, unknown>)[currentName] !== undefined);
    if (clash !== undefined) {
      throw invalidProperty(owner, `${prefix}${name}`, options[name],
        `no '${name}' together with '${clash}': '${name}' is the deprecated name of ${REPLACEMENTS[name]}; give only the current one`);
    }
  };
  conflict('xrayTracingEnabled', ['tracingEnabled']);
  conflict('accessLogSettings', ['accessLogDestination', 'accessLogFormat', 'accessLogging']);
  conflict('accessLogging', ['accessLogDestination', 'accessLogFormat']);
  conflict('methodSettings', [...METHOD_DEPLOYMENT_OPTION_NAMES]);
  for (const name of given) {
    warnOnce(owner, `'${prefix}${name}' is deprecated and will be removed in 0.3.0: use ${REPLACEMENTS[name]}.`);
  }

  const { xrayTracingEnabled, accessLogSettings, accessLogging, methodSettings, ...current } = options;
  return {
    ...current,
    ...methodSettings,
    tracingEnabled: current.tracingEnabled ?? xrayTracingEnabled,
    accessLogDestination: current.accessLogDestination ?? accessLogDestinationOf(owner, prefix, accessLogSettings, accessLogging),
    accessLogFormat: current.accessLogFormat ?? accessLogSettings?.format ?? accessLogging?.format,
  } as T;
}

/** The current names that the deprecated ones stand for (the stage options have them). */
interface CurrentStageOptionNames extends MethodDeploymentOptions {
  readonly tracingEnabled?: boolean;
  readonly accessLogDestination?: AccessLogDestination;
  readonly accessLogFormat?: AccessLogFormat;
}

function accessLogDestinationOf(
  owner: IConstruct,
  prefix: string,
  settings: AccessLogSettings | undefined,
  logging: AccessLoggingOptions | undefined,
): AccessLogDestination | undefined {
  if (settings) {
    if (!settings.destinationArn) {
      throw invalidProperty(owner, `${prefix}accessLogSettings.destinationArn`, settings.destinationArn,
        'the ARN of a CloudWatch log group or Firehose stream: a format needs a destination');
    }
    return AccessLogDestination.arn(settings.destinationArn);
  }
  return logging ? AccessLogDestination.newLogGroup({ retentionInDays: logging.retentionInDays, kmsKeyId: logging.kmsKeyId }) : undefined;
}
