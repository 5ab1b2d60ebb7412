import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkDomainEndpoint, MappedApiKind } from './domain-endpoint';
import { DomainIdentity, domainResourceNamed, privateDomainResourceNamed, resourceNameIdentity } from './domain-identity';
import { handWrittenMappings } from './hand-written-mappings';
import { addValidationWhenCommitted, isAbandoned } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { configuredArgument, rawOverridesOf } from '../core/configured';
import { describeValue, invalidProperty } from '../core/errors';
import { listIn } from '../core/list-in';
import { literalOf } from '../core/locals';
import { discardOwned } from '../core/owned-resources';
import { accountKey, describePlacement, hasAwsProvider, sameAccount } from '../core/placement';
import { expressionIn } from '../core/resolve';
import { warnOnce } from '../core/warnings';

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
  /**
   * For an API mapping, the levels of its key: what the domain resource must serve (checked at synth
   * for a domain named by its literal name, once the app has all its domain resources); undefined for
   * a base path mapping.
   */
  readonly keyLevels?: number;
}

/** A claim as recorded, with who made it: the construct, the call, the domain as it named it. */
interface RecordedClaim extends DomainClaim {
  readonly owner: IConstruct;
  readonly method: string;
  readonly domain: DomainIdentity;
  /** For errors: the construct path and the call. */
  readonly by: string;
  /** Its place in the app's order of calls (-1 for a mapping written by hand). */
  readonly order: number;
  /** For a mapping written by hand: the kind of its API is not known (compared by key only). */
  readonly kindUnknown?: boolean;
}

/** The claims on one domain, by what AWS compares: the key, the kind of API, a mapping of the whole domain. */
class DomainClaims {
  public readonly all: RecordedClaim[] = [];
  public readonly byKey = new Map<string, RecordedClaim[]>();
  public readonly webSocket: RecordedClaim[] = [];
  public readonly restOrHttp: RecordedClaim[] = [];
  public readonly wholeDomain: RecordedClaim[] = [];

  public add(claim: RecordedClaim): void {
    this.all.push(claim);
    listIn(this.byKey, keyOf(claim), claim);
    if (!claim.kindUnknown) {
      (claim.apiKind === 'WebSocket' ? this.webSocket : this.restOrHttp).push(claim);
    }
    if (isWholeDomain(claim)) {
      this.wholeDomain.push(claim);
    }
  }

  /**
   * The claims AWS may refuse beside `claim` (in the app's order of calls; itself left out): the same
   * key, the other kind of API, a mapping of the whole domain, and, for one of the whole domain, any.
   * With `firstOfEach`, only the first of each kind and of the whole domain (claims of one account and
   * region: the first is the one an error names).
   */
  public candidatesFor(claim: RecordedClaim, firstOfEach = false): RecordedClaim[] {
    const others = (claims: readonly RecordedClaim[]) => {
      const rest = claims.filter((other) => other !== claim);
      return firstOfEach ? rest.slice(0, 1) : rest;
    };
    const found = new Set<RecordedClaim>(this.byKey.get(keyOf(claim))?.filter((other) => other !== claim));
    others(claim.apiKind === 'WebSocket' ? this.restOrHttp : this.webSocket).forEach((other) => found.add(other));
    others(this.wholeDomain).forEach((other) => found.add(other));
    if (isWholeDomain(claim)) {
      others(this.all).forEach((other) => found.add(other));
    }
    return [...found].filter((other) => !isAbandoned(other.owner) && !isAbandoned(other.mapping)).sort((a, b) => a.order - b.order);
  }
}

/** The claims of every domain of an app, by domain id, and each mapping's. */
interface AppClaims {
  readonly domains: Map<string, DomainClaims>;
  readonly byMapping: Map<TerraformResource, RecordedClaim>;
  /** Every claim by its key, whatever the domain (for a domain known only at deploy time). */
  readonly byKey: Map<string, RecordedClaim[]>;
  /** Every claim, whatever the domain, by what AWS compares (for a domain known only at deploy time). */
  readonly everywhere: DomainClaims;
  count: number;
}

