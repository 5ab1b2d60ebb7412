import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { addressOf } from './api-snapshot';
import { BlockSource } from './block-source';
import { CrossStackExpressions } from './cross-stack-expressions';
import { stageTypeOf, stageWrittenByHand, writtenByHandText } from './hand-written-stages';
import { stagesNamedLiterallyWarnings } from './stages-named-literally';
import { camelCase } from '../core/case';
import { invalidProperty } from '../core/errors';
import { ownerOfResource } from '../core/owned-resources';
import { resolveIn } from '../core/resolve';

/** The stages a deployment construct makes, and where resources of its API may name them. */
export interface OwnStages {
  readonly owner: IConstruct;
  readonly ours: readonly TerraformResource[];
  readonly where: ReadonlyArray<{ readonly stack: TerraformStack; readonly apiId: string }>;
  /** The API resource, when it is the app's. */
  readonly api?: TerraformResource;
  readonly stageType: string;
  /** Whether a stage is the main stage (not an added one). */
  readonly isMain: (stage: TerraformResource) => boolean;
}

/**
 * The stages the deployment construct `owner` makes, and where other resources of the API (`api`, when it
 * is the app's) may name them: the construct's stack (naming the API as its stages do), and the API's stack.
 */
export function stagesOfOwner(owner: IConstruct, family: ApiFamily, api: TerraformResource | undefined, blocks: BlockSource): OwnStages | undefined {
  const stageType = stageTypeOf(family);
  const ours = owner.node.findAll().filter((construct): construct is TerraformResource =>
    TerraformResource.isTerraformResource(construct) && construct.terraformResourceType === stageType && ownerOfResource(construct) === owner);
  if (ours.length === 0) {
    return undefined;
  }
  const apiIdInput = (ours[0] as unknown as Record<string, unknown>)[`${camelCase(family.apiIdArgument)}Input`];
  const where = [{ stack: blocks.home, apiId: String(resolveIn(owner, apiIdInput, blocks.preparing)) }];
  if (api !== undefined && TerraformStack.of(api) !== blocks.home) {
    where.push({ stack: TerraformStack.of(api), apiId: `\${${addressOf(api)}.id}` });
  }
  return { owner, ours, where, api, stageType, isMain: (stage) => stage.node.scope === owner.node.tryFindChild('Stage') };
}

/**
 * Fails on a stage of the API written by hand (not a construct's) with the name of a stage the
 * construct makes: AWS answers ConflictException at apply. Typically the provider page's stage left
 * in place when adopting the construct, without `moveFromId`.
 */
export function assertNoStageWrittenByHand(owner: IConstruct, family: ApiFamily, stages: OwnStages | undefined, blocks: BlockSource): void {
  const found = stages === undefined ? undefined : stageWrittenByHand(blocks, family, stages.where, stages.ours, stages.api);
  if (found !== undefined) {
    const { api, stageType } = stages!;
    const { stage, name, ours: mine } = found;
    const main = stages!.isMain(mine);
    const apiName = api === undefined ? 'the API' : addressOf(api);
    throw invalidProperty(owner, main ? 'stageName' : `addStage(${name})`, name,
      `a stage name no other stage of ${apiName} has: ${writtenByHandText(found, stageType)}, call `
      + `${main ? 'deploymentStage' : 'the added stage\'s'}.stage.moveFromId('${stageType}.${stage.friendlyUniqueId}') and remove the one written by hand; `
      + 'otherwise give another name');
  }
}

/** The warnings for resources written by hand that name a stage of the construct by its literal name (they do not wait for it). */
export function stagesNamedLiterally(stages: OwnStages | undefined, blocks: BlockSource, expressions: CrossStackExpressions): string[] {
  if (stages === undefined) {
    return [];
  }
  const { api, where } = stages;
  // In any stack: the API's id as that stack reads it (a cross-stack reference), or as the construct names it there.
  const apiIdsIn = (stack: TerraformStack) => {
    const read = api === undefined ? undefined : expressions.existingIn(stack, `${addressOf(api)}.id`, TerraformStack.of(api));
    return [...where.filter((place) => place.stack === stack).map((place) => place.apiId), ...(read === undefined ? [] : [`\${${read}}`])];
  };
  const attribute = stages.stageType === 'aws_api_gateway_stage' ? 'stageName' : 'name';
  return stagesNamedLiterallyWarnings(blocks, apiIdsIn, stages.ours, (stage) => (stages.isMain(stage)
    ? `deploymentStage.stage.${attribute}` : `the added stage's .stage.${attribute}`));
}
