import { TerraformModule, TerraformResource, TerraformStack } from 'cdktf';
import { ApiFamily, ApiResourceBlock } from './api-family';
import { apiLookedUpBy } from './api-lookups';
import { BlockSource } from './block-source';
import { compare } from './canonical-json';
import { CrossStackExpressions } from './cross-stack-expressions';
import { Block } from './rendered-blocks';
import { everyStackPrepared } from './stack-blocks';
import { StackScan } from './stack-scan';
import { resolveIn } from '../core/resolve';
import { stackDependsOn } from '../core/stack-dependencies';

/** One Terraform resource with its configuration as it will be synthesized. */
export interface SnapshotResource extends ApiResourceBlock {
  /**
   * Its trigger key: the address, prefixed with the stack's path and `/` for a resource of
   * another stack (`api-stack/aws_api_gateway_method.get`).
   */
  readonly key: string;
  readonly construct: TerraformResource;
  /** The stack it belongs to. */
  readonly stack: TerraformStack;
}

/** A module, or a resource of a type that is not the API's, in a stack where the API's resources may be. */
export interface SnapshotElement {
  readonly construct: TerraformResource | TerraformModule;
  /** `module.name` or `type.name`. */
  readonly address: string;
  /** The resource type; undefined for a module. */
  readonly type?: string;
  readonly config?: Block;
  /**
   * For a resource of one of the API's types configured with this API: the API id an
   * escape-hatch override gives it instead (it is then not the API's).
   */
  readonly overriddenApiId?: unknown;
  /**
   * For a resource of one of the API's types that discovery did not take: its API id argument,
   * when that reaches the API only indirectly (through a local value, a data source or a function).
   */
  readonly indirectApiId?: unknown;
}

/** A stack where the API's resources may be. */
export interface SnapshotStack {
  readonly stack: TerraformStack;
  /** The expressions that name the API in this stack, without `${}`: its id first (and, in its own stack, its other attributes). */
  readonly apiExpressions: readonly string[];
  /** The API's address, in its own stack (where any of its attributes names it); undefined elsewhere. */
  readonly apiAddress?: string;
  /** With the `check` depth: every module and every other resource of the stack, for the blind-spot warnings. */
  readonly others: readonly SnapshotElement[];
  /** With the `check` depth: the addresses of the family's types that a stack override adds (no construct: discovery cannot see them). */
  readonly addedByOverride?: readonly string[];
}

/** What a trigger computation reads: the API, its resources and where they are, resolved once. */
export interface ApiSnapshot {
  /** The stack the triggers are written to. */
  readonly home: TerraformStack;
  /** The API's own block; undefined for an API given by id. */
  readonly api?: SnapshotResource;
  /** The API (first), the discovered resources (by key) and the given ones, each once. */
  readonly resources: readonly SnapshotResource[];
  /** The stacks the API's resources were looked for in (none without discovery). */
  readonly stacks: readonly SnapshotStack[];
  /**
   * For an API given by its id without discovery: the resources of the deployment's stack whose API id
   * argument is that id, none of them given in `resources` (what a change of which would not redeploy).
   */
  readonly namingTheId: readonly TerraformResource[];
  /** The addresses of the resources with `for_each` in a stack of the resources (listed when first asked). */
  forEachAddresses(stack: TerraformStack): ReadonlySet<string>;
}

/** What the triggers are computed from. */
export interface TriggerSources {
  /** The API, when the owner knows it; undefined for an API given by id. */
  readonly api?: TerraformResource;
  /** Whether to find the API's resources by their API id argument. */
  readonly autoDiscover: boolean;
  /** Resources to hash in addition to the discovered ones. */
  readonly resources: readonly TerraformResource[];
  /**
   * For an API given by its id: the id as the deployment renders it in its stack (`${data.x.y.id}`),
   * by which the resources of that stack that name the same id are found.
   */
  readonly apiIdExpression?: string;
  /**
   * For an API given by its id: the other expressions that stand for it in the deployment's stack (what a
   * local value given as the id holds, the local values that hold the id), by which its resources may name it.
   */
  readonly apiIdAliases?: readonly string[];
  /**
   * For an API given by its id without discovery: the API resource of another stack of the app that
   * the id names, whose resources there are named in the warning (`namingTheId`).
   */
  readonly apiElsewhere?: TerraformResource;
}

/**
 * How much to gather: `compute` the API and its resources; `check` also every other module and
 * resource of the stacks where they may be, for the blind-spot warnings.
 */
