import { TerraformResource, Token } from 'cdktf';
import { MappedApiKind } from './domain-endpoint';
import { domainIdentity } from './domain-identity';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { literalOf } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { idReferenceOf } from '../core/resolve';

/** A mapping of the app written by hand (no construct of the library made it), as the domain checks compare it. */
export interface HandWrittenMapping {
  readonly mapping: TerraformResource;
  /** The domain's identity (`domainIdentity`), its key (`''` for none; a token as its expression) and where that is valid. */
  readonly domainId: string;
  readonly key: string;
  readonly keyOrigin: string;
  /** The kind of API it maps; undefined when the library cannot tell (an API id of no resource of the app). */
  readonly apiKind?: MappedApiKind;
  readonly keyProperty: string;
  /** A REST base path mapping without base path: AWS then allows no other mapping on the domain. */
  readonly emptyKeyExclusive: boolean;
}

/** Each type of mapping: its key's argument, the key's property in errors, and whether it maps REST APIs only. */
interface MappingShape {
  readonly argument: string;
  readonly keyProperty: string;
  readonly rest: boolean;
}

const MAPPING_TYPES: Readonly<Record<string, MappingShape>> = {
  aws_api_gateway_base_path_mapping: { argument: 'base_path', keyProperty: 'basePath', rest: true },
  aws_apigatewayv2_api_mapping: { argument: 'api_mapping_key', keyProperty: 'apiMappingKey', rest: false },
};

/**
 * The app's mappings written by hand, by the identity of their domain (listed once per app generation,
 * when the app is validated): the library's mappings are compared with them as with each other.
 */
export function handWrittenMappings(scope: TerraformResource, comparableKey: (owner: TerraformResource, key: string | undefined) => string,
  keyOrigin: (owner: TerraformResource, key: string | undefined) => string): ReadonlyMap<string, readonly HandWrittenMapping[]> {
  const index = AppIndex.of(scope);
  return index.appMemo('mappings written by hand, by domain', () => {
    const byDomain = new Map<string, HandWrittenMapping[]>();
    for (const [type, shape] of Object.entries(MAPPING_TYPES)) {
      for (const mapping of index.resourcesOfType(type).filter((resource) => ownerOfResource(resource) === undefined)) {
        const fields = mapping as unknown as Record<string, unknown>;
        // An override of an argument is what Terraform gets; a local value holding a literal key is that key.
        const domainName = configuredArgument(mapping, 'domain_name');
        const given = configuredArgument(mapping, shape.argument);
        const key = typeof given === 'string' ? literalOf(given) ?? given : given;
        if (typeof domainName !== 'string' || (key !== undefined && typeof key !== 'string') || fields.domainNameIdInput !== undefined) {
          continue; // not a mapping the library can compare (a private custom domain, a value of another kind)
        }
        let domainId: string;
        try {
          domainId = domainIdentity(mapping, 'domainName', domainName).id;
        } catch {
          continue; // a name AWS refuses, which terraform apply reports
        }
        const written: HandWrittenMapping = {
          mapping,
          domainId,
          key: comparableKey(mapping, key),
          keyOrigin: keyOrigin(mapping, key),
          keyProperty: shape.keyProperty,
          apiKind: shape.rest ? 'REST' : v2ApiKind(mapping, index, fields.apiIdInput),
          emptyKeyExclusive: shape.rest,
        };
        byDomain.set(domainId, [...byDomain.get(domainId) ?? [], written]);
      }
    }
    return byDomain;
  });
}

/**
 * The kind of the API an API id names (`api.id`, through local values, data sources and other resources'
 * API id arguments), when it is a resource of the app with a literal protocol type (a REST API's id may
 * be given to an API mapping too).
 */
function v2ApiKind(mapping: TerraformResource, index: AppIndex, apiId: unknown): MappedApiKind | undefined {
  const named = typeof apiId === 'string' ? idReferenceOf(apiIdBehind(mapping, apiId)) : undefined;
  if (named?.type === 'aws_api_gateway_rest_api') {
    return 'REST';
  }
  const api = named?.type === 'aws_apigatewayv2_api' ? index.resourceNamed(named.type, named.stack, named.name) : undefined;
  const protocol = (api as { protocolTypeInput?: unknown } | undefined)?.protocolTypeInput;
  return typeof protocol !== 'string' || Token.isUnresolved(protocol) ? undefined : protocol === 'WEBSOCKET' ? 'WebSocket' : 'HTTP';
}
