import { TerraformDataSource, TerraformElement, TerraformModule, TerraformResource, TerraformStack } from 'cdktf';
import { ApiFamily } from './api-family';
import { BlockSource } from './block-source';
import { IndirectReferences } from './indirect-references';
import { BlockReader } from './rendered-blocks';
import { findReferences } from './terraform-references';
import { camelCase } from '../core/case';
import { rawOverridesOf } from '../core/configured';
import { madeByLibraryConstruct } from '../core/deployment-marker';
import { listIn } from '../core/list-in';
import { ownerOfResource } from '../core/owned-resources';
import { resolveIn } from '../core/resolve';
import { stackGeneration } from '../core/tree-changes';

/**
 * What every deployment of a kind of API needs to know about one stack, read once per pass for
 * all of them: the resources of the kind's types by the API they name (discovery is a look-up, not a
 * walk of the stack per deployment), the addresses with `for_each`, and, for the blind-spot check,
 * the elements by the references they make.
 */
export class StackScan {
  /** The scan of `stack` for `family` as `blocks` reads it, made once per pass (per reader of the stack's blocks). */
  public static of(blocks: BlockSource, stack: TerraformStack, family: ApiFamily): StackScan {
    const reader = blocks.readerOf(stack);
    let byFamily = SCANS.get(reader);
    if (byFamily === undefined) {
      byFamily = new Map();
      SCANS.set(reader, byFamily);
    }
    let scan = byFamily.get(family);
    // Made again once the stack has changed (an Aspect made a resource).
    if (scan === undefined || scan.generation !== stackGeneration(stack)) {
      scan = new StackScan(family, stack, blocks);
      byFamily.set(family, scan);
    }
    return scan;
  }

  private byApiId?: Map<string, TerraformResource[]>;
  private othersByApiId?: Map<string, TerraformResource[]>;
  private throughOthers?: boolean;
  /** Whether an API id argument of the family's types reaches the API id attribute of a resource of another type. */
  private reachesOthers?: boolean;
  private forEach?: ReadonlySet<string>;
  private constructAddresses?: ReadonlySet<string>;
  private blindSpots?: BlindSpotIndex;

  private readonly generation: number;

  private constructor(private readonly family: ApiFamily, private readonly stack: TerraformStack, private readonly blocks: BlockSource) {
    this.generation = stackGeneration(stack);
  }

  /** The resources of the family's types, in construct order. */
  public resourcesOfTypes(): readonly TerraformResource[] {
    return this.blocks.elementsOf(this.stack).filter((element): element is TerraformResource =>
      TerraformResource.isTerraformResource(element) && this.family.redeployTypes.has(element.terraformResourceType));
  }

  /** The resources of the family's types whose API id argument is `apiId` as rendered (`${aws_x.y.id}`), in construct order. */
  public resourcesNaming(apiId: string): readonly TerraformResource[] {
    if (this.byApiId === undefined) {
      this.byApiId = new Map();
      for (const resource of this.resourcesOfTypes()) {
        const block = this.blocks.blockOf(resource, this.stack);
        const named = block?.[this.family.apiIdArgument];
        if (typeof named === 'string') {
          listIn(this.byApiId, named, resource);
          // `${aws_x.y[0].rest_api_id}`: one instance's API id is the resource's (discovery follows `${aws_x.y.rest_api_id}`).
          const instance = INSTANCE_API_ID.exec(named);
          if (instance !== null) {
            listIn(this.byApiId, `\${${instance[1]}.${instance[2]}}`, resource);
          }
          // `${each.value.api_id}` over `for_each = aws_x.y` (TerraformIterator.fromResources): each instance names aws_x.y's API.
          const eachValue = EACH_VALUE_API_ID.exec(named);
          const overResource = typeof block!.for_each === 'string' ? WHOLE_RESOURCE.exec(block!.for_each) : null;
          if (eachValue !== null && overResource !== null) {
            listIn(this.byApiId, `\${${overResource[1]}.${eachValue[1]}}`, resource);
          }
        }
      }
    }
    return this.byApiId.get(apiId) ?? [];
  }