const CLAIMS = new WeakMap<IConstruct, AppClaims>();

/**
 * A key as the registry compares it: a literal as it is (a local value holding one, too), another token
 * as the expression it stands for in the stack of `owner` (the same variable twice is the same key).
 */
export function comparableKey(owner: IConstruct, key: string | undefined): string {
  return key === undefined ? '' : literalOf(key) ?? expressionIn(TerraformStack.of(owner), key);
}

/**
 * A key as the construct id of a mapping has it: a literal as it is, a token (a local value's too) as
 * its expression, as ids were made before locals were read through (an id changed would replace the mapping).
 */
export function keyInId(owner: IConstruct, key: string | undefined): string {
  return key === undefined ? '' : Token.isUnresolved(key) ? expressionIn(TerraformStack.of(owner), key) : key;
}

/** Where `key` is valid: the path of the stack of `owner` for a key known only at deploy time (the same variable name in two stacks is two values), else `''`. */
export function keyOrigin(owner: IConstruct, key: string | undefined): string {
  return key !== undefined && literalOf(key) === undefined ? TerraformStack.of(owner).node.path : '';
}

/**
 * Records a mapping on a domain for the whole app, where AWS would refuse a second mapping on the
 * domain of one account and region: the same key twice, a WebSocket API beside a REST or HTTP API,
 * any mapping beside a REST base path mapping of the whole domain. Mappings whose providers may be
 * other accounts or regions are not compared. Fails at once (and takes the mapping out of the app)
 * where the providers are settled (one stack and provider, or both made already); the rest is
 * checked when the app is validated at synth (`cdktf synth`; `Testing.synth(stack, true)`), once
 * every provider exists. Claims are compared by key and kind, never each with every other.
 */
export function claimDomainMapping(owner: IConstruct, method: string, domain: DomainIdentity, claim: DomainClaim): void {
  const app = owner.node.root;
  let claims = CLAIMS.get(app);
  if (claims === undefined) {
    claims = { domains: new Map(), byMapping: new Map(), byKey: new Map(), everywhere: new DomainClaims(), count: 0 };
    CLAIMS.set(app, claims);
  }
  const domainClaims = claims.domains.get(domain.id) ?? new DomainClaims();
  const recorded: RecordedClaim = { ...claim, owner, method, domain, by: `'${owner.node.path}' (${method})`, order: claims.count };
  const certain = domainClaims.candidatesFor(recorded).filter((other) => providersSettled(other.mapping, claim.mapping));
  const placed = placedBy(domain);
  const settledWithDomain = placed !== undefined && providersSettled(placed, claim.mapping);
  const error = (settledWithDomain ? placementError(recorded) : undefined) ?? conflictAmong(recorded, certain);
  if (error !== undefined) {
    discardOwned(claim.mapping);
    throw error;
  }
  claims.count++;
  claims.domains.set(domain.id, domainClaims);
  domainClaims.add(recorded);
  claims.byMapping.set(claim.mapping, recorded);
  listIn(claims.byKey, keyOf(recorded), recorded);
  claims.everywhere.add(recorded);
  const appClaims = claims;
  AppIndex.coverStack(TerraformStack.of(claim.mapping));
  // At synth, against every other claim of the domain: each stack's own validation finds its conflicts.
  addValidationWhenCommitted(claim.mapping, {
    validate: () => {
      warnOfPrivateNamesake(recorded);
      warnOfKeyKnownLater(recorded, domainClaims);
      warnOfDomainKnownLater(recorded, appClaims);
      warnOfPlacementKnownLater(recorded);
      warnOfAccountKnownLater(recorded, domainClaims);
      const conflict = renamedError(recorded) ?? placementError(recorded) ?? endpointError(recorded)
        ?? conflictAmong(recorded, sameAccountCandidates(recorded, domainClaims))
        ?? conflictAmong(recorded, handWrittenOn(recorded)?.candidatesFor(recorded) ?? []);
      return conflict === undefined ? [] : [conflict.message];
    },
  });
}

