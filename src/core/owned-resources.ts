import { TerraformResource, TerraformResourceLifecycle, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { abandon, addValidationWhenCommitted, isAbandoned } from './abandoned';
import { snakeCase } from './case';
import { invalidProperty } from './errors';
import { brokenGuarantees } from './owned-check';
import { OwnedResource } from './owned-kinds';
import { dependenciesText, mergedDependsOn, mergedLifecycle, mergedOverride, refuseLifecycle, renderedOnce } from './owned-lifecycle';
import { CHANGING, FIELD_VALUES, FIELDS, Kept, keepCurrent, keptOf, MOVE_EXPECTED, OWNED, refuse, refuseChange } from './owned-state';
import { forgetPreparedFragment } from './prepared-fragments';
import { expressionIn } from './resolve';

export type { OwnedResource, RequiredLifecycle } from './owned-kinds';
export { asArgumentCheck, ownedMapping, ownedStage } from './owned-kinds';
export { ownedPropertyOf, ownerOfResource } from './owned-state';

type ResourceClass<T extends TerraformResource> = new (...args: any[]) => T;

const LIFECYCLE = Symbol('lifecycle');

const DEPENDS_ON = Symbol('dependsOn');

/** Why a resource waits for what it was made depending on, when its construct says no more. */
const DEPENDS_ON_WHY = 'the construct made it wait for them';

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
  const checkedAtStart = Object.fromEntries(Object.keys(owned.checked ?? {}).map((name) => [name, JSON.stringify((resource as any)[`${name}Input`])]));
  const kept: Kept = { ...owned, fixed, inputs: {}, rendered: {}, dependencies, checkedAtStart };
  Object.defineProperty(resource, OWNED, { value: kept });
  keepCurrent(resource, kept);
  // The constructor stored the construct's own lifecycle; from here on every assignment is merged.
  (resource as any).lifecycle = (resource as any)[LIFECYCLE];
  addValidationWhenCommitted(resource, { validate: () => brokenGuarantees(resource) });
  ownedBy(owned.owner).push({ resource, property: owned.property });
}

/** The resources each construct owns, each with its property, checked by one validation of the construct. */
const OWNED_BY = new WeakMap<IConstruct, Array<{ readonly resource: TerraformResource; readonly property: string }>>();

function ownedBy(owner: IConstruct): Array<{ readonly resource: TerraformResource; readonly property: string }> {
  let resources = OWNED_BY.get(owner);
  if (resources === undefined) {
    const list: Array<{ readonly resource: TerraformResource; readonly property: string }> = [];
    resources = list;
    OWNED_BY.set(owner, list);
    // Taken out of the tree (`node.tryRemoveChild`, of a resource or of a construct between it and
    // its owner), a resource validates nothing: its owner says so.
    owner.node.addValidation({ validate: () => list.flatMap(({ resource, property }) => removedError(owner, resource, property)) });
  }
  return resources;
}

function removedError(owner: IConstruct, resource: TerraformResource, property: string): string[] {
  const removed = isAbandoned(resource) ? undefined : detached(resource, owner);
  return removed === undefined ? [] : [invalidProperty(owner, property,
    `removed ${removed === resource ? '' : `with '${removed.node.path}' `}('${resource.node.path}')`,
    'the resource the construct made: what it makes refers to it (make another construct instead of removing it)').message];
}

/**
 * Takes a resource the construct made out of the tree again, when the call that made it is refused
 * (a mapping AWS would refuse): the call leaves nothing behind, and the owner's check of removed
 * resources passes over it.
 */
export function discardOwned(resource: TerraformResource): void {
  abandon(resource, undefined);
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
  forgetPreparedFragment(resource);
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
      forgetPreparedFragment(this);
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
      forgetPreparedFragment(this);
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
      forgetPreparedFragment(this);
      if (kept !== undefined) {
        overrideOf(this, kept, path, value);
      }
      return parent.addOverride.call(this, path, kept === undefined ? value : mergedOverride(this, kept, path, value));
    },
  });
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

function descriptorOf(prototype: object | null, name: string): PropertyDescriptor | undefined {
  for (let current = prototype; current !== null; current = Object.getPrototypeOf(current)) {
    const descriptor = Object.getOwnPropertyDescriptor(current, name);
    if (descriptor !== undefined) {
      return descriptor;
    }
  }
  return undefined;
}
