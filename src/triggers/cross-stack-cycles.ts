import { TerraformElement } from 'cdktf';
import { AppIndex } from '../core/app-index';
import { isDeploymentOfKind, isLibraryDeployment } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';

/** cdktf's error for a cross-stack reference that would make two stacks depend on each other: `Cannot add dependency <reader> to <read>`. */
const CYCLE = /Cannot add dependency (\S+) to (\S+), because it would cause a circular dependency/;

/**
 * The library's error for cdktf's circular dependency error, thrown while the prepare pass resolves
 * an element (`element`, for the app): a stack reads a value of a stack with a deployment construct
 * (its URL in a function's environment) while that stack depends on the first for the API.
 * Undefined for any other error, or a cycle without a deployment construct in the stack read.
 */
export function crossStackCycleError(element: TerraformElement, error: unknown): Error | undefined {
  const names = CYCLE.exec(error instanceof Error ? error.message : '');
  const stacks = names === null ? [] : AppIndex.of(element).stacks();
  const reader = stacks.find((stack) => stack.node.id === names![1]);
  const read = stacks.find((stack) => stack.node.id === names![2]);
  // Walks the stack read once, on the way to an error.
  const deployment = read?.node.findAll().find(isLibraryDeployment);
  if (reader === undefined || deployment === undefined) {
    return undefined;
  }
  const property = isDeploymentOfKind(deployment, 'RestApiDeployment') ? 'restApi' : isDeploymentOfKind(deployment, 'HttpApiDeployment') ? 'httpApi' : 'webSocketApi';
  const [from, to] = [reader.node.path, read!.node.path];
  return invalidProperty(deployment, property, `an API of the stack '${from}'`,
    `an API whose stack reads nothing of this construct's stack: the stack '${from}' reads a value of '${to}' (a cross-stack reference, such as this `
    + `construct's URL in a function's environment, or its stage in a usage plan) while '${to}' depends on '${from}' for the API, and Terraform can `
    + `deploy neither first. Make what reads it in the stack '${to}', beside this construct; or build it from the API's own attributes (api.id, its `
    + `execution ARN), which do not wait for the deployment; or make the deployment construct in the stack '${from}'`);
}