/**
 * The mappings written by hand on the domain of `claim`, as claims (made before every call), by key
 * and kind: AWS refuses the library's mapping beside one of them as beside another of the library's.
 */
function handWrittenOn(claim: RecordedClaim): DomainClaims | undefined {
  const byDomain = AppIndex.of(claim.owner).appMemo(HAND_WRITTEN, () => {
    const claims = new Map<string, DomainClaims>();
    for (const [domainId, mappings] of handWrittenMappings(claim.mapping, comparableKey, keyOrigin)) {
      const domainClaims = new DomainClaims();
      for (const { mapping, apiKind, ...written } of mappings) {
        const by = `'${mapping.node.path}' (${mapping.terraformResourceType}.${mapping.friendlyUniqueId}, written by hand)`;
        domainClaims.add({
          ...written,
          mapping,
          apiKind: apiKind ?? 'HTTP',
          kindUnknown: apiKind === undefined,
          owner: mapping,
          method: 'by hand',
          domain: claim.domain,
          by,
          order: -1,
        });
      }
      claims.set(domainId, domainClaims);
    }
    return claims;
  });
  return byDomain.get(claim.domain.id);
}

const HAND_WRITTEN = Symbol('mappings written by hand');

/**
 * The app's error for a mapping that would have the construct id `id` in `scope`, where a mapping of
 * the same key on the same domain is already (one stage's mappings are children of its deployment
 * construct, by domain and key); undefined when there is none.
 */
export function sameMappingError(
  owner: IConstruct, method: string, domain: DomainIdentity, scope: IConstruct, id: string, keyProperty: string,
): Error | undefined {
  const existing = scope.node.tryFindChild(id);
  const other = TerraformResource.isTerraformResource(existing) ? CLAIMS.get(owner.node.root)?.byMapping.get(existing) : undefined;
  if (other === undefined || other.domain.id !== domain.id) {
    return undefined;
  }
  return invalidProperty(owner, `${method}.${keyProperty}`, other.key === '' ? undefined : other.key,
    `a key no other mapping of the domain ${domain.description} has: ${other.by} already maps ${describeKey(other.key)} of it (AWS answers ConflictException)`);
}

/**
 * The claims of the domain in the account and region of `claim` that AWS may refuse beside it: the
 * domain's claims grouped by account and region once per pass, so that each claim's check looks at
 * the few that share its key or kind.
 */
function sameAccountCandidates(claim: RecordedClaim, domainClaims: DomainClaims): RecordedClaim[] {
  const byAccount = AppIndex.of(claim.owner).appMemo(domainClaims, () => {
    const grouped = new Map<string, DomainClaims>();
    for (const each of domainClaims.all) {
      const key = accountKey(each.mapping);
      let group = grouped.get(key);
      if (group === undefined) {
        group = new DomainClaims();
        grouped.set(key, group);
      }
      group.add(each);
    }
    return grouped;
  });
  // A claim made since the grouping (by an Aspect of a stack synthesized later) is compared with all of the domain's.
  return byAccount.get(accountKey(claim.mapping))?.candidatesFor(claim, true) ?? domainClaims.candidatesFor(claim);
}

/**
 * Whether two mappings' providers can be compared now: one stack and one provider (set or the
 * stack's default, whenever that is made), or providers that exist already.
 */
function providersSettled(a: TerraformResource, b: TerraformResource): boolean {
  const oneProvider = TerraformStack.of(a) === TerraformStack.of(b) && a.provider === b.provider;
  return oneProvider || (hasAwsProvider(a) && hasAwsProvider(b));
}

/** What decides where the domain is looked for: the domain resource, or the data source that looks it up, given as its attribute. */
function placedBy(domain: DomainIdentity): TerraformResource | undefined {
  // A data source has the provider and region arguments a resource has.
  return domain.referenced ? domain.resource : domain.lookedUpBy as unknown as TerraformResource | undefined;
}

/**
 * The error for a mapping whose domain resource, given as its attribute, is in another account or
 * region than the mapping (the stage's): AWS looks the domain name up where the mapping is made.
 */
