import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from '../errors';
import { ApiStack, discoverApiResources, ResolvedResource, resolvedResource, stacksOfApi } from './api-configuration';
import {
  IGNORED_CONFIGURATION_KEYS,
  IGNORED_REST_API_KEYS,
  INTEGRATION_TYPE,
  METHOD_TYPE,
  orderingAttributeOf,
  REST_API_PUT_TYPE,
} from './api-resource-types';
import { AppBlocks } from './app-blocks';
import { blindSpotWarnings } from './blind-spots';
import { canonicalDigest, compare } from './canonical-json';
import { equivalentConfiguration } from './equivalent-configuration';
import { InvalidOpenApiBodyError, openApiBodyTrigger } from './openapi-body';
import { hashExpression, ReferenceEntries } from './reference-entries';
import { ANY_INSTANCE, findReferences } from './terraform-references';

/**
 * The trigger key whose value is a Terraform expression over the ids of the API's
 * resources in the deployment's stack: it changes when one is replaced, and it makes
 * Terraform create the deployment after all of them.
 */
export const RESOURCE_IDS_TRIGGER_KEY = 'resource_ids';

/** The suffix of the trigger key for a REST API's OpenAPI body: `<api address>.body`. */
export const BODY_TRIGGER_SUFFIX = '.body';

/** What the redeploy triggers are computed from. */
export interface RedeployTriggerSources {
  /** The construct that owns the triggers, named in errors. */
  readonly owner: IConstruct;
  /** The REST API, when the owner knows it; undefined for an API given by id. */
  readonly restApi?: TerraformResource;
  /** Whether to find the REST API's resources by their `rest_api_id`. */
  readonly autoDiscover: boolean;
  /** Resources to hash in addition to the discovered ones. */
  readonly resources: readonly TerraformResource[];
  /** Trigger entries given by the user, passed through unchanged. */
  readonly userTriggers: ReadonlyMap<string, string>;
  /** Constructs whose blind-spot warnings the user has acknowledged. */
  readonly acknowledgedBlindSpots: readonly IConstruct[];
}

/**
 * How much to compute. `check` finds the API's resources, registers cross-stack
 * references, and finds everything that is wrong or worth a warning; `full` also
 * digests every configuration. cdktf prepares every stack before it writes any: checking
 * while preparing fails a bad app before any stack is written.
 */
export type TriggerComputation = 'check' | 'full';

/** The computed triggers and what the computation noticed on the way. */
export interface RedeployTriggers {
  /** Every trigger entry, keys in sorted order; none with `check`. */
  readonly triggers: Record<string, string>;
  /** With `check`: configurations that will fail at deploy time, and parts of the API discovery cannot see, in words. */
  readonly warnings: string[];
  /** Whether there is no trigger entry at all, so the API would never be redeployed. */
  readonly neverRedeploys: boolean;
}

/**
 * Computes the deployment's triggers: one digest per API resource, keyed by its
 * Terraform address; one for the OpenAPI body; one Terraform expression per object the
 * configuration references (a Lambda function, a variable, ...), keyed by its address;
 * one over the ids of the API's resources; and the user's own entries.
 */
export function computeRedeployTriggers(
  sources: RedeployTriggerSources,
  blocks: AppBlocks,
  computation: TriggerComputation = 'full',
): RedeployTriggers {
  const full = computation === 'full';
  const { items, apiStacks } = collectResources(sources, blocks);
  const api = items.find((item) => item.resource === sources.restApi);
  // Checking needs the automatic keys only to compare them with the user's (and, for
  // another stack's resources, the references, to register them across stacks).
  const keysNeeded = full || sources.userTriggers.size > 0;
  // Maps, not objects: keys such as "constructor" or "__proto__" are plain keys here.
  const automatic = new Map<string, string>();
  const references = new ReferenceEntries(blocks, items);
  const ids: string[] = [];

  for (const item of items) {
    if (!keysNeeded && item.stack === blocks.home) {
      continue;
    }
    const configuration = withoutKeys(item.config, item === api ? [IGNORED_CONFIGURATION_KEYS, IGNORED_REST_API_KEYS] : [IGNORED_CONFIGURATION_KEYS]);
    automatic.set(item.key, full ? canonicalDigest(equivalentConfiguration(item.type, configuration)) : '');
    references.addAll(item.stack, findReferences(configuration));
    if (item !== api && item.stack === blocks.home) {
      ids.push(idReference(item));
    }
  }
  if (api && typeof api.config.body === 'string') {
    automatic.set(api.key + BODY_TRIGGER_SUFFIX, bodyTrigger(sources, api, blocks));
  }
  for (const [key, value] of references.entries()) {
    automatic.set(key, value);
  }
  if (ids.length > 0) {
    automatic.set(RESOURCE_IDS_TRIGGER_KEY, full ? hashExpression(ids) : '');
  }

  const triggers = new Map(automatic);
  for (const [key, value] of sources.userTriggers) {
    if (automatic.has(key)) {
      throw invalidProperty(sources.owner, `triggers.${key}`, value,
        `a key that none of the automatic trigger entries use (there is an automatic entry "${key}"); choose another key`);
    }
    triggers.set(key, value);
  }

  const warnings = !full && sources.autoDiscover && api
    ? [...deployWarnings(api, items), ...blindSpotWarnings(api, apiStacks, items, blocks, sources.acknowledgedBlindSpots)]
    : [];
  return {
    triggers: full ? sortedByKey(triggers) : {},
    warnings,
    neverRedeploys: triggers.size === 0 && items.length === 0,
  };
}

/**
 * The REST API, the discovered resources (in every stack that can hold them) and the
 * given ones, each once.
 */
function collectResources(sources: RedeployTriggerSources, blocks: AppBlocks): { items: ResolvedResource[]; apiStacks: ApiStack[] } {
  const collected = new Map<TerraformResource, ResolvedResource>();
  const add = (item: ResolvedResource | undefined) => {
    if (item !== undefined && !collected.has(item.resource)) {
      collected.set(item.resource, item);
    }
  };
  let apiStacks: ApiStack[] = [];
  if (sources.restApi) {
    add(resolvedResource(sources.restApi, blocks));
    if (sources.autoDiscover) {
      apiStacks = stacksOfApi(sources.restApi, blocks);
      discoverApiResources(apiStacks, blocks).forEach(add);
    }
  }
  for (const resource of sources.resources) {
    if (!collected.has(resource)) {
      add(resolvedResource(resource, blocks));
    }
  }
  return { items: [...collected.values()], apiStacks };
}

function bodyTrigger(sources: RedeployTriggerSources, api: ResolvedResource, blocks: AppBlocks): string {
  const body = api.config.body as string;
  try {
    return openApiBodyTrigger(body, () => blocks.expressionInHome(api.address + BODY_TRIGGER_SUFFIX, api.stack));
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

/**
 * The entries as an object, keys in order. Without a prototype, so that a key such as
 * `__proto__` is a plain key. (Built key by key: `Object.fromEntries` over sorted pairs cost
 * a 1000-method stack about 8 % more peak memory.)
 */
function sortedByKey(entries: Map<string, string>): Record<string, string> {
  const sorted: Record<string, string> = Object.create(null);
  for (const key of [...entries.keys()].sort(compare)) {
    sorted[key] = entries.get(key)!;
  }
  return sorted;
}
