import { TerraformResource, TerraformResourceLifecycle, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { describeValue, invalidProperty } from './errors';
import { expressionIn } from './resolve';
import { isPlainObject } from './struct-check';
import { warnOnce } from './warnings';

/**
 * The resources a construct owns (its deployments, stages, method settings, mappings) keep what the
 * construct relies on, whatever the user does with them afterwards: the arguments it set and builds
 * on (the API, the deployment a stage serves, a stage's name, a mapping's domain and key) cannot be
 * changed through the provider class's setter, `reset…()`, `put…()` or `addOverride(...)` (of the
 * argument or of its `dynamic` block), the resource cannot be moved away (`moveTo`, `moveToId`), and
 * its lifecycle keeps `create_before_destroy` (and any `ignore_changes` it needs) through a
 * `lifecycle` assignment or override, merged with the user's (as its own `depends_on` is with a
 * `dependsOn` assigned or a list overridden; each entry rendered once), and refuses what would stop the
 * construct's changes from reaching the resource (an `ignore_changes` on a deployment's `triggers`)
 * or the resource from being replaced (`prevent_destroy` on a deployment). What cannot be intercepted
 * (a lifecycle object changed in place, an own property shadowing a guard, the resource or a
 * construct above it taken out of the tree) is checked when the stack is validated at synth. What
 * reaches past every guard (an override on the stack: `stack.addOverride('resource.<type>.<name>...')`)
 * gets a warning then.
 */
export interface OwnedResource {
  /** The construct errors name. */
  readonly owner: IConstruct;
  /** The resource as a property of the construct: `deployment`, `deploymentStage.stage`. */
  readonly property: string;
  /** The arguments the construct relies on, by their name in the provider class (`restApiId`), each with why. */
  readonly fixed: Readonly<Record<string, string>>;
  /** The lifecycle the construct relies on, and why; merged into whatever lifecycle the user gives. */
  readonly lifecycle?: RequiredLifecycle;
  /**
   * Why the resource waits for the dependencies (`depends_on`) it is made with, for errors; they are
   * merged into whatever `dependsOn` the user assigns (as `dependOnOwned` adds them afterwards).
   */
  readonly dependsOnWhy?: string;
}

/** The parts of a lifecycle a construct relies on. */
export interface RequiredLifecycle {
  readonly createBeforeDestroy?: boolean;
  readonly ignoreChanges?: readonly string[];
  /** Why, for errors: `a new deployment must exist before the stage moves to it ...`. */
  readonly why: string;
  /**
   * The arguments (Terraform names) whose changes must reach the resource, each with why: an
   * `ignore_changes` covering one (the argument, a part of it, or `all`) is refused.
   */
  readonly followed?: Readonly<Record<string, string>>;
  /**
   * The arguments (Terraform names) whose ignored changes may be meant (a stage pinned on purpose)
   * or may break the construct, which it cannot tell: an `ignore_changes` covering one gets a warning at synth.
   */
  readonly watched?: Readonly<Record<string, string>>;
  /** Why `prevent_destroy` is refused (the construct replaces the resource as a matter of course); undefined where it is allowed. */
  readonly replaced?: string;
}

/**
 * What a stage construct relies on in its stage resource: the API, the deployment it serves and its
 * name (by their names in the provider class), its region, and `create_before_destroy`.
 */
export function ownedStage(
  owner: IConstruct,
  property: string,
  names: { api: string; deployment: string; name: string; autoDeploy?: string; canary?: string },
): OwnedResource {
  return {
    owner,
    property,
    fixed: {
      [names.api]: 'it is the API of the deployment the stage serves (make another stage construct for another API)',
      [names.deployment]: "it is the construct's deployment, which its triggers redeploy",
      ...(names.canary !== undefined
        ? { [names.canary]: "the construct's canary settings send the canary traffic to its canary deployment (set them with the construct's 'canary')" }
        : {}),
      [names.name]: 'the construct claims the name for the API and builds its URLs, ARNs and mappings on it (give another stageName instead)',
      region: "it is the API's region, where the stage must be made",
      ...(names.autoDeploy !== undefined
        ? {
          [names.autoDeploy]: 'the construct deploys the stage: AWS would deploy every change at once, and move the stage off the deployment its triggers make',
          ...Object.fromEntries(['defaultRouteSettings', 'routeSettings'].map((name) => [name,
            'the construct writes route settings with both throttling limits (the provider sends 0 for one left out, terraform-provider-aws #14742, '
            + "and AWS answers every request 429); give them in the stage's options (throttlingBurstLimit and throttlingRateLimit, routeOptions)"])),
        }
        : {}),
    },
    lifecycle: {
      createBeforeDestroy: true,
      why: 'a renamed stage is created before what points at it (mappings, usage plans) moves to it, and the old one is deleted after '
        + '(AWS refuses to delete a stage a mapping points at)',
      // Not refused: pinning a stage on a deployment made outside Terraform (an emergency rollback) is
      // the README's own escape hatch; only while the stage serves the construct's deployment does it break.
      watched: {
        [snakeCase(names.deployment)]: "the stage stays on the deployment it serves, and the construct's redeploys do not reach it. Pinned on a "
          + 'deployment made outside Terraform (an emergency rollback), that is the point; but while it serves the construct\'s deployment, the '
          + 'next redeploy fails at apply when the old deployment is deleted (AWS refuses to delete a deployment a stage points at: "Active stages '
          + 'pointing to this deployment must be moved or deleted")',
        ...(names.canary !== undefined
          ? {
            [snakeCase(names.canary)]: 'the stage keeps the canary settings it has: a change of the construct\'s canary does not reach it, and the next '
              + 'redeploy of the canary fails at apply when the old canary deployment is deleted (AWS refuses to delete a deployment a stage points at)',
          }
          : {}),
      },
    },
  };
}

/** What a mapping construct call relies on in its mapping: the API, the stage, the domain, the key (by their names in the provider class), its region. */
export function ownedMapping(
  owner: IConstruct,
  property: string,
  names: { api: string; stage: string; key: string; keyProperty: string; domainNameId?: boolean },
): OwnedResource {
  const checked = 'the construct checked it against every other mapping of the domain in the app';
  return {
    owner,
    property,
    fixed: {
      [names.api]: 'it is the API of the mapped stage',
      [names.stage]: 'it is the mapped stage',
      domainName: `${checked} (map another domain with another call)`,
      ...(names.domainNameId ? { domainNameId: `${checked} (give it in the call's domainNameId)` } : {}),
      [names.key]: `${checked} (give the key in the call's ${names.keyProperty})`,
      region: "it is the API's region, where the mapping must be made",
    },
  };
}

type ResourceClass<T extends TerraformResource> = new (...args: any[]) => T;

const OWNED = Symbol.for('cdktf-api-gateway-deployment.OwnedResource');
const LIFECYCLE = Symbol('lifecycle');
const DEPENDS_ON = Symbol('dependsOn');
/** Why a resource waits for what it was made depending on, when its construct says no more. */
const DEPENDS_ON_WHY = 'the construct made it wait for them';
/**
 * The meta-arguments cdktf keeps as plain fields of every resource, which no construct lets change:
 * the provider (where the API is), and `count` and `for_each` (the construct makes exactly one, which
 * the others name by its address).
 */
const FIELDS: Readonly<Record<string, string>> = {
  provider: "it is the API's provider: the resource must be made where the API is",
  count: 'the construct makes exactly one, which its other resources name by its address',
  forEach: 'the construct makes exactly one, which its other resources name by its address',
};
const FIELD_VALUES = Symbol('fields');
const SUBCLASSES = new WeakMap<Function, Map<string, Function>>();

/**
 * Creates a resource of `base` in `scope` that keeps what `owned` says the construct relies on.
 * `base` may itself be a subclass of the provider's class (the deployments' `withComputedTriggers`).
 */
export function newOwnedResource<T extends TerraformResource, C>(
  base: new (scope: IConstruct, id: string, config: C) => T,
  scope: IConstruct,
  id: string,
  config: C,
  owned: OwnedResource,
): T {
  const resource = new (ownedClass(base as ResourceClass<T>, Object.keys(owned.fixed)))(scope, id, config);
  keepOwned(resource, owned);
  return resource;
}

/** Makes an existing resource of an owned class keep `owned` (after its constructor set its arguments). */
function keepOwned(resource: TerraformResource, owned: OwnedResource): void {
  const fixed = { ...FIELDS, ...owned.fixed };
  const dependencies = new Map((resource.dependsOn ?? []).map((dependency) => [dependency, owned.dependsOnWhy ?? DEPENDS_ON_WHY]));
  const kept: Kept = { ...owned, fixed, inputs: {}, rendered: {}, dependencies };
  Object.defineProperty(resource, OWNED, { value: kept });
  keepCurrent(resource, kept);
  // The constructor stored the construct's own lifecycle; from here on every assignment is merged.
  (resource as any).lifecycle = (resource as any)[LIFECYCLE];
  resource.node.addValidation({ validate: () => brokenGuarantees(resource) });
  // Taken out of the tree (`node.tryRemoveChild`, of the resource or of a construct between it and
  // its owner), the resource validates nothing: its owner says so.
  owned.owner.node.addValidation({
    validate: () => {
      const removed = DISCARDED.has(resource) ? undefined : detached(resource, owned.owner);
      return removed === undefined ? [] : [invalidProperty(owned.owner, owned.property,
        `removed ${removed === resource ? '' : `with '${removed.node.path}' `}('${resource.node.path}')`,
        'the resource the construct made: what it makes refers to it (make another construct instead of removing it)').message];
    },
  });
}

const DISCARDED = new WeakSet<TerraformResource>();

/**
 * Takes a resource the construct made out of the tree again, when the call that made it is refused
 * (a mapping AWS would refuse): the call leaves nothing behind, and the owner's check of removed
 * resources passes over it.
 */
export function discardOwned(resource: TerraformResource): void {
  DISCARDED.add(resource);
  resource.node.scope?.node.tryRemoveChild(resource.node.id);
}

/** The construct, from `resource` up to `owner` (or the root), that its scope no longer holds under its id. */
function detached(resource: IConstruct, owner: IConstruct): IConstruct | undefined {
  for (let current = resource; current !== owner && current.node.scope !== undefined; current = current.node.scope) {
    if (current.node.scope.node.tryFindChild(current.node.id) !== current) {
      return current;
    }
  }
  return undefined;
}

interface Kept extends OwnedResource {
  /** The construct's own dependencies (`depends_on` entries, as the resource holds them), each with why. */
  readonly dependencies: Map<string, string>;
  /** The fixed arguments' values as the construct set them (for the setters: the same value again is no change). */
  readonly inputs: Record<string, unknown>;
  /** What the resource rendered of them (`renderedOf`) once the construct set them, compared at synth with what it renders. */
  rendered: Record<string, unknown>;
}

/** Records the fixed arguments as they are now, as the construct set them. */
function keepCurrent(resource: TerraformResource, kept: Kept): void {
  const names = Object.keys(kept.fixed);
  names.forEach((name) => (kept.inputs[name] = inputOf(resource, name)));
  const { provider, count, forEach } = resource.terraformMetaArguments;
  kept.rendered = renderedOf({ ...(resource as any).synthesizeAttributes(), provider, count, for_each: forEach }, names);
}

/** What a resource block (in Terraform's names) holds of the arguments `names`, each also as a dynamic block. */
function renderedOf(block: Record<string, any>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.flatMap((name) => [[name, block[snakeCase(name)]], [`dynamic.${name}`, block.dynamic?.[snakeCase(name)]]]));
}

