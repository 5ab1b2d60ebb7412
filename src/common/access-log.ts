import { Token } from 'cdktf';
import { checkEntryPoints } from '../core/argument-checks';

/** Set on a destination whose ARN is a Firehose stream's `arn` (src/common/access-log-settings.ts). */
const FIREHOSE_STREAM = Symbol.for('cdktf-api-gateway-deployment.FirehoseStream');

/**
 * The format of a stage's access log lines.
 *
 * Every format must log `$context.requestId` or `$context.extendedRequestId`, so that a
 * log line can be matched with a request.
 */
export class AccessLogFormat {
  /**
   * Common Log Format, with the request id at the end.
   */
  public static clf(): AccessLogFormat {
    return new AccessLogFormat([
      '$context.identity.sourceIp',
      '$context.identity.caller',
      '$context.identity.user',
      '[$context.requestTime]',
      '"$context.httpMethod $context.resourcePath $context.protocol"',
      '$context.status',
      '$context.responseLength',
      '$context.requestId',
    ].join(' '));
  }

  /**
   * One JSON object per request with the standard fields (the same as AWS CDK's):
   * requestId, ip, user, caller, requestTime, httpMethod, resourcePath, status,
   * protocol, responseLength.
   */
  public static jsonWithStandardFields(): AccessLogFormat {
    return new AccessLogFormat(JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      user: '$context.identity.user',
      caller: '$context.identity.caller',
      requestTime: '$context.requestTime',
      httpMethod: '$context.httpMethod',
      resourcePath: '$context.resourcePath',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
    }));
  }

  /**
   * One JSON object per request of an HTTP API: requestId, ip, requestTime, httpMethod,
   * routeKey, status, protocol, responseLength (the HTTP API's `$context` variables).
   */
  public static jsonWithHttpApiFields(): AccessLogFormat {
    return new AccessLogFormat(JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      httpMethod: '$context.httpMethod',
      routeKey: '$context.routeKey',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
    }));
  }

  /**
   * One JSON object per message or connection event of a WebSocket API: requestId, ip,
   * requestTime, eventType (CONNECT, MESSAGE, DISCONNECT), routeKey, status, connectionId (the
   * WebSocket API's `$context` variables).
   */
  public static jsonWithWebSocketFields(): AccessLogFormat {
    return new AccessLogFormat(JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      eventType: '$context.eventType',
      routeKey: '$context.routeKey',
      status: '$context.status',
      connectionId: '$context.connectionId',
    }));
  }

  /**
   * A format of your own, using `$context` variables.
   *
   * @param format the format. A literal one must contain `$context.requestId` or `$context.extendedRequestId`
   */
  public static custom(format: string): AccessLogFormat {
    return new AccessLogFormat(format);
  }

  private constructor(private readonly format: string) {}

  /**
   * Whether the format logs the request id (a format that is a token is taken on trust).
   */
  public get identifiesRequests(): boolean {
    return typeof this.format !== 'string' ? false : Token.isUnresolved(this.format)
      || this.format.includes('$context.requestId')
      || this.format.includes('$context.extendedRequestId');
  }

  /**
   * The format string.
   */
  public toString(): string {
    return this.format;
  }
}

checkEntryPoints(AccessLogFormat);

/** A CloudWatch log group the stage creates for its access logs. */
export interface AccessLogGroupOptions {
  /**
   * How many days to keep the logs: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
   * 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, or 0 (kept forever).
   * @default - kept forever
   */
  readonly retentionInDays?: number;

  /**
   * The ARN of a KMS key to encrypt the log group with. The key policy must allow the
   * CloudWatch Logs service principal of the region to use it.
   * @default - encrypted with a key CloudWatch Logs manages
   */
  readonly kmsKeyId?: string;
}

/**
 * Where a stage sends its access logs: a log group the stage creates, or a destination you
 * have (a CloudWatch log group, or for a REST API a Kinesis Data Firehose stream, by ARN).
 */
export class AccessLogDestination {
  /**
   * A CloudWatch log group created with the stage, named
   * `API-Gateway-Access-Logs_<api id>/<stage name>`.
   *
   * @param options its retention and encryption. Default: kept forever, encrypted with a key CloudWatch Logs manages
   */
  public static newLogGroup(options: AccessLogGroupOptions = {}): AccessLogDestination {
    return new AccessLogDestination(undefined, options);
  }

  /**
   * An existing destination: the ARN of a CloudWatch log group or, for a REST API's stage, of a
   * Kinesis Data Firehose stream whose name starts with `amazon-apigateway-` (HTTP and WebSocket
   * API stages write access logs to CloudWatch Logs only).
   *
   * @param destinationArn the destination's ARN
   */
  public static arn(destinationArn: string): AccessLogDestination {
    return new AccessLogDestination(destinationArn, undefined);
  }

  /** The ARN of an existing destination, or undefined when the stage creates a log group. */
  public readonly destinationArn?: string;

  /** The options of the log group the stage creates, or undefined for an existing destination. */
  public readonly newLogGroupOptions?: AccessLogGroupOptions;

  private constructor(destinationArn: string | undefined, newLogGroupOptions: AccessLogGroupOptions | undefined) {
    this.destinationArn = destinationArn;
    this.newLogGroupOptions = newLogGroupOptions;
  }

  /**
   * Whether API Gateway writes these logs to CloudWatch Logs, which it does only once the
   * account's CloudWatch role is set (not for a Firehose stream).
   */
  public get isCloudWatchLogs(): boolean {
    const arn = this.destinationArn;
    if (arn === undefined) {
      return true;
    }
    // An expression is taken for CloudWatch Logs, but for a Firehose stream's `arn` (marked where a
    // stage takes the destination, which can resolve it: src/common/access-log-settings.ts).
    return Token.isUnresolved(arn) ? (this as { [FIREHOSE_STREAM]?: boolean })[FIREHOSE_STREAM] !== true : !arn.includes(':firehose:');
  }
}

checkEntryPoints(AccessLogDestination);
