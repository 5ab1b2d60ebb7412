import { IResolvable, ref, TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Block, BlockReader, resolvedBlocks } from './rendered-blocks';
import { constructsOf } from './stack-constructs';
import { resolveIn } from './stack-render-hook';

/**
 * Cross-stack references made for one deployment, kept from cdktf's prepare pass to its
 * render pass: cdktf records a cross-stack reference on the token that was resolved
 * while preparing, so the render pass must resolve the very same token.
 */
export type CrossStackTokens = Map<string, IResolvable>;

/**
 * The resolved blocks of every element of the app, for one deployment: those of its own
 * ("home") stack from the pass cdktf is running, those of other stacks resolved in their
 * own stack, once per element.
 */
export class AppBlocks {
  /** The stack the triggers are written to. */
  public readonly home: TerraformStack;
  /** Readers of the other stacks' blocks, resolving in their own stack. */
  private readonly foreign = new Map<TerraformStack, BlockReader>();
  /** Each stack's constructs, walked once (discovery, reference entries and warnings all read them). */
  private readonly constructsByStack = new Map<TerraformStack, readonly IConstruct[]>();

  /**
   * @param owner the construct whose stack is home; cross-stack expressions are resolved in its context
   * @param homeBlocks the home stack's blocks
   * @param preparing whether cdktf is preparing (cross-stack references are registered then)
   * @param crossStackTokens the tokens of earlier passes, by origin and expression
   */
  constructor(
    private readonly owner: IConstruct,
    private readonly homeBlocks: BlockReader,
    public readonly preparing: boolean,
    private readonly crossStackTokens: CrossStackTokens,
  ) {
    this.home = TerraformStack.of(owner);
  }

  /**
   * The resolved block of an element of any stack of the app, as its own stack renders it.
   *
   * @param stack the element's stack, when the caller knows it
   */
  public blockOf(element: TerraformElement, stack: TerraformStack = TerraformStack.of(element)): Block | undefined {
    if (stack === this.home) {
      return this.homeBlocks(element);
    }
    let blocks = this.foreign.get(stack);
    if (blocks === undefined) {
      blocks = resolvedBlocks((fragment) => resolveIn(stack, fragment, this.preparing));
      this.foreign.set(stack, blocks);
    }
    return blocks(element);
  }

  /** Every construct of `stack` but those of nested stacks, in construct order. */
  public constructsOf(stack: TerraformStack): readonly IConstruct[] {
    let constructs = this.constructsByStack.get(stack);
    if (constructs === undefined) {
      constructs = constructsOf(stack);
      this.constructsByStack.set(stack, constructs);
    }
    return constructs;
  }

  /**
   * A Terraform expression valid in `origin` (`aws_lambda_function.fn.invoke_arn`), as an
   * expression valid in the home stack: cdktf's cross-stack reference (an output of
   * `origin`, read through remote state). While preparing, this registers the reference.
   */
  public expressionInHome(expression: string, origin: TerraformStack): string {
    return this.expressionIn(this.home, expression, origin);
  }

  /** A Terraform expression valid in `origin`, as an expression valid in `target` (see `expressionInHome`). */
  public expressionIn(target: TerraformStack, expression: string, origin: TerraformStack): string {
    if (origin === target) {
      return expression;
    }
    const key = `${origin.node.path}\u0000${expression}`;
    let token = this.crossStackTokens.get(key);
    if (token === undefined) {
      token = ref(expression, origin);
      this.crossStackTokens.set(key, token);
    }
    return unwrap(resolveIn(target === this.home ? this.owner : target, token, this.preparing));
  }
}

/** `aws_x.y.id` from `${aws_x.y.id}`. */
function unwrap(interpolation: string): string {
  return interpolation.startsWith('${') && interpolation.endsWith('}') ? interpolation.slice(2, -1) : interpolation;
}
