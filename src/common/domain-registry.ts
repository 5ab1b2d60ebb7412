import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { describePlacement, hasAwsProvider, sameAccount } from './account-settings';
import { DomainIdentity, resolvedIn } from './domain-identity';
import { describeValue, invalidProperty } from '../core/errors';

/** The kind of API a mapping points at. */
export type MappedApiKind = 'REST' | 'HTTP' | 'WebSocket';

/** One mapping's claim on a domain. */
export interface DomainClaim {
  /** The mapping resource (its provider says which account and region the domain is in). */
  readonly mapping: TerraformResource;
  /** The key or base path; `''` for none; a token as the expression it stands for. */
  readonly key: string;
  /** Where an expression key is valid (the path of its stack); `''` for a literal key. */
  readonly keyOrigin: string;
  readonly apiKind: MappedApiKind;
  /** The property that holds the key: `apiMappingKey`, `basePath`. */
  readonly keyProperty: string;
  /** A REST base path mapping without base path: AWS then allows no other mapping on the domain. */
  readonly emptyKeyExclusive: boolean;
}

/** A claim as recorded, with who made it: the construct, the call, the domain as it named it. */
interface RecordedClaim extends DomainClaim {
  readonly owner: IConstruct;
  readonly method: string;
  readonly domain: DomainIdentity;
  /** For errors: the construct path and the call. */
  readonly by: string;
}

/** The claims of every domain of an app, by domain id. */
const CLAIMS = new WeakMap<IConstruct, Map<string, RecordedClaim[]>>();

/**
 * A key as the registry compares it: a literal as it is, a token as the expression it stands for
 * in the stack of `owner` (the same variable twice is the same key).
 */
export function comparableKey(owner: IConstruct, key: string | undefined): string {
  return key === undefined ? '' : Token.isUnresolved(key) ? resolvedIn(TerraformStack.of(owner), key) : key;
}

/** Where `key` is valid: the path of the stack of `owner` for a key with a token (the same variable name in two stacks is two values), else `''`. */
export function keyOrigin(owner: IConstruct, key: string | undefined): string {
  return key !== undefined && Token.isUnresolved(key) ? TerraformStack.of(owner).node.path : '';
}

/**
 * Records a mapping on a domain for the whole app, where AWS would refuse a second mapping on the
 * domain of one account and region: the same key twice, a WebSocket API beside a REST or HTTP API,
 * any mapping beside a REST base path mapping of the whole domain. Mappings whose providers may be
 * other accounts or regions are not compared. Fails at once (and takes the mapping out of the app)
 * where the providers are settled (one stack and provider, or both made already); the rest is
 * checked when the app is validated at synth (`cdktf synth`; `Testing.synth(stack, true)`), once
 * every provider exists.
 */
export function claimDomainMapping(owner: IConstruct, method: string, domain: DomainIdentity, claim: DomainClaim): void {
  const app = owner.node.root;
  let domains = CLAIMS.get(app);
  if (domains === undefined) {
    domains = new Map();
    CLAIMS.set(app, domains);
  }
  const earlier = domains.get(domain.id) ?? [];
  const recorded: RecordedClaim = { ...claim, owner, method, domain, by: `'${owner.node.path}' (${method})` };
  const certain = earlier.filter((other) => providersSettled(other.mapping, claim.mapping));
  const settledWithDomain = domain.referenced && providersSettled(domain.resource!, claim.mapping);
  const error = (settledWithDomain ? placementError(recorded) : undefined) ?? conflictAmong(recorded, certain);
  if (error !== undefined) {
    claim.mapping.node.scope?.node.tryRemoveChild(claim.mapping.node.id);
    throw error;
  }
  domains.set(domain.id, [...earlier, recorded]);
  // At synth, against every other claim of the domain: each stack's own validation finds its conflicts.
  claim.mapping.node.addValidation({
    validate: () => {
      const conflict = placementError(recorded) ?? conflictAmong(recorded, (domains!.get(domain.id) ?? []).filter((other) => other !== recorded));
      return conflict === undefined ? [] : [conflict.message];
    },
  });
}

/**
 * The app's error for a mapping that would have the construct id `id` in `scope`, where a mapping of
 * the same key on the same domain is already (one stage's mappings are children of its deployment
 * construct, by domain and key); undefined when there is none.
 */
