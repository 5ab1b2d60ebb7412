import { TerraformDataSource, TerraformElement, TerraformModule, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Every construct of `stack` (itself included) but those of nested stacks, in construct order. */
function constructsOf(stack: TerraformStack): IConstruct[] {
  const found: IConstruct[] = [];
  const visit = (construct: IConstruct) => {
    found.push(construct);
    for (const child of construct.node.children) {
      if (!TerraformStack.isStack(child)) {
        visit(child);
      }
    }
  };
  visit(stack);
  return found;
}

/**
 * Every stack of the app `scope` is in, in construct order. (Resources, providers and the other
 * Terraform elements hold no stacks: their subtrees are not walked, which at a few thousand
 * resources is most of the tree.)
 */
export function allStacks(scope: IConstruct): TerraformStack[] {
  const stacks: TerraformStack[] = [];
  const visit = (construct: IConstruct) => {
    if (TerraformStack.isStack(construct)) {
      stacks.push(construct);
    } else if (TerraformElement.isTerraformElement(construct)) {
      return;
    }
    construct.node.children.forEach(visit);
  };
  visit(scope.node.root);
  return stacks;
}

/**
 * The resources, data sources and modules of `stack` (the elements that render a configuration
 * block), without those of nested stacks, in construct order, as cdktf lists them.
 */
export function elementsWithBlocks(stack: TerraformStack): TerraformElement[] {
  return constructsOf(stack).filter(hasBlock);
}

function hasBlock(construct: IConstruct): construct is TerraformElement {
  return TerraformResource.isTerraformResource(construct)
    || TerraformDataSource.isTerraformDataSource(construct)
    || construct instanceof TerraformModule;
}
