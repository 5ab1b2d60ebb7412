import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { ApiSnapshot, SnapshotResource } from './api-snapshot';
import { argumentsNeverDeployed } from './argument-roles';
import { canonicalDigest } from './canonical-json';
import { CrossStackExpressions } from './cross-stack-expressions';
import { equivalentConfiguration } from './equivalent-configuration';
import { FileReads, fileReadsIn } from './file-reads';
import { InvalidOpenApiBodyError, openApiBodyTrigger } from './openapi-body';
import { hashExpression, narrowWholeForEach, ReferenceEntries } from './reference-entries';
import { ANY_INSTANCE, findReferences } from './terraform-references';
import { invalidProperty } from '../core/errors';

/**
 * The trigger key whose value is a Terraform expression over the ids of the API's resources in
 * the deployment's stack: it changes when one is replaced, and it makes Terraform create the
 * deployment after all of them.
 */
export const RESOURCE_IDS_TRIGGER_KEY = 'resource_ids';

/** The suffix of the trigger key for an API's OpenAPI body: `<api address>.body`. */
export const BODY_TRIGGER_SUFFIX = '.body';

/** The suffix of the trigger key for the files a resource reads at plan time: `<address>.files`. */
export const FILES_TRIGGER_SUFFIX = '.files';

/**
 * Configuration keys that never change what is deployed, whatever the type: Terraform
 * meta-arguments that only steer Terraform, tags, and cdktf's `//` metadata. `count` and
 * `for_each` are not here: they decide which resources exist.
 */
const META_KEYS: ReadonlySet<string> = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'tags', 'tags_all']);

/** What to compute. */
export interface EntryOptions {
  /** Whether to digest the configurations; without, each entry's value is empty (its key is what counts). */
  readonly digests: boolean;
  /** Whether to compute the entries of the home stack's resources (the other stacks' are always computed: they register cross-stack references). */
  readonly homeEntries: boolean;
  /** The construct errors name, and the property that gives the API (`restApi`), for a body that is not a document. */
  readonly owner: IConstruct;
  readonly apiProperty: string;
}

/**
 * The automatic trigger entries: one digest per resource, keyed by its Terraform address; one
 * for the OpenAPI body; one Terraform expression per object the configuration references (a
 * Lambda function, a variable, ...), keyed by its address; one over the ids of the resources.
 */
export function automaticEntries(
  family: ApiFamily,
  snapshot: ApiSnapshot,
  expressions: CrossStackExpressions,
  options: EntryOptions,
): Map<string, string> {
  // A map, not an object: keys such as "constructor" or "__proto__" are plain keys here.
  const entries = new Map<string, string>();
  const references = new ReferenceEntries(snapshot, expressions);
  const ids: string[] = [];
  const omittedOf = omittedKeys(family);
  for (const item of snapshot.resources) {
    if (!options.homeEntries && item.stack === snapshot.home) {
      continue;
    }
    const omitted = withoutIgnored(omittedOf(item.type), item.config);
    const files = item.stack === snapshot.home ? fileReadsOf(snapshot, item, omitted) : undefined;
    if (files?.evaluable) {
      entries.set(item.key + FILES_TRIGGER_SUFFIX, options.digests ? hashExpression(files.calls) : '');
    }
    if (options.digests) {
      entries.set(item.key, canonicalDigest(equivalentConfiguration(item.config, family.equivalences[item.type]), omitted));
    } else {
      entries.set(item.key, '');
    }
    references.addAll(item.stack, narrowWholeForEach(item.config, findReferences(item.config, omitted)));
    if (item !== snapshot.api && item.stack === snapshot.home) {
      ids.push(idReference(family, item));
    }
  }
  const api = snapshot.api;
  if (api && api.config.body !== undefined && typeof api.config.body !== 'string') {
    // Only plain JavaScript, Python, Java or Go callers can give it (terraform validate: "string required").
    throw invalidProperty(options.owner, `${options.apiProperty}.body (of '${api.construct.node.path}')`, api.config.body,
      'an OpenAPI document as text (JSON or YAML): give JSON.stringify(document), not the object');
  }
  if (api && typeof api.config.body === 'string') {
    entries.set(api.key + BODY_TRIGGER_SUFFIX, bodyEntry(api, expressions, options));
  }
  for (const [key, value] of references.entries()) {
    entries.set(key, value);
  }
  if (ids.length > 0) {
    entries.set(RESOURCE_IDS_TRIGGER_KEY, options.digests ? hashExpression(ids) : '');
  }
  return entries;
}

/**
 * `omitted`, and the arguments the resource's `lifecycle.ignore_changes` names whole (`uri`; every one
 * for `all`): Terraform never sends their changes, so they redeploy nothing (a nested entry,
 * `request_templates["application/json"]`, leaves the argument's other parts deployed: kept).
 */
