import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { describeValue, invalidProperty } from '../core/errors';

/** The kind of API a mapping points at. */
export type MappedApiKind = 'REST' | 'HTTP' | 'WebSocket';

/** A custom domain name as the app names it. */
export interface DomainIdentity {
  /** The same for every mapping of one domain in the app: its literal name, or the expression that names it in its stack. */
  readonly id: string;
  /** For errors: the name, or the expression. */
  readonly description: string;
  /** The domain name as the mapping was given it. */
  readonly given: string;
}

/** One mapping's claim on a domain. */
export interface DomainClaim {
  /** The key or base path; `''` for none. A token is compared with nothing. */
  readonly key: string;
  readonly apiKind: MappedApiKind;
  /** Who maps: the construct path and the call. */
  readonly by: string;
  /** The property that holds the key: `apiMappingKey`, `basePath`. */
  readonly keyProperty: string;
  /** A REST base path mapping without base path: AWS then allows no other mapping on the domain. */
  readonly emptyKeyExclusive: boolean;
}

const DOMAIN_RESOURCE_TYPES = ['aws_apigatewayv2_domain_name', 'aws_api_gateway_domain_name'];
const DOMAIN_REFERENCE = /^\$\{(aws_apigatewayv2_domain_name|aws_api_gateway_domain_name)\.([A-Za-z0-9_-]+)\.(domain_name|id)\}$/;

/** The claims of every domain of an app, by domain id. */
const CLAIMS = new WeakMap<IConstruct, Map<string, DomainClaim[]>>();

/**
 * How the app names the domain `domainName` that `owner` maps: a literal by its name; a reference
 * to a domain resource of the app whose name is a literal by that name too, so that both ways of
 * naming one domain meet; any other expression by itself, within its stack.
 */
export function domainIdentity(owner: IConstruct, domainName: string): DomainIdentity {
  if (!Token.isUnresolved(domainName)) {
    return { id: `name:${domainName.toLowerCase()}`, description: JSON.stringify(domainName), given: domainName };
  }
  const stack = TerraformStack.of(owner);
  const expression = resolvedIn(stack, domainName);
  const reference = DOMAIN_REFERENCE.exec(expression);
  const resource = reference ? domainResourceIn(stack, reference[1], reference[2]) : undefined;
  const literalName = (resource as { domainNameInput?: unknown } | undefined)?.domainNameInput;
  if (typeof literalName === 'string' && !Token.isUnresolved(literalName)) {
    return { id: `name:${literalName.toLowerCase()}`, description: JSON.stringify(literalName), given: domainName };
  }
  return { id: `expression:${stack.node.path}:${expression}`, description: expression, given: domainName };
}

/**
 * Records a mapping on a domain for the whole app; fails, naming the call `method` of `owner` and the
 * construct that mapped first, where AWS would refuse the second mapping: the same key twice, a
 * WebSocket API beside a REST or HTTP API, any mapping beside a REST base path mapping of the
 * whole domain.
 */
export function claimDomainMapping(owner: IConstruct, method: string, domain: DomainIdentity, claim: DomainClaim): void {
  const app = owner.node.root;
  let domains = CLAIMS.get(app);
  if (domains === undefined) {
    domains = new Map();
    CLAIMS.set(app, domains);
  }
  const claims = domains.get(domain.id) ?? [];
  const on = `the domain ${domain.description}`;
  for (const other of claims) {
    const bothLiteral = !Token.isUnresolved(other.key) && !Token.isUnresolved(claim.key);
    if (bothLiteral && other.key === claim.key) {
      throw invalidProperty(owner, `${method}.${claim.keyProperty}`, claim.key === '' ? undefined : claim.key,
        `a key no other mapping of ${on} has: ${other.by} already maps ${describeKey(claim.key)} of it (AWS answers ConflictException)`);
    }
    if ((other.apiKind === 'WebSocket') !== (claim.apiKind === 'WebSocket')) {
      throw invalidProperty(owner, `${method}(domainName)`, domain.given,
        `a domain no ${other.apiKind} API is mapped on: ${other.by} maps ${other.apiKind === 'HTTP' ? 'an' : 'a'} ${other.apiKind} API on ${on}, and AWS does not serve `
        + 'WebSocket APIs and REST or HTTP APIs on one domain name (give the WebSocket API a domain name of its own)');
    }
    const exclusive = [other, claim].find((candidate) => candidate.emptyKeyExclusive && candidate.key === '');
    if (exclusive !== undefined) {
      throw invalidProperty(owner, `${method}(domainName)`, domain.given,
        `a domain without a REST base path mapping of the whole domain: ${exclusive === claim ? 'this mapping' : exclusive.by} maps the `
        + `whole of ${on} with addBasePathMapping and no basePath, beside which AWS allows no other mapping ("Only one base path mapping `
        + 'is allowed if the base path is empty"; an API mapping without key, addApiMapping, serves the paths no other key begins instead)');
    }
  }
  domains.set(domain.id, [...claims, claim]);
}

function describeKey(key: string): string {
  return key === '' ? 'the empty key (the whole domain)' : `the key ${describeValue(key)}`;
}

function resolvedIn(stack: TerraformStack, value: string): string {
  try {
    return String(Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
  } catch {
    return value;
  }
}

function domainResourceIn(stack: TerraformStack, type: string, name: string): TerraformResource | undefined {
  return stack.node.findAll().find((construct): construct is TerraformResource => construct instanceof TerraformResource
    && DOMAIN_RESOURCE_TYPES.includes(construct.terraformResourceType)
    && construct.terraformResourceType === type
    && stack.getLogicalId(construct) === name);
}
