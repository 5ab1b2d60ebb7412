import type { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import type { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { TerraformProvider, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { deploymentWarnings, executeApiArn, requireServedKeys, validateApiChoice } from './deployment-construct';
import { newDeploymentResource } from './deployment-escape-hatches';
import { isDeploymentOfKind, markDeployment } from './deployment-marker';
import { DeploymentOptions } from './deployment-options';
import { ProviderResources } from './provider-resources';
import { prepareStageLogging } from './stage-logging';
import { apiIdentity, claimStage } from './stage-registry';
import { checkStruct } from './struct-check';
import { WEBSOCKET_API_DEPLOYMENT_PROPS } from './struct-shapes';
import { WEBSOCKET_API_FAMILY } from './triggers/api-gateway-v2-family';
import { RedeployTriggerEngine } from './triggers/redeploy-trigger-engine';
import { WebSocketApiStage, WebSocketStageOptions } from './websocket-api-stage';

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
export class WebSocketApiDeployment extends Construct {
  /** Whether a value is a WebSocketApiDeployment. */
  public static isWebSocketApiDeployment(x: any): x is WebSocketApiDeployment {
    return isDeploymentOfKind(x, 'WebSocketApiDeployment');
  }

  /**
   * The synth warnings of every WebSocketApiDeployment in `scope` (`scope` itself included): the
   * messages `cdktf synth` prints for them. For tests (`Testing.synth` does not show warnings).
   *
   * @param scope a stack, an app, or any construct
   */
  public static warningsOf(scope: IConstruct): string[] {
    return deploymentWarnings(scope, (construct) =>
      (WebSocketApiDeployment.isWebSocketApiDeployment(construct) ? construct.triggerEngine : undefined));
  }

  /** The `aws_apigatewayv2_deployment` resource. */
  public readonly deployment: Apigatewayv2Deployment;

  /** The main stage, named `stageName`. Its `aws_apigatewayv2_stage` is `deploymentStage.stage`. */
  public readonly deploymentStage: WebSocketApiStage;

  /** The name of the main stage. */
  public readonly stageName: string;

  /** The id of the deployed WebSocket API. */
  public readonly webSocketApiId: string;

  /** The account's CloudWatch role, when `cloudWatchRole` is true. */
  public readonly cloudWatchRole?: ApiGatewayCloudWatchRole;

  private readonly webSocketApi?: Apigatewayv2Api;
  private readonly provider?: TerraformProvider;
  private readonly apiIdentity: string;
  private readonly warnWhenLogging: boolean;
  private readonly triggerEngine: RedeployTriggerEngine;

  constructor(scope: Construct, id: string, props: WebSocketApiDeploymentProps) {
    super(scope, id);
    markDeployment(this, 'WebSocketApiDeployment');
    checkStruct(this, '', props, WEBSOCKET_API_DEPLOYMENT_PROPS);
    validateApiChoice(this, {
      apiProperty: 'webSocketApi',
      api: props.webSocketApi,
      idProperty: 'webSocketApiId',
      apiId: props.webSocketApiId,
      autoDiscover: props.autoDiscover,
      apiKind: 'WebSocket API',
      apiClass: 'Apigatewayv2Api',
      apiType: 'aws_apigatewayv2_api',
      protocol: { type: 'WEBSOCKET', otherKind: 'HTTP API', otherConstruct: 'HttpApiDeployment' },
    });
    this.webSocketApi = props.webSocketApi;
    this.webSocketApiId = props.webSocketApi?.id ?? props.webSocketApiId!;
    this.stageName = props.stageName ?? 'prod';
    this.provider = props.webSocketApi?.provider;
    this.apiIdentity = apiIdentity(this, props.webSocketApi, this.webSocketApiId);
    this.warnWhenLogging = props.cloudWatchRole === undefined;
    if (props.cloudWatchRole === true) {
      this.cloudWatchRole = new ApiGatewayCloudWatchRole(this, 'CloudWatchRole', { provider: this.provider });
    }

    this.triggerEngine = new RedeployTriggerEngine(this, {
      family: WEBSOCKET_API_FAMILY,
      api: props.webSocketApi,
      apiProperty: 'webSocketApi',
      autoDiscover: props.autoDiscover ?? props.webSocketApi !== undefined,
    });
    Object.entries(props.triggers ?? {}).forEach(([key, value]) => this.addTrigger(key, value));
    (props.resources ?? []).forEach((resource) => this.addResource(resource));
    this.triggerEngine.acknowledge(props.acknowledgedBlindSpots ?? []);

    this.deployment = newDeploymentResource(ProviderResources.Apigatewayv2Deployment, this, 'Deployment', {
      apiId: this.webSocketApiId,
      description: props.description,
      triggers: this.triggerEngine.triggers,
      lifecycle: { createBeforeDestroy: true },
      dependsOn: this.cloudWatchRole ? [this.cloudWatchRole.account] : undefined,
      provider: this.provider,
    }, { engine: this.triggerEngine, owner: this, property: 'deployment' });

    this.deploymentStage = this.createStage('Stage', this.stageName, webSocketStageOptionsOf(props));
    claimStage(this, this.apiIdentity, this.stageName, 'stageName', 'WebSocket API');
    requireServedKeys(this.triggerEngine, '', 'routeOptions', props.routeOptions);
    if (props.importExistingStage) {
      this.deploymentStage.stage.importFrom(`${this.webSocketApiId}/${this.stageName}`, this.provider);
    }
  }

  /**
   * Adds another stage that serves the same deployment, with its own settings.
   *
   * @param stageName the name of the stage, which no other stage of this API may have
   * @param options the stage's options, the same as the main stage's. Default: none
   */
  public addStage(stageName: string, options: WebSocketStageOptions = {}): WebSocketApiStage {
    claimStage(this, this.apiIdentity, stageName, `addStage(${stageName})`, 'WebSocket API');
    requireServedKeys(this.triggerEngine, `addStage(${stageName}).`, 'routeOptions', options.routeOptions);
    return this.createStage(`Stage_${stageName}`, stageName, options);
  }

  /** The id of the current deployment. */
  public get deploymentId(): string {
    return this.deployment.id;
  }

  /** The URL clients connect to, e.g. `wss://abc123.execute-api.eu-west-2.amazonaws.com/prod`. */
  public get invokeUrl(): string {
    return this.deploymentStage.invokeUrl;
  }

  /** The URL a backend posts to for connected clients: `POST <callbackUrl>/@connections/{connectionId}`. */
  public get callbackUrl(): string {
    return this.deploymentStage.callbackUrl;
  }

  /** The execution ARN of the main stage. */
  public get executionArn(): string {
    return this.deploymentStage.executionArn;
  }

  /** The ARN of the main stage resource. */
  public get stageArn(): string {
    return this.deploymentStage.stageArn;
  }

  /**
   * The execute-api ARN for a route and stage, for the `source_arn` of an `aws_lambda_permission`
   * (`$connect`, `$default`, ...). With `webSocketApi` it is built from the API's execution ARN,
   * so the permission does not depend on the deployment and no dependency cycle can form.
   *
   * @param routeKey the route key, or `*` for every route. Default: `*`
   * @param stage the stage name, or `*` for every stage. Default: this construct's `stageName`
   */
  public arnForExecuteApi(routeKey: string = '*', stage?: string): string {
    return executeApiArn(this.webSocketApi?.executionArn, this.deploymentStage.executionArn, stage ?? this.stageName, routeKey);
  }

  /**
   * Adds a trigger entry: changing its value redeploys the API.
   *
   * @param key a key no other entry uses
   * @param value any string, usually a digest or a Terraform reference
   */
  public addTrigger(key: string, value: string): void {
    this.triggerEngine.addTrigger(key, value);
  }

  /** Adds a resource whose configuration decides, like the discovered ones, when to redeploy. */
  public addResource(resource: TerraformResource): void {
    this.triggerEngine.addResource(resource);
  }

  private createStage(id: string, stageName: string, options: WebSocketStageOptions): WebSocketApiStage {
    const stage = new WebSocketApiStage(this, id, {
      ...options,
      apiId: this.webSocketApiId,
      deploymentId: this.deployment.id,
      stageName,
      provider: this.provider,
    });
    prepareStageLogging(this, stage, this.cloudWatchRole, this.warnWhenLogging, ['aws_apigatewayv2_stage']);
    return stage;
  }
}

/** The props that configure the main stage: all but the deployment's own. */
function webSocketStageOptionsOf(props: WebSocketApiDeploymentProps): WebSocketStageOptions {
  const {
    webSocketApi, webSocketApiId, stageName, description, triggers, resources, autoDiscover, importExistingStage, cloudWatchRole,
    acknowledgedBlindSpots, ...stageOptions
  } = props;
  return stageOptions;
}
