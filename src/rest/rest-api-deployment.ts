import type { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import type { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import type { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { TerraformResourceLifecycle } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CanaryOptions, validateCanary } from './canary';
import { RestApiStage, StageOptions } from './rest-api-stage';
import { ADD_STAGE_OPTIONS, REST_API_DEPLOYMENT_PROPS, STAGE_OPTIONS } from './rest-shapes';
import { ApiDeploymentBase } from '../common/api-deployment-base';
import { recordArnStage } from '../common/arn-stages';
import { ApiGatewayCloudWatchRole } from '../common/cloudwatch-role';
import { newDeploymentResource } from '../common/deployment-escape-hatches';
import { addedStageId } from '../common/deployment-flow';
import { DeploymentOptions } from '../common/deployment-options';
import { deploymentWarnings } from '../common/deployment-warnings';
import { callText, executeApiArn, methodAndPath, recordArnTarget } from '../common/execute-api';
import { REST_STAGE_RESOURCE_TYPES } from '../common/stage-logging';
import { mainStageOptions } from '../common/struct-shapes';
import { validateStageName } from '../common/validation';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { isDeploymentOfKind } from '../core/deployment-marker';
import { describeValue, invalidProperty } from '../core/errors';
import { changeOwned } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { expressionIn } from '../core/resolve';
import { checkStruct } from '../core/struct-check';
import { refuseTemplateText } from '../core/template-text';
import { warnOnce } from '../core/warnings';
import { BasePathMappingOptions } from '../domains/base-path-mapping';
import { markCanary } from '../metrics/metric-source';
import { REST_API_FAMILY } from '../triggers/rest-api-family';

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
export class RestApiDeployment extends ApiDeploymentBase {
  /**
   * Whether a value is a RestApiDeployment.
   */
  public static isRestApiDeployment(x: any): x is RestApiDeployment {
    return isDeploymentOfKind(x, 'RestApiDeployment');
  }

  /**
   * The synth warnings of every RestApiDeployment in `scope` (`scope` itself included), and of
   * every RestApiStage and `ApiGatewayCloudWatchRole` made on its own there, in construct-tree
   * order: the messages `cdktf synth` prints for them. For tests: `Testing.synth` does not show
   * warnings. Every check of synth runs here (discovery, custom domains, the resources the
   * constructs own), so it gives the same before or after synthesizing; it throws the first error.
   * An API in `scope` deployed from another stack gets the warnings its deployment constructs give on it.
   *
   * @param scope a stack, an app, or any construct
   */
  public static warningsOf(scope: IConstruct): string[] {
    return deploymentWarnings(scope, RestApiDeployment.isRestApiDeployment, (construct) => construct instanceof RestApiStage);
  }

  /** The `aws_api_gateway_deployment` resource. */
  public readonly deployment: ApiGatewayDeployment;

  /**
   * The main stage (named `stageName`) with its `aws_api_gateway_stage` (`deploymentStage.stage`),
   * method settings, access log group and web ACL association.
   */
  public readonly deploymentStage: RestApiStage;

  /** The canary deployment, while `canary` is set. */
  public readonly canaryDeployment?: ApiGatewayDeployment;

  /** The id of the deployed REST API. */
  public readonly restApiId: string;

  /** The account's CloudWatch role, when `cloudWatchRole` is true. */
  public readonly cloudWatchRole?: ApiGatewayCloudWatchRole;

  private readonly restApi?: ApiGatewayRestApi;

  constructor(scope: Construct, id: string, props: RestApiDeploymentProps) {
    super(checkedScope('RestApiDeployment', [scope, id, props]), id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      this._startDeployment({
        kind: 'RestApiDeployment',
        props,
        shape: REST_API_DEPLOYMENT_PROPS,
        choice: {
          apiProperty: 'restApi',
          api: props.restApi,
          idProperty: 'restApiId',
          apiId: props.restApiId,
          autoDiscover: props.autoDiscover,
          apiKind: 'REST API',
          apiClass: 'ApiGatewayRestApi',
          apiType: 'aws_api_gateway_rest_api',
        },
        family: REST_API_FAMILY,
      });
      validateCanary(this, props.canary);
      this.restApi = props.restApi;
      this.restApiId = this._start.apiId;
      this.cloudWatchRole = this._addCloudWatchRole(props.cloudWatchRole);
      refuseTemplateText(this, 'description', props.description);
      const deploymentOf = (resourceId: string, property: string, lifecycle: TerraformResourceLifecycle) =>
        newDeploymentResource(ProviderResources.ApiGatewayDeployment, this, resourceId, {
          restApiId: this.restApiId,
          description: props.description,
          triggers: this._start.engine.triggers,
          lifecycle,
          dependsOn: this._cloudWatchRoleDependency,
          provider: this._start.provider,
          region: this._start.region,
        }, { engine: this._start.engine, owner: this, property });
      // While a canary runs, the main deployment keeps the snapshot it was created with.
      const mainLifecycle = props.canary ? { createBeforeDestroy: true, ignoreChanges: ['triggers'] } : { createBeforeDestroy: true };
      this.deployment = deploymentOf('Deployment', 'deployment', mainLifecycle);
      if (props.canary) {
        this.canaryDeployment = deploymentOf('CanaryDeployment', 'canaryDeployment', { createBeforeDestroy: true });
      }

      this.deploymentStage = this.createStage('Stage', props.stageName ?? 'prod', mainStageOptions(props, STAGE_OPTIONS));
      if (props.canary && this.canaryDeployment) {
        const canary = props.canary;
        const canaryDeployment = this.canaryDeployment;
        const stage = this.deploymentStage.stage;
        changeOwned(stage, () => stage.putCanarySettings({
          deploymentId: canaryDeployment.id,
          percentTraffic: canary.percentTraffic,
          stageVariableOverrides: canary.stageVariableOverrides,
          useStageCache: canary.useStageCache,
        }));
        markCanary(this.deploymentStage);
      }
      this._finishDeployment(props, {
        deployment: this.deployment,
        mainStage: this.deploymentStage,
        stageResource: this.deploymentStage.stage,
        servedKeys: { property: 'methodOptions', settings: props.methodOptions },
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
   * @param options the stage's options, the same as the main stage's. Default: none (a stage with no options set)
   */
  public addStage(stageName: string, options: StageOptions = {}): RestApiStage {
    validateStageName(this, `addStage(${stageName}).stageName`, stageName);
    const description = (options as { description?: unknown } | null)?.description;
    if (description !== undefined) {
      // Before 0.2.0 an added stage's description was `description`; in the shared StageOptions
      // that name is the deployment's, so it cannot stay as a deprecated alias (CHANGELOG).
      throw invalidProperty(this, `addStage(${stageName}).description`, description,
        "'stageDescription' for the stage's description (the name the main stage uses too)");
    }
    // Checked against the options, not the stage's props: the stage's name, API, deployment, provider
    // and region are the construct's to give, and would be overwritten without a word.
    checkStruct(this, `addStage(${stageName}).`, options, ADD_STAGE_OPTIONS);
    this._claimAddedStage(stageName, { property: 'methodOptions', settings: options.methodOptions });
    const stage = this.createStage(addedStageId(this, stageName), stageName, options);
    if (this.canaryDeployment !== undefined) {
      warnOnce(this, `The stage ${describeValue(expressionIn(this, stageName))} (addStage) serves the main deployment, which the canary keeps as the API was when it `
        + 'started (its triggers are ignored while the canary runs): changes of the API reach this stage only when the canary is promoted '
        + '(canary removed). For a stage that follows every change, add it to another RestApiDeployment of the API, and call moveFromId('
        + `'aws_api_gateway_stage.${stage.stage.friendlyUniqueId}') on that construct's deploymentStage.stage, so that Terraform moves this stage there `
        + 'instead of creating a second stage of its name (AWS answers ConflictException); move its mappings so too (moveFromId on each mapping '
        + "the other construct makes, from its address here), or the old mapping's key is still taken when the new one is made.");
    }
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
   * `aws_lambda_permission`. With `restApi` it is built from the API's execution ARN,
   * so the permission does not depend on the deployment and no dependency cycle can form.
   * A path or route key the API does not serve (a route renamed since) gets a warning at synth.
   *
   * @param method the HTTP method (any case: written in capitals), or `*` or `ANY` for every method. Default: `*`
   * @param path the resource path, starting with `/` (path parameters such as `{id}` are written `*`,
   * as API Gateway matches them), or `/*` for every path. Default: `/*`
   * @param stage the stage name (a name no stage of the API has gets a warning at synth), or `*` for every stage. Default: this construct's `stageName` (the main stage only, not the stages `addStage` adds)
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage?: string): string {
    const target = methodAndPath(this, method, path);
    const call = callText('arnForExecuteApi', [method, path, stage]);
    recordArnTarget(this, call, target, false, path);
    recordArnStage(this, call, stage, 'aws_api_gateway_stage', this.restApiId);
    return executeApiArn(this, this.restApi?.executionArn, this.deploymentStage.executionArn, stage ?? this.stageName, target, false);
  }

  private createStage(id: string, stageName: string, options: StageOptions): RestApiStage {
    const stage = new RestApiStage(this, id, {
      ...options, restApiId: this.restApiId, deploymentId: this.deployment.id, stageName, provider: this._start.provider, region: this._start.region,
    });
    this._prepareStageLogging(stage, REST_STAGE_RESOURCE_TYPES);
    return stage;
  }
}

checkEntryPoints(RestApiDeployment);
