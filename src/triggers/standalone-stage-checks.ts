import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { BlockSource } from './block-source';
import { CrossStackExpressions } from './cross-stack-expressions';
import { stageTypeOf, stageWrittenByHand, writtenByHandText } from './hand-written-stages';
import { stackBlocks } from './stack-blocks';
import { stagesNamedLiterallyWarnings } from './stages-named-literally';
import { addValidationWhenCommitted } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { idReferenceOf, resolveIn } from '../core/resolve';
import { warnOnce } from '../core/warnings';

/**
 * For a stage made on its own (`stage`, its resource; no trigger engine checks it), when the app is
 * validated: fails on a stage written by hand with its name for the same API, in its stack or the API's;
 * warns of resources written by hand that name it by its literal name (they do not wait for it).
 */
export function checkBesideHandWritten(owner: IConstruct, family: ApiFamily, apiId: string, stage: TerraformResource): void {
  addValidationWhenCommitted(owner, {
    validate: () => AppIndex.during(owner, (index) => {
      const stack = TerraformStack.of(owner);
      const blocks = new BlockSource(owner, { blocks: stackBlocks(index, stack, true) }, true);
      const where = [{ stack, apiId: String(resolveIn(stack, apiId, true)) }];
      const named = idReferenceOf(apiIdBehind(owner, apiId));
      const api = named === undefined || named.type !== family.apiType ? undefined : index.resourceNamed(named.type, named.stack, named.name);
      if (api !== undefined && named!.stack !== stack) {
        where.push({ stack: named!.stack, apiId: `\${${family.apiType}.${named!.name}.id}` });
      }
      const stageType = stageTypeOf(family);
      const attribute = stageType === 'aws_api_gateway_stage' ? 'stageName' : 'name';
      const expressions = new CrossStackExpressions(owner, true, new Map());
      const apiIdsIn = (other: TerraformStack) => {
        const read = api === undefined ? undefined : expressions.existingIn(other, `${family.apiType}.${api.friendlyUniqueId}.id`, named!.stack);
        return [...where.filter((place) => place.stack === other).map((place) => place.apiId), ...(read === undefined ? [] : [`\${${read}}`])];
      };
      stagesNamedLiterallyWarnings(blocks, apiIdsIn, [stage], () => `${owner.node.id}.stage.${attribute}`).forEach((warning) => warnOnce(owner, warning));
      const found = stageWrittenByHand(blocks, family, where, [stage], api);
      return found === undefined ? [] : [invalidProperty(owner, 'stageName', found.name, 'a stage name no other stage of '
        + `${api === undefined ? 'the API' : `${family.apiType}.${api.friendlyUniqueId}`} has: ${writtenByHandText(found, stageType)}, call `
        + `${owner.node.id}.stage.moveFromId('${stageType}.${found.stage.friendlyUniqueId}') and remove the one written by hand; `
        + 'otherwise give another name').message];
    }),
  });
}