/** The construct that made `resource` and relies on it (a deployment construct, a stage); undefined for a resource of the user's. */
export function ownerOfResource(resource: object): IConstruct | undefined {
  return ((resource as any)[OWNED] as Kept | undefined)?.owner;
}

function keptOf(resource: object): Kept | undefined {
  return (resource as any)[CHANGING] ? undefined : (resource as any)[OWNED];
}

const CHANGING = Symbol('changed by its construct');

/**
 * Runs a change the construct itself makes to a resource it owns after making it (a REST stage's
 * canary settings, put by its deployment construct), and keeps the changed arguments from then on.
 */
export function changeOwned(resource: TerraformResource, change: () => void): void {
  (resource as any)[CHANGING] = true;
  try {
    change();
  } finally {
    delete (resource as any)[CHANGING];
  }
  const kept = keptOf(resource);
  if (kept !== undefined) {
    keepCurrent(resource, kept);
  }
}

/**
 * Makes a resource the construct owns wait for `dependencies` (`depends_on` entries: addresses such as
 * `aws_api_gateway_account.x`) from now on: added to its `dependsOn`, and kept through a `dependsOn`
 * the user assigns later (merged) and at synth (the rendered block must still have them).
 *
 * @param why why the resource waits for them, for errors
 */
export function dependOnOwned(resource: TerraformResource, dependencies: readonly string[], why: string): void {
  const kept: Kept | undefined = (resource as any)[OWNED];
  if (kept !== undefined) {
    dependencies.forEach((dependency) => kept.dependencies.set(dependency, why));
  }
  resource.dependsOn = [...(resource.dependsOn ?? []), ...dependencies];
}

