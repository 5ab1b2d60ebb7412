import { Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from './errors';

/** Text that starts a reference Terraform knows, or a function call, inside `${...}`. */
const KNOWN_INTERPOLATION = /^\s*((var|local|data|module|terraform|path)\.|[a-z][a-z0-9]*_[a-z0-9_]*\.[\w-]+|[a-z_][a-z0-9_]*\s*\()/;

/**
 * Whether the literal text of `text` (a token's parts aside) has a `${...}` interpolation Terraform
 * refuses here: any, for a key (`inKey`); one that names no reference form nor calls a function
 * (`${foo}`), for a value.
 */
export function hasUnknownInterpolation(text: string, inKey: boolean): boolean {
  const literals = (Tokenization.reverseString(text).literals as unknown[]).filter((part): part is string => typeof part === 'string');
  return literals.some((part) => [...part.matchAll(/(^|[^$])\$\{([^}]*)\}?/g)].some((match) => inKey || !KNOWN_INTERPOLATION.test(match[2])));
}

/** A template directive Terraform knows (`%{ if ... }`, `%{ for ... }`, their ends and `else`). */
const KNOWN_DIRECTIVE = /^\s*~?\s*(if|else|endif|for|endfor)\b/;

/**
 * Fails on literal text in a value the library writes into a Terraform string argument that Terraform
 * would read as a template and refuse (terraform validate: "Reference to undeclared resource",
 * "Unexpected end of template"): a `${...}` that names nothing Terraform has (`${context.path}`,
 * `${stage}`), or a `%{...}` that is no directive. `$${...}` and `%%{...}` are the text itself.
 */
export function refuseTemplateText(scope: IConstruct, property: string, value: unknown): void {
  if (typeof value !== 'string') {
    return;
  }
  const literals = (Tokenization.reverseString(value).literals as unknown[]).filter((part): part is string => typeof part === 'string');
  const directive = literals.some((part) => [...part.matchAll(/(^|[^%])%\{([^}]*)\}?/g)].some((match) => !KNOWN_DIRECTIVE.test(match[2])));
  if (hasUnknownInterpolation(value, false) || directive) {
    throw invalidProperty(scope, property, value, 'text without "${...}" or "%{...}", which Terraform reads as a template and refuses here: '
      + 'write "$${...}" or "%%{...}" for the text itself, and give a Terraform expression as a token');
  }
}