export type SnapshotDepth = 'check' | 'compute';

/** The API id expression of a stack that reads no id of the API across stacks: no reference equals it. */
const NOT_READ = '(the API id is not read in this stack)';

/** The Terraform address of a resource: `type.name`. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/** A trigger key for an address of `stack`: the address itself at home, else prefixed with the stack's path. */
export function keyInHome(stack: TerraformStack, address: string, home: TerraformStack): string {
  return stack === home ? address : `${stack.node.path}/${address}`;
}

/**
 * Gathers the snapshot: the API's block; with discovery, the stacks where its resources may be
 * and every resource of the family's types there that names the API; the given resources.
 */
export function gatherSnapshot(
  family: ApiFamily,
  sources: TriggerSources,
  blocks: BlockSource,
  expressions: CrossStackExpressions,
  depth: SnapshotDepth,
): ApiSnapshot {
  const home = blocks.home;
  const collected = new Map<TerraformResource, SnapshotResource>();
  const add = (
    resource: TerraformResource,
    stack = TerraformStack.of(resource),
    config = blocks.blockOf(resource, stack),
    address = addressOf(resource),
  ) => {
    if (config !== undefined && !collected.has(resource)) {
      collected.set(resource, {
        key: keyInHome(stack, address, home),
        address,
        type: resource.terraformResourceType,
        construct: resource,
        stack,
        config,
      });
    }
  };
  let stacks: SnapshotStack[] = [];
  if (sources.api) {
    add(sources.api);
    if (sources.autoDiscover) {
      stacks = stacksOfApi(family, sources.api, blocks, expressions);
      discover(family, stacks, blocks, expressions).forEach(({ resource, stack, config, address }) => add(resource, stack, config, address));
    }
  }
  // An API given by its id: the resources of this stack that name the same id are its resources.
  const { resources: namingTheId, api: apiNamedById } = sources.api === undefined && sources.apiIdExpression !== undefined
    ? resourcesNamingTheId(family, blocks, home, sources.apiIdExpression, sources.apiIdAliases ?? [])
    : { resources: [], api: undefined };
  if (sources.autoDiscover) {
    // The app's API resource the id names is hashed as an API given as the construct is.
    if (apiNamedById !== undefined) {
      add(apiNamedById, home);
    }
    namingTheId.forEach((resource) => add(resource, home));
  }
  sources.resources.forEach((resource) => add(resource));
  // Without discovery, the resources of the API's stack that name it (given as the construct, or by the id of one of another stack).
  const named = sources.apiElsewhere ?? (sources.autoDiscover ? undefined : sources.api);
  const namingElsewhere = named === undefined ? []
    : StackScan.of(blocks, TerraformStack.of(named), family).resourcesNamingThrough([`\${${addressOf(named)}.id}`], new Set());
  if (depth === 'check') {
    stacks = stacks.map((apiStack) => {
      // Resolving the other elements of another stack registers their references: the API's id may be read there then.
      StackScan.of(blocks, apiStack.stack, family).indexForBlindSpots();
      const apiExpressions = apiStack.apiExpressions[0] === NOT_READ && sources.api
        ? [expressions.existingIn(apiStack.stack, `${addressOf(sources.api)}.id`, TerraformStack.of(sources.api)) ?? NOT_READ]
        : apiStack.apiExpressions;
      const withExpressions = { ...apiStack, apiExpressions: [...apiExpressions, ...namingExpressions(family, apiStack, collected, expressions)] };
      const scan = StackScan.of(blocks, apiStack.stack, family);
      return { ...withExpressions, others: othersOf(family, withExpressions, collected, blocks), addedByOverride: scan.addedByStackOverride() };
    });
  }
  const resources = [...collected.values()];
  return {
    home,
    api: sources.api ? collected.get(sources.api) : undefined,
    resources,
    stacks,
    forEachAddresses: (stack) => StackScan.of(blocks, stack, family).forEachAddresses(),
    namingTheId: sources.autoDiscover ? [] : [...namingTheId, ...namingElsewhere].filter((resource) => !collected.has(resource)),
  };
}

/**
 * For an API given by its id: the resources of the stack that name that id, and, where the id reaches
 * an API resource of the stack through data sources or local values (a data source that looks the
 * API up by its name), those that name that API's id.
 */
