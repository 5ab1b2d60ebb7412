import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { DomainIdentity, isPrivateDomain } from './domain-identity';
import { invalidProperty } from '../core/errors';
import { sameAccount } from '../core/placement';

/** The kind of API a mapping points at. */
export type MappedApiKind = 'REST' | 'HTTP' | 'WebSocket';

/** The settings of an `aws_api_gateway_domain_name` that decide which mappings AWS serves on it. */
interface RestDomainSettings {
  readonly endpointConfigurationInput?: { readonly types?: unknown };
  readonly securityPolicyInput?: unknown;
  readonly certificateArnInput?: unknown;
  readonly regionalCertificateArnInput?: unknown;
}

/**
 * Fails where the domain resource itself cannot serve the mapping: AWS serves HTTP and WebSocket
 * APIs, and keys of several levels, only on a Regional custom domain with the TLS 1.2 security policy
 * (developer guide, "Custom domain names for HTTP APIs" and "... for WebSocket APIs": only Regional
 * custom domain names, only TLS 1.2). Checked where the app creates the domain as an
 * `aws_api_gateway_domain_name` with literal settings (named by its resource, or by its literal name
 * with the mapping's provider and region; made before the mapping): an `aws_apigatewayv2_domain_name` is always Regional, and its provider
 * checks its policy. A private custom domain name (endpoint type PRIVATE) takes no API mapping at all:
 * `aws_apigatewayv2_api_mapping` cannot name one (it has no `domain_name_id`); a private REST API is
 * mapped to it with `addBasePathMapping`.
 */
export function checkDomainEndpoint(
  owner: IConstruct, property: string, domain: DomainIdentity, apiKind: MappedApiKind, levels: number, mapping: TerraformResource,
): void {
  const resource = domain.resource;
  if (resource?.terraformResourceType !== 'aws_api_gateway_domain_name') {
    return;
  }
  // A resource found by its literal name is this domain only where the mapping is (a name may be used in several regions).
  if (!domain.referenced && sameAccount(resource, mapping) !== 'same') {
    return;
  }
  if (isPrivateDomain(resource)) {
    throw invalidProperty(owner, property, domain.given,
      `a public custom domain name: '${resource.node.path}' is a private custom domain name (endpoint type PRIVATE), which an API mapping `
      + "(aws_apigatewayv2_api_mapping) cannot name; map a private REST API's stage to it with addBasePathMapping (the library passes the "
      + "domain's domainNameId)");
  }
  const served = apiKind === 'HTTP' ? 'an HTTP API' : apiKind === 'WebSocket' ? 'a WebSocket API' : levels > 1 ? 'a mapping key of several levels' : undefined;
  const settings = resource as unknown as RestDomainSettings;
  const types = settings.endpointConfigurationInput?.types;
  // Without an endpoint configuration, a domain with only an edge certificate is edge-optimized.
  const edge = Array.isArray(types)
    ? types.includes('EDGE')
    : settings.regionalCertificateArnInput === undefined && settings.certificateArnInput !== undefined;
  const problem = edge ? 'is edge-optimized' : settings.securityPolicyInput === 'TLS_1_0' ? "has the security policy 'TLS_1_0'" : undefined;
  if (served !== undefined && problem !== undefined) {
    throw invalidProperty(owner, property, domain.given,
      `a Regional custom domain with the TLS 1.2 security policy: '${resource.node.path}' ${problem}, and AWS serves ${served} only on a `
      + "Regional domain with TLS 1.2 (endpointConfiguration: { types: ['REGIONAL'] }, regionalCertificateArn, securityPolicy: 'TLS_1_2')");
  }
}