export function sameMappingError(
  owner: IConstruct, method: string, domain: DomainIdentity, scope: IConstruct, id: string, keyProperty: string,
): Error | undefined {
  const existing = scope.node.tryFindChild(id);
  const other = CLAIMS.get(owner.node.root)?.get(domain.id)?.find((claim) => claim.mapping === existing);
  if (existing === undefined || other === undefined) {
    return undefined;
  }
  return invalidProperty(owner, `${method}.${keyProperty}`, other.key === '' ? undefined : other.key,
    `a key no other mapping of the domain ${domain.description} has: ${other.by} already maps ${describeKey(other.key)} of it (AWS answers ConflictException)`);
}

/**
 * Whether two mappings' providers can be compared now: one stack and one provider (set or the
 * stack's default, whenever that is made), or providers that exist already.
 */
function providersSettled(a: TerraformResource, b: TerraformResource): boolean {
  const oneProvider = TerraformStack.of(a) === TerraformStack.of(b) && a.provider === b.provider;
  return oneProvider || (hasAwsProvider(a) && hasAwsProvider(b));
}

/**
 * The error for a mapping whose domain resource, given as its attribute, is in another account or
 * region than the mapping (the stage's): AWS looks the domain name up where the mapping is made.
 */
function placementError({ owner, method, domain, mapping }: RecordedClaim): Error | undefined {
  const resource = domain.resource;
  if (!domain.referenced || resource === undefined || sameAccount(resource, mapping) !== 'apart') {
    return undefined;
  }
  return invalidProperty(owner, `${method}(domainName)`, domain.given,
    `a custom domain name in the stage's account and region (AWS looks it up where the mapping is made): '${resource.node.path}' is made `
    + `with ${describePlacement(resource)}, the mapping with ${describePlacement(mapping)}; make the domain name with the stage's AWS provider `
    + 'and region');
}

/** The error for `claim` against the first of `earlier` that AWS would refuse beside it, if any. */
function conflictAmong(claim: RecordedClaim, earlier: readonly RecordedClaim[]): Error | undefined {
  const { owner, method, domain } = claim;
  const on = `the domain ${domain.description}`;
  for (const other of earlier.filter((candidate) => sameAccount(candidate.mapping, claim.mapping) === 'same')) {
    if (other.key === claim.key && other.keyOrigin === claim.keyOrigin) {
      return invalidProperty(owner, `${method}.${claim.keyProperty}`, claim.key === '' ? undefined : claim.key,
        `a key no other mapping of ${on} has: ${other.by} ${earlierThan(other, claim) ? 'already maps' : 'maps'} ${describeKey(claim.key)} of it `
        + `(AWS answers ConflictException)${apartHint(other, claim)}`);
    }
    if ((other.apiKind === 'WebSocket') !== (claim.apiKind === 'WebSocket')) {
      return invalidProperty(owner, `${method}(domainName)`, domain.given,
        `a domain no ${other.apiKind} API is mapped on: ${other.by} maps ${other.apiKind === 'HTTP' ? 'an' : 'a'} ${other.apiKind} API on ${on}, `
        + 'and AWS does not serve WebSocket APIs and REST or HTTP APIs on one domain name (give the WebSocket API a domain name of its own)');
    }
    const [whole, beside] = claim.emptyKeyExclusive && claim.key === '' ? [claim, other] : [other, claim];
    if (whole.emptyKeyExclusive && whole.key === '') {
      return invalidProperty(owner, `${method}(domainName)`, domain.given,
        `a domain without a REST base path mapping of the whole domain: ${whole === claim ? 'this mapping' : whole.by} maps the whole of ${on} `
        + `with addBasePathMapping and no basePath, and ${beside === claim ? 'this mapping' : beside.by} maps ${describeKey(beside.key)} of it; AWS `
        + 'allows no other mapping beside a base path mapping of the whole domain ("Only one base path mapping is allowed if the base path is '
        + 'empty"; an API mapping without key, addApiMapping, serves the paths no other key begins instead)');
    }
  }
  return undefined;
}

/** For two stacks whose providers look alike: how to say they deploy to different accounts or regions. */
function apartHint(a: RecordedClaim, b: RecordedClaim): string {
  return TerraformStack.of(a.mapping) === TerraformStack.of(b.mapping) ? ''
    : "; if the two stacks deploy to different accounts or regions, say so in each stack's AwsProvider ('allowedAccountIds', 'region')";
}

/** Whether `a` was claimed before `b` (in the app's order of calls). */
function earlierThan(a: RecordedClaim, b: RecordedClaim): boolean {
  const claims = CLAIMS.get(a.owner.node.root)?.get(a.domain.id) ?? [];
  const later = claims.indexOf(b);
  return later === -1 || claims.indexOf(a) < later;
}

function describeKey(key: string): string {
  return key === '' ? 'the empty key (the whole domain)' : `the key ${describeValue(key)}`;
}
