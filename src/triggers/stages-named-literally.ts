import { TerraformResource, TerraformStack } from 'cdktf';
import { BlockSource } from './block-source';
import { literalStageName, stageNameInput } from './hand-written-stages';
import { Block } from './rendered-blocks';
import { madeByLibraryConstruct } from '../core/deployment-marker';
import { literalOf, localValue } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { expressionIn } from '../core/resolve';

/**
 * The resources that name a stage by its name, and where: each stage a block names, with the part of the
 * block that names its API (a usage plan names one per `api_stages` entry; the others, one for the block).
 */
const NAMING_A_STAGE: Readonly<Record<string, (block: Block) => Array<{ readonly name: unknown; readonly part: unknown }>>> = {
  aws_api_gateway_method_settings: (block) => [{ name: block.stage_name, part: block }],
  aws_api_gateway_base_path_mapping: (block) => [{ name: block.stage_name, part: block }],
  aws_apigatewayv2_api_mapping: (block) => [{ name: block.stage, part: block }],
  aws_api_gateway_usage_plan: (block) => (Array.isArray(block.api_stages) ? block.api_stages : [block.api_stages])
    .map((entry) => ({ name: (entry as Block | undefined)?.stage, part: entry })),
};

/** What AWS answers when such a resource is created before its stage. */
const FAILURE: Readonly<Record<string, string>> = {
  aws_api_gateway_usage_plan: 'Invalid API Stage ... specified for usageplan',
  aws_api_gateway_method_settings: 'Invalid stage identifier specified',
  aws_api_gateway_base_path_mapping: 'Invalid stage identifier specified',
  aws_apigatewayv2_api_mapping: 'Invalid stage identifier specified',
};

interface NamingResource {
  readonly resource: TerraformResource;
  /** The part of its block that names the stage, as JSON, to find the API's id in. */
  readonly apiText: string;
  /** Its block, as JSON, to find a reference to the stage in. */
  readonly text: string;
}

/**
 * The warnings for resources written by hand, in any stack, that name one of `ours` (the construct's
 * stages) by its literal name and name the API (`apiIdsIn(stack)`: the expressions that are its id in
 * that stack), but not the stage resource: nothing makes them wait for the stage, so the first apply
 * fails, and a renamed stage leaves them behind. `fix(stage)` says how to name the stage through its resource.
 */
export function stagesNamedLiterallyWarnings(
  blocks: BlockSource,
  apiIdsIn: (stack: TerraformStack) => readonly string[],
  ours: readonly TerraformResource[],
  fix: (stage: TerraformResource) => string,
): string[] {
  const warnings: string[] = [];
  const naming = namingByStageName(blocks);
  for (const stage of ours) {
    const literal = literalStageName(stage);
    // A name known only at deploy time (a variable) is compared as its expression, in the stage's stack.
    const expression = literal === undefined ? stageNameExpression(stage) : undefined;
    const key = literal !== undefined ? literalKey(literal)
      : expression === undefined ? undefined : expressionKey(TerraformStack.of(stage), expression);
    const address = `${stage.terraformResourceType}.${stage.friendlyUniqueId}`;
    for (const { resource, apiText, text } of (key === undefined ? undefined : naming.get(key)) ?? []) {
      if (apiIdsIn(TerraformStack.of(resource)).some((apiId) => apiText.includes(apiId)) && !text.includes(address)) {
        warnings.push(`${resource.terraformResourceType}.${resource.friendlyUniqueId} ('${resource.node.path}') names the stage `
          + `${literal !== undefined ? JSON.stringify(literal) : expression} of this API by its name: nothing makes it wait for the stage, so the first apply fails ("${FAILURE[resource.terraformResourceType]}"), `
          + `and a renamed stage leaves it behind. Name the stage through its resource: ${fix(stage)}.`);
      }
    }
  }
  return warnings;
}

/** The app's resources written by hand that name a stage, by each literal name they hold (listed once per pass). */
function namingByStageName(blocks: BlockSource): ReadonlyMap<string, readonly NamingResource[]> {
  return blocks.index.phaseMemo('resources naming a stage by its name', () => {
    const byName = new Map<string, NamingResource[]>();
    for (const [type, namesOf] of Object.entries(NAMING_A_STAGE)) {
      for (const element of blocks.index.resourcesOfType(type)) {
        if (madeByLibraryConstruct(element) || ownerOfResource(element) !== undefined) {
          continue;
        }
        const stack = TerraformStack.of(element);
        // Resolving it (while preparing) registers its cross-stack references: the API's id read there is then known.
        const block = blocks.blockOf(element, stack);
        for (const { name: written, part } of block === undefined ? [] : namesOf(block)) {
        // A local value holding a literal name is that name.
          const local = typeof written === 'string' ? /^\$\{local\.([\w-]+)\}$/.exec(written) : null;
          const held = local === null ? undefined : localValue(stack, local[1]);
          const name = typeof held === 'string' ? literalOf(held) : written;
          // A literal name, or a whole expression (`${var.stage}`), valid in its stack only.
          const key = typeof name !== 'string' ? undefined : !name.includes('${') ? literalKey(name) : WHOLE_EXPRESSION.test(name) ? expressionKey(stack, name) : undefined;
          if (key !== undefined) {
          // The API is looked for in the part that names the stage; a reference to the stage, in the whole block (its depends_on).
            const list = byName.get(key) ?? [];
            list.push({ resource: element, apiText: JSON.stringify(part), text: JSON.stringify(block) });
            byName.set(key, list);
          }
        }
      }
    }
    return byName;
  });
}

/** A whole expression that names something other than a stage resource's attribute (`${var.stage}`, `${local.env}-x` not). */
const WHOLE_EXPRESSION = /^\$\{[^{}]+\}$/;

function literalKey(name: string): string {
  return `literal:${name}`;
}

function expressionKey(stack: TerraformStack, expression: string): string {
  return `expression:${stack.node.path}:${expression}`;
}

/** The expression of a stage resource's name (`${var.stage}`) in its stack; undefined where it has none. */
function stageNameExpression(stage: TerraformResource): string | undefined {
  const name = stageNameInput(stage);
  if (typeof name !== 'string') {
    return undefined;
  }
  const expression = expressionIn(stage, name);
  return WHOLE_EXPRESSION.test(expression) ? expression : undefined;
}
