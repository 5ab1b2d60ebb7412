import type { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import type { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { TerraformProvider, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { deploymentWarnings, executeApiArn, methodAndPath, requireServedKeys, validateApiChoice } from './deployment-construct';
import { newDeploymentResource } from './deployment-escape-hatches';
import { isDeploymentOfKind, markDeployment } from './deployment-marker';
import { DeploymentOptions } from './deployment-options';
import { HttpApiStage, HttpStageOptions } from './http-api-stage';
import { ProviderResources } from './provider-resources';
import { apiIdentity, claimStage } from './stage-registry';
import { checkStruct } from './struct-check';
import { HTTP_API_DEPLOYMENT_PROPS } from './struct-shapes';
import { HTTP_API_FAMILY } from './triggers/api-gateway-v2-family';
import { RedeployTriggerEngine } from './triggers/redeploy-trigger-engine';

/**
 * Properties of an `HttpApiDeployment`: the API, what redeploys it, and the options of its main
 * stage (the same `HttpStageOptions` that `addStage` takes).
 */
export interface HttpApiDeploymentProps extends HttpStageOptions, DeploymentOptions {
  /**
   * The HTTP API to deploy (an `Apigatewayv2Api` with protocol type `HTTP`). The construct then
   * finds every route, integration, authorizer and model of this API, in its stack, this stack
   * and any stack that references it, and redeploys whenever the configuration of any of them, or
   * of the API itself (its OpenAPI body, CORS configuration, ...), changes.
   *
   * Give exactly one of `httpApi` and `httpApiId`.
   *
   * @default - none; `httpApiId` must be given
   */
  readonly httpApi?: Apigatewayv2Api;

  /**
   * The id of an HTTP API defined outside this app. Discovery is off then: the API redeploys only
   * when one of `resources` or `triggers` changes.
   *
   * Give exactly one of `httpApi` and `httpApiId`.
   *
   * @default - none; `httpApi` must be given
   */
  readonly httpApiId?: string;

  /**
   * The name of the stage that serves the deployment: `$default` (served at the API's root URL)
   * or 1 to 128 letters, digits, `_` or `-`.
   *
   * @default "$default"
   */
  readonly stageName?: string;
}

/**
 * A deployment of an API Gateway HTTP API and the stage that serves it, redeployed exactly when
 * the API's configuration changes: an explicit `aws_apigatewayv2_deployment` (create before
 * destroy) whose triggers name each route, integration, authorizer and referenced object, and an
 * `aws_apigatewayv2_stage` without `auto_deploy` that points at it. So a change is deployed once,
 * after the whole change is applied, and `terraform plan` says so.
 */
export class HttpApiDeployment extends Construct {
  /** Whether a value is an HttpApiDeployment. */
  public static isHttpApiDeployment(x: any): x is HttpApiDeployment {
    return isDeploymentOfKind(x, 'HttpApiDeployment');
  }

  /**
   * The synth warnings of every HttpApiDeployment in `scope` (`scope` itself included): the
   * messages `cdktf synth` prints for them. For tests (`Testing.synth` does not show warnings).
   *
   * @param scope a stack, an app, or any construct
   */
  public static warningsOf(scope: IConstruct): string[] {
    return deploymentWarnings(scope, (construct) => (HttpApiDeployment.isHttpApiDeployment(construct) ? construct.triggerEngine : undefined));
  }

  /** The `aws_apigatewayv2_deployment` resource. */
  public readonly deployment: Apigatewayv2Deployment;

  /** The main stage, named `stageName`. Its `aws_apigatewayv2_stage` is `deploymentStage.stage`. */
  public readonly deploymentStage: HttpApiStage;

  /** The name of the main stage. */
  public readonly stageName: string;

  /** The id of the deployed HTTP API. */
  public readonly httpApiId: string;

  private readonly httpApi?: Apigatewayv2Api;
  private readonly provider?: TerraformProvider;
  private readonly apiIdentity: string;
  private readonly triggerEngine: RedeployTriggerEngine;

  constructor(scope: Construct, id: string, props: HttpApiDeploymentProps) {
    super(scope, id);
    markDeployment(this, 'HttpApiDeployment');
    checkStruct(this, '', props, HTTP_API_DEPLOYMENT_PROPS);
    validateApiChoice(this, {
      apiProperty: 'httpApi',
      api: props.httpApi,
      idProperty: 'httpApiId',
      apiId: props.httpApiId,
      autoDiscover: props.autoDiscover,
      apiKind: 'HTTP API',
      apiClass: 'Apigatewayv2Api',
      apiType: 'aws_apigatewayv2_api',
      protocol: { type: 'HTTP', otherKind: 'WebSocket API', otherConstruct: 'WebSocketApiDeployment' },
    });
    this.httpApi = props.httpApi;
    this.httpApiId = props.httpApi?.id ?? props.httpApiId!;
    this.stageName = props.stageName ?? '$default';
    this.provider = props.httpApi?.provider;
    this.apiIdentity = apiIdentity(this, props.httpApi, this.httpApiId);

    this.triggerEngine = new RedeployTriggerEngine(this, {
      family: HTTP_API_FAMILY,
      api: props.httpApi,
      apiProperty: 'httpApi',
      autoDiscover: props.autoDiscover ?? props.httpApi !== undefined,
    });
    Object.entries(props.triggers ?? {}).forEach(([key, value]) => this.addTrigger(key, value));
    (props.resources ?? []).forEach((resource) => this.addResource(resource));
    this.triggerEngine.acknowledge(props.acknowledgedBlindSpots ?? []);

    this.deployment = newDeploymentResource(ProviderResources.Apigatewayv2Deployment, this, 'Deployment', {
      apiId: this.httpApiId,
      description: props.description,
      triggers: this.triggerEngine.triggers,
      lifecycle: { createBeforeDestroy: true },
      provider: this.provider,
    }, { engine: this.triggerEngine, owner: this, property: 'deployment' });

    this.deploymentStage = new HttpApiStage(this, 'Stage', {
      ...httpStageOptionsOf(props),
      apiId: this.httpApiId,
      deploymentId: this.deployment.id,
      stageName: this.stageName,
      provider: this.provider,
    });
    claimStage(this, this.apiIdentity, this.stageName, 'stageName', 'HTTP API');
    requireServedKeys(this.triggerEngine, '', 'routeOptions', props.routeOptions);
    if (props.importExistingStage) {
      this.deploymentStage.stage.importFrom(`${this.httpApiId}/${this.stageName}`, this.provider);
    }
  }

  /**
   * Adds another stage that serves the same deployment, with its own settings.
   *
   * @param stageName the name of the stage, which no other stage of this API may have
   * @param options the stage's options, the same as the main stage's. Default: none
   */
  public addStage(stageName: string, options: HttpStageOptions = {}): HttpApiStage {
    claimStage(this, this.apiIdentity, stageName, `addStage(${stageName})`, 'HTTP API');
    requireServedKeys(this.triggerEngine, `addStage(${stageName}).`, 'routeOptions', options.routeOptions);
    return new HttpApiStage(this, `Stage_${stageName}`, {
      ...options,
      apiId: this.httpApiId,
      deploymentId: this.deployment.id,
      stageName,
      provider: this.provider,
    });
  }

  /** The id of the current deployment. */
  public get deploymentId(): string {
    return this.deployment.id;
  }

  /** The URL that invokes the main stage, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com/` for `$default`. */
  public get invokeUrl(): string {
    return this.deploymentStage.invokeUrl;
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
   * The URL of a path on the main stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    return this.deploymentStage.urlForPath(path);
  }

  /**
   * The execute-api ARN for a method, path and stage, for the `source_arn` of an
   * `aws_lambda_permission`. With `httpApi` it is built from the API's execution ARN, so the
   * permission does not depend on the deployment and no dependency cycle can form.
   *
   * @param method the HTTP method, or `*` or `ANY` for every method. Default: `*`
   * @param path the route path, starting with `/`, or `/*` for every path. Default: `/*`
   * @param stage the stage name, or `*` for every stage. Default: this construct's `stageName`
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage?: string): string {
    return executeApiArn(this.httpApi?.executionArn, this.deploymentStage.executionArn, stage ?? this.stageName, methodAndPath(this, method, path));
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
}

/** The props that configure the main stage: all but the deployment's own. */
function httpStageOptionsOf(props: HttpApiDeploymentProps): HttpStageOptions {
  const {
    httpApi, httpApiId, stageName, description, triggers, resources, autoDiscover, importExistingStage, acknowledgedBlindSpots, ...stageOptions
  } = props;
  return stageOptions;
}
