import { TerraformResource, Token } from 'cdktf';
import { MappedApiKind } from './domain-endpoint';
import { domainIdentity } from './domain-identity';
import { AppIndex } from '../core/app-index';
import { heldByLocal } from '../core/locals';
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

const MAPPING_TYPES: Readonly<Record<string, { readonly key: string; readonly keyProperty: string; readonly rest: boolean }>> = {
  aws_api_gateway_base_path_mapping: { key: 'basePathInput', keyProperty: 'basePath', rest: true },
  aws_apigatewayv2_api_mapping: { key: 'apiMappingKeyInput', keyProperty: 'apiMappingKey', rest: false },
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
        const domainName = fields.domainNameInput;
        const key = fields[shape.key];
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
          apiKind: shape.rest ? 'REST' : v2ApiKind(index, fields.apiIdInput),
          emptyKeyExclusive: shape.rest,
        };
        byDomain.set(domainId, [...byDomain.get(domainId) ?? [], written]);
      }
    }
    return byDomain;
  });
}

/** The kind of the HTTP or WebSocket API an API id names (`api.id`, through local values), when the app's resource has a literal protocol type. */
function v2ApiKind(index: AppIndex, apiId: unknown): MappedApiKind | undefined {
  const named = typeof apiId === 'string' ? idReferenceOf(heldByLocal(apiId) ?? apiId) : undefined;
  const api = named?.type === 'aws_apigatewayv2_api' ? index.resourceNamed(named.type, named.stack, named.name) : undefined;
  const protocol = (api as { protocolTypeInput?: unknown } | undefined)?.protocolTypeInput;
  return typeof protocol !== 'string' || Token.isUnresolved(protocol) ? undefined : protocol === 'WEBSOCKET' ? 'WebSocket' : 'HTTP';
}