function placementError({ owner, method, domain, mapping }: RecordedClaim): Error | undefined {
  const resource = placedBy(domain);
  if (resource === undefined || sameAccount(resource, mapping) !== 'apart') {
    return undefined;
  }
  const made = domain.referenced ? 'is made' : 'looks the domain up';
  return invalidProperty(owner, `${method}(domainName)`, domain.given,
    `a custom domain name in the stage's account and region (AWS looks it up where the mapping is made): '${resource.node.path}' ${made} `
    + `with ${describePlacement(resource)}, the mapping with ${describePlacement(mapping)}; ${domain.referenced ? 'make' : 'look up'} the domain name `
    + "with the stage's AWS provider and region");
}

/**
 * The error for a mapping whose domain resource, given as its attribute, was renamed after the
 * mapping was made (`domain.domainName = ...`, or an override of `domain_name`): the checks of the
 * call compared the old name, so two mappings of one key could meet on the new one unseen.
 */
function renamedError({ owner, method, domain }: RecordedClaim): Error | undefined {
  const resource = domain.resource;
  if (!domain.referenced || resource === undefined || domain.id.startsWith('private:')) {
    return undefined;
  }
  const stack = TerraformStack.of(resource);
  // An override on the stack is merged last (past the resource's own): looked up at the resource's address.
  const stackOverride = rawOverridesOf(stack)?.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId]?.domain_name;
  const overridden = stackOverride ?? rawOverridesOf(resource)?.domain_name;
  const name = configuredArgument(resource, 'domain_name');
  if (typeof name !== 'string') {
    return undefined;
  }
  const { id, description: now } = resourceNameIdentity(stack, name);
  if (id === domain.id) {
    return undefined;
  }
  return invalidProperty(owner, `${method}(domainName)`, domain.given,
    `a domain named as it was when the mapping was made: '${resource.node.path}' was named ${domain.description} then and is named ${now} now `
    + `(${stackOverride !== undefined
      ? `an override of its stack: resource.${resource.terraformResourceType}.${resource.friendlyUniqueId}.domain_name`
      : overridden === undefined ? 'its domainName was set since' : 'an override of domain_name'}); name the domain before mapping it`);
}

/**
 * Warns of a mapping whose key is known only at deploy time (a variable) on a domain that other
 * mappings of the same account and region use: no key can be compared with it, and if it turns out
 * to be one of theirs, AWS answers ConflictException. (Only such claims look at every claim of the
 * domain; they are few.)
 */
function warnOfKeyKnownLater(claim: RecordedClaim, domainClaims: DomainClaims): void {
  if (claim.keyOrigin === '') {
    return;
  }
  const others = domainClaims.all.filter((other) => other !== claim && keyOf(other) !== keyOf(claim) && sameAccount(other.mapping, claim.mapping) !== 'apart');
  if (others.length === 0) {
    return;
  }
  const named = others.slice(0, 3).map((other) => `${other.by} maps ${describeKey(other.key)}`);
  warnOnce(claim.owner, `The ${claim.keyProperty} of ${claim.method}, ${JSON.stringify(claim.key)}, is known only at deploy time, so it cannot be compared `
    + `with the keys of the other mappings of the domain ${claim.domain.description} (${named.join(', ')}${others.length > 3 ? `, and ${others.length - 3} more` : ''}): `
    + 'if it is one of them, or if any of them is the empty key of a REST base path mapping, AWS answers ConflictException. '
    + 'A literal key lets the library check it.');
}

/**
 * Warns of a mapping whose domain name is known only at deploy time (a variable, a function of
 * one) where other mappings of the app use its key on another domain: it cannot be compared with
 * theirs, and if it is one of their domains, AWS answers ConflictException.
 */
