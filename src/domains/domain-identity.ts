import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { AppIndex } from '../core/app-index';
import { ARGUMENT_HINTS } from '../core/argument-checks';
import { repetitionOf } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { heldByLocal, literalOf } from '../core/locals';
import { expressionIn, referenceOf } from '../core/resolve';

/** A custom domain name as the app names it. */
export interface DomainIdentity {
  /** The same for every mapping of one domain name in the app: its literal name, or the expression that names it in its stack. */
  readonly id: string;
  /** For errors: the name, or the expression. */
  readonly description: string;
  /** The domain name as the mapping was given it, for errors: a literal, or the expression a token stands for in its own stack. */
  readonly given: string;
  /** The domain resource of the app the name refers to, when it is given as its attribute. */
  readonly resource?: TerraformResource;
  /** Whether the domain was given as an attribute of `resource` (rather than found by its literal name). */
  readonly referenced?: boolean;
  /**
   * The data source the domain was given as an attribute of (a lookup by its literal name): where it
   * looks, which must be where the mapping is made.
   */
  readonly lookedUpBy?: TerraformDataSource;
  /**
   * What a mapping's construct id is made from: the domain resource's address when the domain is
   * given as its attribute (so that a change of how the resource's name is written keeps the
   * mapping's address), else `id`.
   */
  readonly addressKey: string;
}

const DOMAIN_RESOURCE_TYPES = ['aws_apigatewayv2_domain_name', 'aws_api_gateway_domain_name'];
const DOMAIN_REFERENCE = /^\$\{(aws_apigatewayv2_domain_name|aws_api_gateway_domain_name)\.([A-Za-z0-9_-]+)\.(domain_name|id)\}$/;
/** Any attribute of a domain resource or data source: `${[data.]type.name.attribute}`. */
const DOMAIN_ATTRIBUTE = /^\$\{(data\.)?(aws_apigatewayv2_domain_name|aws_api_gateway_domain_name)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.[\]]+)\}$/;
/** The attributes of a domain resource or data source that are its name. */
const NAME_ATTRIBUTES = ['domain_name', 'id'];
/**
 * A domain name as API Gateway takes it: lower case (AWS does not support upper-case custom domain
 * names), labels of at most 63 characters (RFC 1035), no final dot; a wildcard first label allowed.
 */
const DOMAIN_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])$/;
const MAX_DOMAIN_NAME_LENGTH = 253;

/**
 * How the app names the domain `domainName` that `owner` maps (`property` for errors): a private
 * custom domain by its `privateDomainId`; a literal by its name; a reference to a domain resource
 * whose name is a literal by that name too, so that both ways of naming one domain meet, from any
 * stack; any other expression by itself, in the stack it is valid in.
 */
