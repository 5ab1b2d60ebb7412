import { IConstruct } from 'constructs';

/**
 * Marks RestApiDeployment instances, so that modules it imports (the stage) can recognise
 * one without importing it back, and so that the check works across copies of the library.
 */
export const REST_API_DEPLOYMENT_SYMBOL = Symbol.for('cdktf-rest-api-deployment.RestApiDeployment');

/** Whether a construct is a RestApiDeployment. */
export function isMarkedRestApiDeployment(x: unknown): boolean {
  return x !== null && typeof x === 'object' && REST_API_DEPLOYMENT_SYMBOL in x;
}

/**
 * The construct errors about a stage should name: the RestApiDeployment the user wrote,
 * when the stage belongs to one, else the stage itself.
 */
export function stageErrorOwner(stage: IConstruct): IConstruct {
  const scope = stage.node.scope;
  return scope && isMarkedRestApiDeployment(scope) ? scope : stage;
}
