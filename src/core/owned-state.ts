import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { snakeCase } from './case';
import { invalidProperty } from './errors';
import { OwnedResource, RequiredLifecycle } from './owned-kinds';

/** What is kept of an owned resource, and the helpers every part of the guard reads it with (owned-resources.ts, owned-lifecycle.ts, owned-check.ts). */

export const OWNED = Symbol.for('cdktf-api-gateway-deployment.OwnedResource');

/**
 * The meta-arguments cdktf keeps as plain fields of every resource, which no construct lets change:
 * the provider (where the API is), and `count` and `for_each` (the construct makes exactly one, which
 * the others name by its address).
 */
export const FIELDS: Readonly<Record<string, string>> = {
  provider: "it is the API's provider: the resource must be made where the API is (give the API its provider before making the "
    + 'construct: an Aspect runs after the construct made its resources)',
  count: 'the construct makes exactly one, which its other resources name by its address',
  forEach: 'the construct makes exactly one, which its other resources name by its address',
};

export const FIELD_VALUES = Symbol('fields');

export const CHANGING = Symbol('changed by its construct');

export interface Kept extends OwnedResource {
  /** The construct's own dependencies (`depends_on` entries, as the resource holds them), each with why. */
  readonly dependencies: Map<string, string>;
  /** The fixed arguments' values as the construct set them (for the setters: the same value again is no change). */
  readonly inputs: Record<string, unknown>;
  /** What the resource rendered of them (`renderedOf`) once the construct set them, compared at synth with what it renders. */
  rendered: Record<string, unknown>;
  /** The `checked` arguments as the construct set them from its props (as JSON), which its props' checks judged already. */
  readonly checkedAtStart: Record<string, string | undefined>;
}

export function keptOf(resource: object): Kept | undefined {
  return (resource as any)[CHANGING] ? undefined : (resource as any)[OWNED];
}

/** The construct that made `resource` and relies on it (a deployment construct, a stage); undefined for a resource of the user's. */
export function ownerOfResource(resource: object): IConstruct | undefined {
  return ((resource as any)[OWNED] as Kept | undefined)?.owner;
}

/** The owned `resource` as a property of its construct, as errors name it (`deployment`, `deploymentStage.stage`); undefined for a resource of the user's. */
export function ownedPropertyOf(resource: object): string | undefined {
  return ((resource as any)[OWNED] as Kept | undefined)?.property;
}

/** Records the fixed arguments as they are now, as the construct set them. */
export function keepCurrent(resource: TerraformResource, kept: Kept): void {
  const names = Object.keys(kept.fixed);
  names.forEach((name) => (kept.inputs[name] = inputOf(resource, name)));
  const { provider, count, forEach } = resource.terraformMetaArguments;
  const attributes = scalarArguments(resource, names) ?? (resource as any).synthesizeAttributes();
  kept.rendered = renderedOf({ ...attributes, provider, count, for_each: forEach }, names);
}

/**
 * The arguments `names` (but the meta-arguments) as the resource renders them, when each is a string,
 * number or boolean (or unset), which the provider classes render as they hold them; undefined when one
 * is a block or a token object, which only rendering the whole resource shows (it costs more).
 */
function scalarArguments(resource: TerraformResource, names: readonly string[]): Record<string, unknown> | undefined {
  const block: Record<string, unknown> = {};
  for (const name of names) {
    if (name in FIELDS) {
      continue;
    }
    const input = `${name}Input`;
    const value = (resource as any)[input];
    if (!(input in resource) || (value !== undefined && value !== null && typeof value === 'object') || typeof value === 'function') {
      return undefined;
    }
    block[snakeCase(name)] = value;
  }
  return block;
}

/** What a resource block (in Terraform's names) holds of the arguments `names`, each also as a dynamic block. */
export function renderedOf(block: Record<string, any>, names: readonly string[]): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  const dynamic = block.dynamic;
  for (const name of names) {
    const argument = snakeCase(name);
    rendered[name] = block[argument];
    rendered[`dynamic.${name}`] = dynamic?.[argument];
  }
  return rendered;
}

/** The configured value of an argument (`restApiIdInput`, or a meta-argument's field), a token as its string. */
export function inputOf(resource: TerraformResource, name: string): unknown {
  const value = name in FIELDS ? (resource as any)[FIELD_VALUES]?.[name] : (resource as any)[`${name}Input`];
  return Token.isUnresolved(value) && typeof value !== 'string' ? String(value) : value;
}

/** Whether two configured values are the same: one object (a provider), or equal JSON (a block the provider class rebuilds on each read). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || 'node' in a || 'node' in b) {
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

export const MOVE_EXPECTED = 'the resource to stay where the construct made it: what the construct makes refers to its address, and the moves of '
  + "its resources are the construct's business (to hand its state to another resource, remove the construct and call moveFromId('<this address>') "
  + "on that resource; to keep a resource's state under this one, call moveFromId('<that address>') on it)";

/** Fails on a change of a fixed argument (setting the value it has is no change). */
export function refuseChange(resource: TerraformResource, name: string, value: unknown, fixed: string): void {
  const kept = keptOf(resource);
  if (kept !== undefined && !sameValue(value, kept.inputs[name])) {
    refuse(resource, name, value, fixed);
  }
}

export function refuse(resource: TerraformResource, what: string, value: unknown, fixed: string): never {
  const kept = keptOf(resource)!;
  const why = fixed === 'lifecycle' ? kept.lifecycle!.why : kept.fixed[fixed];
  const keeps = fixed === 'lifecycle' ? lifecycleText(kept.lifecycle!) : `its '${fixed}' as the construct set it`;
  throw invalidProperty(kept.owner, `${kept.property}.${what}`, value, `the resource to keep ${keeps}: ${why}`);
}

export function lifecycleText(lifecycle: RequiredLifecycle): string {
  const parts = [
    ...(lifecycle.createBeforeDestroy ? ['create_before_destroy'] : []),
    ...(lifecycle.ignoreChanges ?? []).map((name) => `ignore_changes on ${snakeCase(name)}`),
  ];
  return parts.join(' and ');
}
