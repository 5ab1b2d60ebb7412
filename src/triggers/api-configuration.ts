import { TerraformResource, TerraformStack } from 'cdktf';
import { REDEPLOY_RESOURCE_TYPES } from './api-resource-types';
import { AppBlocks } from './app-blocks';
import { compare } from './canonical-json';
import { Block } from './rendered-blocks';
import { allStacks } from './stack-constructs';

/** One Terraform resource with its configuration as it will be synthesized. */
export interface ResolvedResource {
  /**
   * Its trigger key: the address, prefixed with the stack's path and `/` for a
   * resource of another stack (`api-stack/aws_api_gateway_method.get`).
   */
  readonly key: string;
  /** `type.name` in its own stack, e.g. `aws_api_gateway_method.pets_get_1A2B3C4D`. */
  readonly address: string;
  readonly type: string;
  readonly resource: TerraformResource;
  /** The stack it belongs to. */
  readonly stack: TerraformStack;
  /** The resolved configuration block. */
  readonly config: Block;
}

/** The Terraform address of a resource: `type.name`. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/** A resource with its block, keyed for the home stack; undefined when it renders no block (it was moved). */
export function resolvedResource(resource: TerraformResource, blocks: AppBlocks): ResolvedResource | undefined {
  const stack = TerraformStack.of(resource);
  const config = blocks.blockOf(resource, stack);
  return config === undefined ? undefined : itemOf(resource, stack, config, blocks.home);
}

function itemOf(resource: TerraformResource, stack: TerraformStack, config: Block, home: TerraformStack): ResolvedResource {
  const address = addressOf(resource);
  return {
    key: keyInHome(stack, address, home),
    address,
    type: resource.terraformResourceType,
    resource,
    stack,
    config,
  };
}

/** A trigger key for an address of `stack`: the address itself at home, else prefixed with the stack's path. */
export function keyInHome(stack: TerraformStack, address: string, home: TerraformStack): string {
  return stack === home ? address : `${stack.node.path}/${address}`;
}

/** A stack where the API's resources may be, and how its `rest_api_id` reads there. */
export interface ApiStack {
  readonly stack: TerraformStack;
  /** The expressions that name the API in this stack, without `${}`: its id (and, in its own stack, its root resource id). */
  readonly apiExpressions: readonly string[];
}

/**
 * The stacks of the app that can hold resources of `api`: its own stack, the home stack,
 * and every other stack that depends on the API's stack (a cross-stack reference is the
 * only way another stack can name the API), each with the expression its id has there.
 */
export function stacksOfApi(api: TerraformResource, blocks: AppBlocks): ApiStack[] {
  const apiStack = TerraformStack.of(api);
  const apiAddress = addressOf(api);
  const apiId = `${apiAddress}.id`;
  const found: ApiStack[] = [];
  for (const stack of allStacks(api)) {
    if (stack === apiStack) {
      found.push({ stack, apiExpressions: [apiId, `${apiAddress}.root_resource_id`] });
      continue;
    }
    if (stack !== blocks.home) {
      // Preparing: resolving its API resources registers the stack's own cross-stack references first.
      resourcesOfTypes(blocks, stack, REDEPLOY_RESOURCE_TYPES).forEach((resource) => blocks.blockOf(resource));
      if (!stack.dependencies.includes(apiStack)) {
        continue;
      }
    }
    found.push({ stack, apiExpressions: [blocks.expressionIn(stack, apiId, apiStack)] });
  }
  return found;
}

/**
 * Every resource of the given stacks of a type that needs a redeploy and whose
 * `rest_api_id` names the API, in a stable order (by key).
 */
export function discoverApiResources(stacks: readonly ApiStack[], blocks: AppBlocks): ResolvedResource[] {
  const found: ResolvedResource[] = [];
  for (const { stack, apiExpressions } of stacks) {
    const apiId = `\${${apiExpressions[0]}}`;
    for (const resource of resourcesOfTypes(blocks, stack, REDEPLOY_RESOURCE_TYPES)) {
      const config = blocks.blockOf(resource, stack);
      if (config?.rest_api_id === apiId) {
        found.push(itemOf(resource, stack, config, blocks.home));
      }
    }
  }
  return found.sort((a, b) => compare(a.key, b.key));
}

/** The resources of `stack` (not of nested stacks) whose type is in `types`, in construct order. */
export function resourcesOfTypes(blocks: AppBlocks, stack: TerraformStack, types: ReadonlySet<string>): TerraformResource[] {
  return blocks.constructsOf(stack).filter((construct): construct is TerraformResource =>
    TerraformResource.isTerraformResource(construct) && types.has(construct.terraformResourceType));
}

/** Every Terraform resource of `stack`, by address. */
export function resourcesByAddress(blocks: AppBlocks, stack: TerraformStack): Map<string, TerraformResource> {
  const byAddress = new Map<string, TerraformResource>();
  for (const construct of blocks.constructsOf(stack)) {
    if (TerraformResource.isTerraformResource(construct)) {
      byAddress.set(addressOf(construct), construct);
    }
  }
  return byAddress;
}