function withoutIgnored(omitted: (key: string) => boolean, config: Record<string, unknown>): (key: string) => boolean {
  const ignoreChanges = (config.lifecycle as { ignore_changes?: unknown } | undefined)?.ignore_changes;
  if (ignoreChanges === 'all') {
    return () => true;
  }
  const ignored = new Set(Array.isArray(ignoreChanges) ? ignoreChanges.filter((entry): entry is string => typeof entry === 'string' && /^[a-z_][a-z0-9_]*$/.test(entry)) : []);
  return ignored.size === 0 ? omitted : (key) => omitted(key) || ignored.has(key);
}

/** The configuration keys left out of a resource type's digest and references, by type. */
function omittedKeys(family: ApiFamily): (type: string) => (key: string) => boolean {
  const omittedOf = new Map<string, (key: string) => boolean>();
  return (type) => {
    let omitted = omittedOf.get(type);
    if (omitted === undefined) {
      const neverDeployed = argumentsNeverDeployed(family.argumentRoles[type]);
      omitted = (key: string) => META_KEYS.has(key) || neverDeployed.has(key);
      omittedOf.set(type, omitted);
    }
    return omitted;
  };
}

/** The files a resource reads at plan time (the API's OpenAPI body has an entry of its own). */
function fileReadsOf(snapshot: ApiSnapshot, item: SnapshotResource, omitted: (key: string) => boolean): FileReads | undefined {
  return fileReadsIn(item.config, item === snapshot.api ? (key) => key === 'body' || omitted(key) : omitted);
}

/** A resource that reads files the deployment cannot hash, and the calls that read them. */
export interface UnhashedFileRead {
  readonly item: SnapshotResource;
  readonly calls: readonly string[];
}

/**
 * The API's resources that read files at plan time where the deployment cannot hash them (in
 * another stack, or with `each`, `count` or `self` in the call): a change of such a file does not
 * redeploy the API.
 */
export function unhashedFileReads(family: ApiFamily, snapshot: ApiSnapshot): UnhashedFileRead[] {
  const omittedOf = omittedKeys(family);
  return snapshot.resources.flatMap((item) => {
    const files = fileReadsOf(snapshot, item, withoutIgnored(omittedOf(item.type), item.config));
    return files !== undefined && (!files.evaluable || item.stack !== snapshot.home) ? [{ item, calls: files.calls }] : [];
  });
}

function bodyEntry(api: SnapshotResource, expressions: CrossStackExpressions, options: EntryOptions): string {
  const body = api.config.body as string;
  try {
    return openApiBodyTrigger(body, () => expressions.inHome(api.address + BODY_TRIGGER_SUFFIX, api.stack));
  } catch (error) {
    if (error instanceof InvalidOpenApiBodyError) {
      throw invalidProperty(options.owner, `${options.apiProperty}.body (of '${api.construct.node.path}')`, body, error.message);
    }
    throw error;
  }
}

/**
 * `type.name.id` (or the type's ordering attribute), or that attribute of every instance for a
 * resource with `count` or `for_each`.
 */
function idReference(family: ApiFamily, item: SnapshotResource): string {
  const attribute = family.orderingAttribute(item.type);
  if (item.config.for_each !== undefined) {
    return `values(${item.address})${ANY_INSTANCE}.${attribute}`;
  }
  if (item.config.count !== undefined) {
    return `${item.address}${ANY_INSTANCE}.${attribute}`;
  }
  return `${item.address}.${attribute}`;
}

/**
 * The automatic entries and the user's, keys in order, in an object without a prototype (so
 * that a key such as `__proto__` is a plain key). A user key that an automatic entry uses is an
 * error. (Built key by key: `Object.fromEntries` over sorted pairs cost a 1000-method stack
 * about 8 % more peak memory.)
 */
export function triggerMap(automatic: ReadonlyMap<string, string>, user: ReadonlyMap<string, string>, owner: IConstruct): Record<string, string> {
  assertNoCollision(automatic, user, owner);
  const all = user.size === 0 ? automatic : new Map([...automatic, ...user]);
  const sorted: Record<string, string> = Object.create(null);
  // The default sort orders by UTF-16 code units, as `compare` does, and faster.
  for (const key of [...all.keys()].sort()) {
    sorted[key] = all.get(key)!;
  }
  return sorted;
}

/** Fails when a user key is one an automatic entry uses. */
export function assertNoCollision(automatic: ReadonlyMap<string, string>, user: ReadonlyMap<string, string>, owner: IConstruct): void {
  for (const [key, value] of user) {
    if (automatic.has(key)) {
      throw invalidProperty(owner, `triggers.${key}`, value,
        `a key that none of the automatic trigger entries use (there is an automatic entry "${key}"); choose another key`);
    }
  }
}
