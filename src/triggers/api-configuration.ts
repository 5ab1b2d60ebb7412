import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { REDEPLOY_RESOURCE_TYPES } from './api-resource-types';
import { compare } from './canonical-json';

/** One Terraform resource with its configuration as it will be synthesized. */
export interface ResolvedResource {
  /** `type.name`, e.g. `aws_api_gateway_method.pets_get_1A2B3C4D`. */
  readonly address: string;
  readonly type: string;
  readonly resource: TerraformResource;
  /** The resolved configuration block (undefined for a resource that was moved away). */
  readonly config: Record<string, unknown>;
}

/** Resolves tokens in a value, as cdktf does when it renders the stack. */
export type Resolver = (value: unknown) => any;

/** The Terraform address of a resource: `type.name`. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * The configuration keys that say which API, resource and method a resource belongs to,
 * and whether it has several instances: enough to discover and to check, far cheaper
 * to resolve than the whole configuration.
 */
export const IDENTIFYING_KEYS: readonly string[] = ['rest_api_id', 'resource_id', 'http_method', 'count', 'for_each'];

/**
 * A resource's configuration block with every token resolved, escape-hatch overrides
 * applied; undefined when the resource renders no block (it was moved).
 *
 * @param onlyKeys resolve only these keys of the block (all when undefined)
 */
export function resolveResource(resource: TerraformResource, resolve: Resolver, onlyKeys?: readonly string[]): ResolvedResource | undefined {
  const block = configurationBlock(resource);
  return block === undefined ? undefined : resolveBlock(resource, block, resolve, onlyKeys);
}

/** The resource's configuration block as it renders, tokens unresolved. */
function configurationBlock(resource: TerraformResource): Record<string, unknown> | undefined {
  const fragment = resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  return fragment.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
}

function resolveBlock(
  resource: TerraformResource,
  block: Record<string, unknown>,
  resolve: Resolver,
  onlyKeys?: readonly string[],
): ResolvedResource {
  return {
    address: addressOf(resource),
    type: resource.terraformResourceType,
    resource,
    config: resolve(onlyKeys ? pick(block, onlyKeys) : block) as Record<string, unknown>,
  };
}

function pick(block: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    if (block[key] !== undefined) {
      picked[key] = block[key];
    }
  }
  return picked;
}

/**
 * Every resource below `root` of a type that needs a redeploy and whose `rest_api_id`
 * resolves to `restApiIdReference`, in a stable order (by address).
 */
export function discoverApiResources(
  root: IConstruct,
  restApiIdReference: string,
  resolve: Resolver,
  onlyKeys?: readonly string[],
): ResolvedResource[] {
  const found: ResolvedResource[] = [];
  for (const construct of root.node.findAll()) {
    if (!TerraformResource.isTerraformResource(construct) || !REDEPLOY_RESOURCE_TYPES.has(construct.terraformResourceType)) {
      continue;
    }
    // Resolve rest_api_id alone first: another API's resources are never resolved whole.
    const block = configurationBlock(construct);
    if (block !== undefined && resolve(block.rest_api_id) === restApiIdReference) {
      found.push(resolveBlock(construct, block, resolve, onlyKeys));
    }
  }
  return found.sort((a, b) => compare(a.address, b.address));
}

/** Every Terraform resource below `root`, by address. */
export function resourcesByAddress(root: IConstruct): Map<string, TerraformResource> {
  const byAddress = new Map<string, TerraformResource>();
  for (const construct of root.node.findAll()) {
    if (TerraformResource.isTerraformResource(construct)) {
      byAddress.set(addressOf(construct), construct);
    }
  }
  return byAddress;
}

