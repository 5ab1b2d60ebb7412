import { TerraformProvider, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiChoice } from './api-choice';
import { DeploymentOptions } from './deployment-options';
import { StageBase } from './stage-base';
import { DeploymentKind } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import { expressionIn } from '../core/resolve';
import { StructShape } from '../core/struct-check';
import { ApiFamily } from '../triggers/api-family';
import { sha256Hex } from '../triggers/canonical-json';
import { RedeployTriggerEngine } from '../triggers/redeploy-trigger-engine';

/**
 * What the steps every deployment construct takes hand each other, in the order it takes them
 * (`ApiDeploymentBase`'s internal members): `_startDeployment` checks the props and makes the
 * trigger engine with the user's entries; the construct creates its deployment resource and main
 * stage; `_finishDeployment` claims the stage name, requires the API to serve the stage's
 * per-route or per-method settings, adopts the stage when asked, and keeps it all in the base.
 */

/** What a deployment construct says of itself. */
export interface DeploymentSpec {
  readonly kind: DeploymentKind;
  readonly props: DeploymentOptions;
  readonly shape: StructShape;
  readonly choice: ApiChoice;
  readonly family: ApiFamily;
}

/** What `_startDeployment` made. */
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

/**
 * Requires the API to serve each key of a stage's per-route or per-method settings (`routeOptions`
 * keys as they are, `methodOptions` keys without their leading `/`), checked with the stacks.
 *
 * @param prefix how errors name the stage's options: `''`, `addStage(beta).`
 */
export function requireServedKeys(engine: RedeployTriggerEngine, prefix: string, { property, settings }: ServedKeys): void {
  for (const key of Object.keys(settings ?? {})) {
    engine.requireServed(`${prefix}${property}.${key}`, property === 'methodOptions' ? key.replace(/^\//, '') : key);
  }
}

/**
 * The props the construct decides on at synth (what it makes, what it looks for): a value known only
 * at deploy time (a variable's booleanValue) would be taken for one of true or false without a word.
 */
const DECIDED_AT_SYNTH = ['cloudWatchRole', 'importExistingStage', 'autoDiscover'];

/** Fails on a token given for a prop the construct decides on at synth (`DECIDED_AT_SYNTH`). */
export function refuseDecisionTokens(owner: IConstruct, props: Record<string, unknown>): void {
  for (const name of DECIDED_AT_SYNTH) {
    if (props[name] !== undefined && Token.isUnresolved(props[name])) {
      throw invalidProperty(owner, name, props[name], 'true or false, known when the program runs: the construct decides at synth what it makes '
        + '(a value from a variable would be taken for one of them without a word); choose in the program, e.g. per environment');
    }
  }
}

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
