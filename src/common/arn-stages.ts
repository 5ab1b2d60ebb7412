import { TerraformModule } from 'cdktf';
import { IConstruct } from 'constructs';
import { StageBase } from './stage-base';
import { undoIfFailed } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { literalOf } from '../core/locals';
import { expressionIn, idReferenceOf } from '../core/resolve';
import { warnOnce } from '../core/warnings';
import { configuredStageName } from '../triggers/hand-written-stages';

/**
 * The stage an `arnForExecuteApi` call names (`arnForExecuteApi('GET', '/pets', 'staging')`), checked at
 * synth: a stage name no stage of the API has gives an ARN that matches no request, so a
 * permission with it lets none through. Any stage of the API in the app counts (the construct's,
 * a stage made on its own, one written by hand), and one whose name is known only at deploy time (or a
 * module of the app, which may make stages) may be any: then nothing is judged, as for an API defined elsewhere (given by an id that is no API resource's of the app).
 */

interface NamedStage {
  readonly call: string;
  readonly stage: string;
  /** The stage resource type of the API's kind: `aws_api_gateway_stage`, `aws_apigatewayv2_stage`. */
  readonly stageType: string;
  /** The construct's API id: judged only for an API of the app (one defined elsewhere has stages the app does not make). */
  readonly apiId: string;
}

const NAMED = new WeakMap<IConstruct, NamedStage[]>();

/** Records, for the check at synth, the stage an `arnForExecuteApi` call of `owner` (a deployment construct) named. */
export function recordArnStage(owner: IConstruct, call: string, stage: string | undefined, stageType: string, apiId: string): void {
  const name = stage === undefined ? undefined : literalOf(stage);
  if (name === undefined || name === '*') {
    return;
  }
  let named = NAMED.get(owner);
  if (named === undefined) {
    named = [];
    NAMED.set(owner, named);
    // Added at once: it reads the list, whose entries a call that fails takes back.
    owner.node.addValidation({ validate: () => { warnOfUnknownStages(owner, named!); return []; } });
  }
  const entry = { call, stage: name, stageType, apiId };
  named.push(entry);
  undoIfFailed(() => named!.splice(named!.indexOf(entry), 1));
}

function warnOfUnknownStages(owner: IConstruct, named: readonly NamedStage[]): void {
  for (const { call, stage, stageType, apiId } of named) {
    const api = apiKeyOf(owner, apiId);
    if (api === undefined) {
      continue;
    }
    const names = stageNamesOf(owner, stageType);
    if (names !== undefined && !names.get(api)?.has(stage) && !names.get(ANY_API)?.has(stage)) {
      const own = owner.node.children.filter((child): child is StageBase => child instanceof StageBase)
        .map((child) => JSON.stringify(literalOf(child.stageName) ?? expressionIn(owner, child.stageName)));
      warnOnce(owner, `${call} names the stage ${JSON.stringify(stage)}, which no stage of this API has (this construct's: ${own.join(', ')}): `
        + "the ARN matches no request, so a permission with it lets none through. Name one of the API's stages, or '*' for every stage.");
    }
  }
}

/** An API resource of the app, as `<stack path>:<type>.<name>`, that an API id names (through locals and other resources' API ids). */
function apiKeyOf(scope: IConstruct, apiId: unknown): string | undefined {
  const reference = typeof apiId === 'string' ? idReferenceOf(apiIdBehind(scope, apiId)) : undefined;
  return reference === undefined ? undefined : `${reference.stack.node.path}:${reference.type}.${reference.name}`;
}

/** The key of the stages whose API the app cannot tell (an id from a variable): each may be any API's. */
const ANY_API = '';

/**
 * The literal names of the app's stages of a type, by their API (`apiKeyOf`), once per pass; undefined when one is known
 * only at deploy time (it may be any), or when a module of the app may make stages.
 */
function stageNamesOf(scope: IConstruct, stageType: string): ReadonlyMap<string, ReadonlySet<string>> | undefined {
  const index = AppIndex.of(scope);
  return index.appMemo(`stage names of ${stageType}`, () => {
    if (index.stacks().some((stack) => index.elementsOf(stack).some((element) => element instanceof TerraformModule))) {
      return undefined;
    }
    const byApi = new Map<string, Set<string>>();
    for (const stage of index.resourcesOfType(stageType)) {
      const name = configuredStageName(stage);
      if (name === undefined) {
        return undefined;
      }
      const api = apiKeyOf(stage, configuredArgument(stage, stageType === 'aws_api_gateway_stage' ? 'rest_api_id' : 'api_id')) ?? ANY_API;
      byApi.set(api, (byApi.get(api) ?? new Set()).add(name));
    }
    return byApi;
  });
}

