import { TerraformStack } from 'cdktf';

/** Whether `stack` depends on `other`, directly or through other stacks (it deploys after it, and may read its outputs). */
export function stackDependsOn(stack: TerraformStack, other: TerraformStack, seen = new Set<TerraformStack>()): boolean {
  if (seen.has(stack)) {
    return false;
  }
  seen.add(stack);
  return stack.dependencies.some((dependency) => dependency === other || stackDependsOn(dependency as TerraformStack, other, seen));
}