export function domainIdentity(owner: IConstruct, property: string, domainName: string, privateDomainId?: string): DomainIdentity {
  const held = Token.isUnresolved(domainName) ? heldByLocal(domainName) : undefined;
  if (held !== undefined) {
    // A local value holding the name (or the domain resource's name) is that name: one domain, however it is written.
    const identity = domainIdentity(owner, property, held, privateDomainId);
    return { ...identity, given: originOf(owner, domainName).expression };
  }
  if (typeof domainName !== 'string') {
    throw invalidProperty(owner, property, domainName, ARGUMENT_HINTS.domainName);
  }
  if (!Token.isUnresolved(domainName)) {
    checkDomainName(owner, property, domainName, domainName);
    if (privateDomainId !== undefined) {
      return privateIdentity(owner, JSON.stringify(domainName), domainName, privateDomainId);
    }
    // The app's domain resource of that name, if any, is looked up at synth (domainResourceNamed), when the app has them all.
    const id = `name:${domainName}`;
    return { id, description: JSON.stringify(domainName), given: domainName, addressKey: id };
  }
  // A token: shown as the expression it stands for in its own stack.
  const { stack, expression } = originOf(owner, domainName);
  // The literal text around a token is of a domain name's characters too (`api.${var.zone}`, not `API.${var.zone}`).
  if ((Tokenization.reverseString(domainName).literals as unknown[]).some((part) => typeof part === 'string' && !/^[a-z0-9.*-]*$/.test(part))) {
    throw invalidProperty(owner, property, expression,
      'a domain name of lower-case letters, digits, hyphens and dots around the expression (AWS does not support upper-case custom domain names)');
  }
  refuseCountedDomain(owner, property, stack, expression);
  const attribute = DOMAIN_ATTRIBUTE.exec(expression);
  if (attribute !== null && !NAME_ATTRIBUTES.includes(attribute[4])) {
    throw invalidProperty(owner, property, expression,
      `the custom domain's name (its domain_name), not its ${attribute[4]}: ${attribute[4].includes('domain_name') ? "that is the name of API Gateway's own endpoint, for a DNS record pointing at it" : 'that is no domain name'}`);
  }
  if (attribute !== null && attribute[4] === 'id' && privateDomainId !== undefined) {
    throw invalidProperty(owner, property, expression, "the custom domain's name (its domain_name), not its id: a private custom domain's id is "
      + "'<domain name>/<domain_name_id>' (the provider's resource id), which names no domain");
  }
  if (attribute !== null && attribute[1] !== undefined && privateDomainId === undefined) {
    const lookup = domainElementIn(stack, `data.${attribute[2]}.${attribute[3]}`) as TerraformDataSource | undefined;
    const literal = dataSourceName(lookup);
    if (literal !== undefined) {
      // A data source that reads a domain by its literal name is that domain, wherever it is read.
      checkDomainName(owner, property, expression, literal);
      return { id: `name:${literal}`, description: JSON.stringify(literal), given: expression, addressKey: `name:${literal}`, lookedUpBy: lookup };
    }
  }
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
  return { ...resourceNameIdentity(stack, nameInput), addressKey: addressKey!, ...referenced };
}

/** A domain resource's name read whole (`domain.domainName`), or its instances' (`.*.`, as cdktf writes it for `for_each`). */
const WHOLE_DOMAIN_REFERENCE = /^\$\{(aws_apigatewayv2_domain_name|aws_api_gateway_domain_name)\.([A-Za-z0-9_-]+)(?:\.\*)?\.(domain_name|id)\}$/;

/**
 * Fails on the name of a domain resource made with `count` or `for_each`, read whole: it names none of
 * its instances (terraform validate: "Missing resource instance key"), or all of them (a list where the
 * mapping takes one name).
 */
function refuseCountedDomain(owner: IConstruct, property: string, stack: TerraformStack, expression: string): void {
  const reference = WHOLE_DOMAIN_REFERENCE.exec(expression);
  const resource = reference === null ? undefined : domainResourceIn(stack, reference[1], reference[2]);
  const meta = resource === undefined ? undefined : repetitionOf(resource);
  if (meta !== undefined) {
    const instance = meta === 'count' ? "['0', 'domain_name']" : "['\"<key>\"', 'domain_name']";
    throw invalidProperty(owner, property, expression, `a domain resource without count or for_each, or one instance's name ('${resource!.node.path}' has `
      + `${meta}: its domain_name read whole names none of its instances, or all of them); give one instance's name, Token.asString(Fn.lookupNested(domain, ${instance}))`);
  }
}

/**
 * The identity of the domain a domain resource of `stack` names with `name` (its `domain_name`): a
 * literal by that name, or the expression it is made of (a variable), so that the name given directly
 * and the resource's attribute are one domain. The id, and the name for errors.
 */
export function resourceNameIdentity(stack: TerraformStack, name: string): { readonly id: string; readonly description: string } {
  // A local value holding a literal names the domain of that name.
  const literal = literalOf(name);
  if (literal !== undefined) {
    return { id: `name:${literal}`, description: JSON.stringify(literal) };
  }
  const expression = expressionIn(stack, name);
  return { id: `expression:${stack.node.path}:${expression}`, description: expression };
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
 * The stack an expression is valid in, and the expression: a resource attribute's own stack (the
 * domain of another stack is named as it is there, without the cross-stack reference that using it
 * here makes), else the stack of `owner`.
 */
