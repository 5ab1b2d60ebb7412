import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { addValidationWhenCommitted } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { snakeCase } from '../core/case';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { heldByLocal } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { expressionIn, idReferenceOf, referenceOf } from '../core/resolve';

/**
 * Resources written by hand that name a stage of the library with an API beside it (a mapping, method
 * settings, a usage plan's API stage), checked when the app is validated: the stage must be named by
 * its name (a REST stage's `id` is `ags-<api>-<stage>`, which AWS takes for no stage: "Invalid stage
 * identifier specified"), and the API beside it must be the stage's (a stage of another API is none of
 * this one's: NotFoundException). Each stage looks itself up in one listing of the app's such resources.
 */

/** The types that name a stage beside an API: their API and stage arguments, in a list of blocks for a usage plan. */
const NAMING_TYPES: ReadonlyArray<{ readonly type: string; readonly api: string; readonly stage: string; readonly blocks?: string }> = [
  { type: 'aws_api_gateway_base_path_mapping', api: 'api_id', stage: 'stage_name' },
  { type: 'aws_apigatewayv2_api_mapping', api: 'api_id', stage: 'stage' },
  { type: 'aws_api_gateway_method_settings', api: 'rest_api_id', stage: 'stage_name' },
  { type: 'aws_api_gateway_usage_plan', api: 'apiId', stage: 'stage', blocks: 'api_stages' },
];

/** A stage named by a resource written by hand: the arguments naming the stage and its API, the attribute read, and the API given. */
interface StageReference {
  readonly resource: TerraformResource;
  readonly argument: string;
  readonly apiArgument: string;
  readonly given: string;
  readonly attribute: string;
  readonly api: unknown;
}

/**
 * Checks, when the app is validated, the resources written by hand that name `stage` (a stage resource the
 * construct `owner` made, `property` in errors): by its name, beside its API.
 */
export function checkStageReferences(owner: IConstruct, property: string, stage: TerraformResource, apiIdArgument: string): void {
  addValidationWhenCommitted(owner, {
    validate: () => {
      const key = `${TerraformStack.of(stage).node.path}:${stage.terraformResourceType}.${stage.friendlyUniqueId}`;
      return (referencesOf(AppIndex.of(stage)).get(key) ?? []).flatMap((reference) => errorsOf(owner, property, stage, apiIdArgument, reference));
    },
  });
}

function errorsOf(owner: IConstruct, property: string, stage: TerraformResource, apiIdArgument: string, reference: StageReference): string[] {
  const written = `'${reference.resource.node.path}' (${reference.resource.terraformResourceType}.${reference.resource.friendlyUniqueId}, written by hand)`;
  if (stage.terraformResourceType === 'aws_api_gateway_stage' && reference.attribute !== 'stage_name') {
    return [invalidProperty(owner, property, expressionIn(reference.resource, reference.given),
      `the stage's name where ${written} names it in ${reference.argument} (${property}.stageName): a REST stage's ${reference.attribute} is no `
      + 'stage name (its id is ags-<api id>-<stage name>), and AWS answers "Invalid stage identifier specified"').message];
  }
  const ours = idReferenceOf(apiIdBehind(stage, String(configuredArgument(stage, apiIdArgument))));
  const theirs = typeof reference.api === 'string' ? idReferenceOf(apiIdBehind(reference.resource, reference.api)) : undefined;
  if (ours === undefined || theirs === undefined || (ours.type === theirs.type && ours.name === theirs.name && ours.stack === theirs.stack)) {
    return [];
  }
  return [invalidProperty(owner, property, expressionIn(reference.resource, reference.api as string),
    `the stage's own API beside it where ${written} names the stage (${reference.apiArgument}): the stage belongs to ${ours.type}.${ours.name}, and AWS finds `
    + 'no stage of its name in another API (NotFoundException)').message];
}

/** The app's resources written by hand that name a stage resource, by the stage (`<stack path>:<address>`), listed once per app generation. */
function referencesOf(index: AppIndex): ReadonlyMap<string, readonly StageReference[]> {
  return index.appMemo(REFERENCES, () => {
    const byStage = new Map<string, StageReference[]>();
    for (const shape of NAMING_TYPES) {
      for (const resource of index.resourcesOfType(shape.type).filter((candidate) => ownerOfResource(candidate) === undefined)) {
        const entries = shape.blocks === undefined
          ? [{ api: configuredArgument(resource, shape.api), stage: configuredArgument(resource, shape.stage) }]
          // The provider class's blocks name the API apiId; an override (Terraform's names) api_id.
          : blocksOf(configuredArgument(resource, shape.blocks))
            .map((block) => ({ api: block[shape.api] ?? block[snakeCase(shape.api)], stage: block[shape.stage] }));
        for (const [position, entry] of entries.entries()) {
          const [named] = typeof entry.stage === 'string' ? stageReadsOf(resource, entry.stage, true) : [];
          if (named !== undefined) {
            const at = shape.blocks === undefined ? '' : `${shape.blocks}[${position}].`;
            const reference = {
              resource, argument: `${at}${shape.stage}`, apiArgument: `${at}${snakeCase(shape.api)}`, given: entry.stage as string, attribute: named.attribute, api: entry.api,
            };
            byStage.set(named.key, [...byStage.get(named.key) ?? [], reference]);
          }
        }
      }
    }
    return byStage;
  });
}

const REFERENCES = Symbol('resources written by hand naming a stage');

/** The list of blocks an argument holds (as given: a list, or one block), each as a plain record. */
function blocksOf(value: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(value) ? value : value !== undefined && value !== null && typeof value === 'object' ? [value] : [];
  return list.filter((block): block is Record<string, unknown> => block !== null && typeof block === 'object');
}

/** A stage resource's attribute that a value reads: the stage as `<stack path>:<type>.<name>`, and the attribute. */
export interface StageRead {
  readonly key: string;
  readonly attribute: string;
}

/**
 * The attributes of stage resources (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`) that `value`, an argument of
 * `resource`, reads: the one a reference reads (through local values holding it, or across stacks); else, in the
 * expression it is in `resource`'s stack, each one written in it (`trimspace(aws_api_gateway_stage.s.stage_name)`, a raw
 * "${...}" string) or, with `whole`, the one the value is.
 */
export function stageReadsOf(resource: TerraformResource, value: string, whole: boolean): StageRead[] {
  if (!Token.isUnresolved(value) && !value.includes('${')) {
    return [];
  }
  const reference = referenceOf(heldByLocal(value) ?? value);
  const parts = reference === undefined ? null : STAGE_ATTRIBUTE.exec(reference.identifier);
  if (parts !== null) {
    return [{ key: `${reference!.stack.node.path}:${parts[1]}`, attribute: parts[2] }];
  }
  const expression = expressionIn(resource, value);
  const stack = TerraformStack.of(resource).node.path;
  const written = whole ? [/^\$\{([\w.-]+)\}$/.exec(expression)?.[1] ?? ''] : [...expression.matchAll(STAGE_ATTRIBUTES_WRITTEN)].map((match) => match[0]);
  return written.map((text) => STAGE_ATTRIBUTE.exec(text)).filter((read) => read !== null).map((read) => ({ key: `${stack}:${read![1]}`, attribute: read![2] }));
}

const STAGE_ATTRIBUTE = /^((?:aws_api_gateway_stage|aws_apigatewayv2_stage)\.[\w-]+)\.([a-z_]+)$/;
const STAGE_ATTRIBUTES_WRITTEN = /(?<![\w.-])(?:aws_api_gateway_stage|aws_apigatewayv2_stage)\.[\w-]+\.[a-z_]+(?![\w-])/g;
