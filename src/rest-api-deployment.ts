import type { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import type { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import type { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import {
  TerraformProvider,
  TerraformResource,
  Token,
} from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { BasePathMappingOptions } from './base-path-mapping';
import { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { deploymentWarnings, executeApiArn, methodAndPath, requireServedKeys, validateApiChoice } from './deployment-construct';
import { newDeploymentResource } from './deployment-escape-hatches';
import { isDeploymentOfKind, markDeployment } from './deployment-marker';
import { DeploymentOptions } from './deployment-options';
import { invalidProperty } from './errors';
import { ProviderResources } from './provider-resources';
import { RestApiStage, StageOptions } from './rest-api-stage';
import { prepareStageLogging } from './stage-logging';
import { apiIdentity, claimStage } from './stage-registry';
import { checkStruct } from './struct-check';
import { REST_API_DEPLOYMENT_PROPS } from './struct-shapes';
import { RedeployTriggerEngine } from './triggers/redeploy-trigger-engine';
import { REST_API_FAMILY } from './triggers/rest-api-family';
import { validateStageName, validateStageVariables } from './validation';


/**
 * A canary release on the main stage: a share of the traffic goes to a second
 * deployment with the current API, the rest stays on the last promoted one.
 */
export interface CanaryOptions {
  /** The percentage of traffic the canary gets, from 0 to 100. */
  readonly percentTraffic: number;

  /**
   * Stage variables that differ for canary traffic.
   * @default - the stage's own variables
   */
  readonly stageVariableOverrides?: { [name: string]: string };

  /**
   * Whether canary requests use the stage cache.
   * @default false
   */
  readonly useStageCache?: boolean;
}

/**
 * Properties of a `RestApiDeployment`: the API, what redeploys it, and the options of its main
 * stage (the same `StageOptions` that `addStage` takes).
 */
export interface RestApiDeploymentProps extends StageOptions, DeploymentOptions {
  /**
   * The REST API to deploy. The construct then finds every resource of this API
   * (resources, methods, integrations, models, authorizers, ...) and redeploys whenever
   * the configuration of any of them changes. The API may be in another stack of the
   * app: its resources are found in the API's stack, in this stack, and in any stack that
   * references the API, and what they reference reaches this stack through cdktf's
   * cross-stack references.
   *
   * Give exactly one of `restApi` and `restApiId`.
   *
   * @default - none; `restApiId` must be given
   */
  readonly restApi?: ApiGatewayRestApi;

  /**
   * The id of a REST API defined outside this app (a module, a data source, another
   * Terraform configuration). Automatic discovery is off then: the API redeploys only when one of `resources`
   * or `triggers` changes.
   *
   * Give exactly one of `restApi` and `restApiId`.
   *
   * @default - none; `restApi` must be given
   */
  readonly restApiId?: string;

  /**
   * The name of the stage that serves the deployment: 1 to 128 letters, digits,
   * `_` or `-`. It appears in the invoke URL.
   *
   * @default "prod"
   */
  readonly stageName?: string;

  /**
   * Run a canary release on the main stage. While set, the main deployment keeps
   * serving the API as it was when the canary started (its triggers are ignored), and a
   * canary deployment with the current API gets `percentTraffic` percent of the
   * requests. Removing it promotes: the main deployment is replaced with the current
   * API and the canary deployment is deleted, in one apply.
   *
   * @default - no canary
   */
  readonly canary?: CanaryOptions;

  /**
   * Create the account's CloudWatch role for API Gateway here (an
   * `ApiGatewayCloudWatchRole`: an IAM role with `AmazonAPIGatewayPushToCloudWatchLogs`,
   * set by an `aws_api_gateway_account`), and make the deployment and the stages depend on
   * it, so that logging stages deploy on the first apply.
   *
   * The setting is one per account and region: let one stack own it. Destroying it resets
   * the setting, which stops the logs of every API in that account and region.
   *
   * `false` says the role is set elsewhere and silences the warning that a logging stage
   * without it gets.
   *
   * @default - no role; a synth warning when a stage writes access or execution logs to CloudWatch
   */
  readonly cloudWatchRole?: boolean;
}

/**
 * A deployment of an API Gateway REST API and the stage that serves it, redeployed
 * exactly when the API's configuration changes.
 *
 * Creates an `aws_api_gateway_deployment` with `create_before_destroy` and triggers
 * computed from every resource of the API and every object its configuration references
 * (one entry each, keyed by its Terraform address, so `terraform plan` shows which part
 * changed), and an `aws_api_gateway_stage` that points at it.
 */
export class RestApiDeployment extends Construct {
  /**
   * Whether a value is a RestApiDeployment.
   */
  public static isRestApiDeployment(x: any): x is RestApiDeployment {
    return isDeploymentOfKind(x, 'RestApiDeployment');
  }

  /**
   * The synth warnings of every RestApiDeployment in `scope` (`scope` itself included), in
   * construct-tree order: the messages `cdktf synth` prints for them. For tests:
   * `Testing.synth` does not show warnings. The warnings that depend on the rest of the
   * stack (discovery) are computed here, so it can be called before or after synthesizing.
   *
   * @param scope a stack, an app, or any construct
   */
  public static warningsOf(scope: IConstruct): string[] {
    return deploymentWarnings(scope, (construct) => (RestApiDeployment.isRestApiDeployment(construct) ? construct.triggerEngine : undefined));
  }

  /** The `aws_api_gateway_deployment` resource. */
  public readonly deployment: ApiGatewayDeployment;

  /**
   * The main stage (named `stageName`): its `aws_api_gateway_stage` (`deploymentStage.stage`),
   * method settings, access log group and web ACL association.
   */
  public readonly deploymentStage: RestApiStage;

  /** The canary deployment, while `canary` is set. */
  public readonly canaryDeployment?: ApiGatewayDeployment;

  /**
   * The name of the main stage, as a literal. A resource that must wait for the stage (a usage
   * plan, a base path mapping of your own) names `deploymentStage.stage.stageName` instead.
   */
  public readonly stageName: string;

  /** The id of the deployed REST API. */
  public readonly restApiId: string;

  /** The account's CloudWatch role, when `cloudWatchRole` is true. */
  public readonly cloudWatchRole?: ApiGatewayCloudWatchRole;

  private readonly restApi?: ApiGatewayRestApi;
  private readonly provider?: TerraformProvider;
  /** How this deployment's API is told apart from others in the stack (for stage names). */
  private readonly apiIdentity: string;
  /** Whether a stage that logs to CloudWatch gets a warning: `cloudWatchRole` left out. */
  private readonly warnWhenLogging: boolean;
  private readonly triggerEngine: RedeployTriggerEngine;

  constructor(scope: Construct, id: string, props: RestApiDeploymentProps) {
    super(scope, id);
    markDeployment(this, 'RestApiDeployment');
    checkStruct(this, '', props, REST_API_DEPLOYMENT_PROPS);

    validateApiChoice(this, {
      apiProperty: 'restApi',
      api: props.restApi,
      idProperty: 'restApiId',
      apiId: props.restApiId,
      autoDiscover: props.autoDiscover,
      apiKind: 'REST API',
      apiClass: 'ApiGatewayRestApi',
      apiType: 'aws_api_gateway_rest_api',
    });
    this.restApi = props.restApi;
    this.restApiId = props.restApi?.id ?? props.restApiId!;
    this.stageName = props.stageName ?? 'prod';
    this.apiIdentity = apiIdentity(this, props.restApi, this.restApiId);
    validateCanary(this, props.canary);

    this.triggerEngine = new RedeployTriggerEngine(this, {
      family: REST_API_FAMILY,
      api: props.restApi,
      apiProperty: 'restApi',
      autoDiscover: props.autoDiscover ?? props.restApi !== undefined,
    });
    for (const [key, value] of Object.entries(props.triggers ?? {})) {
      this.addTrigger(key, value);
    }
    (props.resources ?? []).forEach((resource) => this.addResource(resource));
    this.triggerEngine.acknowledge(props.acknowledgedBlindSpots ?? []);

    this.provider = props.restApi?.provider;
    this.warnWhenLogging = props.cloudWatchRole === undefined;
    if (props.cloudWatchRole === true) {
      this.cloudWatchRole = new ApiGatewayCloudWatchRole(this, 'CloudWatchRole', { provider: this.provider });
    }
    const triggers = this.triggerEngine.triggers;
    this.deployment = newDeploymentResource(ProviderResources.ApiGatewayDeployment, this, 'Deployment', {
      restApiId: this.restApiId,
      description: props.description,
      triggers,
      // While a canary runs, the main deployment keeps the snapshot it was created with.
      lifecycle: props.canary ? { createBeforeDestroy: true, ignoreChanges: ['triggers'] } : { createBeforeDestroy: true },
      dependsOn: this.cloudWatchRole ? [this.cloudWatchRole.account] : undefined,
      provider: this.provider,
    }, { engine: this.triggerEngine, owner: this, property: 'deployment' });
    if (props.canary) {
      this.canaryDeployment = newDeploymentResource(ProviderResources.ApiGatewayDeployment, this, 'CanaryDeployment', {
        restApiId: this.restApiId,
        description: props.description,
        triggers,
        lifecycle: { createBeforeDestroy: true },
        dependsOn: this.cloudWatchRole ? [this.cloudWatchRole.account] : undefined,
        provider: this.provider,
      }, { engine: this.triggerEngine, owner: this, property: 'canaryDeployment' });
    }

    this.deploymentStage = new RestApiStage(this, 'Stage', {
      ...stageOptionsOf(props),
      restApiId: this.restApiId,
      deploymentId: this.deployment.id,
      stageName: this.stageName,
      provider: this.provider,
    });
    claimStage(this, this.apiIdentity, this.stageName, 'stageName', 'REST API');
    requireServedKeys(this.triggerEngine, '', 'methodOptions', props.methodOptions);
    prepareStageLogging(this, this.deploymentStage, this.cloudWatchRole, this.warnWhenLogging, STAGE_RESOURCE_TYPES);

    if (props.canary && this.canaryDeployment) {
      this.deploymentStage.stage.putCanarySettings({
        deploymentId: this.canaryDeployment.id,
        percentTraffic: props.canary.percentTraffic,
        stageVariableOverrides: props.canary.stageVariableOverrides,
        useStageCache: props.canary.useStageCache,
      });
    }
    if (props.importExistingStage) {
      this.deploymentStage.stage.importFrom(`${this.restApiId}/${this.stageName}`, this.provider);
    }
  }

  /**
   * Adds another stage that serves the same deployment, with its own settings.
   *
   * @param stageName the name of the stage, which no other stage of this API may have
   * @param options the stage's options, the same as the main stage's. Default: none (a stage with no options set)
   */
  public addStage(stageName: string, options: StageOptions = {}): RestApiStage {
    validateStageName(this, `addStage(${stageName}).stageName`, stageName);
    claimStage(this, this.apiIdentity, stageName, `addStage(${stageName})`, 'REST API');
    requireServedKeys(this.triggerEngine, `addStage(${stageName}).`, 'methodOptions', options.methodOptions);
    const description = (options as { description?: unknown }).description;
    if (description !== undefined) {
      // Before 0.2.0 an added stage's description was `description`; in the shared StageOptions
      // that name is the deployment's, so it cannot stay as a deprecated alias (CHANGELOG).
      throw invalidProperty(this, `addStage(${stageName}).description`, description,
        "'stageDescription' for the stage's description (the name the main stage uses too)");
    }
    const stage = new RestApiStage(this, `Stage_${stageName}`, {
      ...options,
      restApiId: this.restApiId,
      deploymentId: this.deployment.id,
      stageName,
      provider: this.provider,
    });
    prepareStageLogging(this, stage, this.cloudWatchRole, this.warnWhenLogging, STAGE_RESOURCE_TYPES);
    return stage;
  }

  /**
   * Maps a custom domain (or a base path of it) to the main stage, as `RestApiStage.addBasePathMapping` does.
   *
   * @param domainName the custom domain name (`aws_api_gateway_domain_name.domainName`)
   * @param options the base path, and the domain's id for a private custom domain. Default: the whole domain
   */
  public addBasePathMapping(domainName: string, options: BasePathMappingOptions = {}): ApiGatewayBasePathMapping {
    return this.deploymentStage.addBasePathMapping(domainName, options);
  }

  /** The id of the current deployment. */
  public get deploymentId(): string {
    return this.deployment.id;
  }

  /** When the current deployment was created. */
  public get createdDate(): string {
    return this.deployment.createdDate;
  }

  /**
   * The main stage with its method settings, access logs and web ACL association.
   * @deprecated use `deploymentStage` (AWS CDK's name); removed in 0.3.0
   */
  public get mainStage(): RestApiStage {
    return this.deploymentStage;
  }

  /**
   * The `aws_api_gateway_stage` resource of the main stage.
   * @deprecated use `deploymentStage.stage`; removed in 0.3.0
   */
  public get stage(): ApiGatewayStage {
    return this.deploymentStage.stage;
  }

  /** The URL that invokes the stage, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com/prod`. */
  public get invokeUrl(): string {
    return this.deploymentStage.invokeUrl;
  }

  /**
   * The execution ARN of the stage, e.g. `arn:aws:execute-api:eu-west-2:123456789012:abc123/prod`.
   */
  public get executionArn(): string {
    return this.deploymentStage.executionArn;
  }

  /** The ARN of the stage resource. */
  public get stageArn(): string {
    return this.deploymentStage.stageArn;
  }

  /**
   * The URL of a path on the stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    return this.deploymentStage.urlForPath(path);
  }

  /**
   * The execute-api ARN for a method, path and stage, for the `source_arn` of an
   * `aws_lambda_permission`. With `restApi` it is built from the API's execution ARN,
   * so the permission does not depend on the deployment and no dependency cycle can form.
   *
   * @param method the HTTP method, or `*` or `ANY` for every method. Default: `*`
   * @param path the resource path, starting with `/`, or `/*` for every path. Default: `/*`
   * @param stage the stage name, or `*` for every stage. Default: this construct's `stageName`
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage?: string): string {
    return executeApiArn(this.restApi?.executionArn, this.deploymentStage.executionArn, stage ?? this.stageName, methodAndPath(this, method, path));
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

  /**
   * Adds a resource whose configuration decides, like the discovered ones, when to
   * redeploy. It gets a trigger entry keyed by its Terraform address.
   */
  public addResource(resource: TerraformResource): void {
    this.triggerEngine.addResource(resource);
  }
}

/** The props that configure the main stage: all but the deployment's own. */
function stageOptionsOf(props: RestApiDeploymentProps): StageOptions {
  const {
    restApi, restApiId, stageName, description, triggers, resources, autoDiscover, canary,
    importExistingStage, cloudWatchRole, acknowledgedBlindSpots, ...stageOptions
  } = props;
  return stageOptions;
}

function validateCanary(scope: IConstruct, canary: CanaryOptions | undefined): void {
  if (canary === undefined) {
    return;
  }
  const percent = canary.percentTraffic;
  if (!Token.isUnresolved(percent) && (typeof percent !== 'number' || Number.isNaN(percent) || percent < 0 || percent > 100)) {
    throw invalidProperty(scope, 'canary.percentTraffic', percent, 'a number from 0 to 100');
  }
  validateStageVariables(scope, 'canary.stageVariableOverrides', canary.stageVariableOverrides);
}

/** The resources of a stage that fail to deploy with logging on before the account's CloudWatch role is set. */
const STAGE_RESOURCE_TYPES = ['aws_api_gateway_stage', 'aws_api_gateway_method_settings'];
