import { TerraformDataSource, TerraformResource, TerraformResourceLifecycle } from 'cdktf';
import { snakeCase } from './case';
import { invalidProperty } from './errors';
import { RequiredLifecycle } from './owned-kinds';
import { Kept, refuse } from './owned-state';
import { expressionIn } from './resolve';

/** How an owned resource's lifecycle and depends_on are merged with the user's, and what of them is refused. */

/** The user's `dependsOn` with the construct's own dependencies merged in (each once); refuses what is no list. */
export function mergedDependsOn(kept: Kept, value: unknown): string[] | undefined {
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    throw invalidProperty(kept.owner, `${kept.property}.dependsOn`, value, 'a list of the addresses of what the resource waits for');
  }
  const given = value === undefined || value === null ? undefined
    : (value as unknown[]).map((entry, index) => dependencyAddress(kept, `${kept.property}.dependsOn[${index}]`, entry));
  return kept.dependencies.size === 0 ? given : [...new Set([...(given ?? []), ...kept.dependencies.keys()])];
}

/**
 * One entry of a `dependsOn` assigned to an owned resource, as the address Terraform's `depends_on` takes
 * (`aws_x.y`, `data.aws_x.y`, `module.m`): the construct of a resource, data source or module (as plain
 * JavaScript can give it), or its `fqn` (`${aws_x.y}`, which Terraform would refuse as a template); refused otherwise.
 */
function dependencyAddress(kept: Kept, property: string, entry: unknown): string {
  const element = entry as { terraformResourceType?: unknown; friendlyUniqueId?: unknown; source?: unknown } | null;
  if (element !== null && typeof element === 'object' && typeof element.friendlyUniqueId === 'string') {
    return TerraformDataSource.isTerraformDataSource(element) ? `data.${element.terraformResourceType}.${element.friendlyUniqueId}`
      : typeof element.terraformResourceType === 'string' ? `${element.terraformResourceType}.${element.friendlyUniqueId}` : `module.${element.friendlyUniqueId}`;
  }
  const text = typeof entry === 'string' ? expressionIn(kept.owner, entry) : undefined;
  const address = text === undefined ? null : /^(?:\$\{)?((?:data\.)?[A-Za-z][\w-]*\.[\w-]+)\}?$/.exec(text);
  if (address === null || (text!.startsWith('${') !== text!.endsWith('}'))) {
    throw invalidProperty(kept.owner, property, entry, "the address of what the resource waits for ('aws_lambda_function.fn'), or a resource's fqn");
  }
  return address[1];
}

/** A list with each string in it once (the first; the same under `key`), anything else as it is. */
export function renderedOnce(value: unknown[], key: (entry: string) => string = (entry) => entry): unknown[] {
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
export function mergedOverride(resource: TerraformResource, kept: Kept, path: string, value: unknown): unknown {
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
export function mergedLifecycle(
  resource: TerraformResource, kept: Kept, value: TerraformResourceLifecycle | undefined,
): TerraformResourceLifecycle | undefined {
  const required = kept.lifecycle!;
  if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    throw invalidProperty(kept.owner, `${kept.property}.lifecycle`, value, 'a lifecycle object, e.g. { ignoreChanges: [...] }');
  }
  if (required.createBeforeDestroy && value?.createBeforeDestroy === false) {
    refuse(resource, 'lifecycle.createBeforeDestroy', false, 'lifecycle');
  }
  if (Array.isArray(value?.ignoreChanges) && value!.ignoreChanges.includes('all')) {
    // Terraform takes `all` as the whole value; in a list it is an argument's name, which terraform validate refuses.
    throw invalidProperty(kept.owner, `${kept.property}.lifecycle.ignoreChanges`, value!.ignoreChanges,
      "ignoreChanges: 'all' (the string, not in a list) to ignore every argument, or a list of arguments' names");
  }
  refuseLifecycle(kept, 'lifecycle.ignoreChanges', value?.ignoreChanges, 'lifecycle.preventDestroy', value?.preventDestroy);
  const ignoreChanges = value?.ignoreChanges === 'all' || required.ignoreChanges === undefined
    ? value?.ignoreChanges
    : [...new Set([...(Array.isArray(value?.ignoreChanges) ? value!.ignoreChanges : []), ...required.ignoreChanges])];
  const merged = {
    ...value,
    ...(required.createBeforeDestroy ? { createBeforeDestroy: true } : {}),
    ...(ignoreChanges !== undefined ? { ignoreChanges } : {}),
  };
  // Nothing to keep but what is followed (a mapping's stage): no lifecycle block of its own.
  return value === undefined && Object.keys(merged).length === 0 ? undefined : merged;
}

/** A `lifecycle` override with what the construct relies on kept (cdktf merges overrides key by key, `undefined` removing one). */
export function lifecycleOverride(resource: TerraformResource, kept: Kept, value: unknown): unknown {
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
 * Refuses an `ignore_changes` (Terraform's value: a list, or `all`) covering an argument whose changes
 * must reach the resource, and a `prevent_destroy` on a resource the construct replaces.
 *
 * @param ignoreWhat,destroyWhat the property errors name for each
 * @param shown the value errors show, when not the part itself (a whole lifecycle override)
 */
export function refuseLifecycle(
  kept: Kept, ignoreWhat: string, ignoreChanges: unknown, destroyWhat: string, preventDestroy: unknown, shown?: unknown,
): void {
  const refused = refusedLifecycle(kept.lifecycle, ignoreChanges, preventDestroy);
  if (refused !== undefined) {
    const ignore = refused.part === 'ignore_changes';
    throw invalidProperty(kept.owner, `${kept.property}.${ignore ? ignoreWhat : destroyWhat}`, shown ?? (ignore ? ignoreChanges : preventDestroy), refused.expected);
  }
}

/** What the construct refuses of a lifecycle's `ignore_changes` and `prevent_destroy` (in Terraform's names and values), with the error's expectation. */
export function refusedLifecycle(
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
export function coveredBy(ignoreChanges: unknown, names: readonly string[]): string | undefined {
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

/** What the error expects of a resource that lost some of the construct's own dependencies. */
export function dependenciesText(resource: TerraformResource, kept: Kept): string {
  return `the resource to keep its depends_on on ${dependenciesOf(resource, kept)}`;
}

/** The construct's own dependencies of a resource, as Terraform addresses, each with why. */
export function dependenciesOf(resource: TerraformResource, kept: Kept): string {
  const byWhy = new Map<string, string[]>();
  for (const [dependency, why] of kept.dependencies) {
    byWhy.set(why, [...(byWhy.get(why) ?? []), expressionIn(resource, dependency)]);
  }
  return [...byWhy].map(([why, dependencies]) => `${dependencies.join(', ')}: ${why}`).join('; ');
}
