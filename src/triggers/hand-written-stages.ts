import { TerraformResource, TerraformStack } from 'cdktf';
import { ApiFamily } from './api-family';
import { BlockSource } from './block-source';
import { StackScan } from './stack-scan';
import { literalOf } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';

/** A stage written by hand that has the name of one of the library's stages of the same API. */
export interface HandWrittenStage {
  /** The stage written by hand. */
  readonly stage: TerraformResource;
  /** Its name, and the library's stage of that name. */
  readonly name: string;
  readonly ours: TerraformResource;
}

/** The stage resource type of a family (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`). */
export function stageTypeOf(family: ApiFamily): string {
  return family.apiType === 'aws_api_gateway_rest_api' ? 'aws_api_gateway_stage' : 'aws_apigatewayv2_stage';
}

/** The literal name of a stage resource (through local values holding one); undefined for one known only at deploy time. */
export function literalStageName(stage: TerraformResource): string | undefined {
  const fields = stage as unknown as { stageNameInput?: unknown; nameInput?: unknown };
  const name = stage.terraformResourceType === 'aws_api_gateway_stage' ? fields.stageNameInput : fields.nameInput;
  return typeof name === 'string' ? literalOf(name) : undefined;
}

/**
 * The first stage written by hand (made by no construct of the library) in one of `where` (a stack, and the
 * expression that names the API's id there: `${aws_x.api.id}`, a variable, another stack's output) with
 * the name of one of `ours` (the library's stages of that API). AWS has one stage of a name per API:
 * the second answers ConflictException.
 */
export function stageWrittenByHand(
  blocks: BlockSource,
  family: ApiFamily,
  where: ReadonlyArray<{ readonly stack: TerraformStack; readonly apiId: string }>,
  ours: readonly TerraformResource[],
): HandWrittenStage | undefined {
  const stageType = stageTypeOf(family);
  // Looked for only in a stack with a stage written by hand (the app's are listed once per generation).
  const written = blocks.index.appMemo(`stacks with ${stageType} written by hand`, () => new Set(blocks.index.resourcesOfType(stageType)
    .filter((stage) => ownerOfResource(stage) === undefined).map((stage) => TerraformStack.of(stage))));
  const byName = new Map<string, TerraformResource>();
  for (const stage of ours) {
    const name = literalStageName(stage);
    if (name !== undefined) {
      byName.set(name, stage);
    }
  }
  for (const { stack, apiId } of where) {
    if (byName.size === 0 || !written.has(stack)) {
      continue;
    }
    for (const stage of StackScan.of(blocks, stack, family).othersNaming(apiId)) {
      const name = stage.terraformResourceType === stageType && ownerOfResource(stage) === undefined ? literalStageName(stage) : undefined;
      const matching = name === undefined ? undefined : byName.get(name);
      if (matching !== undefined) {
        return { stage, name: name!, ours: matching };
      }
    }
  }
  return undefined;
}

/** How an error names a stage written by hand and why it fails, up to how to adopt it: `'stack/stage' (type.name, written by hand) ... To adopt that stage`. */
export function writtenByHandText(found: HandWrittenStage, stageType: string): string {
  return `'${found.stage.node.path}' (${stageType}.${found.stage.friendlyUniqueId}, written by hand) is its stage ${JSON.stringify(found.name)} too, `
    + 'and AWS answers ConflictException. To adopt that stage';
}
