import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiSnapshot, SnapshotResource } from './api-snapshot';
import { BlockSource } from './block-source';
import { referencedObject } from './reference-entries';
import { Block } from './rendered-blocks';
import { findReferences } from './terraform-references';
import { localValue } from '../core/locals';
import { resolveIn } from '../core/resolve';

/** What reads a resource the deployment construct made (an API resource, or a user trigger), and the addresses from it to that resource. */
export interface SelfReference {
  /** The API resource; undefined for a user trigger. */
  readonly item?: SnapshotResource;
  /** The reader (`type.name`, or `triggers.<key>`) first, then the addresses read one after the other, the construct's resource last. */
  readonly chain: readonly string[];
}

/**
 * The first API resource of the deployment's stack, or user trigger (`userTriggers`, resolved in the
 * stack), or `depends_on` entry of a deployment (`dependsOn`: by reader, `deployment.dependsOn`), that reads a resource the deployment construct made (its deployment, a stage), directly or
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
  dependsOn: ReadonlyMap<string, { readonly of: string; readonly addresses: readonly string[] }> = new Map(),
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
  // What each start must not reach: any resource of the construct (they all wait for the deployment), or, from what one of
  // them waits for, that resource and those of the construct that wait for it.
  const starts: Array<{ readonly address: string; readonly item?: SnapshotResource; readonly targets?: ReadonlySet<string> }> =
    items.map((item) => ({ address: item.address, item }));
  for (const [key, value] of userTriggers) {
    configs.set(`triggers.${key}`, value);
    starts.push({ address: `triggers.${key}` });
  }
  const configOf = (address: string): unknown => {
    if (!configs.has(address)) {
      configs.set(address, configIn(blocks, home, address));
    }
    return configs.get(address);
  };
  // What a resource of the construct waits for (its depends_on, the user's), as a reference to each.
  for (const [reader, { of, addresses }] of dependsOn) {
    configs.set(reader, addresses.map((address) => `\${${address}}`));
    starts.push({ address: reader, targets: waitingFor(of, owned, configOf) });
  }
  const visited = new Set<string>();
  for (const { address, item, targets } of starts) {
    const queue: Array<readonly string[]> = [[address]];
    visited.add(address);
    while (queue.length > 0) {
      const chain = queue.shift()!;
      const config = configOf(chain[chain.length - 1]);
      // What a resource waits for (its depends_on, bare addresses) is read as well as what it references.
      const waitsFor = (config as { depends_on?: unknown } | undefined)?.depends_on;
      const dependencies = Array.isArray(waitsFor) ? waitsFor.filter((entry): entry is string => typeof entry === 'string') : [];
      for (const reference of [...findReferences(config), ...dependencies]) {
        const read = referencedObject(reference);
        if ((targets ?? owned).has(read)) {
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

/**
 * `of` and the resources of the construct (`owned`) that read it, directly or through each other: what waits for it.
 * Every one waits for a deployment; a deployment waits for none of them (its block, whose triggers are being computed, is not read).
 */
function waitingFor(of: string, owned: ReadonlySet<string>, configOf: (address: string) => unknown): ReadonlySet<string> {
  if (DEPLOYMENT_TYPES.includes(of.split('.')[0])) {
    return owned;
  }
  const waiting = new Set([of]);
  const others = [...owned].filter((address) => !DEPLOYMENT_TYPES.includes(address.split('.')[0]));
  for (let grown = true; grown;) {
    grown = false;
    for (const address of others) {
      if (!waiting.has(address) && findReferences(configOf(address)).some((reference) => waiting.has(referencedObject(reference)))) {
        waiting.add(address);
        grown = true;
      }
    }
  }
  return waiting;
}

const DEPLOYMENT_TYPES = ['aws_api_gateway_deployment', 'aws_apigatewayv2_deployment'];

/**
 * What `address` holds in `stack`, for following references: a resource's or a data source's block,
 * a local value's value (resolved); undefined for anything else (a variable, a module).
 */
function configIn(blocks: BlockSource, stack: TerraformStack, address: string): unknown {
  const parts = address.split('.');
  if (parts[0] === 'local') {
    const held = localValue(stack, parts[1]);
    try {
      return held === undefined ? undefined : resolveIn(stack, held, blocks.preparing);
    } catch {
      return undefined; // what cannot be resolved here is checked where it is used
    }
  }
  if (parts[0] === 'data') {
    const source = dataSourcesOf(blocks, stack).get(address);
    return source === undefined ? undefined : blocks.blockOf(source as TerraformElement, stack) as Block | undefined;
  }
  const resource = blocks.index.resourceNamed(parts[0], stack, parts[1]);
  return resource === undefined ? undefined : blocks.blockOf(resource) as Block | undefined;
}

/** The stack's data sources by address (`data.<type>.<name>`), listed once per app generation. */
function dataSourcesOf(blocks: BlockSource, stack: TerraformStack): ReadonlyMap<string, IConstruct> {
  return blocks.index.appMemo(`self-references: data sources of ${stack.node.path}`, () => {
    const found = new Map<string, IConstruct>();
    for (const construct of blocks.index.constructsOf(stack)) {
      if (TerraformDataSource.isTerraformDataSource(construct)) {
        found.set(`data.${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
      }
    }
    return found;
  });
}