function warnOfDomainKnownLater(claim: RecordedClaim, claims: AppClaims): void {
  // A domain resource given by its attribute counts when its own name is known only at deploy time (`domainName: cert.domainName`).
  if (!claim.domain.id.startsWith('expression:') || claim.domain.lookedUpBy !== undefined) {
    return;
  }
  // What AWS may refuse beside it on one domain: the same key, the other kind of API, a mapping of the whole domain.
  // Two domain resources of the app are two domains, whatever their names (AWS refuses a second domain of one name).
  const ownResource = claim.domain.resource;
  const others = claims.everywhere.candidatesFor(claim).filter((other) => other.domain.id !== claim.domain.id
    && !(ownResource !== undefined && other.domain.resource !== undefined && other.domain.resource !== ownResource));
  if (others.length === 0) {
    return;
  }
  const why = (other: RecordedClaim) => (keyOf(other) === keyOf(claim) ? describeKey(other.key)
    : (other.apiKind === 'WebSocket') !== (claim.apiKind === 'WebSocket') ? `${other.apiKind === 'HTTP' ? 'an' : 'a'} ${other.apiKind} API` : 'the whole domain');
  const named = others.slice(0, 3).map((other) => `${other.by} on ${other.domain.description}: ${why(other)}`);
  warnOnce(claim.owner, `The domain name of ${claim.method}, ${claim.domain.description}, is known only at deploy time, so it cannot be compared with `
    + `the domains of the mappings AWS may refuse beside it (${named.join('; ')}${others.length > 3 ? `; and ${others.length - 3} more` : ''}): `
    + `if it is one of them, AWS answers ConflictException. ${claim.domain.resource === undefined ? 'The domain resource\'s domainName, or a literal name,'
      : `A literal name of '${claim.domain.resource.node.path}'`} lets the library check it.`);
}

/**
 * Warns of a mapping whose domain resource (or the data source that looks it up) may be in another
 * account or region than the mapping, which is known only at deploy time (a region from a variable):
 * AWS looks the domain up where the mapping is made, and answers NotFoundException if it is not there.
 */
function warnOfPlacementKnownLater(claim: RecordedClaim): void {
  const domain = placedBy(claim.domain);
  if (domain === undefined || sameAccount(domain, claim.mapping) !== 'unknown') {
    return;
  }
  warnOnce(claim.owner, `Whether the domain ${claim.domain.description} of ${claim.method} ('${domain.node.path}', with ${describePlacement(domain)}) is in the `
    + `account and region of the mapping (with ${describePlacement(claim.mapping)}) is known only at deploy time: AWS looks the domain up where the mapping `
    + 'is made, and answers NotFoundException if it is not there. Literal provider settings (or the same provider) let the library check it.');
}

/**
 * Warns of a mapping whose key another mapping of the domain uses where whether the two are one
 * account and region is known only at deploy time (two providers differing in profile, a region
 * from a variable): if they are, AWS answers ConflictException.
 */
function warnOfAccountKnownLater(claim: RecordedClaim, domainClaims: DomainClaims): void {
  const others = (domainClaims.byKey.get(keyOf(claim)) ?? [])
    .filter((other) => other !== claim && !isAbandoned(other.owner) && !isAbandoned(other.mapping) && other.order < claim.order
    && sameAccount(other.mapping, claim.mapping) === 'unknown');
  if (others.length === 0) {
    return;
  }
  warnOnce(claim.owner, `${claim.method} maps ${describeKey(claim.key)} of the domain ${claim.domain.description}, as ${others[0].by} does `
    + `with ${describePlacement(others[0].mapping)}, while this mapping is made with ${describePlacement(claim.mapping)}: whether they are one account `
    + 'and region is known only at deploy time. If they are, AWS answers ConflictException; literal provider settings let the library check it.');
}

/**
 * Warns of a mapping of a domain named by its literal name where the app's domain of that name is
 * private (endpoint type PRIVATE) and no public one of the app has it: AWS finds a private custom
 * domain only by its id (`domain_name_id`), so the mapping names a public domain, which only exists
 * if it is made elsewhere.
 */