function originOf(owner: IConstruct, value: string): { stack: TerraformStack; expression: string } {
  const reference = referenceOf(value);
  if (reference !== undefined) {
    return { stack: reference.stack, expression: `\${${reference.identifier}}` };
  }
  const stack = TerraformStack.of(owner);
  return { stack, expression: expressionIn(stack, value) };
}

/**
 * The app's `aws_api_gateway_domain_name` whose literal name is `name`, if any (the one whose settings
 * the check of what it serves reads): the app's domain resources are listed once per pass.
 */
export function domainResourceNamed(scope: IConstruct, name: string): TerraformResource | undefined {
  return domainResourcesByName(scope).public.get(name);
}

/** The app's private `aws_api_gateway_domain_name` whose literal name is `name`, if any. */
export function privateDomainResourceNamed(scope: IConstruct, name: string): TerraformResource | undefined {
  return domainResourcesByName(scope).private.get(name);
}

/** The app's `aws_api_gateway_domain_name` resources by literal name, public and private apart, listed once per pass. */
function domainResourcesByName(scope: IConstruct): { public: Map<string, TerraformResource>; private: Map<string, TerraformResource> } {
  const index = AppIndex.of(scope);
  return index.appMemo(DOMAIN_RESOURCES_BY_NAME, () => {
    const byName = { public: new Map<string, TerraformResource>(), private: new Map<string, TerraformResource>() };
    for (const element of index.resourcesOfType('aws_api_gateway_domain_name')) {
      const map = isPrivateDomain(element) ? byName.private : byName.public;
      // A local value holding the name is that name.
      const name = (element as { domainNameInput?: unknown }).domainNameInput;
      const literal = (typeof name === 'string' ? literalOf(name) ?? name : String(name)).toLowerCase();
      if (!map.has(literal)) {
        map.set(literal, element);
      }
    }
    return byName;
  });
}

const DOMAIN_RESOURCES_BY_NAME = Symbol('aws_api_gateway_domain_name resources by name');

/** Whether `resource` is an `aws_api_gateway_domain_name` of a private custom domain (endpoint type PRIVATE). */
export function isPrivateDomain(resource: TerraformResource | undefined): boolean {
  const types = (resource as { endpointConfigurationInput?: { types?: unknown } } | undefined)?.endpointConfigurationInput?.types;
  return resource?.terraformResourceType === 'aws_api_gateway_domain_name' && Array.isArray(types) && types.includes('PRIVATE');
}

/** The domain resource `type.name` of `stack`. */
function domainResourceIn(stack: TerraformStack, type: string, name: string): TerraformResource | undefined {
  const element = domainElementIn(stack, `${type}.${name}`);
  return TerraformResource.isTerraformResource(element) ? element : undefined;
}

/**
 * The domain resource or data source of `stack` at `address` (`type.name`, `data.type.name`). The
 * stack's domain resources and data sources are listed once and listed again only for one made
 * since (a domain given by its attribute exists already).
 */
function domainElementIn(stack: TerraformStack, address: string): TerraformElement | undefined {
  const known = DOMAIN_RESOURCES.get(stack)?.get(address);
  if (known !== undefined) {
    return known;
  }
  const found = new Map<string, TerraformElement>();
  for (const construct of AppIndex.of(stack).constructsOf(stack)) {
    if (TerraformResource.isTerraformResource(construct) && DOMAIN_RESOURCE_TYPES.includes(construct.terraformResourceType)) {
      found.set(`${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
    } else if (TerraformDataSource.isTerraformDataSource(construct) && DOMAIN_RESOURCE_TYPES.includes(construct.terraformResourceType)) {
      found.set(`data.${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
    }
  }
  DOMAIN_RESOURCES.set(stack, found);
  return found.get(address);
}

const DOMAIN_RESOURCES = new WeakMap<TerraformStack, Map<string, TerraformElement>>();

/** The literal name a domain data source `data.type.name` of `stack` reads; undefined for another expression or no such data source. */
function dataSourceName(lookup: TerraformDataSource | undefined): string | undefined {
  const literal = (lookup as { domainNameInput?: unknown } | undefined)?.domainNameInput;
  return typeof literal === 'string' && !Token.isUnresolved(literal) ? literal : undefined;
}
