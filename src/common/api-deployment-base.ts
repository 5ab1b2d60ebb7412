import type { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
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
