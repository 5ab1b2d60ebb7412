import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/** Resolves a value in the context of `scope`, as cdktf does when it prepares or renders a stack. */
export function resolveIn(scope: IConstruct, value: unknown, preparing: boolean): any {
  return Tokenization.resolve(value, { scope, preparing, resolver: RESOLVER });
}

/** `value` with its tokens written as the Terraform expressions they stand for in `scope`; `value` itself when it cannot be resolved. */
export function expressionIn(scope: IConstruct, value: string): string {
  try {
    return String(resolveIn(scope, value, false));
  } catch {
    return value;
  }
}

/**
 * The cdktf reference `value` is, whole (`api.id`, `domain.domainName`): the Terraform expression it
 * names (`aws_x.y.id`) and the stack that is valid in, which it knows in any stack (in another stack
 * it renders as a remote state's output); undefined for a literal, or anything but one reference.
 */
export function referenceOf(value: string): { readonly identifier: string; readonly stack: TerraformStack } | undefined {
  const fragments = Tokenization.reverseString(value);
  const token = fragments.length === 1 ? fragments.firstToken as { identifier?: unknown; originStack?: unknown } | undefined : undefined;
  return token !== undefined && typeof token.identifier === 'string' && token.originStack instanceof TerraformStack
    ? { identifier: token.identifier, stack: token.originStack }
    : undefined;
}

/** The resource whose `id` a cdktf reference `value` is (`api.id`): its type, name and stack; undefined for anything else. */
export function idReferenceOf(value: string): { readonly type: string; readonly name: string; readonly stack: TerraformStack } | undefined {
  const reference = referenceOf(value);
  const parts = reference === undefined ? null : /^([\w-]+)\.([\w-]+)\.id$/.exec(reference.identifier);
  return parts === null ? undefined : { type: parts[1], name: parts[2], stack: reference!.stack };
}

/** A whole reference to an attribute of a resource or data source: `aws_x.y.attr`, `data.aws_x.y.attr`, in its stack. */
interface AttributeReference {
  /** The resource type, `data.` before a data source's. */
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
  readonly stack: TerraformStack;
}

/** The attribute `value` reads, when it is one whole reference to a resource's or data source's attribute. */
export function attributeOf(value: unknown): AttributeReference | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const reference = referenceOf(value);
  const parts = reference === undefined ? null : /^((?:data\.)?aws_[\w-]+)\.([\w-]+)\.(\w+)$/.exec(reference.identifier);
  return parts === null ? undefined : { type: parts[1], name: parts[2], attribute: parts[3], stack: reference!.stack };
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());
