import type { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { checkDomainEndpoint, MappedApiKind } from './domain-endpoint';
import { domainIdentity } from './domain-identity';
import { claimDomainMapping, comparableKey, keyInId, keyOrigin, sameMappingError } from './domain-registry';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
import { discardOwned, newOwnedResource, ownedMapping } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct, StructShape } from '../core/struct-check';
import { sha256Hex } from '../triggers/canonical-json';

/** Options of a custom domain's API mapping to a stage. */
export interface ApiMappingOptions {
  /**
   * The path after the domain name that selects the stage (`https://api.example.com/<apiMappingKey>/...`):
   * one or more levels separated by `/` (`orders`, `orders/v1`), each of letters, digits and
   * `$-_.+!*'()`, at most 300 characters in all. A WebSocket API's key has one level. A key of
   * several levels needs a Regional domain name with the TLS 1.2 security policy.
   * @default - none: the stage serves every path of the domain that no other mapping's key begins
   */
  readonly apiMappingKey?: string;
}

/** `ApiMappingOptions`, for callers no compiler checks. */
export const API_MAPPING_OPTIONS: StructShape = {
  name: 'ApiMappingOptions',
  properties: { apiMappingKey: 'string' },
  elsewhere: { basePath: "a base path mapping's, of addBasePathMapping; an API mapping's key is 'apiMappingKey'" },
};

/** What a mapping needs from the stage it points at. */
export interface MappingTarget {
  readonly apiId: string;
  /** The stage's name as a reference to the stage resource, so that the mapping waits for it. */
  readonly stageNameReference: string;
  readonly provider?: TerraformProvider;
  /** The stage's own region (provider v6's per-resource `region`), which the mapping and its domain share. */
  readonly region?: string;
  readonly apiKind: MappedApiKind;
}

/** One level of a mapping key, or a base path, as AWS takes it: letters, digits and `$-_.+!*'()`. */
export const MAPPING_KEY_LEVEL = /^[a-zA-Z0-9$\-_.+!*'()]+$/;
const MAX_KEY_LENGTH = 300;

/** What a mapping key must be, for errors. */
export function expectedMappingKey(apiKind: MappedApiKind): string {
  return apiKind === 'WebSocket'
    ? `a key of letters, digits and $-_.+!*'() (one level: a WebSocket API's mapping key has no '/'), at most ${MAX_KEY_LENGTH} characters; omit it to map the domain's root`
    : `levels of letters, digits and $-_.+!*'() separated by '/', such as 'orders/v1', at most ${MAX_KEY_LENGTH} characters; omit it to map the domain's root`;
}

/**
 * Whether AWS takes `key` as an API mapping key of an API of `apiKind`. A key with tokens is
 * checked in the parts that are known (each token stands for some valid characters).
 */
export function isValidMappingKey(key: string, apiKind: MappedApiKind): boolean {
  const known = knownPart(key);
  const levels = known.split('/');
  return known.length <= MAX_KEY_LENGTH
    && levels.every((level) => MAPPING_KEY_LEVEL.test(level))
    && (apiKind !== 'WebSocket' || levels.length === 1);
}

/** The levels of a key (a token counted as part of one level). */
export function mappingKeyLevels(key: string | undefined): number {
  return key === undefined ? 1 : knownPart(key).split('/').length;
}

/** `value` with each token in it replaced by one valid character: what is known of a key or base path. */
export function knownPart(value: string): string {
  // A local value holding a literal is that literal.
  const literal = literalOf(value);
  return literal ?? value.replace(/\$\{TfToken\[[^\]]*\]\}/g, 'x');
}

/**
 * Creates the `aws_apigatewayv2_api_mapping` of `domainName` to a stage, as a child of `scope` (the
 * deployment construct of the stage, so that a key moved to another of its stages is one mapping
 * updated in place), after checking the key and the domain and claiming the key on the domain for
 * the whole app. The mapping names the stage through the stage resource: it is created after the
 * stage, and moved to a renamed stage before the old one is deleted.
 */
export function addApiMapping(
  scope: Construct,
  owner: IConstruct,
  property: string,
  target: MappingTarget,
  domainName: string,
  options: ApiMappingOptions,
): Apigatewayv2ApiMapping {
  checkStruct(owner, `${property}.`, options, API_MAPPING_OPTIONS);
  const domain = domainIdentity(owner, `${property}(domainName)`, domainName);
  const key = options.apiMappingKey;
  if (key === '(none)') {
    throw invalidProperty(owner, `${property}.apiMappingKey`, key, "a key, or no apiMappingKey to map the domain's root ('(none)' is how AWS names the empty key)");
  }
  if (key !== undefined && !isValidMappingKey(key, target.apiKind)) {
    throw invalidProperty(owner, `${property}.apiMappingKey`, key, expectedMappingKey(target.apiKind));
  }
  const comparable = comparableKey(owner, key);
  const id = mappingId('ApiMapping', keyInId(owner, key), domain.addressKey);
  const duplicate = sameMappingError(owner, property, domain, scope, id, 'apiMappingKey');
  if (duplicate !== undefined) {
    throw duplicate;
  }
  const mapping = newOwnedResource(ProviderResources.Apigatewayv2ApiMapping, scope, id, {
    domainName,
    apiMappingKey: key,
    apiId: target.apiId,
    stage: target.stageNameReference,
    provider: target.provider,
    region: target.region,
  }, ownedMapping(owner, `${property}(${domainName})`, { api: 'apiId', stage: 'stage', key: 'apiMappingKey', keyProperty: 'apiMappingKey' }));
  try {
    checkDomainEndpoint(owner, `${property}(domainName)`, domain, target.apiKind, mappingKeyLevels(key), mapping);
  } catch (error) {
    discardOwned(mapping);
    throw error;
  }
  claimDomainMapping(owner, property, domain, {
    mapping, key: comparable, keyOrigin: keyOrigin(owner, key), apiKind: target.apiKind, keyProperty: 'apiMappingKey', emptyKeyExclusive: false, keyLevels: mappingKeyLevels(key),
  });
  return mapping;
}

/**
 * The construct id of a mapping (`prefix`: `ApiMapping`, `BasePathMapping`): its key (readable in
 * plans; a token as its expression) and its domain as given (`DomainIdentity.addressKey`; one stage
 * may have the same key on two domains).
 */
export function mappingId(prefix: string, key: string, domainAddressKey: string): string {
  const readableKey = key === '' ? 'root' : key.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  return `${prefix}_${readableKey}_${sha256Hex(`${domainAddressKey}\u0000${key}`).slice(0, 8)}`;
}
