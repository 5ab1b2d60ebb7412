import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Every construct of `stack` (itself included) but those of nested stacks, in construct order. */
export function constructsOf(stack: TerraformStack): IConstruct[] {
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

/** Every stack of the app `scope` is in, in construct order. */
export function allStacks(scope: IConstruct): TerraformStack[] {
  return scope.node.root.node.findAll().filter((construct): construct is TerraformStack => TerraformStack.isStack(construct));
}