function warnOfPrivateNamesake({ owner, method, domain, keyLevels }: RecordedClaim): void {
  if (domain.referenced || !domain.id.startsWith('name:')) {
    return;
  }
  const name = domain.id.slice('name:'.length);
  const privateDomain = privateDomainResourceNamed(owner, name);
  if (privateDomain === undefined || domainResourceNamed(owner, name) !== undefined) {
    return;
  }
  const fix = keyLevels === undefined
    ? 'to map the private one, give the domain itself and its id: addBasePathMapping(domain.domainName, { domainNameId: domain.domainNameId })'
    : 'a private domain is mapped with addBasePathMapping(domain.domainName, { domainNameId: domain.domainNameId }), not with an API mapping';
  warnOnce(owner, `${method}(${JSON.stringify(name)}) maps the public custom domain of that name, but the app's domain '${privateDomain.node.path}' `
    + 'of that name is private (endpoint type PRIVATE), and AWS finds a private domain only by its id: unless a public domain of that name is made elsewhere, '
    + `AWS answers NotFoundException; ${fix}.`);
}

/**
 * For an API mapping of a domain named by its literal name: what the app's domain resource of that
 * name cannot serve (a domain given as its resource's attribute is checked at the call).
 */
function endpointError(claim: RecordedClaim): Error | undefined {
  const { owner, method, domain, keyLevels } = claim;
  if (keyLevels === undefined || domain.referenced || !domain.id.startsWith('name:')) {
    return undefined;
  }
  const resource = domainResourceNamed(owner, domain.id.slice('name:'.length));
  try {
    checkDomainEndpoint(owner, `${method}(domainName)`, { ...domain, resource }, claim.apiKind, keyLevels, claim.mapping);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/** For a mapping written by hand that the library's would replace: how to adopt it instead of making a second one. */
function adoptHint(handWritten: RecordedClaim): string {
  const { mapping } = handWritten;
  return `; if it is this very mapping written by hand, adopt it: remove it from the program and call moveFromId('${mapping.terraformResourceType}.`
    + `${mapping.friendlyUniqueId}') on the mapping this call returns, so that Terraform moves it there`;
}

/** The error for `claim` against the first of `earlier` that AWS would refuse beside it, if any. */
function conflictAmong(claim: RecordedClaim, earlier: readonly RecordedClaim[]): Error | undefined {
  const { owner, method, domain } = claim;
  const on = `the domain ${domain.description}`;
  for (const other of earlier.filter((candidate) => sameAccount(candidate.mapping, claim.mapping) === 'same')) {
    if (keyOf(other) === keyOf(claim)) {
      return invalidProperty(owner, `${method}.${claim.keyProperty}`, claim.key === '' ? undefined : claim.key,
        `a key no other mapping of ${on} has: ${other.by} ${other.order < claim.order ? 'already maps' : 'maps'} ${describeKey(claim.key)} of it `
        + `(AWS answers ConflictException)${apartHint(other, claim)}`
        + `${other.order < 0 && other.mapping.terraformResourceType === claim.mapping.terraformResourceType ? adoptHint(other) : ''}`);
    }
    if (!other.kindUnknown && (other.apiKind === 'WebSocket') !== (claim.apiKind === 'WebSocket')) {
      return invalidProperty(owner, `${method}(domainName)`, domain.given,
        `a domain no ${other.apiKind} API is mapped on: ${other.by} maps ${other.apiKind === 'HTTP' ? 'an' : 'a'} ${other.apiKind} API on ${on}, `
        + 'and AWS does not serve WebSocket APIs and REST or HTTP APIs on one domain name (give the WebSocket API a domain name of its own)');
    }
    const [whole, beside] = isWholeDomain(claim) ? [claim, other] : [other, claim];
    if (isWholeDomain(whole)) {
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

/** A claim's key as compared: the key and where it is valid. */
function keyOf(claim: DomainClaim): string {
  return `${claim.key}\u0000${claim.keyOrigin}`;
}

/** Whether the claim is a REST base path mapping of the whole domain. */
function isWholeDomain(claim: DomainClaim): boolean {
  return claim.emptyKeyExclusive && claim.key === '';
}

function describeKey(key: string): string {
  return key === '' ? 'the empty key (the whole domain)' : `the key ${describeValue(key)}`;
}

