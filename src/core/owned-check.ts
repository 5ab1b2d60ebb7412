import { TerraformResource, TerraformStack } from 'cdktf';
import { AppIndex } from './app-index';
import { snakeCase } from './case';
import { rawOverridesOf } from './configured';
import { describeValue, invalidProperty } from './errors';
import { RequiredLifecycle } from './owned-kinds';
import { coveredBy, dependenciesOf, dependenciesText, refusedLifecycle } from './owned-lifecycle';
import { Kept, keptOf, lifecycleText, MOVE_EXPECTED, renderedOf } from './owned-state';
import { takePreparedFragment } from './prepared-fragments';
import { isPlainObject } from './struct-check';
import { warnOnce } from './warnings';

/** The check at synth of an owned resource: what its rendered block still holds of what the construct relies on. */

/**
 * The checks of the arguments the construct checks from its props, on what the resource holds at synth
 * (an override of one, or else its value): the errors they throw.
 */
function failedChecks(resource: TerraformResource, kept: Kept): string[] {
  const overrides = rawOverridesOf(resource);
  return Object.entries(kept.checked ?? {}).flatMap(([name, check]) => {
    const overridden = overrides?.[snakeCase(name)];
    const value = overridden ?? (resource as any)[`${name}Input`];
    if (overridden === undefined && JSON.stringify(value) === kept.checkedAtStart[name]) {
      // As the props gave it: their checks judged it, naming the prop (a second error would name the resource).
      return [];
    }
    try {
      check(kept.owner, `${kept.property}.${name}`, value, resource);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
}

/**
 * The error for a resource moved from an address (`moveFromId('aws_x.old')`, adopting what the provider
 * page's pattern made) where a resource is still declared: terraform plan fails ("Moved object still exists").
 */
function movedFromDeclared(resource: TerraformResource, kept: Kept): string[] {
  const from = (resource as unknown as { _movedById?: { from?: unknown } })._movedById?.from;
  const parts = typeof from === 'string' ? /^([\w-]+)\.([\w-]+)$/.exec(from) : null;
  const declared = parts === null ? undefined : AppIndex.of(resource).resourceNamed(parts[1], TerraformStack.of(resource), parts[2]);
  return declared === undefined || declared === resource ? [] : [invalidProperty(kept.owner, `${kept.property}.moveFromId`, from,
    `the address of a resource no longer declared: '${declared.node.path}' is still declared there, and terraform plan fails ("Moved object still `
    + 'exists"); remove it from the program (the moved block hands its state to this resource)').message];
}

/**
 * What cdktf validates at synth: the block the resource renders still has what the construct relies
 * on. The rendered block, not the guarded fields, because what bypasses the guards (a lifecycle
 * object changed in place, an own property shadowing an accessor, the class swapped with
 * `Object.setPrototypeOf`) shows only there.
 */
export function brokenGuarantees(resource: TerraformResource): string[] {
  const kept = keptOf(resource)!;
  const fragment = (takePreparedFragment(resource) ?? resource.toTerraform()) as { resource?: Record<string, Record<string, any>> } | undefined;
  const block = fragment?.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
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
    const replacedBy = lifecycle?.replace_triggered_by;
    if (required.replacedOnlyWhenRenamed !== undefined && Array.isArray(replacedBy) && replacedBy.length > 0) {
      errors.push(invalidProperty(kept.owner, `${kept.property}.lifecycle.replaceTriggeredBy`, replacedBy,
        `no replace_triggered_by: ${required.replacedOnlyWhenRenamed}`).message);
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
  errors.push(...failedChecks(resource, kept), ...movedFromDeclared(resource, kept));
  errors.push(...ignoredFixedArgument(kept, lifecycle?.ignore_changes, block));
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
  const overrides = rawOverridesOf(TerraformStack.of(resource));
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

/**
 * Refuses an `ignore_changes` (however set: a lifecycle assigned, an override) covering an argument the
 * construct sets and builds on (`fixed`: a stage's name, a mapping's key, an API id): Terraform would keep
 * what AWS has when the construct changes it, and the construct's URLs, ARNs and checks would name what
 * is not there. The arguments whose lifecycle says more (followed, watched, ignored by the construct itself) are judged there.
 */
function ignoredFixedArgument(kept: Kept, ignoreChanges: unknown, block: Record<string, unknown>): string[] {
  const said = new Set([...Object.keys(kept.lifecycle?.followed ?? {}), ...Object.keys(kept.lifecycle?.watched ?? {}),
    ...(kept.lifecycle?.ignoreChanges ?? []).map(snakeCase)]);
  // Meta-arguments (provider, count) are no arguments an ignore_changes names; an argument the construct leaves unset changes nothing ignored.
  const names = Object.keys(kept.fixed)
    .filter((name) => !META_ARGUMENTS.has(name) && !said.has(snakeCase(name)) && block[snakeCase(name)] !== undefined);
  // "all" on a resource that may be pinned on purpose (a stage: the README's rollback) is a pin, warned of with the watched arguments.
  const pin = ignoreChanges === 'all' && Object.keys(kept.lifecycle?.watched ?? {}).length > 0;
  const covered = pin ? undefined : coveredBy(ignoreChanges, names.map(snakeCase));
  if (covered === undefined) {
    return [];
  }
  const why = kept.fixed[names.find((name) => snakeCase(name) === covered)!];
  return [invalidProperty(kept.owner, `${kept.property}.lifecycle.ignoreChanges`, ignoreChanges,
    `an ignore_changes without '${covered}'${ignoreChanges === 'all' ? ' (nor "all")' : ''}: the construct sets it, and Terraform would keep what AWS has `
    + `when the construct changes it (${why})`).message];
}

const META_ARGUMENTS: ReadonlySet<string> = new Set(['provider', 'count', 'forEach', 'dependsOn', 'lifecycle']);