function resourcesNamingTheId(
  family: ApiFamily, blocks: BlockSource, stack: TerraformStack, apiIdExpression: string, aliases: readonly string[],
): { resources: TerraformResource[]; api?: TerraformResource } {
  const scan = StackScan.of(blocks, stack, family);
  const pending = [apiIdExpression, ...aliases];
  let api: TerraformResource | undefined;
  for (const reference of scan.reachedBy(apiIdExpression)) {
    // One instance of a counted API (`aws_apigatewayv2_api.api["0"].id`) is that API too.
    const [, type, name] = /^([\w-]+)\.([\w-]+)/.exec(reference) ?? [];
    // A data source that looks up an API of the stack by its literal name names that API too.
    const lookedUp = type === 'data' ? apiLookedUpBy(blocks.index, stack, reference) : undefined;
    if (lookedUp !== undefined && lookedUp.terraformResourceType === family.apiType) {
      pending.push(`\${${family.apiType}.${lookedUp.friendlyUniqueId}.id}`);
      api ??= lookedUp;
    } else if (type === family.apiType && name !== undefined) {
      pending.push(`\${${type}.${name}.id}`);
      api ??= blocks.index.resourceNamed(type, stack, name);
    }
  }
  // As discovery does: the resources naming the id, and those naming the API id argument of one found so (`pets.restApiId`).
  return { resources: scan.resourcesNamingThrough(pending, new Set()), api };
}

/**
 * The other expressions that name the API in a stack: the API id argument of each of its resources
 * there (`aws_api_gateway_resource.pets.rest_api_id`, given to a module as `pets.restApiId`) and, in
 * its own stack, the API resource itself (`api.fqn`).
 */
function namingExpressions(
  family: ApiFamily, apiStack: SnapshotStack, collected: ReadonlyMap<TerraformResource, SnapshotResource>, expressions: CrossStackExpressions,
): string[] {
  const found: string[] = apiStack.apiAddress === undefined ? [] : [apiStack.apiAddress];
  for (const item of collected.values()) {
    const argument = `${item.address}.${family.apiIdArgument}`;
    // In another stack, the argument as this stack reads it, if it does (a cross-stack reference).
    const named = item.stack === apiStack.stack ? argument : expressions.existingIn(apiStack.stack, argument, item.stack);
    if (named !== undefined && item.address !== apiStack.apiAddress) {
      found.push(named);
    }
  }
  return found;
}

/**
 * The stacks of the app that can hold resources of `api`: its own stack, the home stack, and
 * every other stack that depends on the API's stack (a cross-stack reference is the only way
 * another stack can name the API), each with the expression its id has there.
 */
function stacksOfApi(family: ApiFamily, api: TerraformResource, blocks: BlockSource, expressions: CrossStackExpressions): SnapshotStack[] {
  const apiStack = TerraformStack.of(api);
  const apiAddress = addressOf(api);
  const apiId = `${apiAddress}.id`;
  const found: SnapshotStack[] = [];
  registerCrossStackReferences(family, blocks);
  for (const stack of blocks.index.stacks()) {
    if (stack === apiStack) {
      found.push({ stack, apiExpressions: family.apiAttributes.map((attribute) => `${apiAddress}.${attribute}`), apiAddress, others: [] });
    } else if (stack === blocks.home || stackDependsOn(stack, apiStack)) {
      found.push({ stack, apiExpressions: [expressions.existingIn(stack, apiId, apiStack) ?? NOT_READ], others: [] });
    }
  }
  return found;
}

/**
 * Preparing before every stack of `App.synth()` is (outside it, or a check that runs early because a
 * stack reads `triggersInput` while it is prepared): resolves the
 * family's resources of every stack, once per pass, which registers their cross-stack references
 * first (how the API's id reads in a stack, and which stacks depend on the API's, is known only
 * once a resource of the stack has read it).
 */
function registerCrossStackReferences(family: ApiFamily, blocks: BlockSource): void {
  if (!blocks.preparing || everyStackPrepared(blocks.index)) {
    return;
  }
  for (const stack of blocks.index.stacks()) {
    const scan = StackScan.of(blocks, stack, family);
    blocks.index.memo(scan, () => scan.resourcesOfTypes().forEach((resource) => blocks.blockOf(resource, stack)));
  }
}

/**
 * Every resource of the stacks of a type that needs a redeploy and whose API id argument names the
 * API, by key: by the API's id, or by the API id argument of a resource found so
 * (`rest_api_id = aws_api_gateway_resource.pets.rest_api_id`), however many steps away.
 */