  /**
   * The addresses of the family's types that the stack's overrides add (`stack.addOverride('resource.aws_x.y', {...})`)
   * where no resource construct has that address, sorted.
   */
  public addedByStackOverride(): readonly string[] {
    const overridden: unknown = rawOverridesOf(this.stack)?.resource;
    if (overridden === null || typeof overridden !== 'object') {
      return [];
    }
    this.constructAddresses ??= new Set(this.resourcesOfTypes().map((resource) => `${resource.terraformResourceType}.${resource.friendlyUniqueId}`));
    const added: string[] = [];
    for (const [type, names] of Object.entries(overridden as Record<string, unknown>)) {
      if (this.family.redeployTypes.has(type) && names !== null && typeof names === 'object') {
        added.push(...Object.keys(names).map((name) => `${type}.${name}`).filter((address) => !this.constructAddresses!.has(address)));
      }
    }
    return added.sort();
  }

  /**
   * The resources of the family's types that name one of `apiIds` (as rendered: `${aws_x.y.id}`), or the
   * API id argument of a resource found so (`${aws_api_gateway_resource.pets.rest_api_id}`), however
   * many steps away, in the order found; those in `seen` are passed over, and the found ones added to it.
   */
  public resourcesNamingThrough(apiIds: readonly string[], seen: Set<TerraformResource>): TerraformResource[] {
    const pending = [...apiIds];
    const found: TerraformResource[] = [];
    const followed = new Set<TerraformResource>();
    const apiIdOf = (resource: TerraformResource) => `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${this.family.apiIdArgument}}`;
    while (pending.length > 0) {
      const apiId = pending.pop()!;
      for (const resource of this.resourcesNaming(apiId)) {
        if (!seen.has(resource)) {
          seen.add(resource);
          found.push(resource);
          pending.push(apiIdOf(resource));
        }
      }
      // A resource of another type with the same API id argument (a stage, a deployment, method settings) names the API too:
      // a resource whose API id is its attribute (`restApiId: stage.restApiId`) is the API's (looked for only where one is so named).
      for (const other of this.namesThroughOthers() ? this.othersNaming(apiId) : []) {
        if (!followed.has(other)) {
          followed.add(other);
          pending.push(apiIdOf(other));
        }
      }
    }
    return found;
  }

  /** Whether a resource of the family's types names its API by the API id attribute of a resource of another type (`${aws_api_gateway_stage.x.rest_api_id}`). */
  private namesThroughOthers(): boolean {
    if (this.throughOthers === undefined) {
      this.resourcesNaming('');
      const attribute = new RegExp(`^\\$\\{(aws_api_?gateway\\w*)\\.[\\w-]+\\.${this.family.apiIdArgument}\\}$`);
      this.throughOthers = [...this.byApiId!.keys()].some((key) => {
        const type = attribute.exec(key)?.[1];
        return type !== undefined && !this.family.redeployTypes.has(type);
      });
    }
    return this.throughOthers;
  }

  /**
   * The API Gateway resources of types not discovered (stages, deployments, method settings) whose API id
   * argument (the family's name for it) is `apiId` as rendered. A resource a construct made is read by its
   * API id alone (its block, a deployment's triggers, is what is being computed).
   */
  public othersNaming(apiId: string): readonly TerraformResource[] {
    if (this.othersByApiId === undefined) {
      this.othersByApiId = new Map();
      const input = `${camelCase(this.family.apiIdArgument)}Input`;
      for (const element of this.blocks.elementsOf(this.stack)) {
        const type = TerraformResource.isTerraformResource(element) ? element.terraformResourceType : '';
        if (!/^aws_api_?gateway/.test(type) || this.family.redeployTypes.has(type)) {
          continue;
        }
        const given = (element as unknown as Record<string, unknown>)[input];
        const named = ownerOfResource(element) !== undefined
          ? (given === undefined ? undefined : resolveIn(this.stack, given, this.blocks.preparing))
          : this.blocks.blockOf(element, this.stack)?.[this.family.apiIdArgument];
        if (typeof named === 'string') {
          listIn(this.othersByApiId, named, element as TerraformResource);
        }
      }
    }
    return this.othersByApiId.get(apiId) ?? [];
  }

  /** The addresses of the stack's resources and data sources (`data.<type>.<name>`) with `for_each`. */
  public forEachAddresses(): ReadonlySet<string> {
    this.forEach ??= new Set(this.blocks.elementsOf(this.stack).flatMap((element) => {
      if (TerraformResource.isTerraformResource(element) && element.forEach !== undefined) {
        return [`${element.terraformResourceType}.${element.friendlyUniqueId}`];
      }
      return TerraformDataSource.isTerraformDataSource(element) && element.forEach !== undefined
        ? [`data.${element.terraformResourceType}.${element.friendlyUniqueId}`] : [];
    }));
    return this.forEach;
  }

