import { IConstruct } from 'constructs';
import { checkAccountSettingsOf } from './account-settings';
import { checkPlacementOf } from './api-placement';
import { ApiGatewayCloudWatchRole } from './cloudwatch-role';
import { isAbandoned } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { isLibraryDeployment, stageErrorOwner } from '../core/deployment-marker';
import { warningsGivenElsewhere, warningsOn } from '../core/warnings';

/** What the warnings read of a deployment construct (an `ApiDeploymentBase`): its trigger engine's checks and warnings. */
export interface WarnedDeployment extends IConstruct {
  /** The deployment's trigger engine. */
  readonly _engine: { readonly warningsAboutApi: readonly string[]; check(): void };
}

/** The deployment constructs given each API resource: `warningsOf` a scope with the API asks them for the warnings they give on it. */
const DEPLOYED_BY = new WeakMap<IConstruct, WarnedDeployment[]>();

/** Records that `deployment` deploys the API resource `api`, for the warnings of a scope with the API (`deploymentWarnings`). */
export function recordDeployedApi(api: IConstruct, deployment: WarnedDeployment): void {
  DEPLOYED_BY.set(api, [...DEPLOYED_BY.get(api) ?? [], deployment]);
}

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
    const engine = (deployment as WarnedDeployment)._engine;
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
