import type { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { AccessLogFormat } from './access-log';
import { createV2Stage, stageUrlForPath } from './api-gateway-v2-stage';
import { CommonStageOptions } from './common-stage-options';
import { stageErrorOwner, stagePropertyPrefix } from './deployment-marker';
import { HttpRouteOptions } from './route-settings';
import { checkStruct } from './struct-check';
import { HTTP_API_STAGE_PROPS } from './struct-shapes';

/**
 * The options of an HTTP API stage: everything `aws_apigatewayv2_stage` offers an HTTP API. The
 * same for the main stage (the props of an `HttpApiDeployment`) and for `addStage`. The route
 * settings at the top level apply to every route; `routeOptions` override them per route. None
 * of them needs a redeploy.
 */
export interface HttpStageOptions extends CommonStageOptions, HttpRouteOptions {
  /**
   * Route settings for single routes, keyed by route key (`GET /pets`, `$default`). Each entry
   * overrides the stage's own route settings for that route: settings it does not name keep the
   * stage's values. The route must exist.
   * @default - none
   */
  readonly routeOptions?: { [routeKey: string]: HttpRouteOptions };
}

/** An HTTP API's route keys: `$default`, or an HTTP method (or `ANY`) and a path. */
const HTTP_ROUTE_KEYS = {
  pattern: /^(\$default|(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) \/\S*)$/,
  expected: "a route key: '$default', or an HTTP method (or ANY) and a path, such as 'GET /pets' or 'ANY /pets/{proxy+}'",
};

/** Properties of an `HttpApiStage`. */
export interface HttpApiStageProps extends HttpStageOptions {
  /** The id of the HTTP API. */
  readonly apiId: string;

  /** The id of the deployment the stage serves. */
  readonly deploymentId: string;

  /** The name of the stage: `$default` (served at the API's root) or 1 to 128 letters, digits, `_` or `-`. */
  readonly stageName: string;

  /**
   * The provider (alias) for the stage and what comes with it.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** A stage of an HTTP API: the `aws_apigatewayv2_stage`, and the access log group its options ask for. */
export class HttpApiStage extends Construct {
  /** The `aws_apigatewayv2_stage` resource. */
  public readonly stage: Apigatewayv2Stage;

  /** The name of the stage. */
  public readonly stageName: string;

  /** The log group created for the access logs, with `AccessLogDestination.newLogGroup()`. */
  public readonly accessLogGroup?: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: HttpApiStageProps) {
    super(scope, id);
    const owner = stageErrorOwner(this);
    const prefix = stagePropertyPrefix(this, props.stageName);
    checkStruct(owner, prefix, props, HTTP_API_STAGE_PROPS);
    const resources = createV2Stage(this, owner, prefix, props, {
      allowsDefaultStage: true,
      defaultAccessLogFormat: AccessLogFormat.jsonWithHttpApiFields(),
      routeKeys: HTTP_ROUTE_KEYS,
    });
    this.stage = resources.stage;
    this.accessLogGroup = resources.accessLogGroup;
    this.stageName = props.stageName;
  }

  /** The URL that invokes the stage, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com/prod`. */
  public get invokeUrl(): string {
    return this.stage.invokeUrl;
  }

  /** The execution ARN of the stage. */
  public get executionArn(): string {
    return this.stage.executionArn;
  }

  /** The ARN of the stage resource. */
  public get stageArn(): string {
    return this.stage.arn;
  }

  /**
   * The URL of a path on the stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    return stageUrlForPath(stageErrorOwner(this), this.invokeUrl, path);
  }
}