/** The user's `dependsOn` with the construct's own dependencies merged in (each once); refuses what is no list. */
function mergedDependsOn(kept: Kept, value: unknown): string[] | undefined {
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    throw invalidProperty(kept.owner, `${kept.property}.dependsOn`, value, 'a list of the addresses of what the resource waits for');
  }
  const given = (value ?? undefined) as string[] | undefined;
  return kept.dependencies.size === 0 ? given : [...new Set([...(given ?? []), ...kept.dependencies.keys()])];
}

/** The subclass of `base` that guards the arguments `fixed` (one per base and set of names). */
function ownedClass<T extends TerraformResource>(base: ResourceClass<T>, fixed: readonly string[]): ResourceClass<T> {
  const key = [...fixed].sort().join(',');
  let byNames = SUBCLASSES.get(base);
  if (byNames === undefined) {
    byNames = new Map();
    SUBCLASSES.set(base, byNames);
  }
  let subclass = byNames.get(key) as ResourceClass<T> | undefined;
  if (subclass === undefined) {
    subclass = class extends (base as ResourceClass<TerraformResource>) {} as ResourceClass<T>;
    defineGuards(subclass.prototype, base.prototype, fixed);
    byNames.set(key, subclass);
  }
  return subclass;
}

function defineGuards(prototype: object, parent: any, fixed: readonly string[]): void {
  for (const name of Object.keys(FIELDS)) {
    Object.defineProperty(prototype, name, {
      configurable: true,
      get: function (this: any) {
        return this[FIELD_VALUES]?.[name];
      },
      set: function (this: any, value: unknown) {
        refuseChange(this, name, value, name);
        this[FIELD_VALUES] ??= {};
        this[FIELD_VALUES][name] = value;
      },
    });
  }
  for (const name of fixed) {
    const accessor = descriptorOf(parent, name);
    if (accessor?.set !== undefined) {
      Object.defineProperty(prototype, name, {
        configurable: true,
        get: function (this: TerraformResource) {
          return accessor.get?.call(this);
        },
        set: function (this: TerraformResource, value: unknown) {
          refuseChange(this, name, value, name);
          accessor.set!.call(this, value);
        },
      });
    }
    for (const verb of ['reset', 'put']) {
      const method = `${verb}${name[0].toUpperCase()}${name.slice(1)}`;
      if (typeof parent[method] === 'function') {
        Object.defineProperty(prototype, method, {
          configurable: true,
          writable: true,
          value: function (this: TerraformResource, ...args: unknown[]) {
            if (keptOf(this) !== undefined) {
              refuse(this, `${method}()`, verb === 'reset' ? 'called' : args[0], name);
            }
            return parent[method].apply(this, args);
          },
        });
      }
    }
  }
  Object.defineProperty(prototype, 'lifecycle', {
    configurable: true,
    get: function (this: any) {
      return this[LIFECYCLE];
    },
    set: function (this: any, value: TerraformResourceLifecycle | undefined) {
      const kept = keptOf(this);
      this[LIFECYCLE] = kept?.lifecycle === undefined ? value : mergedLifecycle(this, kept, value);
    },
  });
  // cdktf keeps `dependsOn` as a plain field (its constructor sets it from the config, before the
  // resource is kept): an assignment afterwards is merged with the construct's own dependencies.
  Object.defineProperty(prototype, 'dependsOn', {
    configurable: true,
    get: function (this: any) {
      return this[DEPENDS_ON];
    },
    set: function (this: any, value: string[] | undefined) {
      const kept = keptOf(this);
      this[DEPENDS_ON] = kept === undefined ? value : mergedDependsOn(kept, value);
    },
  });
  // cdktf appends an override's list to the list it overrides (`addOverride('depends_on', [...])`,
  // `addOverride('lifecycle.ignore_changes', [...])`, merged so): each entry is rendered once.
  for (const render of ['toTerraform', 'toHclTerraform']) {
    if (typeof parent[render] === 'function') {
      Object.defineProperty(prototype, render, {
        configurable: true,
        writable: true,
        value: function (this: TerraformResource) {
          const fragment = parent[render].call(this);
          const block = fragment?.resource?.[this.terraformResourceType]?.[this.friendlyUniqueId];
          if (keptOf(this) !== undefined && block !== undefined && block !== null) {
            if (Array.isArray(block.depends_on)) {
              // An entry is a token (a resource given in the config) or an address: the same resource either way once written.
              block.depends_on = renderedOnce(block.depends_on, (entry) => (Token.isUnresolved(entry) ? expressionIn(this, entry) : entry));
            }
            if (Array.isArray(block.lifecycle?.ignore_changes)) {
              block.lifecycle.ignore_changes = renderedOnce(block.lifecycle.ignore_changes);
            }
          }
          return fragment;
        },
      });
    }
  }
  // Moving the resource away takes it out of the configuration (`moveFromId`, adopting an address, stays).
  for (const move of ['moveTo', 'moveToId']) {
    Object.defineProperty(prototype, move, {
      configurable: true,
      writable: true,
      value: function (this: TerraformResource, ...args: unknown[]) {
        const kept = keptOf(this);
        if (kept !== undefined) {
          throw invalidProperty(kept.owner, `${kept.property}.${move}()`, args[0], MOVE_EXPECTED);
        }
        return parent[move].apply(this, args);
      },
    });
  }
  Object.defineProperty(prototype, 'addOverride', {
    configurable: true,
    writable: true,
    value: function addOverride(this: TerraformResource, path: string, value: unknown): void {
      const kept = keptOf(this);
      if (kept !== undefined) {
        overrideOf(this, kept, path, value);
      }
      return parent.addOverride.call(this, path, kept === undefined ? value : mergedOverride(this, kept, path, value));
    },
  });
}

