import { TerraformProvider, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { refuseCollection } from '../core/collections';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
import { refuseTemplateText } from '../core/template-text';

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const STAGE_VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const STAGE_VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;
/** API Gateway's quotas: the length of a stage variable's key and of its value. */
const STAGE_VARIABLE_NAME_MAX = 64;
const STAGE_VARIABLE_VALUE_MAX = 512;
const TAG_KEY_MAX = 128;
const TAG_VALUE_MAX = 256;

/**
 * Tags as API Gateway takes them (CreateStage, "Tags"): keys of 1 to 128 characters not starting
 * with `aws:` (reserved for AWS), values of at most 256 characters; a map token is not checked.
 */
export function validateTags(scope: IConstruct, property: string, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) {
    return;
  }
  for (const [key, value] of Object.entries(tags)) {
    // AWS counts characters (code points), not UTF-16 units: an emoji is one.
    if (!Token.isUnresolved(key) && (key.length === 0 || [...key].length > TAG_KEY_MAX || key.toLowerCase().startsWith('aws:'))) {
      throw invalidProperty(scope, `${property}.${key}`, value, `a tag key of 1 to ${TAG_KEY_MAX} characters that does not start with 'aws:' (reserved for AWS)`);
    }
    if (typeof value === 'string' && !Token.isUnresolved(value) && [...value].length > TAG_VALUE_MAX) {
      throw invalidProperty(scope, `${property}.${key}`, value, `a tag value of at most ${TAG_VALUE_MAX} characters`);
    }
    refuseCollection(scope, `${property}.${key}`, value, 'a tag value');
    refuseTemplateText(scope, `${property}.${key}`, value);
  }
}

/**
 * A stage name is 1 to 128 letters, digits, `_` or `-` (checked unless it is a token); an HTTP
 * API's may also be `$default`, the stage served at the API's root.
 */
export function validateStageName(scope: IConstruct, property: string, name: string, allowDefault = false): void {
  // Around a token, the literal text must be of a stage name's characters too (`prod-${var.suffix}`, not `prod ${var.suffix}`).
  const badLiteral = typeof name === 'string' && Token.isUnresolved(name)
    && (Tokenization.reverseString(name).literals as unknown[]).some((part) => typeof part === 'string' && !/^[A-Za-z0-9_-]*$/.test(part));
  // A local value holding a literal is checked as that literal.
  const literal = typeof name === 'string' ? literalOf(name) : undefined;
  if (typeof name !== 'string' || badLiteral || (literal !== undefined && !STAGE_NAME.test(literal) && !(allowDefault && literal === '$default'))) {
    // `${terraform.workspace}` written as text: the construct names the stage in URLs and ARNs, which need the expression as a token.
    const asText = typeof name === 'string' && !Token.isUnresolved(name) && name.includes('${')
      ? ' (a Terraform expression goes in as a token, such as a TerraformVariable\'s stringValue, not as "${...}" text)' : '';
    throw invalidProperty(scope, property, name, `1 to 128 characters, each a letter, a digit, '_' or '-'${allowDefault ? ", or '$default'" : ''}${asText}`);
  }
  refuseCollection(scope, property, name, 'a stage name');
}

/** Stage variable names and values as API Gateway accepts them (tokens are not checked). */
export function validateStageVariables(
  scope: IConstruct,
  property: string,
  variables: { [name: string]: string } | undefined,
): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!Token.isUnresolved(name) && !STAGE_VARIABLE_NAME.test(name)) {
      throw invalidProperty(scope, `${property}.${name}`, value,
        "a variable name of letters, digits and '_' only");
    }
    if (!Token.isUnresolved(name) && name.length > STAGE_VARIABLE_NAME_MAX) {
      throw invalidProperty(scope, `${property}.${name}`, value, `a variable name of at most ${STAGE_VARIABLE_NAME_MAX} characters (API Gateway's quota)`);
    }
    if (typeof value !== 'string' || (!Token.isUnresolved(value) && (!STAGE_VARIABLE_VALUE.test(value) || value.length > STAGE_VARIABLE_VALUE_MAX))) {
      throw invalidProperty(scope, `${property}.${name}`, value,
        `a non-empty value of letters, digits and the characters -._~:/?#&=, of at most ${STAGE_VARIABLE_VALUE_MAX} characters (API Gateway's quota)`);
    }
    refuseCollection(scope, `${property}.${name}`, value, 'a stage variable value');
  }
}

/** The longest description an HTTP or WebSocket API's deployment or stage takes (the provider refuses more at validate). */
export const V2_DESCRIPTION_MAX = 1024;

/** Fails on a literal description longer than API Gateway v2 takes (`terraform validate` refused it). */
export function validateV2Description(scope: IConstruct, property: string, description: string | undefined): void {
  refuseTemplateText(scope, property, description);
  if (typeof description === 'string' && !Token.isUnresolved(description) && description.length > V2_DESCRIPTION_MAX) {
    throw invalidProperty(scope, property, description, `a description of at most ${V2_DESCRIPTION_MAX} characters (it has ${description.length})`);
  }
}

/** An AWS region's name: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Fails on a provider given to a construct that is not an AWS provider of the construct's stack:
 * Terraform finds no such provider configuration there ("Provider configuration not present").
 */
export function validateProvider(scope: IConstruct, property: string, provider: TerraformProvider | undefined): void {
  if (provider === undefined) {
    return;
  }
  if (provider.terraformResourceType !== 'aws') {
    throw invalidProperty(scope, property, provider.node.path, `an AWS provider (AwsProvider), not one of ${provider.terraformResourceType}`);
  }
  const stack = TerraformStack.of(scope);
  if (TerraformStack.of(provider) !== stack) {
    throw invalidProperty(scope, property, provider.node.path, `an AWS provider of the construct's stack '${stack.node.path}' (this one is of `
      + `'${TerraformStack.of(provider).node.path}', and Terraform configures a provider per stack): make one with the same settings in this stack`);
  }
}

/** Fails on a literal region that is no AWS region's name (a token is taken on trust). */
export function validateRegion(scope: IConstruct, property: string, region: string | undefined): void {
  if (typeof region === 'string' && !Token.isUnresolved(region) && !REGION.test(region)) {
    throw invalidProperty(scope, property, region, "an AWS region's name, such as 'us-east-1' or 'eu-central-1'");
  }
}
