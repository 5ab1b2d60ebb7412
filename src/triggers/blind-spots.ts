import { TerraformModule, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { isMarkedRestApiDeployment } from '../deployment-marker';
import { addressOf, ApiStack, ResolvedResource } from './api-configuration';
import { REDEPLOY_RESOURCE_TYPES } from './api-resource-types';
import { AppBlocks } from './app-blocks';
import { Block } from './rendered-blocks';
import { resolveIn } from './stack-render-hook';
import { findReferences } from './terraform-references';

/**
 * Resource types that name the API but never change what a deployment serves: stage-level
 * settings, mappings and plans, and resources that only build the API's id into a name or
 * an ARN (log groups, Lambda permissions, web ACL associations).
 */
export const TYPES_WITHOUT_REDEPLOY: ReadonlySet<string> = new Set([
  'aws_api_gateway_deployment',
  'aws_api_gateway_stage',
  'aws_api_gateway_method_settings',
  'aws_api_gateway_base_path_mapping',
  'aws_api_gateway_usage_plan',
  'aws_cloudwatch_log_group',
  'aws_lambda_permission',
  'aws_wafv2_web_acl_association',
]);

/** The property that silences these warnings, named in each of them. */
const ACKNOWLEDGE = "list it in 'acknowledgedBlindSpots'";

/**
 * Warnings for the parts of the app that use the API where discovery cannot see: a
 * module that gets the API's id (its resources are invisible), a resource of a type the
 * library does not know that names the API (not treated as needing a redeploy), and an
 * API resource whose escape-hatch override moves it to another API. Constructs inside a
 * RestApiDeployment, and those listed in `acknowledged` (or inside one), get none.
 */
export function blindSpotWarnings(
  api: ResolvedResource,
  stacks: readonly ApiStack[],
  items: readonly ResolvedResource[],
  blocks: AppBlocks,
  acknowledged: readonly IConstruct[],
): string[] {
  const collected = new Set(items.map((item) => item.resource));
  const warnings: string[] = [];
  const warn = (construct: IConstruct, message: string) => {
    if (!construct.node.scopes.some((scope) => acknowledged.includes(scope) || isMarkedRestApiDeployment(scope))) {
      warnings.push(message);
    }
  };
  for (const { stack, apiExpressions } of stacks) {
    for (const construct of blocks.constructsOf(stack)) {
      if (construct instanceof TerraformModule) {
        if (namesApi(blocks.blockOf(construct), apiExpressions)) {
          warn(construct, moduleWarning(construct, api));
        }
      } else if (TerraformResource.isTerraformResource(construct) && !collected.has(construct)) {
        const type = construct.terraformResourceType;
        if (REDEPLOY_RESOURCE_TYPES.has(type)) {
          const movedTo = overriddenRestApiId(construct, apiExpressions[0], blocks);
          if (movedTo !== undefined) {
            warn(construct, overrideWarning(construct, api, movedTo));
          }
        } else if (!TYPES_WITHOUT_REDEPLOY.has(type) && namesApi(blocks.blockOf(construct), apiExpressions)) {
          warn(construct, unknownTypeWarning(construct, api));
        }
      }
    }
  }
  return warnings;
}

function namesApi(block: Block | undefined, apiExpressions: readonly string[]): boolean {
  return block !== undefined && findReferences(block).some((reference) => apiExpressions.includes(reference));
}

/**
 * The `rest_api_id` an escape-hatch override gives a resource that was configured with
 * the API's id; undefined when there is no such override.
 */
function overriddenRestApiId(resource: TerraformResource, apiId: string, blocks: AppBlocks): unknown {
  const escapeHatch = resource as unknown as { rawOverrides?: Block; synthesizeAttributes(): Block };
  if (escapeHatch.rawOverrides?.rest_api_id === undefined) {
    return undefined;
  }
  const rendered = blocks.blockOf(resource)?.rest_api_id;
  const configured = resolveIn(resource, escapeHatch.synthesizeAttributes().rest_api_id, false);
  const apiInterpolation = `\${${apiId}}`;
  return configured === apiInterpolation && rendered !== apiInterpolation ? rendered : undefined;
}

function describe(construct: IConstruct, address: string): string {
  return `${address} ('${construct.node.path}')`;
}

function moduleWarning(module: TerraformModule, api: ResolvedResource): string {
  return `The module ${describe(module, `module.${module.friendlyUniqueId}`)} gets the id of the REST API ${api.address} as an input: ` +
    'the resources it creates are invisible to discovery, so changing them does not redeploy the API. ' +
    "Give the deployment a trigger entry that changes with them ('triggers', e.g. a hash of the module's inputs), then " +
    `${ACKNOWLEDGE}.`;
}

function unknownTypeWarning(resource: TerraformResource, api: ResolvedResource): string {
  return `The resource ${describe(resource, addressOf(resource))} names the REST API ${api.address}, but its type is not one the library knows: ` +
    'it is not treated as needing a redeploy, so changing it does not redeploy the API. ' +
    `If it changes what the API serves, add it to 'resources'; otherwise ${ACKNOWLEDGE}.`;
}

function overrideWarning(resource: TerraformResource, api: ResolvedResource, movedTo: unknown): string {
  return `The resource ${describe(resource, addressOf(resource))} is configured with the REST API ${api.address}, but an escape-hatch override ` +
    `sets its rest_api_id to ${JSON.stringify(movedTo)}: discovery follows the override, so it is not part of this deployment's triggers. ` +
    `Remove the override, or, if the resource belongs to the other API, ${ACKNOWLEDGE}.`;
}