const MOVE_EXPECTED = 'the resource to stay where the construct made it: what the construct makes refers to its address, and the moves of '
  + "its resources are the construct's business (to hand its state to another resource, remove the construct and call moveFromId('<this address>') "
  + "on that resource; to keep a resource's state under this one, call moveFromId('<that address>') on it)";

/** A list with each string in it once (the first; the same under `key`), anything else as it is. */
function renderedOnce(value: unknown[], key: (entry: string) => string = (entry) => entry): unknown[] {
  const seen = new Set<string>();
  return value.filter((item) => {
    if (typeof item !== 'string') {
      return true;
    }
    const itemKey = key(item);
    const first = !seen.has(itemKey);
    seen.add(itemKey);
    return first;
  });
}

/**
 * The value an override of `path` is passed to cdktf with: a lifecycle, or its `ignore_changes`,
 * with what the construct relies on merged in (as an assigned lifecycle is).
 */
function mergedOverride(resource: TerraformResource, kept: Kept, path: string, value: unknown): unknown {
  if (path === 'lifecycle') {
    return lifecycleOverride(resource, kept, value);
  }
  const required = kept.lifecycle?.ignoreChanges;
  if (path === 'lifecycle.ignore_changes' && required !== undefined && Array.isArray(value)) {
    // cdktf appends the list to the lifecycle's; the construct's entries come along for a lifecycle
    // that ignores "all" (which the list replaces). Rendered once each (`renderedOnce`).
    return [...new Set([...value, ...required.map(snakeCase)])];
  }
  return value;
}

