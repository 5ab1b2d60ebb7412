import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { describePlacement, hasAwsProvider, sameAccount } from './account-settings';
import { describeValue, invalidProperty } from '../core/errors';

/** The kind of API a mapping points at. */
export type MappedApiKind = 'REST' | 'HTTP' | 'WebSocket';

/** A custom domain name as the app names it. */
export interface DomainIdentity {
  /** The same for every mapping of one domain name in the app: its literal name, or the expression that names it in its stack. */
  readonly id: string;
  /** For errors: the name, or the expression. */
  readonly description: string;
  /** The domain name as the mapping was given it, for errors: a literal, or the expression a token stands for in its own stack. */
  readonly given: string;
  /** The domain resource of the app the name refers to, when it does. */
  readonly resource?: TerraformResource;
  /** Whether the domain was given as an attribute of `resource` (rather than found by its literal name). */
  readonly referenced?: boolean;
  /**
   * What a mapping's construct id is made from: the domain resource's address when the domain is
   * given as its attribute (so that a change of how the resource's name is written keeps the
   * mapping's address), else `id`.
   */
  readonly addressKey: string;
}

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

const DOMAIN_RESOURCE_TYPES = ['aws_apigatewayv2_domain_name', 'aws_api_gateway_domain_name'];
const DOMAIN_REFERENCE = /^\$\{(aws_apigatewayv2_domain_name|aws_api_gateway_domain_name)\.([A-Za-z0-9_-]+)\.(domain_name|id)\}$/;
/**
 * A domain name as API Gateway takes it: lower case (AWS does not support upper-case custom domain
 * names), labels of at most 63 characters (RFC 1035), no final dot; a wildcard first label allowed.
 */
const DOMAIN_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])$/;
const MAX_DOMAIN_NAME_LENGTH = 253;

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
 * How the app names the domain `domainName` that `owner` maps (`property` for errors): a private
 * custom domain by its `privateDomainId`; a literal by its name; a reference to a domain resource
 * whose name is a literal by that name too, so that both ways of naming one domain meet, from any
 * stack; any other expression by itself, in the stack it is valid in.
 */
export function domainIdentity(owner: IConstruct, property: string, domainName: string, privateDomainId?: string): DomainIdentity {
  if (typeof domainName !== 'string') {
    throw invalidProperty(owner, property, domainName,
      'the custom domain name, as a string or as the domain resource\'s domainName (aws_apigatewayv2_domain_name, aws_api_gateway_domain_name)');
  }
  if (!Token.isUnresolved(domainName)) {
    checkDomainName(owner, property, domainName, domainName);
    if (privateDomainId !== undefined) {
      return privateIdentity(owner, JSON.stringify(domainName), domainName, privateDomainId);
    }
    const id = `name:${domainName}`;
    return { id, description: JSON.stringify(domainName), given: domainName, resource: domainResourceNamed(owner, domainName), addressKey: id };
  }
  // A token: shown as the expression it stands for in its own stack.
  const { stack, expression } = originOf(owner, domainName);
  const reference = DOMAIN_REFERENCE.exec(expression);
  const resource = reference ? domainResourceIn(stack, reference[1], reference[2]) : undefined;
  const nameInput = (resource as { domainNameInput?: unknown } | undefined)?.domainNameInput;
  if (typeof nameInput === 'string' && !Token.isUnresolved(nameInput)) {
    checkDomainName(owner, property, expression, nameInput, resource);
  }
  if (privateDomainId !== undefined) {
    return { ...privateIdentity(owner, expression, expression, privateDomainId), resource, referenced: resource !== undefined };
  }
  const addressKey = reference ? `resource:${stack.node.path}:${reference[1]}.${reference[2]}` : undefined;
  const referenced = { given: expression, resource, referenced: resource !== undefined };
  if (typeof nameInput !== 'string') {
    const id = `expression:${stack.node.path}:${expression}`;
    return { id, description: expression, addressKey: addressKey ?? id, ...referenced };
  }
  // The resource's name: a literal, or the expression it is made of (a variable), so that the name
  // given directly and the resource's attribute are one domain.
  if (!Token.isUnresolved(nameInput)) {
    return { id: `name:${nameInput}`, description: JSON.stringify(nameInput), addressKey: addressKey!, ...referenced };
  }
  const nameExpression = resolvedIn(stack, nameInput);
  return { id: `expression:${stack.node.path}:${nameExpression}`, description: nameExpression, addressKey: addressKey!, ...referenced };
}

