import { TerraformResource, TerraformResourceLifecycle, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from './errors';

/**
 * The resources a construct owns (its deployments, stages, method settings, mappings) keep what the
 * construct relies on, whatever the user does with them afterwards: the arguments it set and builds
 * on (the API, the deployment a stage serves, a stage's name, a mapping's domain and key) cannot be
 * changed through the provider class's setter, `reset…()`, `put…()` or `addOverride(...)`, and its
 * lifecycle keeps `create_before_destroy` (and any `ignore_changes` it needs) through a `lifecycle`
 * assignment or override, merged with the user's. What cannot be intercepted (a lifecycle object
 * changed in place) is checked when the stack is validated at synth.
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
}

/** The parts of a lifecycle a construct relies on. */
export interface RequiredLifecycle {
  readonly createBeforeDestroy?: boolean;
  readonly ignoreChanges?: readonly string[];
  /** Why, for errors: `a new deployment must exist before the stage moves to it ...`. */
  readonly why: string;
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
  const inputs = Object.fromEntries(Object.keys(fixed).map((name) => [name, inputOf(resource, name)]));
  Object.defineProperty(resource, OWNED, { value: { ...owned, fixed, inputs } });
  // The constructor stored the construct's own lifecycle; from here on every assignment is merged.
  (resource as any).lifecycle = (resource as any)[LIFECYCLE];
  resource.node.addValidation({ validate: () => brokenGuarantees(resource) });
  // Taken out of the tree (`node.tryRemoveChild`), the resource validates nothing: its owner says so.
  owned.owner.node.addValidation({
    validate: () => (resource.node.scope?.node.tryFindChild(resource.node.id) === resource ? [] : [invalidProperty(owned.owner, owned.property,
      `removed ('${resource.node.path}')`, 'the resource the construct made: what it makes refers to it (make another construct instead of removing it)').message]),
  });
}

interface Kept extends OwnedResource {
  /** The fixed arguments' values as the construct set them. */
  readonly inputs: Readonly<Record<string, unknown>>;
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
    Object.keys(kept.fixed).forEach((name) => ((kept.inputs as Record<string, unknown>)[name] = inputOf(resource, name)));
  }
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
  Object.defineProperty(prototype, 'addOverride', {
    configurable: true,
    writable: true,
    value: function addOverride(this: TerraformResource, path: string, value: unknown): void {
      const kept = keptOf(this);
      if (kept !== undefined) {
        overrideOf(this, kept, path, value);
      }
      return parent.addOverride.call(this, path, kept !== undefined && path === 'lifecycle' ? lifecycleOverride(this, kept, value) : value);
    },
  });
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
  const ignore = given.ignore_changes;
  return {
    ...given,
    ...(kept.lifecycle.createBeforeDestroy ? { create_before_destroy: true } : {}),
    ...(kept.lifecycle.ignoreChanges !== undefined && ignore !== undefined && ignore !== 'all'
      ? { ignore_changes: [...new Set([...(Array.isArray(ignore) ? ignore : []), ...kept.lifecycle.ignoreChanges.map(snakeCase)])] }
      : {}),
  };
}

/** Refuses an override of a fixed argument, or of the part of the lifecycle the construct relies on. */
function overrideOf(resource: TerraformResource, kept: Kept, path: string, value: unknown): void {
  const [first, second] = path.split('.');
  const fixed = Object.keys(kept.fixed).find((name) => snakeCase(name) === first);
  if (fixed !== undefined) {
    refuse(resource, `addOverride(${path})`, value, fixed);
  }
  if (first === 'lifecycle' && second !== undefined && kept.lifecycle !== undefined) {
    const removes = value === undefined || value === null;
    if ((second === 'create_before_destroy' && kept.lifecycle.createBeforeDestroy && value !== true)
      || (second === 'ignore_changes' && kept.lifecycle.ignoreChanges !== undefined && value !== 'all'
        && (removes || !kept.lifecycle.ignoreChanges.map(snakeCase).every((name) => Array.isArray(value) && value.includes(name))))) {
      refuse(resource, `addOverride(${path})`, value, 'lifecycle');
    }
  }
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

/** What cdktf validates at synth: the guarantees still hold (a lifecycle object changed in place is seen only here). */
function brokenGuarantees(resource: TerraformResource): string[] {
  const kept = keptOf(resource)!;
  const errors: string[] = [];
  const lifecycle = (resource as any)[LIFECYCLE] as TerraformResourceLifecycle | undefined;
  const required = kept.lifecycle;
  if (required !== undefined) {
    const ignored = lifecycle?.ignoreChanges;
    if ((required.createBeforeDestroy && lifecycle?.createBeforeDestroy !== true)
      || (required.ignoreChanges !== undefined && ignored !== 'all' && !required.ignoreChanges.every((name) => Array.isArray(ignored) && ignored.includes(name)))) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.lifecycle`, lifecycle, `the resource to keep ${lifecycleText(required)}: ${required.why}`).message);
    }
  }
  for (const name of Object.keys(kept.fixed)) {
    const now = inputOf(resource, name);
    if (!sameValue(now, kept.inputs[name])) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.${name}`, now, `the resource to keep its '${name}' as the construct set it: ${kept.fixed[name]}`).message);
    }
  }
  return errors;
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