/** The user's lifecycle with what the construct relies on merged in; `createBeforeDestroy: false` is refused. */
function mergedLifecycle(resource: TerraformResource, kept: Kept, value: TerraformResourceLifecycle | undefined): TerraformResourceLifecycle {
  const required = kept.lifecycle!;
  if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    throw invalidProperty(kept.owner, `${kept.property}.lifecycle`, value, 'a lifecycle object, e.g. { ignoreChanges: [...] }');
  }
  if (required.createBeforeDestroy && value?.createBeforeDestroy === false) {
    refuse(resource, 'lifecycle.createBeforeDestroy', false, 'lifecycle');
  }
  refuseLifecycle(kept, 'lifecycle.ignoreChanges', value?.ignoreChanges, 'lifecycle.preventDestroy', value?.preventDestroy);
  const ignoreChanges = value?.ignoreChanges === 'all' || required.ignoreChanges === undefined
    ? value?.ignoreChanges
    : [...new Set([...(Array.isArray(value?.ignoreChanges) ? value!.ignoreChanges : []), ...required.ignoreChanges])];
  return {
    ...value,
    ...(required.createBeforeDestroy ? { createBeforeDestroy: true } : {}),
    ...(ignoreChanges !== undefined ? { ignoreChanges } : {}),
  };
}

/** A `lifecycle` override with what the construct relies on kept (cdktf merges overrides key by key, `undefined` removing one). */
function lifecycleOverride(resource: TerraformResource, kept: Kept, value: unknown): unknown {
  if (kept.lifecycle === undefined) {
    return value;
  }
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse(resource, 'addOverride(lifecycle)', value, 'lifecycle');
  }
  const given = value as Record<string, unknown>;
  if (kept.lifecycle.createBeforeDestroy && given.create_before_destroy === false) {
    refuse(resource, 'addOverride(lifecycle)', value, 'lifecycle');
  }
  refuseLifecycle(kept, 'addOverride(lifecycle)', given.ignore_changes, 'addOverride(lifecycle)', given.prevent_destroy, value);
  const ignore = given.ignore_changes;
  return {
    ...given,
    ...(kept.lifecycle.createBeforeDestroy ? { create_before_destroy: true } : {}),
    ...(kept.lifecycle.ignoreChanges !== undefined && ignore !== undefined && ignore !== 'all'
      ? { ignore_changes: [...new Set([...(Array.isArray(ignore) ? ignore : []), ...kept.lifecycle.ignoreChanges.map(snakeCase)])] }
      : {}),
  };
}

/**
 * Refuses an override of a fixed argument, or of the part of the lifecycle the construct relies on.
 * `dynamic.<block>...` is the block `<block>` (cdktf renders it beside the argument); `dynamic`, each block it names.
 */
