import { TerraformStack } from 'cdktf';
import { ApiSnapshot, keyInHome } from './api-snapshot';
import { CrossStackExpressions } from './cross-stack-expressions';
import { ANY_INSTANCE } from './terraform-references';
import { AppIndex } from '../core/app-index';

/**
 * The object a reference reads, which is its trigger key: `aws_lambda_function.fn` for
 * `aws_lambda_function.fn.invoke_arn` or `aws_lambda_function.fn[*].arn`, `data.aws_x.y`,
 * `var.v`, `local.l`, `module.m`; for another stack's output read through remote state, the output.
 */
export function referencedObject(reference: string): string {
  if (!reference.startsWith('data.')) {
    return leadingParts(reference, 2);
  }
  const parts = reference.split(/[.[]/);
  if (parts[1] === 'terraform_remote_state' && parts[3] === 'outputs') {
    return parts.slice(0, 5).join('.'); // one output of another stack: cdktf's cross-stack references all read one data source
  }
  return parts.slice(0, 3).join('.');
}

/** The first `count` parts of a reference, up to the separator (`.` or `[`) that follows them. */
function leadingParts(reference: string, count: number): string {
  let separators = 0;
  for (let index = 0; index < reference.length; index++) {
    const char = reference[index];
    if ((char === '.' || char === '[') && ++separators === count) {
      return reference.slice(0, index);
    }
  }
  return reference;
}

/**
 * The trigger entries for the objects outside the API that its configuration references:
 * one per object, keyed by its address (prefixed with its stack's path when it is in
 * another stack), whose value is a Terraform expression over every attribute of it that
 * is read, hashed at plan time. So `terraform plan` names the object that changed, and
 * no referenced value is written in plain text.
 */
export class ReferenceEntries {
  private readonly byKey = new Map<string, { readonly stack: TerraformStack; readonly references: Set<string> }>();
  private readonly itemKeys: Set<string>;

  /**
   * @param snapshot the API and its resources: references to them need no entry of their own
   * @param expressions turns another stack's expressions into the home stack's
   */
  constructor(private readonly snapshot: ApiSnapshot, private readonly expressions: CrossStackExpressions) {
    this.itemKeys = new Set(snapshot.resources.map((item) => item.key));
  }

  /** Adds references found in the configuration of a resource of `stack`. */
  public addAll(stack: TerraformStack, references: readonly string[]): void {
    for (const reference of references) {
      const object = referencedObject(reference);
      // Another stack's object read through cdktf's cross-stack output is keyed by that object, as where it is read directly.
      const origin = object.startsWith(REMOTE_STATE) ? crossStackOrigin(stack, object) : undefined;
      const key = origin !== undefined ? keyInHome(origin.stack, origin.object, this.snapshot.home) : keyInHome(stack, object, this.snapshot.home);
      if (this.itemKeys.has(key)) {
        continue;
      }
      let entry = this.byKey.get(key);
      if (entry === undefined) {
        entry = { stack, references: new Set() };
        this.byKey.set(key, entry);
      }
      entry.references.add(reference);
    }
  }

  /**
   * Every entry: `${sha1(jsonencode([...]))}` over the object's references, as
   * expressions valid in the home stack (cdktf cross-stack references for another stack).
   */
  public entries(): Array<[string, string]> {
    return [...this.byKey].map(([key, { stack, references }]) => {
      const local = rewriteForEach([...references], () => this.snapshot.forEachAddresses(stack)).map(guardedIndex);
      return [key, hashExpression(local.map((reference) => this.expressions.inHome(reference, stack)))];
    });
  }
}

const REMOTE_STATE = 'data.terraform_remote_state.';

/**
 * The object of another stack of the app that a cdktf cross-stack output read in `stack` stands for
 * (`data.terraform_remote_state.cross-stack-reference-input-shared.outputs.cross-stack-output-aws_lambda_functionfninvoke_arn`:
 * `aws_lambda_function.fn` of stack `shared`); undefined for remote state of the user's.
 */
function crossStackOrigin(stack: TerraformStack, object: string): { readonly stack: TerraformStack; readonly object: string } | undefined {
  const [, , name, , output] = object.split('.');
  const sources = (stack as unknown as { crossStackDataSources?: Record<string, { friendlyUniqueId?: string }> }).crossStackDataSources ?? {};
  const originPath = Object.entries(sources).find(([, source]) => source.friendlyUniqueId === name)?.[0];
  const origin = originPath === undefined ? undefined : AppIndex.of(stack).stacks().find((candidate) => candidate.node.path === originPath);
  const outputs = (origin as unknown as { crossStackOutputs?: Record<string, { friendlyUniqueId?: string }> } | undefined)?.crossStackOutputs ?? {};
  const identifier = Object.entries(outputs).find(([, candidate]) => candidate.friendlyUniqueId === output)?.[0];
  return identifier === undefined ? undefined : { stack: origin!, object: referencedObject(identifier) };
}

/** A literal index step: `[0]`, `["key"]` (not the `[*]` of every instance). */
const LITERAL_INDEX = /\[(?:\d+|"(?:[^"\\]|\\.)*")\]/;

/**
 * A reference through a literal index (`aws_lambda_function.v2[0].invoke_arn`, `fns["a"].arn`) as
 * `try(<reference>, null)`: the configuration may read it only where it exists (a function counted
 * to 0 or 1 and picked by a conditional), and the entry must not fail the plan where it does not
 * ("Invalid index"). Where it exists, the hash is the same as of the reference itself.
 */
function guardedIndex(reference: string): string {
  return LITERAL_INDEX.test(reference) ? `try(${reference}, null)` : reference;
}

/** `${sha1(jsonencode([...]))}` over Terraform expressions, sorted and unique. */
export function hashExpression(expressions: readonly string[]): string {
  const unique = [...new Set(expressions)].sort(); // by UTF-16 code units, as canonical-json.ts `compare`
  return `\${sha1(jsonencode([${unique.join(', ')}]))}`;
}

/** `${aws_x.y}` or `${data.aws_x.y}`: a whole resource or data source (its type has the provider's prefix; `var`, `local`, `module` have none). */
const WHOLE_RESOURCE = /^\$\{(data\.)?[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\}$/;
const EACH_VALUE_ATTRIBUTE = /\beach\.value\.([A-Za-z_][A-Za-z0-9_-]*)/g;
const EACH_VALUE_WHOLE = /\beach\.value\b(?!\.[A-Za-z_])/;

/**
 * The references of a resource whose `for_each` is a whole resource or data source (`for_each =
 * aws_lambda_function.fns`, as `TerraformIterator.fromResources` and `fromDataSources` write it): that reference
 * stands for the attributes the resource reads through `each.value.<attribute>`
 * (`aws_lambda_function.fns[*].invoke_arn`), not for every attribute of every instance (tags,
 * `last_modified`: hashing those redeployed for a tag, and made plans inconsistent with applies).
 * Kept whole when the resource reads `each.value` itself.
 */
export function narrowWholeForEach(config: Record<string, unknown>, references: readonly string[]): readonly string[] {
  const forEach = config.for_each;
  if (typeof forEach !== 'string' || !WHOLE_RESOURCE.test(forEach)) {
    return references;
  }
  const whole = forEach.slice(2, -1);
  const { for_each: _forEach, ...rest } = config;
  const text = JSON.stringify(rest);
  if (EACH_VALUE_WHOLE.test(text)) {
    return references;
  }
  const read = [...new Set([...text.matchAll(EACH_VALUE_ATTRIBUTE)].map((match) => `${whole}${ANY_INSTANCE}.${match[1]}`))];
  return [...references.filter((reference) => reference !== whole), ...read].sort();
}

/**
 * A reference that indexes a `for_each` resource with a value known only inside the
 * referring resource (`aws_x.y[*].arn`) takes the values of every instance:
 * `values(aws_x.y)[*].arn`. One that indexes a value that may be a map (a variable, a local, a
 * module's output, a resource's attribute: `local.routes[each.key].uri`) takes the whole value
 * (`local.routes`): a splat over a map wraps it in a list, where `[*].uri` fails the plan
 * ("This object does not have an attribute named").
 */
export function rewriteForEach(references: readonly string[], forEachAddresses: () => ReadonlySet<string>): string[] {
  return references.map((reference) => {
    const wildcard = reference.indexOf(ANY_INSTANCE);
    if (wildcard < 0 || reference.startsWith('values(')) {
      return reference;
    }
    const address = reference.slice(0, wildcard);
    if (forEachAddresses().has(address)) {
      return `values(${address})${reference.slice(wildcard)}`;
    }
    // A variable, a local or another stack's output (cdktf's remote state) may hold a map: hashed whole.
    return /^(var|local|data\.terraform_remote_state)\./.test(address) || address !== referencedObject(reference) ? address : reference;
  });
}
