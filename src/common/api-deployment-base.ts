import type { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import type { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import type { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { validateApiChoice } from './api-choice';
import { checkIdKinds } from './api-id-kind';
import { apiPlacement, checkPlacementWithApiId, placedForApi } from './api-placement';
import { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { DeploymentMade, DeploymentSpec, DeploymentStart, refuseDecisionTokens, requireServedKeys, ServedKeys } from './deployment-flow';
import { DeploymentOptions } from './deployment-options';
import { recordDeployedApi } from './deployment-warnings';
import { StageBase } from './stage-base';
import { prepareStageLogging } from './stage-logging';
import { apiIdentity, claimStage } from './stage-registry';
import { addValidationWhenCommitted } from '../core/abandoned';
import { checkEntryPoints } from '../core/argument-checks';
import { markDeployment } from '../core/deployment-marker';
import { notOneOfTheLibrarys } from '../core/errors';
import { checkStruct } from '../core/struct-check';
import { ApiMappingOptions } from '../domains/api-mapping';
import { DefaultAlarmsOptions, ErrorRateAlarmOptions, StageAlarmOptions } from '../metrics/alarm-options';
import { setRestApiName, setServedRequirement } from '../metrics/metric-source';
import { addStageDashboard, StageDashboardOptions } from '../metrics/stage-dashboard';
import { StageMetric, StageMetricOptions } from '../metrics/stage-metric';
import { RedeployTriggerEngine } from '../triggers/redeploy-trigger-engine';

/** What a deployment construct has made once `_finishDeployment` keeps it: the resources its base's members read. */
interface DeploymentParts {
  readonly engine: RedeployTriggerEngine;
  /** The deployment resource (`aws_api_gateway_deployment`, `aws_apigatewayv2_deployment`). */
  readonly deployment: TerraformResource;
  readonly mainStage: StageBase;
}

/** What `cloudWatchRole` made of a construct's stages' logging: the role it created, and whether a stage that logs gets a warning. */
interface CloudWatchRoleChoice {
  readonly role?: ApiGatewayCloudWatchRole;
  /** `cloudWatchRole` left out: a stage that logs to CloudWatch gets a warning. */
  readonly warnWhenLogging: boolean;
}

/** The classes that are an `ApiDeploymentBase`, for the error of one that is none of them. */
const DEPLOYMENT_CLASSES = 'RestApiDeployment, HttpApiDeployment or WebSocketApiDeployment';

/**
 * What every deployment construct is (`RestApiDeployment`, `HttpApiDeployment`,
 * `WebSocketApiDeployment`): a deployment of an API, redeployed exactly when the API changes, and
 * its main stage. Each kind adds its typed resources (`deployment`, `deploymentStage`), its API's
 * id, `addStage` and what only it has. A function that takes any of them takes an `ApiDeploymentBase`.
 */
export abstract class ApiDeploymentBase extends Construct {
  /** What `_startDeployment` made. */
  private started?: DeploymentStart;
  /** What `_finishDeployment` kept. */
  private parts?: DeploymentParts;
  /** What `_addCloudWatchRole` made. */
  private cloudWatchRoleChoice?: CloudWatchRoleChoice;

  /**
   * @param scope the construct to create it in
   * @param id its construct id
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    if (new.target === ApiDeploymentBase) {
      throw new Error(notOneOfTheLibrarys(this, 'ApiDeploymentBase', DEPLOYMENT_CLASSES));
    }
  }

  /**
   * The name of the main stage, as given (a literal). A resource that must wait for the stage names
   * the stage resource's name instead (`deploymentStage.stage.stageName` of a REST API's,
   * `deploymentStage.stage.name` of an HTTP or WebSocket API's).
   */
  public get stageName(): string {
    return this.finished.mainStage.stageName;
  }

  /** The id of the current deployment. */
  public get deploymentId(): string {
    return this.finished.deployment.getStringAttribute('id');
  }

  /**
   * The URL that invokes the main stage: `https://<api id>.execute-api.<region>.amazonaws.com/<stage>`
   * (`wss://...`, the URL clients connect to, for a WebSocket API).
   */
  public get invokeUrl(): string {
    return this.finished.mainStage.invokeUrl;
  }

  /** The execution ARN of the main stage: `arn:aws:execute-api:<region>:<account>:<api id>/<stage>`. */
  public get executionArn(): string {
    return this.finished.mainStage.executionArn;
  }

  /** The ARN of the main stage resource. */
  public get stageArn(): string {
    return this.finished.mainStage.stageArn;
  }

  /**
   * Maps a custom domain name, or a path of it, to the main stage, as the stage's `addApiMapping`
   * does (`deploymentStage.addApiMapping`).
   *
   * @param domainName the custom domain name: the domain resource's `domainName`, or the name as a string
   * @param options the mapping key. Default: none, the stage serves the paths no other key of the domain begins
   */
  public addApiMapping(domainName: string, options: ApiMappingOptions = {}): Apigatewayv2ApiMapping {
    return this.finished.mainStage.addApiMapping(domainName, options);
  }

  /**
   * The URL of the main stage on the custom domain mapped to it, as the stage's `domainUrl`.
   * @default - undefined while no custom domain is mapped to the main stage
   */
  public get domainUrl(): string | undefined {
    return this.finished.mainStage.domainUrl;
  }

  /**
   * A CloudWatch metric the main stage publishes, as the stage's `metric` (`deploymentStage` has a
   * named method for each: `metricServerError()`, ...).
   *
   * @param metricName the metric's name, as the API's kind publishes it (`5XXError`, `5xx`, `IntegrationError`, ...)
   * @param options the statistic, the period, one method or route, the canary. Default: the stage's metric, `Sum` or `Average` over 5 minutes
   */
  public metric(metricName: string, options: StageMetricOptions = {}): StageMetric {
    return this.finished.mainStage.metric(metricName, options);
  }

  /**
   * Adds an alarm on one of the main stage's metrics, as the stage's `addAlarm`.
   *
   * @param id the alarm's construct id, in the main stage
   * @param options the metric, the threshold and how it is compared, the actions
   */
  public addAlarm(id: string, options: StageAlarmOptions): CloudwatchMetricAlarm {
    return this.finished.mainStage.addAlarm(id, options);
  }

  /**
   * Adds an alarm on the share of the main stage's requests that failed, as the stage's `addErrorRateAlarm`.
   *
   * @param id the alarm's construct id, in the main stage
   * @param options the threshold in percent, server or client errors, the actions
   */
  public addErrorRateAlarm(id: string, options: ErrorRateAlarmOptions): CloudwatchMetricAlarm {
    return this.finished.mainStage.addErrorRateAlarm(id, options);
  }

  /**
   * Adds the main stage's default alarms, as the stage's `addDefaultAlarms`.
   *
   * @param options the actions and thresholds. Default: the defaults, no actions
   */
  public addDefaultAlarms(options: DefaultAlarmsOptions = {}): CloudwatchMetricAlarm[] {
    return this.finished.mainStage.addDefaultAlarms(options);
  }

  /**
   * Adds an `aws_cloudwatch_dashboard` of the main stage, once per construct, with the stage's provider.
   * It graphs requests, 4xx and 5xx errors, p50/p99 latency and p99 integration latency (REST, HTTP), or
   * connections, messages, errors and integration latency (WebSocket), and a running canary's lines beside the stage's.
   *
   * @param options the dashboard's name and period. Default: a name from the construct's path, 5-minute periods
   */
  public addDashboard(options: StageDashboardOptions = {}): CloudwatchDashboard {
    return addStageDashboard(this, this.finished.mainStage, options ?? {});
  }

  /**
   * Adds a trigger entry: changing its value redeploys the API.
   *
   * @param key a literal key no other entry uses
   * @param value any string, usually a digest or a Terraform reference (a token is written as its expression)
   */
  public addTrigger(key: string, value: string): void {
    this.finished.engine.userTriggers.add(key, value);
  }

  /**
   * Adds a resource whose configuration decides, like the discovered ones, when to redeploy. It
   * gets a trigger entry keyed by its Terraform address.
   *
   * @param resource the resource
   */
  public addResource(resource: TerraformResource): void {
    this.finished.engine.addResource(resource, 'addResource(resource)');
  }

  /**
   * The deployment's trigger engine, once the construct is made (for `warningsOf`, `deployment-warnings.ts`).
   * @internal
   */
  public get _engine(): RedeployTriggerEngine {
    return this.finished.engine;
  }

  /**
   * The first step of a deployment construct's constructor: marks the construct, checks its props and
   * API, and makes the trigger engine with the user's entries, resources and acknowledgements.
   * @internal
   */
  protected _startDeployment(spec: DeploymentSpec): void {
    markDeployment(this, spec.kind);
    checkStruct(this, '', spec.props, spec.shape);
    refuseDecisionTokens(this, spec.props as unknown as Record<string, unknown>);
    validateApiChoice(this, spec.choice);
    const { api, apiProperty, apiKind } = spec.choice;
    const apiId = (api?.getStringAttribute('id') ?? spec.choice.apiId)!;
    if (api === undefined) {
      checkIdKinds(this, { apiProperty: spec.choice.idProperty, apiId, apiType: spec.choice.apiType, apiKind, protocol: spec.choice.protocol?.type });
    }
    const engine = new RedeployTriggerEngine(this, {
      family: spec.family,
      api,
      apiProperty,
      autoDiscover: spec.props.autoDiscover ?? api !== undefined,
      apiId,
    });
    Object.entries(spec.props.triggers ?? {}).forEach(([key, value]) => engine.userTriggers.add(key, value));
    (spec.props.resources ?? []).forEach((resource, index) => engine.addResource(resource, `resources[${index}]`));
    engine.acknowledge(spec.props.acknowledgedBlindSpots ?? []);
    // The stages' per-method and per-route metrics name what the API must serve, as their settings do.
    setServedRequirement(this, (property, key) => engine.requireServed(property, key));
    if (api !== undefined && spec.choice.apiType === 'aws_api_gateway_rest_api') {
      setRestApiName(this, () => api.getStringAttribute('name'));
    }
    addValidationWhenCommitted(this, {
      validate: () => {
        engine.checkOnValidation();
        return [];
      },
    });
    const byId = api === undefined ? { property: spec.choice.idProperty, apiType: spec.choice.apiType } : undefined;
    this.started = {
      engine, apiId, ...apiPlacement(this, api, apiProperty), apiIdentity: apiIdentity(this, api, apiId, spec.choice.apiType), apiKind, byId,
    };
  }

  /**
   * What `_startDeployment` made: the engine, the API's id, the provider and region of every resource the construct creates.
   * @internal
   */
  protected get _start(): DeploymentStart {
    if (this.started === undefined) {
      throw new Error(notOneOfTheLibrarys(this, 'ApiDeploymentBase', DEPLOYMENT_CLASSES));
    }
    return this.started;
  }

  /**
   * Creates the account's CloudWatch role (an `ApiGatewayCloudWatchRole`, with the API's provider and
   * region) when `cloudWatchRole` is true, and remembers whether a stage that logs to CloudWatch gets a
   * warning: `cloudWatchRole` left out. For the kinds whose stages log to CloudWatch (REST, WebSocket).
   * @internal
   */
  protected _addCloudWatchRole(cloudWatchRole: boolean | undefined): ApiGatewayCloudWatchRole | undefined {
    const role = cloudWatchRole === true
      ? new ApiGatewayCloudWatchRole(this, 'CloudWatchRole', { provider: this._start.provider, region: this._start.region })
      : undefined;
    this.cloudWatchRoleChoice = { role, warnWhenLogging: cloudWatchRole === undefined };
    return role;
  }

  /**
   * The `depends_on` of the deployment resources: the account setting of the role `_addCloudWatchRole` created.
   * @internal
   */
  protected get _cloudWatchRoleDependency(): ApiGatewayAccount[] | undefined {
    const role = this.cloudWatchRoleChoice?.role;
    return role ? [role.account] : undefined;
  }

  /**
   * Makes the resources of a stage of the construct (of `stageTypes`) wait for the account's CloudWatch
   * role `_addCloudWatchRole` created, or, without one, for the one of the stage's stack, or warn (`prepareStageLogging`).
   * @internal
   */
  protected _prepareStageLogging(stage: StageBase, stageTypes: readonly string[]): void {
    const choice = this.cloudWatchRoleChoice;
    prepareStageLogging(this, stage, choice?.role, choice?.warnWhenLogging ?? false, stageTypes);
  }

  /**
   * The last step of a deployment construct's constructor: claims the main stage's name, requires what
   * its settings name, adopts it when asked (`importExistingStage`), checks where the deployment is
   * placed, and keeps what the construct made for the base's members.
   * @internal
   */
  protected _finishDeployment(props: DeploymentOptions, made: DeploymentMade): void {
    const start = this._start;
    const stageName = made.mainStage.stageName;
    claimStage(this, start.apiIdentity, stageName, 'stageName', start.apiKind);
    requireServedKeys(start.engine, '', made.servedKeys);
    if (props.importExistingStage) {
      // A stage in the API's own region is imported by an id with `@<region>` (provider v6, "Enhanced Region Support").
      made.stageResource.importFrom(`${start.apiId}/${stageName}${start.region === undefined ? '' : `@${start.region}`}`, start.provider);
    }
    if (start.byId !== undefined) {
      // The API's id may be an API resource of the app with a region (or provider) of its own.
      checkPlacementWithApiId(this, start.byId.property, start.apiId, start.byId.apiType, made.deployment);
    } else {
      // In another stack than the API, the API's provider is that stack's one of the same alias (or its default one).
      placedForApi(this, made.deployment);
    }
    this.parts = { engine: start.engine, deployment: made.deployment, mainStage: made.mainStage };
    if (start.engine.api !== undefined) {
      recordDeployedApi(start.engine.api, this);
    }
  }

  /**
   * The first step of `addStage`: claims the added stage's name and requires what its settings name.
   * @internal
   */
  protected _claimAddedStage(stageName: string, servedKeys: ServedKeys): void {
    const start = this._start;
    claimStage(this, start.apiIdentity, stageName, `addStage(${stageName})`, start.apiKind);
    requireServedKeys(start.engine, `addStage(${stageName}).`, servedKeys);
  }

  /** What `_finishDeployment` kept; a class that extends this one but is none of the library's has nothing. */
  private get finished(): DeploymentParts {
    if (this.parts === undefined) {
      throw new Error(notOneOfTheLibrarys(this, 'ApiDeploymentBase', DEPLOYMENT_CLASSES));
    }
    return this.parts;
  }
}

checkEntryPoints(ApiDeploymentBase);