function overrideOf(resource: TerraformResource, kept: Kept, path: string, value: unknown): void {
  const parts = path.split('.');
  const dynamic = parts[0] === 'dynamic';
  const blocks = !dynamic ? [parts[0]] : parts.length > 1 ? [parts[1]] : Object.keys(value !== null && typeof value === 'object' ? value : {});
  const fixed = Object.keys(kept.fixed).find((name) => blocks.includes(snakeCase(name)));
  if (fixed !== undefined) {
    refuse(resource, `addOverride(${path})`, value, fixed);
  }
  const [first, second] = parts;
  // A list is appended to the resource's (cdktf's merge); anything else would replace or remove the construct's own dependencies.
  if (path === 'depends_on' && kept.dependencies.size > 0 && !Array.isArray(value)) {
    throw invalidProperty(kept.owner, `${kept.property}.addOverride(${path})`, value, `${dependenciesText(resource, kept)} (a list given here is added to them)`);
  }
  if (first === 'lifecycle' && second !== undefined && kept.lifecycle !== undefined) {
    // An ignore_changes list is merged with the construct's (`mergedOverride`); removing it, or another value than a list or "all", is refused.
    if ((second === 'create_before_destroy' && kept.lifecycle.createBeforeDestroy && value !== true)
      || (second === 'ignore_changes' && parts.length === 2 && kept.lifecycle.ignoreChanges !== undefined && value !== 'all' && !Array.isArray(value))) {
      refuse(resource, `addOverride(${path})`, value, 'lifecycle');
    }
    if (second === 'ignore_changes' || second === 'prevent_destroy') {
      const part = parts.slice(2);
      // `lifecycle.ignore_changes.<n>` (an object of cdktf's, which Terraform refuses) is left to the check at synth.
      refuseLifecycle(kept, `addOverride(${path})`, second === 'ignore_changes' && part.length === 0 ? value : undefined,
        `addOverride(${path})`, second === 'prevent_destroy' && part.length === 0 ? value : undefined);
    }
  }
}

/**
 * Refuses an `ignore_changes` (Terraform's value: a list, or `all`) covering an argument whose changes
 * must reach the resource, and a `prevent_destroy` on a resource the construct replaces.
 *
 * @param ignoreWhat,destroyWhat the property errors name for each
 * @param shown the value errors show, when not the part itself (a whole lifecycle override)
 */
function refuseLifecycle(
  kept: Kept, ignoreWhat: string, ignoreChanges: unknown, destroyWhat: string, preventDestroy: unknown, shown?: unknown,
): void {
  const refused = refusedLifecycle(kept.lifecycle, ignoreChanges, preventDestroy);
  if (refused !== undefined) {
    const ignore = refused.part === 'ignore_changes';
    throw invalidProperty(kept.owner, `${kept.property}.${ignore ? ignoreWhat : destroyWhat}`, shown ?? (ignore ? ignoreChanges : preventDestroy), refused.expected);
  }
}

/** What the construct refuses of a lifecycle's `ignore_changes` and `prevent_destroy` (in Terraform's names and values), with the error's expectation. */
function refusedLifecycle(
  required: RequiredLifecycle | undefined, ignoreChanges: unknown, preventDestroy: unknown,
): { readonly part: 'ignore_changes' | 'prevent_destroy'; readonly expected: string } | undefined {
  const followed = required?.followed ?? {};
  const covered = coveredBy(ignoreChanges, Object.keys(followed));
  if (covered !== undefined) {
    return {
      part: 'ignore_changes',
      expected: `an ignore_changes without ${Object.keys(followed).map((name) => `'${name}'`).join(', ')} (nor "all"): ${followed[covered]}`,
    };
  }
  if (required?.replaced !== undefined && preventDestroy !== undefined && preventDestroy !== null && preventDestroy !== false && preventDestroy !== 'false') {
    return { part: 'prevent_destroy', expected: `no prevent_destroy: ${required.replaced}` };
  }
  return undefined;
}

/**
 * The first of `names` (Terraform names) that an `ignore_changes` covers: `all` covers every one, an
 * entry its argument or a part of it (`triggers`, `triggers["key"]`, `canary_settings[0].deployment_id`).
 */
