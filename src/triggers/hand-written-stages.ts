import { TerraformResource, TerraformStack } from 'cdktf';
import { ApiFamily } from './api-family';
import { BlockSource } from './block-source';
import { StackScan } from './stack-scan';
import { apiIdBehind } from '../core/api-id-behind';
import { camelCase } from '../core/case';
import { configuredArgument } from '../core/configured';
import { literalOf } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { idReferenceOf } from '../core/resolve';

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

/** The name a stage resource was given: `stage_name` of a REST stage, `name` of an HTTP or WebSocket one. */
export function stageNameInput(stage: TerraformResource): unknown {
  const fields = stage as unknown as { stageNameInput?: unknown; nameInput?: unknown };
  return stage.terraformResourceType === 'aws_api_gateway_stage' ? fields.stageNameInput : fields.nameInput;
}

/** The literal name of a stage resource (through local values holding one); undefined for one known only at deploy time. */
export function literalStageName(stage: TerraformResource): string | undefined {
  const name = stageNameInput(stage);
  return typeof name === 'string' ? literalOf(name) : undefined;
}

/** As `literalStageName`, with what Terraform gets: an override of the name (on the stage, or on its stack) included. */
export function configuredStageName(stage: TerraformResource): string | undefined {
  const name = configuredArgument(stage, stage.terraformResourceType === 'aws_api_gateway_stage' ? 'stage_name' : 'name');
  return typeof name === 'string' ? literalOf(name) : undefined;
}

/**
 * The first stage written by hand (made by no construct of the library) with the name of one of `ours`
 * (the library's stages of that API) whose API is theirs: in one of `where` (a stack, and the expression
 * that names the API's id there: `${aws_x.api.id}`, a variable, another stack's output), or, when the API
 * is a resource of the app (`api`), in any stack, its API id followed to it (`route.apiId`, a data
 * source's, a local's). AWS has one stage of a name per API: the second answers ConflictException.
 */
export function stageWrittenByHand(
  blocks: BlockSource,
  family: ApiFamily,
  where: ReadonlyArray<{ readonly stack: TerraformStack; readonly apiId: string }>,
  ours: readonly TerraformResource[],
  api?: TerraformResource,
): HandWrittenStage | undefined {
  const stageType = stageTypeOf(family);
  // The app's stages written by hand, by their name (listed once per generation): usually none.
  const writtenByName = blocks.index.appMemo(`${stageType} written by hand, by name`, () => {
    const byName = new Map<string, TerraformResource[]>();
    for (const stage of blocks.index.resourcesOfType(stageType).filter((each) => ownerOfResource(each) === undefined)) {
      const name = literalStageName(stage);
      if (name !== undefined) {
        byName.set(name, [...byName.get(name) ?? [], stage]);
      }
    }
    return byName;
  });
  const apiIdArgument = `${camelCase(family.apiIdArgument)}Input`;
  for (const mine of ours) {
    const name = literalStageName(mine);
    for (const stage of (name === undefined ? undefined : writtenByName.get(name)) ?? []) {
      const stack = TerraformStack.of(stage);
      const given = (stage as unknown as Record<string, unknown>)[apiIdArgument];
      const named = api !== undefined && typeof given === 'string' ? idReferenceOf(apiIdBehind(stage, given)) : undefined;
      const sameApi = named !== undefined && named.type === api!.terraformResourceType && named.name === api!.friendlyUniqueId
        && named.stack === TerraformStack.of(api!);
      const sameExpression = where.some((place) => place.stack === stack
        && StackScan.of(blocks, stack, family).othersNaming(place.apiId).includes(stage));
      if (sameApi || sameExpression) {
        return { stage, name: name!, ours: mine };
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
