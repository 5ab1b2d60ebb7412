import { Token } from 'cdktf';

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
   * A format of your own, using `$context` variables.
   *
   * @param format the format; a literal one must contain `$context.requestId` or `$context.extendedRequestId`
   */
  public static custom(format: string): AccessLogFormat {
    return new AccessLogFormat(format);
  }

  private constructor(private readonly format: string) {}

  /**
   * Whether the format logs the request id; a format that is a token is taken on trust.
   */
  public get identifiesRequests(): boolean {
    return Token.isUnresolved(this.format)
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