function coveredBy(ignoreChanges: unknown, names: readonly string[]): string | undefined {
  if (names.length === 0) {
    return undefined;
  }
  if (ignoreChanges === 'all') {
    return names[0];
  }
  const entries = Array.isArray(ignoreChanges) ? ignoreChanges.filter((entry): entry is string => typeof entry === 'string') : [];
  const roots = new Set(entries.map((entry) => snakeCase(entry.trim().split(/[.[]/)[0])));
  return names.find((name) => roots.has(name));
}

/** Fails on a change of a fixed argument (setting the value it has is no change). */
function refuseChange(resource: TerraformResource, name: string, value: unknown, fixed: string): void {
  const kept = keptOf(resource);
  if (kept !== undefined && !sameValue(value, kept.inputs[name])) {
    refuse(resource, name, value, fixed);
  }
}

function refuse(resource: TerraformResource, what: string, value: unknown, fixed: string): never {
  const kept = keptOf(resource)!;
  const why = fixed === 'lifecycle' ? kept.lifecycle!.why : kept.fixed[fixed];
  const keeps = fixed === 'lifecycle' ? lifecycleText(kept.lifecycle!) : `its '${fixed}' as the construct set it`;
  throw invalidProperty(kept.owner, `${kept.property}.${what}`, value, `the resource to keep ${keeps}: ${why}`);
}

function lifecycleText(lifecycle: RequiredLifecycle): string {
  const parts = [
    ...(lifecycle.createBeforeDestroy ? ['create_before_destroy'] : []),
    ...(lifecycle.ignoreChanges ?? []).map((name) => `ignore_changes on ${snakeCase(name)}`),
  ];
  return parts.join(' and ');
}

/**
 * What cdktf validates at synth: the block the resource renders still has what the construct relies
 * on. The rendered block, not the guarded fields, because what bypasses the guards (a lifecycle
 * object changed in place, an own property shadowing an accessor, the class swapped with
 * `Object.setPrototypeOf`) shows only there.
 */
function brokenGuarantees(resource: TerraformResource): string[] {
  const kept = keptOf(resource)!;
  const block = resource.toTerraform().resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
  if (block === undefined) {
    return [invalidProperty(kept.owner, kept.property, `moved away ('${resource.node.path}')`, MOVE_EXPECTED).message];
  }
  const errors: string[] = [];
  const lifecycle = block.lifecycle;
  const required = kept.lifecycle;
  if (required !== undefined) {
    const ignored = lifecycle?.ignore_changes;
    if ((required.createBeforeDestroy && lifecycle?.create_before_destroy !== true)
      || (required.ignoreChanges !== undefined && ignored !== 'all'
        && !required.ignoreChanges.every((name) => Array.isArray(ignored) && (ignored.includes(name) || ignored.includes(snakeCase(name)))))) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.lifecycle`, lifecycle, `the resource to keep ${lifecycleText(required)}: ${required.why}`).message);
    }
    const refused = refusedLifecycle(required, lifecycle?.ignore_changes, lifecycle?.prevent_destroy);
    if (refused !== undefined) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.lifecycle`, lifecycle, refused.expected).message);
    }
    warnOfWatched(resource, kept, required, lifecycle?.ignore_changes);
  }
  if (kept.dependencies.size > 0) {
    const dependsOn = block.depends_on;
    if (![...kept.dependencies.keys()].every((dependency) => Array.isArray(dependsOn) && dependsOn.includes(dependency))) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.dependsOn`, dependsOn ?? null, dependenciesText(resource, kept)).message);
    }
  }
  warnOfStackOverride(resource, kept);
  const rendered = renderedOf(block, Object.keys(kept.fixed));
  for (const name of Object.keys(kept.fixed)) {
    const changed = [name, `dynamic.${name}`].find((key) => !sameRendering(rendered[key], kept.rendered[key]));
    if (changed !== undefined) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.${changed}`, rendered[changed],
        `the resource to keep its '${name}' as the construct set it: ${kept.fixed[name]}`).message);
    }
  }
  return errors;
}

/** What the error expects of a resource that lost some of the construct's own dependencies. */
function dependenciesText(resource: TerraformResource, kept: Kept): string {
  return `the resource to keep its depends_on on ${dependenciesOf(resource, kept)}`;
}

/** The construct's own dependencies of a resource, as Terraform addresses, each with why. */
function dependenciesOf(resource: TerraformResource, kept: Kept): string {
  const byWhy = new Map<string, string[]>();
  for (const [dependency, why] of kept.dependencies) {
    byWhy.set(why, [...(byWhy.get(why) ?? []), expressionIn(resource, dependency)]);
  }
  return [...byWhy].map(([why, dependencies]) => `${dependencies.join(', ')}: ${why}`).join('; ');
}

/**
 * The warning for an `ignore_changes` covering an argument the construct cannot tell whether its
 * changes are meant to be ignored; of an argument the construct sets only sometimes (a stage's canary
 * settings), only where it set it.
 */
function warnOfWatched(resource: TerraformResource, kept: Kept, required: RequiredLifecycle, ignoreChanges: unknown): void {
  const watched = required.watched ?? {};
  for (const name of Object.keys(watched)) {
    const argument = Object.keys(kept.fixed).find((fixed) => snakeCase(fixed) === name);
    const unset = argument !== undefined && kept.rendered[argument] === undefined && kept.rendered[`dynamic.${argument}`] === undefined;
    if (!unset && coveredBy(ignoreChanges, [name]) !== undefined) {
      warnOnce(kept.owner, `'${resource.node.path}' (${kept.property}) ignores the changes of ${name} (lifecycle ignore_changes ${describeValue(ignoreChanges)}): `
        + `${watched[name]}. Take ${name} out of ignore_changes once the stage may follow the construct again.`);
    }
  }
}

/**
 * The warning for an override on the stack (`stack.addOverride('resource.<type>.<name>...')`) of the
 * resource's address: it is merged into the stack's JSON after every resource rendered, past what the
 * construct keeps. Looked up directly at the resource's address (no walk of the overrides).
 */
