import type { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import type { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { checkAccountSettingsOf } from './account-settings';
import { checkPlacementOf } from './api-placement';
import { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { StageBase } from './stage-base';
import { isAbandoned } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { checkEntryPoints } from '../core/argument-checks';
import { isLibraryDeployment, stageErrorOwner } from '../core/deployment-marker';
import { notOneOfTheLibrarys } from '../core/errors';
import { expressionIn } from '../core/resolve';
import { warningsGivenElsewhere, warningsOn } from '../core/warnings';
import { ApiMappingOptions } from '../domains/api-mapping';
import { DefaultAlarmsOptions, ErrorRateAlarmOptions, StageAlarmOptions } from '../metrics/alarm-options';
import { addStageDashboard, StageDashboardOptions } from '../metrics/stage-dashboard';
import { StageMetric, StageMetricOptions } from '../metrics/stage-metric';
import { sha256Hex } from '../triggers/canonical-json';
import { RedeployTriggerEngine } from '../triggers/redeploy-trigger-engine';

/** What a deployment construct hands its base once it has made its resources. */
export interface DeploymentParts {
  readonly engine: RedeployTriggerEngine;
  /** The deployment resource (`aws_api_gateway_deployment`, `aws_apigatewayv2_deployment`). */
  readonly deployment: TerraformResource;
  readonly mainStage: StageBase;
}

const PARTS = new WeakMap<IConstruct, DeploymentParts>();

/**
 * What every deployment construct is (`RestApiDeployment`, `HttpApiDeployment`,
 * `WebSocketApiDeployment`): a deployment of an API, redeployed exactly when the API changes, and
 * its main stage. Each kind adds its typed resources (`deployment`, `deploymentStage`), its API's
 * id, `addStage` and what only it has. A function that takes any of them takes an `ApiDeploymentBase`.
 */
export abstract class ApiDeploymentBase extends Construct {
  /**
   * @param scope the construct to create it in
   * @param id its construct id
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    if (new.target === ApiDeploymentBase) {
      throw new Error(notOneOfTheLibrarys(this, 'ApiDeploymentBase', 'RestApiDeployment, HttpApiDeployment or WebSocketApiDeployment'));
    }
  }

  /**
   * The name of the main stage, as given (a literal). A resource that must wait for the stage names
   * the stage resource's name instead (`deploymentStage.stage.stageName` of a REST API's,
   * `deploymentStage.stage.name` of an HTTP or WebSocket API's).
   */
  public get stageName(): string {
    return partsOf(this).mainStage.stageName;
  }

  /** The id of the current deployment. */
  public get deploymentId(): string {
    return partsOf(this).deployment.getStringAttribute('id');
  }

  /**
   * The URL that invokes the main stage: `https://<api id>.execute-api.<region>.amazonaws.com/<stage>`
   * (`wss://...`, the URL clients connect to, for a WebSocket API).
   */
  public get invokeUrl(): string {
    return partsOf(this).mainStage.invokeUrl;
  }

  /** The execution ARN of the main stage: `arn:aws:execute-api:<region>:<account>:<api id>/<stage>`. */
  public get executionArn(): string {
    return partsOf(this).mainStage.executionArn;
  }

  /** The ARN of the main stage resource. */
  public get stageArn(): string {
    return partsOf(this).mainStage.stageArn;
  }

  /**
   * Maps a custom domain name, or a path of it, to the main stage, as the stage's `addApiMapping`
   * does (`deploymentStage.addApiMapping`).
   *
   * @param domainName the custom domain name: the domain resource's `domainName`, or the name as a string
   * @param options the mapping key. Default: none, the stage serves the paths no other key of the domain begins
   */
  public addApiMapping(domainName: string, options: ApiMappingOptions = {}): Apigatewayv2ApiMapping {
    return partsOf(this).mainStage.addApiMapping(domainName, options);
  }

  /**
   * The URL of the main stage on the custom domain mapped to it, as the stage's `domainUrl`.
   * @default - undefined while no custom domain is mapped to the main stage
   */
  public get domainUrl(): string | undefined {
    return partsOf(this).mainStage.domainUrl;
  }

  /**
   * A CloudWatch metric the main stage publishes, as the stage's `metric` (`deploymentStage` has a
   * named method for each: `metricServerError()`, ...).
   *
   * @param metricName the metric's name, as the API's kind publishes it (`5XXError`, `5xx`, `IntegrationError`, ...)
   * @param options the statistic, the period, one method or route, the canary. Default: the stage's metric, `Sum` or `Average` over 5 minutes
   */
  public metric(metricName: string, options: StageMetricOptions = {}): StageMetric {
    return partsOf(this).mainStage.metric(metricName, options);
  }

  /**
   * Adds an alarm on one of the main stage's metrics, as the stage's `addAlarm`.
   *
   * @param id the alarm's construct id, in the main stage
   * @param options the metric, the threshold and how it is compared, the actions
   */
  public addAlarm(id: string, options: StageAlarmOptions): CloudwatchMetricAlarm {
    return partsOf(this).mainStage.addAlarm(id, options);
  }

  /**
   * Adds an alarm on the share of the main stage's requests that failed, as the stage's `addErrorRateAlarm`.
   *
   * @param id the alarm's construct id, in the main stage
   * @param options the threshold in percent, server or client errors, the actions
   */
  public addErrorRateAlarm(id: string, options: ErrorRateAlarmOptions): CloudwatchMetricAlarm {
    return partsOf(this).mainStage.addErrorRateAlarm(id, options);
  }

  /**
   * Adds the main stage's default alarms, as the stage's `addDefaultAlarms`.
   *
   * @param options the actions and thresholds. Default: the defaults, no actions
   */
  public addDefaultAlarms(options: DefaultAlarmsOptions = {}): CloudwatchMetricAlarm[] {
    return partsOf(this).mainStage.addDefaultAlarms(options);
  }

  /**
   * Adds an `aws_cloudwatch_dashboard` of the main stage, once per construct, with the stage's provider.
   * It graphs requests, 4xx and 5xx errors, p50/p99 latency and p99 integration latency (REST, HTTP), or
   * connections, messages, errors and integration latency (WebSocket), and a running canary's lines beside the stage's.
   *
   * @param options the dashboard's name and period. Default: a name from the construct's path, 5-minute periods
   */
  public addDashboard(options: StageDashboardOptions = {}): CloudwatchDashboard {
    return addStageDashboard(this, partsOf(this).mainStage, options ?? {});
  }

  /**
   * Adds a trigger entry: changing its value redeploys the API.
   *
   * @param key a literal key no other entry uses
   * @param value any string, usually a digest or a Terraform reference (a token is written as its expression)
   */
  public addTrigger(key: string, value: string): void {
    partsOf(this).engine.userTriggers.add(key, value);
  }

  /**
   * Adds a resource whose configuration decides, like the discovered ones, when to redeploy. It
   * gets a trigger entry keyed by its Terraform address.
   *
   * @param resource the resource
   */
  public addResource(resource: TerraformResource): void {
    partsOf(this).engine.addResource(resource, 'addResource(resource)');
  }
}

checkEntryPoints(ApiDeploymentBase);

/** Hands a deployment construct's resources to its base (once, in the construct's constructor). */
/**
 * The construct id of a stage `addStage` adds: `Stage_<name>`; for a name that is a Terraform
 * expression (a variable), that expression, readable and with a digest of it, so that its address
 * depends on nothing else in the program (a token's own text numbers the tokens made before it).
 */
export function addedStageId(scope: IConstruct, stageName: string): string {
  if (!Token.isUnresolved(stageName)) {
    return `Stage_${stageName}`;
  }
  const expression = expressionIn(TerraformStack.of(scope), stageName);
  const readable = expression.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  return `Stage_${readable}_${sha256Hex(expression).slice(0, 8)}`;
}

export function initDeployment(deployment: ApiDeploymentBase, parts: DeploymentParts): void {
  PARTS.set(deployment, parts);
  const api = parts.engine.api;
  if (api !== undefined) {
    DEPLOYED_BY.set(api, [...DEPLOYED_BY.get(api) ?? [], deployment]);
  }
}

/** The deployment constructs given each API resource: `warningsOf` a scope with the API asks them for the warnings they give on it. */
const DEPLOYED_BY = new WeakMap<IConstruct, ApiDeploymentBase[]>();

/**
 * The synth warnings of the deployment constructs in `scope` for which `isKind` holds, of the stages
 * made on their own for which `isOwnStage` holds, and of the CloudWatch roles made on their own, in
 * construct-tree order. Each runs the checks of synth first (as cdktf's prepare pass and validation
 * do): its engine's, and every validation of the constructs inside it (resources it owns, mappings,
 * placements); the first error is thrown.
 */
export function deploymentWarnings(
  scope: IConstruct, isKind: (construct: IConstruct) => boolean, isOwnStage: (construct: IConstruct) => boolean,
): string[] {
  // A warning shared by several constructs (an account setting) is given once.
  const checked = (deployment: IConstruct) => {
    const engine = partsOf(deployment as ApiDeploymentBase).engine;
    engine.check();
    checkAccountSettingsOf(deployment);
    checkPlacementOf(deployment);
    validateWithin(deployment);
    return engine;
  };
  return [...new Set(scope.node.findAll().flatMap((construct) => {
    if (isLibraryDeployment(construct) && isKind(construct)) {
      // The warnings about the API's configuration are on the API, once for all its deployment constructs.
      return [...checked(construct).warningsAboutApi, ...warningsGivenElsewhere(construct), ...warningsOn(construct)];
    }
    // An API in scope deployed from outside it (another stack): the warnings its deployment constructs give on it.
    const deployers = DEPLOYED_BY.get(construct)
      ?.filter((deployment) => isKind(deployment) && !isAbandoned(deployment) && !deployment.node.scopes.includes(scope));
    if (deployers !== undefined && deployers.length > 0) {
      return deployers.flatMap((deployment) => checked(deployment).warningsAboutApi);
    }
    const standaloneRole = construct instanceof ApiGatewayCloudWatchRole && !(construct.node.scope && isLibraryDeployment(construct.node.scope));
    if (standaloneRole || (isOwnStage(construct) && stageErrorOwner(construct) === construct)) {
      validateWithin(construct);
      return [...warningsGivenElsewhere(construct), ...warningsOn(construct)];
    }
    return [];
  }))];
}

/** Runs the validations of `construct` and of every construct inside it, as synth does; throws the first error. */
function validateWithin(construct: IConstruct): void {
  AppIndex.during(construct, () => {
    for (const each of construct.node.findAll()) {
      const [first] = each.node.validate();
      if (first !== undefined) {
        throw new Error(first);
      }
    }
  });
}

function partsOf(deployment: IConstruct): DeploymentParts {
  const parts = PARTS.get(deployment);
  if (parts === undefined) {
    throw new Error(notOneOfTheLibrarys(deployment, 'ApiDeploymentBase', 'RestApiDeployment, HttpApiDeployment or WebSocketApiDeployment'));
  }
  return parts;
}