  /**
   * The modules and resources that may name the API where discovery cannot see (not made by the
   * library's deployment constructs), in construct order: those whose configuration references one
   * of `apiExpressions` (a module's, directly or through local values and data sources), those of the family's types whose API id argument an override sets, and
   * those whose API id argument reaches `apiExpressions[0]` (or, in the API's own stack, any attribute
   * of `apiAddress`) through local values, data sources or functions.
   */
  public blindSpotCandidates(apiExpressions: readonly string[], apiAddress: string | undefined): TerraformElement[] {
    const index = this.blindSpotIndex();
    const found = new Set<TerraformElement>(index.overridden);
    const add = (elements: readonly TerraformElement[] | undefined) => elements?.forEach((element) => found.add(element));
    apiExpressions.forEach((expression) => add(index.byReference.get(expression)));
    this.expressionsNamingApi(apiExpressions).forEach((expression) => add(index.reaching.get(expression)));
    if (apiAddress !== undefined) {
      add(index.reachingAddress.get(apiAddress));
    }
    return [...found].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  }

  /**
   * The expressions (without `${}`) an API id argument that reaches one of them names the API by:
   * `apiExpressions` (its id first, the API id argument of each of its resources), and the API id
   * argument of each stage, deployment or method settings resource of the stack whose API id is the
   * API's (`aws_api_gateway_stage.manual.rest_api_id`). Those are looked for only where an API id
   * argument reaches such an attribute (through a local value, a data source or a function).
   */
  public expressionsNamingApi(apiExpressions: readonly string[]): ReadonlySet<string> {
    const found = new Set(apiExpressions);
    if (this.reachesOthers === undefined) {
      const attribute = new RegExp(`^(aws_api_?gateway\\w*)\\.[\\w-]+\\.${this.family.apiIdArgument}$`);
      this.reachesOthers = [...this.blindSpotIndex().reaching.keys()].some((reference) => {
        const type = attribute.exec(reference)?.[1];
        return type !== undefined && !this.family.redeployTypes.has(type);
      });
    }
    if (this.reachesOthers && apiExpressions.length > 0) {
      for (const other of this.othersNaming(`\${${apiExpressions[0]}}`)) {
        found.add(`${other.terraformResourceType}.${other.friendlyUniqueId}.${this.family.apiIdArgument}`);
      }
    }
    return found;
  }

  /** The resources of the family's types whose API id argument reaches `reference` (`data.aws_api_gateway_rest_api.x.id`), directly or indirectly. */
  public reaching(reference: string): readonly TerraformElement[] {
    return this.blindSpotIndex().reaching.get(reference) ?? [];
  }

  /**
   * Every reference an API id argument's value reaches, directly or through the stack's local values
   * and data sources (`IndirectReferences`), once per value; for a value of the resource's iterator
   * (`each.value.api`), what its `for_each` reaches too.
   */
  public reachedBy(apiId: unknown, forEach?: unknown): ReadonlySet<string> {
    return reachedThroughIterator(this.blindSpotIndex(), apiId, forEach);
  }

  /** Resolves, once, the elements the blind-spot check reads (which registers their cross-stack references while preparing). */
  public indexForBlindSpots(): void {
    this.blindSpotIndex();
  }

  private blindSpotIndex(): BlindSpotIndex {
    this.blindSpots ??= this.indexBlindSpots();
    return this.blindSpots;
  }

