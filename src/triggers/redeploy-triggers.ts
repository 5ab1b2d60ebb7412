import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from '../errors';
import {
  addressOf,
  discoverApiResources,
  IDENTIFYING_KEYS,
  ResolvedResource,
  resolveResource,
  Resolver,
  resourcesByAddress,
} from './api-configuration';
import {
  IGNORED_CONFIGURATION_KEYS,
  IGNORED_REST_API_KEYS,
  INTEGRATION_TYPE,
  METHOD_TYPE,
  orderingAttributeOf,
  REST_API_PUT_TYPE,
} from './api-resource-types';
import { canonicalDigest, compare } from './canonical-json';
import { equivalentConfiguration } from './equivalent-configuration';
import { InvalidOpenApiBodyError, openApiBodyTrigger } from './openapi-body';
import { ANY_INSTANCE, findReferences } from './terraform-references';

/**
 * The trigger key whose value is a Terraform expression over every reference found in
 * the API's configuration, evaluated at plan time.
 */
export const REFERENCES_TRIGGER_KEY = 'references';

/** The suffix of the trigger key for a REST API's OpenAPI body: `<api address>.body`. */
export const BODY_TRIGGER_SUFFIX = '.body';

/** What the redeploy triggers are computed from. */
export interface RedeployTriggerSources {
  /** The construct that owns the triggers, named in errors. */
  readonly owner: IConstruct;
  /** Where discovery looks: the owner's stack. */
  readonly searchRoot: IConstruct;
  /** The REST API, when the owner knows it; undefined for an API given by id. */
  readonly restApi?: TerraformResource;
  /** Whether to find the REST API's resources by their `rest_api_id`. */
  readonly autoDiscover: boolean;
  /** Resources to hash in addition to the discovered ones. */
  readonly resources: readonly TerraformResource[];
  /** Trigger entries given by the user, passed through unchanged. */
  readonly userTriggers: ReadonlyMap<string, string>;
}

/**
 * How much to compute. `check` finds the API's resources and everything that is wrong
 * or worth a warning, resolving only the few keys that identify each resource; `full`
 * also digests every configuration. cdktf resolves a stack twice (prepare, then
 * render): checking in the first pass and digesting in the second fails a bad app
 * before any stack is written while resolving each API resource fully only once.
 */
export type TriggerComputation = 'check' | 'full';

/** The computed triggers and what the computation noticed on the way. */
export interface RedeployTriggers {
  /** Every trigger entry, keys in sorted order; with `check`, the user's entries only. */
  readonly triggers: Record<string, string>;
  /** Configurations that will fail at deploy time, in words. */
  readonly warnings: string[];
  /** Whether there is no trigger entry at all, so the API would never be redeployed. */
  readonly neverRedeploys: boolean;
}

/**
 * Computes the deployment's triggers: one digest per API resource, keyed by its
 * Terraform address; one for the OpenAPI body; one Terraform expression over every
 * reference and resource id; and the user's own entries.
 */
export function computeRedeployTriggers(
  sources: RedeployTriggerSources,
  resolve: Resolver,
  computation: TriggerComputation = 'full',
): RedeployTriggers {
  const full = computation === 'full';
  const collected = collectResources(sources, resolve, full);
  const api = sources.restApi ? collected.get(addressOf(sources.restApi)) : undefined;
  // Maps, not objects: keys such as "constructor" or "__proto__" are plain keys here.
  const automatic = new Map<string, string>();
  const references = new Set<string>();

  for (const item of collected.values()) {
    if (!full) {
      automatic.set(item.address, '');
      continue;
    }
    const configuration = withoutKeys(item.config, item === api ? [IGNORED_CONFIGURATION_KEYS, IGNORED_REST_API_KEYS] : [IGNORED_CONFIGURATION_KEYS]);
    automatic.set(item.address, canonicalDigest(equivalentConfiguration(item.type, configuration)));
    findReferences(configuration).forEach((reference) => references.add(reference));
    if (item !== api) {
      references.add(idReference(item));
    }
  }
  if (api && typeof api.config.body === 'string') {
    automatic.set(api.address + BODY_TRIGGER_SUFFIX, bodyTrigger(sources, api));
  }
  if (references.size > 0) {
    automatic.set(REFERENCES_TRIGGER_KEY, referencesExpression(references, sources.searchRoot));
  }

  const triggers = new Map(full ? automatic : []);
  for (const [key, value] of sources.userTriggers) {
    if (automatic.has(key)) {
      throw invalidProperty(sources.owner, `triggers.${key}`, value,
        `a key that none of the automatic trigger entries use (there is an automatic entry "${key}"); choose another key`);
    }
    triggers.set(key, value);
  }

  return {
    triggers: sortedByKey(triggers),
    warnings: sources.autoDiscover && api ? deployWarnings(api, [...collected.values()]) : [],
    neverRedeploys: automatic.size + sources.userTriggers.size === 0,
  };
}

/**
 * The REST API (always resolved whole: its body is checked), the discovered resources
 * and the given ones, by address. With `full` false, only their identifying keys.
 */
