import { TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Block, BlockReader, resolvedBlocks } from './rendered-blocks';
import { constructsOf } from './stack-constructs';
import { resolveIn } from './stack-render-hook';

/**
 * The resolved blocks of the app's elements for one trigger computation: those of the home
 * stack (the deployment's) from the pass cdktf is running, those of other stacks resolved in
 * their own stack, once per element. Only the snapshot builder reads it.
 */
export class BlockSource {
  /** The stack the triggers are written to. */
  public readonly home: TerraformStack;
  private readonly foreign = new Map<TerraformStack, BlockReader>();
  private readonly constructsByStack = new Map<TerraformStack, readonly IConstruct[]>();

  /**
   * @param owner the construct whose stack is home
   * @param homeBlocks the home stack's blocks
   * @param preparing whether cdktf is preparing (resolving registers cross-stack references then)
   */
  constructor(owner: IConstruct, private readonly homeBlocks: BlockReader, private readonly preparing: boolean) {
    this.home = TerraformStack.of(owner);
  }

  /** The resolved block of an element of any stack of the app, as its own stack renders it. */
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

  /** Every construct of `stack` but those of nested stacks, in construct order, walked once. */
  public constructsOf(stack: TerraformStack): readonly IConstruct[] {
    let constructs = this.constructsByStack.get(stack);
    if (constructs === undefined) {
      constructs = constructsOf(stack);
      this.constructsByStack.set(stack, constructs);
    }
    return constructs;
  }
}
