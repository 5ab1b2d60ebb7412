import type { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct, IConstruct } from 'constructs';
import { checkEntryPoints } from '../core/argument-checks';
import { markStage, stageErrorOwner, stagePropertyPrefix } from '../core/deployment-marker';
import { notOneOfTheLibrarys } from '../core/errors';
import { addApiMapping, ApiMappingOptions, MappingTarget } from '../domains/api-mapping';

/** What a stage construct hands its base once it has made its resources. */
export interface StageParts {
  /** The stage resource (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`): their attributes have the same names. */
  readonly resource: { readonly invokeUrl: string; readonly executionArn: string; readonly arn: string };
  readonly stageName: string;
  readonly accessLogGroup?: CloudwatchLogGroup;
  /** Whether API Gateway writes the stage's logs to CloudWatch Logs (which needs the account's CloudWatch role). */
  readonly logsToCloudWatch: boolean;
  /** What an API mapping names: the API, the stage through its resource, the provider, the kind. */
  readonly mappingTarget: MappingTarget;
}

const PARTS = new WeakMap<IConstruct, StageParts>();

/**
 * What every stage construct is (`RestApiStage`, `HttpApiStage`, `WebSocketApiStage`): a stage of
 * an API with its name, URLs and ARNs, and the access log group it may create. Each kind adds its
 * own stage resource (`stage`) and what only it has (base path mappings, a callback URL).
 */
export abstract class StageBase extends Construct {
  /**
   * @param scope the construct to create it in
   * @param id its construct id
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    if (new.target === StageBase) {
      throw new Error(notOneOfTheLibrarys(this, 'StageBase', 'RestApiStage, HttpApiStage or WebSocketApiStage (or a deployment construct, which makes its stages)'));
    }
  }

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

  /**
   * Maps a custom domain name, or a path of it, to this stage: an `aws_apigatewayv2_api_mapping`
   * (for REST APIs too: keys of several levels, such as `orders/v1`, exist only there) that names
   * the stage through the stage resource, so it is created after the stage and moved to a renamed
   * stage before the old one is deleted. Checked across the app at synth: two mappings with one
   * key on one domain, a WebSocket API and a REST or HTTP API on one domain, a key AWS refuses.
   *
   * @param domainName the custom domain name: the domain resource's `domainName`
   * (`aws_apigatewayv2_domain_name`, `aws_api_gateway_domain_name`), or the name as a string for
   * a domain managed elsewhere
   * @param options the mapping key. Default: none, the stage serves the paths no other key of the domain begins
   */
  public addApiMapping(domainName: string, options: ApiMappingOptions = {}): Apigatewayv2ApiMapping {
    const parts = partsOf(this);
    const owner = stageErrorOwner(this);
    return addApiMapping(owner, owner, `${stagePropertyPrefix(this, parts.stageName)}addApiMapping`,
      parts.mappingTarget, domainName, options ?? {});
  }
}

checkEntryPoints(StageBase);

/** Hands a stage construct's resources to its base (once, in the stage's constructor). */
export function initStage(stage: StageBase, parts: StageParts): void {
  PARTS.set(stage, parts);
  markStage(stage);
}

/** Whether API Gateway writes the logs of a stage construct to CloudWatch Logs. */
export function logsToCloudWatchOf(stage: StageBase): boolean {
  return partsOf(stage).logsToCloudWatch;
}

function partsOf(stage: StageBase): StageParts {
  const parts = PARTS.get(stage);
  if (parts === undefined) {
    throw new Error(notOneOfTheLibrarys(stage, 'StageBase', 'RestApiStage, HttpApiStage or WebSocketApiStage (or a deployment construct, which makes its stages)'));
  }
  return parts;
}