function discover(family: ApiFamily, stacks: readonly SnapshotStack[], blocks: BlockSource, expressions: CrossStackExpressions) {
  const found: Array<{ resource: TerraformResource; stack: TerraformStack; config: Block; address: string; key: string }> = [];
  const seen = new Set<TerraformResource>();
  const follow = (stack: TerraformStack, pending: readonly string[]) => {
    const added = StackScan.of(blocks, stack, family).resourcesNamingThrough(pending.map((expression) => `\${${expression}}`), seen).map((resource) => {
      const address = addressOf(resource);
      return { resource, stack, config: blocks.blockOf(resource, stack)!, address, key: keyInHome(stack, address, blocks.home) };
    });
    found.push(...added);
    return added;
  };
  let added = stacks.flatMap(({ stack, apiExpressions }) => follow(stack, [apiExpressions[0]]));
  // A resource of another stack named through a cross-stack reference to such an argument (`pets.restApiId` read in another stack).
  while (added.length > 0 && stacks.length > 1) {
    const next: typeof found = [];
    for (const { stack } of stacks) {
      const pending = added.filter((item) => item.stack !== stack)
        .map((item) => expressions.existingIn(stack, `${item.address}.${family.apiIdArgument}`, item.stack))
        .filter((expression): expression is string => expression !== undefined);
      next.push(...(pending.length > 0 ? follow(stack, pending) : []));
    }
    added = next;
  }
  return found.sort((a, b) => compare(a.key, b.key));
}

/**
 * The modules and the resources of `apiStack` that discovery did not take and that may name the
 * API where discovery cannot see, with what the blind-spot check needs (found through the stack's
 * scan: never a walk of the stack per deployment).
 */
function othersOf(
  family: ApiFamily,
  apiStack: SnapshotStack,
  collected: ReadonlyMap<TerraformResource, SnapshotResource>,
  blocks: BlockSource,
): SnapshotElement[] {
  const others: SnapshotElement[] = [];
  const scan = StackScan.of(blocks, apiStack.stack, family);
  for (const construct of scan.blindSpotCandidates(apiStack.apiExpressions, apiStack.apiAddress)) {
    if (construct instanceof TerraformModule) {
      others.push({ construct, address: `module.${construct.friendlyUniqueId}`, config: blocks.blockOf(construct, apiStack.stack) });
    } else if (TerraformResource.isTerraformResource(construct) && !collected.has(construct)) {
      const type = construct.terraformResourceType;
      const element = { construct, address: addressOf(construct), type };
      if (family.redeployTypes.has(type)) {
        const overridden = overriddenApiId(family, construct, apiStack, blocks);
        const indirectly = overridden === undefined ? indirectApiId(family, construct, apiStack, blocks, scan) : undefined;
        others.push({ ...element, overriddenApiId: overridden, indirectApiId: indirectly });
      } else if (!family.typesWithoutRedeploy.has(type)) {
        others.push({ ...element, config: blocks.blockOf(construct, apiStack.stack) });
      }
    }
  }
  return others;
}

/**
 * The API id an escape-hatch override gives a resource that was configured with the API's id;
 * undefined when there is no such override.
 */
function overriddenApiId(family: ApiFamily, resource: TerraformResource, apiStack: SnapshotStack, blocks: BlockSource): unknown {
  const escapeHatch = resource as unknown as { rawOverrides?: Block; synthesizeAttributes(): Block };
  if (escapeHatch.rawOverrides?.[family.apiIdArgument] === undefined) {
    return undefined;
  }
  const rendered = blocks.blockOf(resource, apiStack.stack)?.[family.apiIdArgument];
  const configured = resolveIn(resource, escapeHatch.synthesizeAttributes()[family.apiIdArgument], false);
  const apiInterpolation = `\${${apiStack.apiExpressions[0]}}`;
  return configured === apiInterpolation && rendered !== apiInterpolation ? rendered : undefined;
}

/** The API id argument of an undiscovered resource when it reaches the API indirectly; undefined otherwise. */
function indirectApiId(
  family: ApiFamily,
  resource: TerraformResource,
  apiStack: SnapshotStack,
  blocks: BlockSource,
  scan: StackScan,
): unknown {
  const block = blocks.blockOf(resource, apiStack.stack);
  const apiId = block?.[family.apiIdArgument];
  const { apiExpressions, apiAddress } = apiStack;
  const naming = scan.expressionsNamingApi(apiExpressions);
  const isApi = (reference: string) => naming.has(reference) || (apiAddress !== undefined && reference.startsWith(`${apiAddress}.`));
  return apiId !== undefined && [...scan.reachedBy(apiId, block?.for_each)].some(isApi) ? apiId : undefined;
}
