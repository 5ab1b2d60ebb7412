import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct, IConstruct } from 'constructs';

/** What a stage construct hands its base once it has made its resources. */
export interface StageParts {
  /** The stage resource (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`): their attributes have the same names. */
  readonly resource: { readonly invokeUrl: string; readonly executionArn: string; readonly arn: string };
  readonly stageName: string;
  readonly accessLogGroup?: CloudwatchLogGroup;
  /** Whether API Gateway writes the stage's logs to CloudWatch Logs (which needs the account's CloudWatch role). */
  readonly logsToCloudWatch: boolean;
}

const PARTS = new WeakMap<IConstruct, StageParts>();

/**
 * What every stage construct is (`RestApiStage`, `HttpApiStage`, `WebSocketApiStage`): a stage of
 * an API with its name, URLs and ARNs, and the access log group it may create. Each kind adds its
 * own stage resource (`stage`) and what only it has (base path mappings, a callback URL).
 */
export abstract class StageBase extends Construct {
  /** The name of the stage. */
  public get stageName(): string {
    return partsOf(this).stageName;
  }

  /**
   * The URL that invokes the stage: `https://<api id>.execute-api.<region>.amazonaws.com/<stage>`
   * (`wss://...` for a WebSocket API).
   */
  public get invokeUrl(): string {
    return partsOf(this).resource.invokeUrl;
  }

  /** The execution ARN of the stage: `arn:aws:execute-api:<region>:<account>:<api id>/<stage>`. */
  public get executionArn(): string {
    return partsOf(this).resource.executionArn;
  }

  /** The ARN of the stage resource. */
  public get stageArn(): string {
    return partsOf(this).resource.arn;
  }

  /** The log group created for the access logs, with `AccessLogDestination.newLogGroup()`. */
  public get accessLogGroup(): CloudwatchLogGroup | undefined {
    return partsOf(this).accessLogGroup;
  }
}

/** Hands a stage construct's resources to its base (once, in the stage's constructor). */
export function initStage(stage: StageBase, parts: StageParts): void {
  PARTS.set(stage, parts);
}

/** Whether API Gateway writes the logs of a stage construct to CloudWatch Logs. */
export function logsToCloudWatchOf(stage: StageBase): boolean {
  return partsOf(stage).logsToCloudWatch;
}

function partsOf(stage: StageBase): StageParts {
  const parts = PARTS.get(stage);
  if (parts === undefined) {
    throw new Error(`${stage.node.path}: a stage construct must hand its resources to StageBase (initStage) in its constructor`);
  }
  return parts;
}
