import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiSnapshot, SnapshotResource } from './api-snapshot';
import { BlockSource } from './block-source';
import { referencedObject } from './reference-entries';
import { Block } from './rendered-blocks';
import { findReferences } from './terraform-references';

/** What reads a resource the deployment construct made (an API resource, or a user trigger), and the addresses from it to that resource. */
export interface SelfReference {
  /** The API resource; undefined for a user trigger. */
  readonly item?: SnapshotResource;
  /** The reader (`type.name`, or `triggers.<key>`) first, then the addresses read one after the other, the construct's resource last. */
  readonly chain: readonly string[];
}

/**
 * The first API resource of the deployment's stack, or user trigger (`userTriggers`, resolved in the
 * stack), that reads a resource the deployment construct made (its deployment, a stage), directly or
 * through other resources of the stack (a function whose environment holds the stage's URL, invoked
 * by an integration): the deployment waits for the API's resources and its triggers' references,
 * which would wait for it, a cycle `terraform validate` refuses. Each resource is read once per
 * check, however many readers reach it.
 */
export function selfReference(
  owner: IConstruct,
  snapshot: ApiSnapshot,
  blocks: BlockSource,
  userTriggers: ReadonlyMap<string, unknown>,
): SelfReference | undefined {
  const home = snapshot.home;
  const owned = new Set<string>();
  for (const construct of owner.node.findAll()) {
    if (TerraformResource.isTerraformResource(construct) && TerraformStack.of(construct) === home) {
      owned.add(`${construct.terraformResourceType}.${construct.friendlyUniqueId}`);
    }
  }
  const items = snapshot.resources.filter((item) => item.stack === home);
  const configs = new Map<string, unknown>(items.map((item) => [item.address, item.config]));
  const starts: Array<{ readonly address: string; readonly item?: SnapshotResource }> = items.map((item) => ({ address: item.address, item }));
  for (const [key, value] of userTriggers) {
    configs.set(`triggers.${key}`, value);
    starts.push({ address: `triggers.${key}` });
  }
  const configOf = (address: string): unknown => {
    if (!configs.has(address)) {
      const [type, name] = address.split('.');
      const resource = address.startsWith('data.') ? undefined : blocks.index.resourceNamed(type, home, name);
      configs.set(address, resource === undefined ? undefined : blocks.blockOf(resource) as Block | undefined);
    }
    return configs.get(address);
  };
  const visited = new Set<string>();
  for (const { address, item } of starts) {
    const queue: Array<readonly string[]> = [[address]];
    visited.add(address);
    while (queue.length > 0) {
      const chain = queue.shift()!;
      for (const reference of findReferences(configOf(chain[chain.length - 1]))) {
        const read = referencedObject(reference);
        if (owned.has(read)) {
          return { item, chain: [...chain, read] };
        }
        if (!visited.has(read) && configOf(read) !== undefined) {
          visited.add(read);
          queue.push([...chain, read]);
        }
      }
    }
  }
  return undefined;
}
