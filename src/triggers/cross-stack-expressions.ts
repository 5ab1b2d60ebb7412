import { IResolvable, ref, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { resolveIn } from '../core/resolve';

/**
 * Cross-stack references made for one deployment, kept from cdktf's prepare pass to its
 * render pass: cdktf records a cross-stack reference on the token that was resolved while
 * preparing, so the render pass must resolve the very same token.
 */
export type CrossStackTokens = Map<string, IResolvable>;

/**
 * Terraform expressions of one stack as expressions valid in another: cdktf's cross-stack
 * references (an output of the origin stack, read with `terraform_remote_state`). While
 * preparing, turning an expression registers its reference.
 */
export class CrossStackExpressions {
  /** The stack the triggers are written to. */
  public readonly home: TerraformStack;

  /**
   * @param owner the construct whose stack is home; expressions for home are resolved in its context
   * @param preparing whether cdktf is preparing
   * @param tokens the tokens of earlier passes, by origin and expression
   */
  constructor(private readonly owner: IConstruct, private readonly preparing: boolean, private readonly tokens: CrossStackTokens) {
    this.home = TerraformStack.of(owner);
  }

  /** `expression`, valid in `origin` (`aws_lambda_function.fn.invoke_arn`), as an expression valid in the home stack. */
  public inHome(expression: string, origin: TerraformStack): string {
    return this.in(this.home, expression, origin);
  }

  /**
   * `expression`, valid in `origin`, as it reads in `target` when `origin` already outputs it for
   * another stack (a resource of some stack referenced it); undefined when no stack reads it across
   * stacks, so nothing can name it in `target`. Registers no output of its own: asking how an API's
   * id reads in a stack must not add a cross-stack output the configuration never uses.
   */
  public existingIn(target: TerraformStack, expression: string, origin: TerraformStack): string | undefined {
    if (origin === target) {
      return expression;
    }
    // Only a stack that reads `origin`'s outputs already (it depends on it) can read this one: resolving in any other would
    // make it depend on `origin` and read its state (cdktf refuses a cycle, and a new dependency changes the deploy order).
    const outputs = (origin as unknown as { crossStackOutputs?: Record<string, unknown> }).crossStackOutputs;
    if (!target.dependencies.includes(origin) || (outputs !== undefined && outputs[expression] === undefined)) {
      return undefined;
    }
    return this.in(target, expression, origin);
  }

  /** `expression`, valid in `origin`, as an expression valid in `target`. */
  public in(target: TerraformStack, expression: string, origin: TerraformStack): string {
    if (origin === target) {
      return expression;
    }
    const key = `${origin.node.path}\u0000${expression}`;
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = ref(expression, origin);
      this.tokens.set(key, token);
    }
    return unwrap(resolveIn(target === this.home ? this.owner : target, token, this.preparing));
  }
}

/** `aws_x.y.id` from `${aws_x.y.id}`. */
function unwrap(interpolation: string): string {
  return interpolation.startsWith('${') && interpolation.endsWith('}') ? interpolation.slice(2, -1) : interpolation;
}
