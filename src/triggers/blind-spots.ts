import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { ApiSnapshot, SnapshotElement, SnapshotResource } from './api-snapshot';
import { findReferences } from './terraform-references';

/** The property that silences these warnings, named in each of them. */
const ACKNOWLEDGE = "list it in 'acknowledgedBlindSpots'";

/**
 * Warnings for the parts of the app that use the API where discovery cannot see (its *blind
 * spots*): a module that gets the API's id (its resources are invisible), a resource of a type
 * the library does not know that names the API (not treated as needing a redeploy), and an API
 * resource whose escape-hatch override moves it to another API. Constructs listed in
 * `acknowledged` (or inside one) get none; the snapshot leaves out what the library's deployment
 * constructs create.
 * Reads a snapshot gathered with the `check` depth.
 */
export function blindSpotWarnings(family: ApiFamily, snapshot: ApiSnapshot, acknowledged: readonly IConstruct[]): string[] {
  const api = snapshot.api;
  if (api === undefined) {
    return [];
  }
  const warnings: string[] = [];
  for (const { stack, addedByOverride } of snapshot.stacks) {
    warnings.push(...(addedByOverride ?? []).map((address) => stackOverrideWarning(family, stack, address, api)));
  }
  for (const { apiExpressions, others } of snapshot.stacks) {
    for (const element of others.filter((candidate) => !isAcknowledged(candidate.construct, acknowledged))) {
      const warning = warningFor(family, element, api, apiExpressions);
      if (warning !== undefined) {
        warnings.push(warning);
      }
    }
  }
  return warnings;
}

function stackOverrideWarning(family: ApiFamily, stack: TerraformStack, address: string, api: SnapshotResource): string {
  return `The stack override of '${stack.node.path}' adds the resource ${address}, which is no construct: discovery cannot see it, ` +
    `so changing it does not redeploy the ${family.apiKind} ${api.address}. Make it a construct (new ${constructName(address)}(...)), ` +
    "or give the deployment a trigger entry that changes with it ('triggers').";
}

/** `ApiGatewayIntegration` for `aws_api_gateway_integration.x`. */
function constructName(address: string): string {
  return address.split('.')[0].replace(/^aws_/, '').split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/** Whether `construct` is one of `acknowledged`, or inside one. */
export function isAcknowledged(construct: IConstruct, acknowledged: readonly IConstruct[]): boolean {
  return construct.node.scopes.some((scope) => acknowledged.includes(scope));
}

function warningFor(family: ApiFamily, element: SnapshotElement, api: SnapshotResource, apiExpressions: readonly string[]): string | undefined {
  if (element.type === undefined) {
    return moduleWarning(family, element, api); // a module is a candidate only when its inputs reach the API (StackScan)
  }
  if (family.redeployTypes.has(element.type)) {
    if (element.overriddenApiId !== undefined) {
      return overrideWarning(family, element, api);
    }
    return element.indirectApiId !== undefined ? indirectWarning(family, element, api) : undefined;
  }
  return namesApi(element, apiExpressions) ? unknownTypeWarning(family, element, api) : undefined;
}

function namesApi(element: SnapshotElement, apiExpressions: readonly string[]): boolean {
  return element.config !== undefined && findReferences(element.config).some((reference) => apiExpressions.includes(reference));
}

function describe(element: SnapshotElement): string {
  return `${element.address} ('${element.construct.node.path}')`;
}

function moduleWarning(family: ApiFamily, module: SnapshotElement, api: SnapshotResource): string {
  return `The module ${describe(module)} gets the id of the ${family.apiKind} ${api.address} as an input (directly, or through local values or data sources): ` +
    'the resources it creates are invisible to discovery, so changing them does not redeploy the API. ' +
    "Give the deployment a trigger entry that changes with them ('triggers', e.g. a hash of the module's inputs), then " +
    `${ACKNOWLEDGE}.`;
}

function unknownTypeWarning(family: ApiFamily, resource: SnapshotElement, api: SnapshotResource): string {
  return `The resource ${describe(resource)} names the ${family.apiKind} ${api.address}, but its type is not one the library knows: ` +
    'it is not treated as needing a redeploy, so changing it does not redeploy the API. ' +
    `If it changes what the API serves, add it to 'resources'; otherwise ${ACKNOWLEDGE}.`;
}

function indirectWarning(family: ApiFamily, resource: SnapshotElement, api: SnapshotResource): string {
  return `The resource ${describe(resource)} names the ${family.apiKind} ${api.address} only indirectly (its ${family.apiIdArgument} is ` +
    `${JSON.stringify(resource.indirectApiId)}): discovery compares ${family.apiIdArgument} with the API's id, so it is not part of this deployment's triggers. ` +
    `If it belongs to this API, give it the API's id directly, or add it to 'resources'; otherwise ${ACKNOWLEDGE}.`;
}

function overrideWarning(family: ApiFamily, resource: SnapshotElement, api: SnapshotResource): string {
  return `The resource ${describe(resource)} is configured with the ${family.apiKind} ${api.address}, but an escape-hatch override ` +
    `sets its ${family.apiIdArgument} to ${JSON.stringify(resource.overriddenApiId)}: discovery follows the override, so it is not part of this deployment's triggers. ` +
    `Remove the override, or, if the resource belongs to the other API, ${ACKNOWLEDGE}.`;
}
