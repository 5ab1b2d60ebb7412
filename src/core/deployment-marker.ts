import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** The library's deployment constructs. */
export type DeploymentKind = 'RestApiDeployment' | 'HttpApiDeployment' | 'WebSocketApiDeployment';

/**
 * Marks the deployment constructs, so that modules they import (the stages, the trigger
 * engine) can recognise one without importing it back, and so that the check works across
 * copies of the library.
 */
const SYMBOLS: Readonly<Record<DeploymentKind, symbol>> = {
  RestApiDeployment: Symbol.for('cdktf-api-gateway-deployment.RestApiDeployment'),
  HttpApiDeployment: Symbol.for('cdktf-api-gateway-deployment.HttpApiDeployment'),
  WebSocketApiDeployment: Symbol.for('cdktf-api-gateway-deployment.WebSocketApiDeployment'),
};

/** Marks `construct` as a deployment construct of `kind`. */
export function markDeployment(construct: IConstruct, kind: DeploymentKind): void {
  Object.defineProperty(construct, SYMBOLS[kind], { value: true });
}

/** Whether `x` is a deployment construct of `kind`. */
export function isDeploymentOfKind(x: unknown, kind: DeploymentKind): boolean {
  return x !== null && typeof x === 'object' && SYMBOLS[kind] in x;
}

/** Whether `x` is any of the library's deployment constructs. */
export function isLibraryDeployment(x: unknown): boolean {
  return x !== null && typeof x === 'object' && ANY_KIND.some((symbol) => symbol in x);
}

const ANY_KIND = Object.values(SYMBOLS);

/** Marks a stage construct of the library (made by a deployment construct or on its own). */
export function markStage(construct: IConstruct): void {
  Object.defineProperty(construct, STAGE, { value: true });
}

const STAGE = Symbol.for('cdktf-api-gateway-deployment.Stage');

/**
 * Whether `construct` was made inside one of the library's deployment or stage constructs (looked for
 * up to its stack): what the library makes (a stage's mapping, method settings, log group) is no blind spot.
 */
export function madeByLibraryConstruct(construct: IConstruct): boolean {
  for (let scope = construct.node.scope; scope !== undefined && !TerraformStack.isStack(scope); scope = scope.node.scope) {
    if (isLibraryDeployment(scope) || STAGE in scope) {
      return true;
    }
  }
  return false;
}

/**
 * The construct errors about a stage should name: the deployment construct the user wrote,
 * when the stage belongs to one, else the stage itself.
 */
export function stageErrorOwner(stage: IConstruct): IConstruct {
  const scope = stage.node.scope;
  return scope && isLibraryDeployment(scope) ? scope : stage;
}

/**
 * How errors about a stage write its properties: `addStage(<name>).` for a stage added to a
 * deployment construct with `addStage`, `''` for the construct's main stage (its props) and for a
 * stage created on its own.
 */
export function stagePropertyPrefix(stage: IConstruct, stageName: string): string {
  return stageErrorOwner(stage) !== stage && stage.node.id !== 'Stage' ? `addStage(${stageName}).` : '';
}

/**
 * How errors name a stage's own resource: `deploymentStage.stage` for a deployment construct's main
 * stage, `addStage(<name>).stage` for one added with `addStage`, `stage` for a stage made on its own.
 */
export function stageResourceProperty(stage: IConstruct, stageName: string): string {
  if (stageErrorOwner(stage) === stage) {
    return 'stage';
  }
  return stage.node.id === 'Stage' ? 'deploymentStage.stage' : `addStage(${stageName}).stage`;
}