/** A private custom domain, known by its id (`domain_name_id`): `shownName` is its name for errors (quoted when a literal). */
function privateIdentity(owner: IConstruct, shownName: string, given: string, privateDomainId: string): DomainIdentity {
  const { stack, expression } = originOf(owner, privateDomainId);
  const id = `private:${Token.isUnresolved(privateDomainId) ? `${stack.node.path}:${expression}` : privateDomainId}`;
  return { id, description: `${shownName} (private, ${expression})`, given, addressKey: id };
}

/** Fails unless `name` (the name given, or that of the domain resource given) is a domain name API Gateway takes. */
function checkDomainName(owner: IConstruct, property: string, given: string, name: string, resource?: TerraformResource): void {
  if (DOMAIN_NAME.test(name) && name.length <= MAX_DOMAIN_NAME_LENGTH) {
    return;
  }
  const expected = 'a domain name of labels of lower-case letters, digits and hyphens (not at either end of a label, at most 63 characters) '
    + `separated by dots, without a final dot or spaces, ${MAX_DOMAIN_NAME_LENGTH} characters in all, such as 'api.example.com'`;
  throw resource === undefined
    ? invalidProperty(owner, property, given, expected)
    : invalidProperty(owner, property, given, `${expected}: '${resource.node.path}' is named ${JSON.stringify(name)}`);
}

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

/**
 * The stack an expression is valid in, and the expression: a resource attribute's own stack (the
 * domain of another stack is named as it is there, without the cross-stack reference that using it
 * here makes), else the stack of `owner`.
 */
function originOf(owner: IConstruct, value: string): { stack: TerraformStack; expression: string } {
  const fragments = Tokenization.reverseString(value);
  const token = fragments.length === 1 ? fragments.firstToken : undefined;
  const origin = (token as { originStack?: unknown } | undefined)?.originStack;
  const identifier = (token as { identifier?: unknown } | undefined)?.identifier;
  if (origin instanceof TerraformStack && typeof identifier === 'string') {
    return { stack: origin, expression: `\${${identifier}}` };
  }
  const stack = TerraformStack.of(owner);
  return { stack, expression: resolvedIn(stack, value) };
}

function resolvedIn(stack: TerraformStack, value: string): string {
  try {
    return String(Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
  } catch {
    return value;
  }
}

/** The app's `aws_api_gateway_domain_name` whose literal name is `name`, if any (the one whose settings the check of what it serves reads). */
function domainResourceNamed(owner: IConstruct, name: string): TerraformResource | undefined {
  return owner.node.root.node.findAll().find((construct): construct is TerraformResource => construct instanceof TerraformResource
    && construct.terraformResourceType === 'aws_api_gateway_domain_name'
    && String((construct as { domainNameInput?: unknown }).domainNameInput).toLowerCase() === name
    && !isPrivateDomain(construct));
}

/** Whether `resource` is an `aws_api_gateway_domain_name` of a private custom domain (endpoint type PRIVATE). */
export function isPrivateDomain(resource: TerraformResource | undefined): boolean {
  const types = (resource as { endpointConfigurationInput?: { types?: unknown } } | undefined)?.endpointConfigurationInput?.types;
  return resource?.terraformResourceType === 'aws_api_gateway_domain_name' && Array.isArray(types) && types.includes('PRIVATE');
}

function domainResourceIn(stack: TerraformStack, type: string, name: string): TerraformResource | undefined {
  return stack.node.findAll().find((construct): construct is TerraformResource => construct instanceof TerraformResource
    && DOMAIN_RESOURCE_TYPES.includes(construct.terraformResourceType)
    && construct.terraformResourceType === type
    && stack.getLogicalId(construct) === name);
}
