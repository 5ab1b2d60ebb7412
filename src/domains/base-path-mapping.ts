import type { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { Construct, IConstruct } from 'constructs';
import { knownPart, MAPPING_KEY_LEVEL, mappingId, MappingTarget } from './api-mapping';
import { domainIdentity, isPrivateDomain } from './domain-identity';
import { claimDomainMapping, comparableKey, keyInId, keyOrigin, sameMappingError } from './domain-registry';
import { invalidProperty } from '../core/errors';
import { newOwnedResource, ownedMapping } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct, StructShape } from '../core/struct-check';

/** Options of a custom domain's base path mapping to a REST API stage. */
export interface BasePathMappingOptions {
  /**
   * The path segment after the domain name that selects the stage (`https://api.example.com/<basePath>/...`):
   * letters, digits and `$-_.+!*'()`, without `/` (a base path mapping has one level; for a key of
   * several levels, such as `orders/v1`, use `addApiMapping`).
   * @default - none: the whole domain maps to the stage, and the domain can have no other mapping
   */
  readonly basePath?: string;

  /**
   * The identifier of a private custom domain name (its `domain_name_id`), for a private API.
   * @default - the `domainNameId` of the private custom domain name (`aws_api_gateway_domain_name`
   * with the endpoint type PRIVATE) whose `domainName` is given; else a public custom domain
   */
  readonly domainNameId?: string;
}

/** `BasePathMappingOptions`. */
export const BASE_PATH_MAPPING_OPTIONS: StructShape = {
  name: 'BasePathMappingOptions',
  properties: { basePath: 'string', domainNameId: 'string' },
  elsewhere: { apiMappingKey: "an API mapping's key, of addApiMapping; a base path mapping's is 'basePath'" },
};

/** At most this many characters, as for an API mapping key (AWS documents the limit for REST mappings too). */
const MAX_BASE_PATH_LENGTH = 300;

/**
 * Creates the `aws_api_gateway_base_path_mapping` of `domainName` to a stage, as a child of `scope`
 * (the deployment construct of the stage: a base path moved to another of its stages is one
 * mapping updated in place). The mapping names the stage through the stage resource (never a
 * literal name): it is created after the stage, and a renamed stage is created, the mapping moved
 * to it, and the old stage deleted, in that order (AWS refuses to delete a stage a mapping points at).
 */
export function addBasePathMapping(
  scope: Construct,
  owner: IConstruct,
  property: string,
  stage: MappingTarget,
  domainName: string,
  options: BasePathMappingOptions,
): ApiGatewayBasePathMapping {
  checkStruct(owner, `${property}.`, options, BASE_PATH_MAPPING_OPTIONS);
  const basePath = options.basePath;
  if (basePath === '(none)') {
    throw invalidProperty(owner, `${property}.basePath`, basePath,
      "a base path, or no basePath to map the whole domain ('(none)' is how AWS's API names the empty base path; the provider reads it back as empty)");
  }
  if (basePath !== undefined && (!MAPPING_KEY_LEVEL.test(knownPart(basePath)) || knownPart(basePath).length > MAX_BASE_PATH_LENGTH)) {
    throw invalidProperty(owner, `${property}.basePath`, basePath,
      `a single path segment of letters, digits and $-_.+!*'(), at most ${MAX_BASE_PATH_LENGTH} characters (no '/': for a key of several levels, `
      + "such as 'orders/v1', use addApiMapping(domainName, { apiMappingKey }); omit basePath to map the whole domain)");
  }
  // A private domain resource given by its domainName is named by its domain_name_id, as AWS requires.
  const named = domainIdentity(owner, `${property}(domainName)`, domainName, options.domainNameId);
  const domainNameId = options.domainNameId ?? (isPrivateDomain(named.resource) ? named.resource!.getStringAttribute('domain_name_id') : undefined);
  const domain = domainNameId === options.domainNameId ? named : domainIdentity(owner, `${property}(domainName)`, domainName, domainNameId);
  const key = comparableKey(owner, basePath);
  const id = mappingId('BasePathMapping', keyInId(owner, basePath), domain.addressKey);
  const duplicate = sameMappingError(owner, property, domain, scope, id, 'basePath');
  if (duplicate !== undefined) {
    throw duplicate;
  }
  const mapping = newOwnedResource(ProviderResources.ApiGatewayBasePathMapping, scope, id, {
    domainName,
    domainNameId,
    basePath,
    apiId: stage.apiId,
    stageName: stage.stageNameReference,
    provider: stage.provider,
    region: stage.region,
  }, ownedMapping(owner, `${property}(${domainName})`, { api: 'apiId', stage: 'stageName', key: 'basePath', keyProperty: 'basePath', domainNameId: true }));
  claimDomainMapping(owner, property, domain, {
    mapping, key, keyOrigin: keyOrigin(owner, basePath), apiKind: 'REST', keyProperty: 'basePath', emptyKeyExclusive: true,
  });
  return mapping;
}

