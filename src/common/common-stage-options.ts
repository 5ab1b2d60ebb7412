import { AccessLogDestination, AccessLogFormat } from './access-log';

/**
 * The options every stage has, whatever the kind of API: its description, stage variables,
 * access logs and tags. None of them needs a redeploy.
 */
export interface CommonStageOptions {
  /**
   * The description of the stage.
   * @default - no description
   */
  readonly stageDescription?: string;

  /**
   * Stage variables, with names of letters, digits and `_` and values of letters, digits and
   * `-._~:/?#&=,`.
   * @default - no stage variables
   */
  readonly variables?: { [name: string]: string };

  /**
   * Where to send access logs: `AccessLogDestination.newLogGroup()` creates a CloudWatch log
   * group for the stage, `AccessLogDestination.arn(...)` names one you have (or a Firehose stream).
   * @default - no access logs
   */
  readonly accessLogDestination?: AccessLogDestination;

  /**
   * The format of each access log line, with `accessLogDestination` only.
   * @default - with a destination, the standard JSON fields of the stage's kind of API: `AccessLogFormat.jsonWithStandardFields()` (REST), `.jsonWithHttpApiFields()` (HTTP), `.jsonWithWebSocketFields()` (WebSocket)
   */
  readonly accessLogFormat?: AccessLogFormat;

  /**
   * Tags for the stage.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}