function collectResources(sources: RedeployTriggerSources, resolve: Resolver, full: boolean): Map<string, ResolvedResource> {
  const onlyKeys = full ? undefined : IDENTIFYING_KEYS;
  const collected = new Map<string, ResolvedResource>();
  const add = (item: ResolvedResource | undefined) => {
    if (item !== undefined && !collected.has(item.address)) {
      collected.set(item.address, item);
    }
  };
  if (sources.restApi) {
    add(resolveResource(sources.restApi, resolve));
    if (sources.autoDiscover) {
      const restApiIdReference = resolve(sources.restApi.getStringAttribute('id')) as string;
      discoverApiResources(sources.searchRoot, restApiIdReference, resolve, onlyKeys).forEach(add);
    }
  }
  for (const resource of sources.resources) {
    if (!collected.has(addressOf(resource))) {
      add(resolveResource(resource, resolve, onlyKeys));
    }
  }
  return collected;
}

function bodyTrigger(sources: RedeployTriggerSources, api: ResolvedResource): string {
  const body = api.config.body as string;
  try {
    return openApiBodyTrigger(body, api.address + BODY_TRIGGER_SUFFIX);
  } catch (error) {
    if (error instanceof InvalidOpenApiBodyError) {
      throw invalidProperty(sources.owner, `restApi.body (of '${api.resource.node.path}')`, body, error.message);
    }
    throw error;
  }
}

function withoutKeys(config: Record<string, unknown>, ignored: ReadonlySet<string>[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !ignored.some((keys) => keys.has(key))));
}

/**
 * `type.name.id` (or the type's ordering attribute), or that attribute of every instance for
 * a resource with `count` or `for_each`.
 */
function idReference(item: ResolvedResource): string {
  const attribute = orderingAttributeOf(item.type);
  if (item.config.for_each !== undefined) {
    return `values(${item.address})${ANY_INSTANCE}.${attribute}`;
  }
  if (item.config.count !== undefined) {
    return `${item.address}${ANY_INSTANCE}.${attribute}`;
  }
  return `${item.address}.${attribute}`;
}

/**
 * `${sha1(jsonencode([...]))}` over the references, sorted. A reference that indexes a
 * `for_each` resource with a value known only inside the referring resource takes the
 * values of every instance.
 */
function referencesExpression(references: Set<string>, searchRoot: IConstruct): string {
  let resources: Map<string, TerraformResource> | undefined;
  const rewritten = [...references].map((reference) => {
    const wildcard = reference.indexOf(ANY_INSTANCE);
    if (wildcard < 0 || reference.startsWith('values(')) {
      return reference;
    }
    const address = reference.slice(0, wildcard);
    resources ??= resourcesByAddress(searchRoot);
    return resources.get(address)?.forEach !== undefined
      ? `values(${address})${reference.slice(wildcard)}`
      : reference;
  });
  const unique = [...new Set(rewritten)].sort(compare);
  return `\${sha1(jsonencode([${unique.join(', ')}]))}`;
}

function deployWarnings(api: ResolvedResource, items: ResolvedResource[]): string[] {
  const methods = items.filter((item) => item.type === METHOD_TYPE);
  const integrations = items.filter((item) => item.type === INTEGRATION_TYPE);
  const hasBody = api.config.body !== undefined || items.some((item) => item.type === REST_API_PUT_TYPE);
  const warnings: string[] = [];
  if (methods.length === 0 && !hasBody) {
    warnings.push(
      `The REST API ${api.address} has no methods and no OpenAPI body: AWS refuses to deploy it ("The REST API doesn't contain any methods"). ` +
      'Add an aws_api_gateway_method with its integration, or a body.',
    );
  }
  if ([...methods, ...integrations].some(isMultiInstance)) {
    return warnings; // which method each instance of a counted resource serves is only known at plan time
  }
  const httpMethodOf = new Map(methods.map((method) => [method.address, method.config.http_method]));
  const integrated = new Set(integrations.map((integration) => {
    const httpMethod = integration.config.http_method;
    const referenced = /^\$\{(aws_api_gateway_method\.[^.}]+)\.http_method\}$/.exec(String(httpMethod));
    const method = referenced ? httpMethodOf.get(referenced[1]) ?? httpMethod : httpMethod;
    return methodKey(integration.config.resource_id, method);
  }));
  for (const method of methods) {
    if (!integrated.has(methodKey(method.config.resource_id, method.config.http_method))) {
      warnings.push(
        `The method ${method.address} ('${method.resource.node.path}') has no aws_api_gateway_integration: ` +
        'the deployment will fail with "No integration defined for method". Add an integration for it.',
      );
    }
  }
  return warnings;
}

function isMultiInstance(item: ResolvedResource): boolean {
  return item.config.count !== undefined || item.config.for_each !== undefined;
}

function methodKey(resourceId: unknown, httpMethod: unknown): string {
  return JSON.stringify([resourceId, httpMethod]);
}

function sortedByKey(entries: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => compare(a, b)));
}
