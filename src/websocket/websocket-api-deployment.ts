import type { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import type { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { Construct, IConstruct } from 'constructs';
import { WebSocketApiStage, WebSocketStageOptions } from './websocket-api-stage';
import { ADD_WEBSOCKET_STAGE_OPTIONS, WEBSOCKET_API_DEPLOYMENT_PROPS, WEBSOCKET_STAGE_OPTIONS } from './websocket-shapes';
import { ApiDeploymentBase } from '../common/api-deployment-base';
import { recordArnStage } from '../common/arn-stages';
import { ApiGatewayCloudWatchRole } from '../common/cloudwatch-role';
import { newDeploymentResource } from '../common/deployment-escape-hatches';
import { addedStageId } from '../common/deployment-flow';
import { DeploymentOptions } from '../common/deployment-options';
import { deploymentWarnings } from '../common/deployment-warnings';
import { callText, executeApiArn, recordArnTarget, webSocketArnRouteKey } from '../common/execute-api';
import { mainStageOptions } from '../common/struct-shapes';
import { validateV2Description } from '../common/validation';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { isDeploymentOfKind } from '../core/deployment-marker';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct } from '../core/struct-check';
import { WEBSOCKET_API_FAMILY } from '../triggers/api-gateway-v2-family';

/**
 * Properties of a `WebSocketApiDeployment`: the API, what redeploys it, and the options of its
 * main stage (the same `WebSocketStageOptions` that `addStage` takes).
 */
export interface WebSocketApiDeploymentProps extends WebSocketStageOptions, DeploymentOptions {
  /**
   * The WebSocket API to deploy (an `Apigatewayv2Api` with protocol type `WEBSOCKET`). The
   * construct then finds every route, route response, integration, integration response,
   * authorizer and model of this API, in its stack, this stack and any stack that references it,
   * and redeploys whenever the configuration of any of them, or of the API itself (its route
   * selection expression, API key selection expression, ...), changes.
   *
   * Give exactly one of `webSocketApi` and `webSocketApiId`.
   *
   * @default - none; `webSocketApiId` must be given
   */
  readonly webSocketApi?: Apigatewayv2Api;

  /**
   * The id of a WebSocket API defined outside this app. Discovery is off then: the API redeploys
   * only when one of `resources` or `triggers` changes.
   *
   * Give exactly one of `webSocketApi` and `webSocketApiId`.
   *
   * @default - none; `webSocketApi` must be given
   */
  readonly webSocketApiId?: string;

  /**
   * The name of the stage that serves the deployment: 1 to 128 letters, digits, `_` or `-`. It
   * appears in the URL clients connect to.
   *
   * @default "prod"
   */
  readonly stageName?: string;

  /**
   * Create the account's CloudWatch role for API Gateway here (an `ApiGatewayCloudWatchRole`) and
   * make the deployment and the stages depend on it: WebSocket APIs, like REST APIs, write
   * execution and access logs to CloudWatch only once it is set. One per account and region.
   * `false` says it is set elsewhere and silences the warning a logging stage gets without it.
   *
   * @default - no role; a synth warning when a stage writes logs to CloudWatch
   */
  readonly cloudWatchRole?: boolean;
}

/**
 * A deployment of an API Gateway WebSocket API and the stage that serves it, redeployed exactly
 * when the API's configuration changes. WebSocket APIs have no automatic deployment: every
 * change needs a new `aws_apigatewayv2_deployment` that the stage points at. This creates it
 * (create before destroy) with triggers that name each route, integration, response, authorizer,
 * model and referenced object, and the `aws_apigatewayv2_stage` that serves it.
 */
export class WebSocketApiDeployment extends ApiDeploymentBase {
  /** Whether a value is a WebSocketApiDeployment. */
  public static isWebSocketApiDeployment(x: any): x is WebSocketApiDeployment {
    return isDeploymentOfKind(x, 'WebSocketApiDeployment');
  }

  /**
   * The synth warnings of every WebSocketApiDeployment in `scope` (`scope` itself included), and of
   * every WebSocketApiStage and `ApiGatewayCloudWatchRole` made on its own there, in construct-tree
   * order: the messages `cdktf synth` prints for them. For tests: `Testing.synth` does not show
   * warnings. Every check of synth runs here (discovery, custom domains, the resources the
   * constructs own), so it gives the same before or after synthesizing; it throws the first error.
   * An API in `scope` deployed from another stack gets the warnings its deployment constructs give on it.
   *
   * @param scope a stack, an app, or any construct
   */
  public static warningsOf(scope: IConstruct): string[] {
    return deploymentWarnings(scope, WebSocketApiDeployment.isWebSocketApiDeployment, (construct) => construct instanceof WebSocketApiStage);
  }

  /** The `aws_apigatewayv2_deployment` resource. */
  public readonly deployment: Apigatewayv2Deployment;

  /** The main stage, named `stageName`. Its `aws_apigatewayv2_stage` is `deploymentStage.stage`. */
  public readonly deploymentStage: WebSocketApiStage;

  /** The id of the deployed WebSocket API. */
  public readonly webSocketApiId: string;

  /** The account's CloudWatch role, when `cloudWatchRole` is true. */
  public readonly cloudWatchRole?: ApiGatewayCloudWatchRole;

  private readonly webSocketApi?: Apigatewayv2Api;

  constructor(scope: Construct, id: string, props: WebSocketApiDeploymentProps) {
    super(checkedScope('WebSocketApiDeployment', [scope, id, props]), id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      this._startDeployment({
        kind: 'WebSocketApiDeployment',
        props,
        shape: WEBSOCKET_API_DEPLOYMENT_PROPS,
        choice: {
          apiProperty: 'webSocketApi',
          api: props.webSocketApi,
          idProperty: 'webSocketApiId',
          apiId: props.webSocketApiId,
          autoDiscover: props.autoDiscover,
          apiKind: 'WebSocket API',
          apiClass: 'Apigatewayv2Api',
          apiType: 'aws_apigatewayv2_api',
          protocol: { type: 'WEBSOCKET', otherKind: 'HTTP API', otherConstruct: 'HttpApiDeployment' },
        },
        family: WEBSOCKET_API_FAMILY,
      });
      this.webSocketApi = props.webSocketApi;
      this.webSocketApiId = this._start.apiId;
      this.cloudWatchRole = this._addCloudWatchRole(props.cloudWatchRole);
      validateV2Description(this, 'description', props.description);
      this.deployment = newDeploymentResource(ProviderResources.Apigatewayv2Deployment, this, 'Deployment', {
        apiId: this.webSocketApiId,
        description: props.description,
        triggers: this._start.engine.triggers,
        lifecycle: { createBeforeDestroy: true },
        dependsOn: this._cloudWatchRoleDependency,
        provider: this._start.provider,
        region: this._start.region,
      }, { engine: this._start.engine, owner: this, property: 'deployment' });
      this.deploymentStage = this.createStage('Stage', props.stageName ?? 'prod', mainStageOptions(props, WEBSOCKET_STAGE_OPTIONS));
      this._finishDeployment(props, {
        deployment: this.deployment,
        mainStage: this.deploymentStage,
        stageResource: this.deploymentStage.stage,
        servedKeys: { property: 'routeOptions', settings: props.routeOptions },
      });
    } catch (error) {
      throw abandon(this, error, call);
    }
    closeCall(call);
  }

  /**
   * Adds another stage that serves the same deployment, with its own settings.
   *
   * @param stageName the name of the stage, which no other stage of this API may have
   * @param options the stage's options, the same as the main stage's. Default: none
   */
  public addStage(stageName: string, options: WebSocketStageOptions = {}): WebSocketApiStage {
    // Checked against the options, not the stage's props: the stage's name, API, deployment, provider
    // and region are the construct's to give, and would be overwritten without a word.
    checkStruct(this, `addStage(${stageName}).`, options, ADD_WEBSOCKET_STAGE_OPTIONS);
    this._claimAddedStage(stageName, { property: 'routeOptions', settings: options.routeOptions });
    return this.createStage(addedStageId(this, stageName), stageName, options);
  }

  /** The URL a backend posts to for connected clients: `POST <callbackUrl>/@connections/{connectionId}`. */
  public get callbackUrl(): string {
    return this.deploymentStage.callbackUrl;
  }

  /**
   * The ARN of the main stage's `@connections` API, for the IAM policy of a backend that sends to,
   * reads or disconnects clients (`execute-api:ManageConnections`), as the stage's `connectionsArn`.
   */
  public get connectionsArn(): string {
    return this.deploymentStage.connectionsArn;
  }

  /**
   * The execute-api ARN for a route and stage, for the `source_arn` of an `aws_lambda_permission`
   * (`$connect`, `$default`, ...). With `webSocketApi` it is built from the API's execution ARN,
   * so the permission does not depend on the deployment and no dependency cycle can form.
   * A path or route key the API does not serve (a route renamed since) gets a warning at synth.
   *
   * @param routeKey the route key, or `*` for every route. Default: `*`
   * @param stage the stage name (a name no stage of the API has gets a warning at synth), or `*` for every stage. Default: this construct's `stageName` (the main stage only, not the stages `addStage` adds)
   */
  public arnForExecuteApi(routeKey: string = '*', stage?: string): string {
    const target = webSocketArnRouteKey(this, routeKey);
    const call = callText('arnForExecuteApi', [routeKey, stage]);
    recordArnTarget(this, call, target, true);
    recordArnStage(this, call, stage, 'aws_apigatewayv2_stage', this.webSocketApiId);
    return executeApiArn(this, this.webSocketApi?.executionArn, this.deploymentStage.executionArn, stage ?? this.stageName, target, false);
  }

  private createStage(id: string, stageName: string, options: WebSocketStageOptions): WebSocketApiStage {
    const stage = new WebSocketApiStage(this, id, {
      ...options,
      apiId: this.webSocketApiId,
      deploymentId: this.deployment.id,
      stageName,
      provider: this._start.provider,
      region: this._start.region,
    });
    this._prepareStageLogging(stage, ['aws_apigatewayv2_stage']);
    return stage;
  }
}

checkEntryPoints(WebSocketApiDeployment);
