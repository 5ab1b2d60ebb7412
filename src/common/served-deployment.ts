import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { rawOverridesOf } from '../core/configured';
import { isDeploymentOfKind } from '../core/deployment-marker';
import { heldByLocal } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { expressionIn, idReferenceOf } from '../core/resolve';
import { warnOnce } from '../core/warnings';

const DEPLOYMENT_TYPES = ['aws_api_gateway_deployment', 'aws_apigatewayv2_deployment'];

/**
 * For a stage made on its own: warns, when the app is validated, of a deployment it serves that will not
 * serve it well. One written by hand without `create_before_destroy` (its next replacement fails at apply:
 * "Active stages pointing to this deployment must be moved or deleted") or without triggers (never
 * redeployed: the stage keeps the API as it was); the main deployment of a RestApiDeployment with a
 * canary (kept as the API was when the canary started).
 */
export function checkServedDeployment(owner: IConstruct, deploymentId: string, stageName: string): void {
  addValidationWhenCommitted(owner, {
    validate: () => {
      const named = idReferenceOf(heldByLocal(deploymentId) ?? deploymentId);
      const deployment = named === undefined || !DEPLOYMENT_TYPES.includes(named.type) ? undefined
        : AppIndex.of(owner).resourceNamed(named.type, named.stack, named.name);
      const warning = deployment === undefined ? undefined : servedDeploymentWarning(deployment, expressionIn(owner, stageName));
      if (warning !== undefined) {
        warnOnce(owner, warning);
      }
      return [];
    },
  });
}

function servedDeploymentWarning(deployment: TerraformResource, stageName: string): string | undefined {
  const address = `'${deployment.node.path}' (${deployment.terraformResourceType}.${deployment.friendlyUniqueId})`;
  const maker = ownerOfResource(deployment) as { deployment?: unknown; canaryDeployment?: unknown } | undefined;
  if (maker !== undefined) {
    return isDeploymentOfKind(maker, 'RestApiDeployment') && maker.canaryDeployment !== undefined && maker.deployment === deployment
      ? `The stage "${stageName}" serves the main deployment of '${(maker as unknown as IConstruct).node.path}', which its canary keeps as the API was `
        + 'when the canary started (its triggers are ignored while the canary runs): changes of the API reach this stage only when the canary is '
        + 'promoted (canary removed). For a stage that follows every change, serve the deployment of another RestApiDeployment of the API.'
      : undefined;
  }
  type Overrides = { lifecycle?: { create_before_destroy?: unknown }; triggers?: unknown };
  const overrides: Overrides | undefined = rawOverridesOf(deployment);
  const createBeforeDestroy = overrides?.lifecycle?.create_before_destroy ?? deployment.lifecycle?.createBeforeDestroy;
  if (createBeforeDestroy !== true) {
    return `The stage "${stageName}" serves ${address}, written by hand without create_before_destroy: its next replacement (a redeploy) fails at `
      + 'apply ("Active stages pointing to this deployment must be moved or deleted"). Give it lifecycle: { createBeforeDestroy: true }, or use a '
      + 'deployment construct.';
  }
  const triggers = overrides?.triggers ?? (deployment as unknown as { triggersInput?: unknown }).triggersInput;
  if (triggers === undefined) {
    return `The stage "${stageName}" serves ${address}, written by hand without triggers: it is never redeployed, so the stage keeps the API as it `
      + 'was when the deployment was made. Give it triggers, or use a deployment construct (which computes them).';
  }
  return undefined;
}
