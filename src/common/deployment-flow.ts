import { TerraformProvider, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiChoice, validateApiChoice } from './api-choice';
import { ApiDeploymentBase, initDeployment } from './api-deployment-base';
import { checkIdKinds } from './api-id-kind';
import { apiPlacement, checkPlacementWithApiId, placedForApi } from './api-placement';
import { DeploymentOptions } from './deployment-options';
import { StageBase } from './stage-base';
import { apiIdentity, claimStage } from './stage-registry';
import { addValidationWhenCommitted } from '../core/abandoned';
import { DeploymentKind, markDeployment } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import { checkStruct, StructShape } from '../core/struct-check';
import { setRestApiName, setServedRequirement } from '../metrics/metric-source';
import { ApiFamily } from '../triggers/api-family';
import { RedeployTriggerEngine } from '../triggers/redeploy-trigger-engine';

/**
 * How every deployment construct is made, in the order each does it: `startDeployment` checks the
 * props and makes the trigger engine with the user's entries; the construct creates its deployment
 * resource and main stage; `finishDeployment` claims the stage name, requires the API to serve the
 * stage's per-route or per-method settings, adopts the stage when asked, and hands it all to the base.
 */

/** What a deployment construct says of itself. */
export interface DeploymentSpec {
  readonly kind: DeploymentKind;
  readonly props: DeploymentOptions;
  readonly shape: StructShape;
  readonly choice: ApiChoice;
  readonly family: ApiFamily;
}

/** What `startDeployment` made. */
export interface DeploymentStart {
  readonly engine: RedeployTriggerEngine;
  /** The API's id: the API construct's `id`, or the given id. */
  readonly apiId: string;
  /** The API construct's provider (alias), for every resource the construct creates. */
  readonly provider?: TerraformProvider;
  /** The API construct's own region (provider v6's per-resource `region`), for every regional resource the construct creates. */
  readonly region?: string;
  /** How the API is told apart from others in the app (stage names are one per API). */
  readonly apiIdentity: string;
  /** The API in messages: `REST API`. */
  readonly apiKind: string;
  /** For an API given by its id: the property that gives it and the API's type, to check the deployment's placement against an API resource of the app. */
  readonly byId?: { readonly property: string; readonly apiType: string };
}

/** Marks the construct, checks its props and API, and makes the trigger engine with the user's entries, resources and acknowledgements. */
export function startDeployment(owner: ApiDeploymentBase, spec: DeploymentSpec): DeploymentStart {
  markDeployment(owner, spec.kind);
  checkStruct(owner, '', spec.props, spec.shape);
  refuseDecisionTokens(owner, spec.props as unknown as Record<string, unknown>);
  validateApiChoice(owner, spec.choice);
  const { api, apiProperty, apiKind } = spec.choice;
  const apiId = (api?.getStringAttribute('id') ?? spec.choice.apiId)!;
  if (api === undefined) {
    checkIdKinds(owner, { apiProperty: spec.choice.idProperty, apiId, apiType: spec.choice.apiType, apiKind, protocol: spec.choice.protocol?.type });
  }
  const engine = new RedeployTriggerEngine(owner, {
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
  setServedRequirement(owner, (property, key) => engine.requireServed(property, key));
  if (api !== undefined && spec.choice.apiType === 'aws_api_gateway_rest_api') {
    setRestApiName(owner, () => api.getStringAttribute('name'));
  }
  addValidationWhenCommitted(owner, {
    validate: () => {
      engine.checkOnValidation();
      return [];
    },
  });
  const byId = api === undefined ? { property: spec.choice.idProperty, apiType: spec.choice.apiType } : undefined;
  return { engine, apiId, ...apiPlacement(owner, api, apiProperty), apiIdentity: apiIdentity(owner, api, apiId, spec.choice.apiType), apiKind, byId };
}

/** What the construct made between start and finish. */
export interface DeploymentMade {
  readonly deployment: TerraformResource;
  readonly mainStage: StageBase;
  /** The main stage's own resource, adopted when `importExistingStage` is set. */
  readonly stageResource: TerraformResource;
  /** The main stage's per-route (`routeOptions`) or per-method (`methodOptions`) settings. */
  readonly servedKeys: ServedKeys;
}

/** A stage's per-route or per-method settings, keyed as the user wrote them. */
export interface ServedKeys {
  readonly property: 'routeOptions' | 'methodOptions';
  readonly settings?: { [key: string]: unknown };
}

/** Claims the main stage's name, requires what its settings name, adopts it when asked, and hands everything to the base. */
export function finishDeployment(owner: ApiDeploymentBase, start: DeploymentStart, props: DeploymentOptions, made: DeploymentMade): void {
  const stageName = made.mainStage.stageName;
  claimStage(owner, start.apiIdentity, stageName, 'stageName', start.apiKind);
  requireServedKeys(start.engine, '', made.servedKeys);
  if (props.importExistingStage) {
    // A stage in the API's own region is imported by an id with `@<region>` (provider v6, "Enhanced Region Support").
    made.stageResource.importFrom(`${start.apiId}/${stageName}${start.region === undefined ? '' : `@${start.region}`}`, start.provider);
  }
  if (start.byId !== undefined) {
    // The API's id may be an API resource of the app with a region (or provider) of its own.
    checkPlacementWithApiId(owner, start.byId.property, start.apiId, start.byId.apiType, made.deployment);
  } else {
    // In another stack than the API, the API's provider is that stack's one of the same alias (or its default one).
    placedForApi(owner, made.deployment);
  }
  initDeployment(owner, { engine: start.engine, deployment: made.deployment, mainStage: made.mainStage });
}

/** For `addStage`: claims the added stage's name and requires what its settings name. */
export function claimAddedStage(owner: ApiDeploymentBase, start: DeploymentStart, stageName: string, servedKeys: ServedKeys): void {
  claimStage(owner, start.apiIdentity, stageName, `addStage(${stageName})`, start.apiKind);
  requireServedKeys(start.engine, `addStage(${stageName}).`, servedKeys);
}

/**
 * Requires the API to serve each key of a stage's per-route or per-method settings (`routeOptions`
 * keys as they are, `methodOptions` keys without their leading `/`), checked with the stacks.
 *
 * @param prefix how errors name the stage's options: `''`, `addStage(beta).`
 */
function requireServedKeys(engine: RedeployTriggerEngine, prefix: string, { property, settings }: ServedKeys): void {
  for (const key of Object.keys(settings ?? {})) {
    engine.requireServed(`${prefix}${property}.${key}`, property === 'methodOptions' ? key.replace(/^\//, '') : key);
  }
}

/**
 * The props the construct decides on at synth (what it makes, what it looks for): a value known only
 * at deploy time (a variable's booleanValue) would be taken for one of true or false without a word.
 */
const DECIDED_AT_SYNTH = ['cloudWatchRole', 'importExistingStage', 'autoDiscover'];

function refuseDecisionTokens(owner: IConstruct, props: Record<string, unknown>): void {
  for (const name of DECIDED_AT_SYNTH) {
    if (props[name] !== undefined && Token.isUnresolved(props[name])) {
      throw invalidProperty(owner, name, props[name], 'true or false, known when the program runs: the construct decides at synth what it makes '
        + '(a value from a variable would be taken for one of them without a word); choose in the program, e.g. per environment');
    }
  }
}
