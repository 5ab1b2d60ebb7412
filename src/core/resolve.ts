import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
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

const RESOLVER = new DefaultTokenResolver(new StringConcat());
