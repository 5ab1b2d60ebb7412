import { TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Block, BlockReader, resolvedBlocks } from './rendered-blocks';
import { elementsWithBlocks } from './stack-constructs';
import { resolveIn } from './stack-render-hook';

/** The home stack as the pass cdktf is running sees it. */
export interface HomeStackBlocks {
  /** Its resolved blocks. */
  readonly blocks: BlockReader;
  /** Its resources, data sources and modules in construct order; undefined to list them when needed. */
  readonly elements?: readonly TerraformElement[];
}

/**
 * The resolved blocks of the app's elements for one trigger computation: those of the home
 * stack (the deployment's) from the pass cdktf is running, those of other stacks resolved in
 * their own stack, once per element. Only the snapshot builder reads it.
 */
export class BlockSource {
  /** The stack the triggers are written to. */
  public readonly home: TerraformStack;
  private readonly homeBlocks: BlockReader;
  private readonly foreign = new Map<TerraformStack, BlockReader>();
  private readonly elementsByStack = new Map<TerraformStack, readonly TerraformElement[]>();

  /**
   * @param owner the construct whose stack is home
   * @param homeStack the home stack's blocks (and elements, when the pass has listed them)
   * @param preparing whether cdktf is preparing (resolving registers cross-stack references then)
   */
  constructor(owner: IConstruct, homeStack: HomeStackBlocks, private readonly preparing: boolean) {
    this.home = TerraformStack.of(owner);
    this.homeBlocks = homeStack.blocks;
    if (homeStack.elements !== undefined) {
      this.elementsByStack.set(this.home, homeStack.elements);
    }
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

  /** The resources, data sources and modules of `stack` (not of nested stacks), in construct order, listed once. */
  public elementsOf(stack: TerraformStack): readonly TerraformElement[] {
    let elements = this.elementsByStack.get(stack);
    if (elements === undefined) {
      elements = elementsWithBlocks(stack);
      this.elementsByStack.set(stack, elements);
    }
    return elements;
  }
}
