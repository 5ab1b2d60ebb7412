import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { BlockSource } from './block-source';
import { stackBlocks } from './stack-blocks';
import { StackScan } from './stack-scan';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { idReferenceOf, resolveIn } from '../core/resolve';

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

/**
 * For a stage made on its own (`stage`, its resource; no trigger engine checks it): fails, when the app is
 * validated, on a stage written by hand with its name for the same API, in its stack or the API's.
 */
export function checkNoStageWrittenByHand(owner: IConstruct, family: ApiFamily, apiId: string, stage: TerraformResource): void {
  owner.node.addValidation({
    validate: () => AppIndex.during(owner, (index) => {
      const stack = TerraformStack.of(owner);
      const blocks = new BlockSource(owner, { blocks: stackBlocks(index, stack, true) }, true);
      const where = [{ stack, apiId: String(resolveIn(stack, apiId, true)) }];
      const named = idReferenceOf(apiIdBehind(owner, apiId));
      const api = named === undefined || named.type !== family.apiType ? undefined : index.resourceNamed(named.type, named.stack, named.name);
      if (api !== undefined && named!.stack !== stack) {
        where.push({ stack: named!.stack, apiId: `\${${family.apiType}.${named!.name}.id}` });
      }
      const found = stageWrittenByHand(blocks, family, where, [stage]);
      return found === undefined ? [] : [invalidProperty(owner, 'stageName', found.name, 'a stage name no other stage of '
        + `${api === undefined ? 'the API' : `${family.apiType}.${api.friendlyUniqueId}`} has: ${writtenByHandText(found, stageTypeOf(family))}, call `
        + `${owner.node.id}.stage.moveFromId('${stageTypeOf(family)}.${found.stage.friendlyUniqueId}') and remove the one written by hand; `
        + 'otherwise give another name').message];
    }),
  });
}

/** How an error names a stage written by hand and why it fails, up to how to adopt it: `'stack/stage' (type.name, written by hand) ... To adopt that stage`. */
export function writtenByHandText(found: HandWrittenStage, stageType: string): string {
  return `'${found.stage.node.path}' (${stageType}.${found.stage.friendlyUniqueId}, written by hand) is its stage ${JSON.stringify(found.name)} too, `
    + 'and AWS answers ConflictException. To adopt that stage';
}