function warnOfStackOverride(resource: TerraformResource, kept: Kept): void {
  const overrides = (TerraformStack.of(resource) as unknown as { rawOverrides?: Record<string, unknown> }).rawOverrides;
  if (overrides === undefined || !Object.prototype.hasOwnProperty.call(overrides, 'resource')) {
    return;
  }
  const type = resource.terraformResourceType;
  const name = resource.friendlyUniqueId;
  const resources = overrides.resource;
  const byType = isPlainObject(resources) ? (resources as Record<string, unknown>) : undefined;
  const byName = byType !== undefined && isPlainObject(byType[type]) ? (byType[type] as Record<string, unknown>) : undefined;
  let paths: string[];
  if (byType === undefined) {
    paths = ['resource'];
  } else if (!Object.prototype.hasOwnProperty.call(byType, type)) {
    return;
  } else if (byName === undefined) {
    paths = [`resource.${type}`];
  } else if (!Object.prototype.hasOwnProperty.call(byName, name)) {
    return;
  } else {
    paths = leafPaths(byName[name]).map((path) => `resource.${type}.${name}${path === '' ? '' : `.${path}`}`);
  }
  const prefix = `resource.${type}.${name}.`;
  const breaks = [...new Set(paths.map((path) => guaranteeOf(resource, kept, path.startsWith(prefix) ? path.slice(prefix.length) : undefined)))];
  warnOnce(kept.owner, `'${resource.node.path}' (${kept.property}, ${type}.${name}) is changed by an override of its stack `
    + `(${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}), which is merged past what the construct keeps: ${breaks.join('; ')}. `
    + `Override the resource itself instead (${kept.property}.addOverride(...), its lifecycle), which keeps it, unless breaking it is the point.`);
}

/** The paths of an override's values (`lifecycle.create_before_destroy`), `''` for a value that is not an object. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isPlainObject(value) || Object.keys(value as object).length === 0) {
    return [prefix];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => leafPaths(item, prefix === '' ? key : `${prefix}.${key}`));
}

/** What an override of `path` inside the resource's block (undefined: of the whole block, or of its type) may break. */
function guaranteeOf(resource: TerraformResource, kept: Kept, path: string | undefined): string {
  if (path === undefined) {
    return 'the resource may be replaced or removed, and what the construct makes refers to it';
  }
  const parts = path.split('.');
  const argument = parts[0] === 'dynamic' && parts.length > 1 ? parts[1] : parts[0];
  const fixed = Object.keys(kept.fixed).find((name) => snakeCase(name) === argument);
  if (fixed !== undefined) {
    return `its ${argument}: ${kept.fixed[fixed]}`;
  }
  if (argument === 'lifecycle' && kept.lifecycle !== undefined) {
    const required = kept.lifecycle;
    const keeps = [
      ...(lifecycleText(required) !== '' ? [`${lifecycleText(required)}: ${required.why}`] : []),
      ...Object.entries(required.followed ?? {}).map(([name, why]) => `no ignore_changes on ${name}: ${why}`),
      ...(required.replaced !== undefined ? [`no prevent_destroy: ${required.replaced}`] : []),
    ];
    return `its lifecycle (${keeps.join('; ')})`;
  }
  if (argument === 'depends_on' && kept.dependencies.size > 0) {
    return `its depends_on on ${dependenciesOf(resource, kept)}`;
  }
  if (argument === 'triggers' && kept.lifecycle?.followed?.triggers !== undefined) {
    return 'its triggers, which the construct computes from the API: changed there, they may not redeploy the API when it changes';
  }
  return `its ${argument} (none of the construct's checks sees what an override of the stack writes)`;
}

/** Whether two renderings are the same: equal plain objects and arrays, and otherwise the same value (a token the same token). */
function sameRendering(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameRendering(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) {
    return false;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  return keys.length === Object.keys(right).filter((key) => right[key] !== undefined).length
    && keys.every((key) => sameRendering(left[key], right[key]));
}

/** The configured value of an argument (`restApiIdInput`, or a meta-argument's field), a token as its string. */
function inputOf(resource: TerraformResource, name: string): unknown {
  const value = name in FIELDS ? (resource as any)[FIELD_VALUES]?.[name] : (resource as any)[`${name}Input`];
  return Token.isUnresolved(value) && typeof value !== 'string' ? String(value) : value;
}

function descriptorOf(prototype: object | null, name: string): PropertyDescriptor | undefined {
  for (let current = prototype; current !== null; current = Object.getPrototypeOf(current)) {
    const descriptor = Object.getOwnPropertyDescriptor(current, name);
    if (descriptor !== undefined) {
      return descriptor;
    }
  }
  return undefined;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Whether two configured values are the same: one object (a provider), or equal JSON (a block the provider class rebuilds on each read). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || 'node' in a || 'node' in b) {
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