  private indexBlindSpots(): BlindSpotIndex {
    const family = this.family;
    const index: BlindSpotIndex = {
      order: new Map(),
      byReference: new Map(),
      overridden: [],
      reaching: new Map(),
      reachingAddress: new Map(),
      indirect: new IndirectReferences(this.stack, this.blocks),
      reachedByValue: new Map(),
    };
    this.blocks.elementsOf(this.stack).forEach((element, position) => {
      index.order.set(element, position);
      // What the library's deployment constructs create gets no warning (and another construct's deployment must not be resolved here).
      if (madeByLibraryConstruct(element)) {
        return;
      }
      const type = TerraformResource.isTerraformResource(element) ? element.terraformResourceType : undefined;
      if (element instanceof TerraformModule || (type !== undefined && !family.redeployTypes.has(type) && !family.typesWithoutRedeploy.has(type))) {
        const config = this.blocks.blockOf(element, this.stack);
        const direct = config === undefined ? [] : findReferences(config);
        direct.forEach((reference) => listIn(index.byReference, reference, element));
        if (element instanceof TerraformModule && config !== undefined) {
          // A module's inputs are followed through local values and data sources (one that looks the API up by its name).
          const followed = new Set(index.indirect.reached(config));
          direct.forEach((reference) => followed.delete(reference));
          followed.forEach((reference) => listIn(index.byReference, reference, element));
          followed.forEach((reference) => listIn(index.reachingAddress, addressPart(reference) ?? reference, element));
        }
        return;
      }
      if (type === undefined || !family.redeployTypes.has(type)) {
        return;
      }
      if (rawOverridesOf(element)?.[family.apiIdArgument] !== undefined) {
        index.overridden.push(element);
      }
      const block = this.blocks.blockOf(element, this.stack);
      const apiId = block?.[family.apiIdArgument];
      if (apiId === undefined) {
        return;
      }
      for (const reference of reachedThroughIterator(index, apiId, block?.for_each)) {
        listIn(index.reaching, reference, element);
        const address = addressPart(reference);
        if (address !== undefined) {
          listIn(index.reachingAddress, address, element);
        }
      }
    });
    return index;
  }
}

/** The blind-spot check's view of one stack. */
interface BlindSpotIndex {
  /** Each element's position in construct order. */
  readonly order: Map<TerraformElement, number>;
  /** Modules and resources of types the family does not know, by each reference their configuration makes. */
  readonly byReference: Map<string, TerraformElement[]>;
  /** Resources of the family's types whose API id argument an escape-hatch override sets. */
  readonly overridden: TerraformElement[];
  /** Resources of the family's types by each reference their API id argument reaches. */
  readonly reaching: Map<string, TerraformElement[]>;
  /** The same, by the address (`type.name`) of each attribute reference it reaches. */
  readonly reachingAddress: Map<string, TerraformElement[]>;
  readonly indirect: IndirectReferences;
  /** What each API id value reaches (`reachedBy`), by its JSON. */
  readonly reachedByValue: Map<string, ReadonlySet<string>>;
}

/** What `apiId` reaches in the stack of `index`, followed once per value. */
function reachedIn({ reachedByValue, indirect }: BlindSpotIndex, apiId: unknown): ReadonlySet<string> {
  const key = JSON.stringify(apiId);
  let reached = reachedByValue.get(key);
  if (reached === undefined) {
    reached = indirect.reached(apiId);
    reachedByValue.set(key, reached);
  }
  return reached;
}

/** What `apiId` reaches, and, when it is a value of the resource's iterator (`each.value...`, `each.key`), what the `for_each` it iterates reaches. */
function reachedThroughIterator(index: BlindSpotIndex, apiId: unknown, forEach: unknown): ReadonlySet<string> {
  const reached = reachedIn(index, apiId);
  if (forEach === undefined || !/\beach\.(value|key)\b/.test(JSON.stringify(apiId))) {
    return reached;
  }
  return new Set([...reached, ...reachedIn(index, forEach)]);
}

/** `type.name` of a reference to an attribute of a resource (`type.name.attribute...`); undefined for anything shorter. */
function addressPart(reference: string): string | undefined {
  const first = reference.indexOf('.');
  const second = first < 0 ? -1 : reference.indexOf('.', first + 1);
  return second < 0 ? undefined : reference.slice(0, second);
}

const SCANS = new WeakMap<BlockReader, Map<ApiFamily, StackScan>>();

/** The API id argument of one instance of a resource with `count` or `for_each`: `${aws_x.y[0].api_id}`, `${aws_x.y["k"].rest_api_id}`. */
/** The API id argument of the value a `for_each` iterates over: `${each.value.api_id}`. */
const EACH_VALUE_API_ID = /^\$\{each\.value\.(rest_api_id|api_id)\}$/;
/** A `for_each` over a whole resource's instances: `${aws_x.y}`. */
const WHOLE_RESOURCE = /^\$\{([A-Za-z][A-Za-z0-9_-]*\.[A-Za-z0-9_-]+)\}$/;
const INSTANCE_API_ID = /^\$\{([A-Za-z][A-Za-z0-9_-]*\.[A-Za-z0-9_-]+)\[(?:\d+|"[^"]*")\]\.(rest_api_id|api_id)\}$/;
