import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { methodSettingsWrittenFor } from '../common/logging-at-synth';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';

/**
 * Fails, when the app is validated, on `aws_api_gateway_method_settings` written by hand for a stage of
 * the construct (`stage_name` read from its resource) with a method path the construct's own method
 * settings have (`made`, by the path as the provider takes it): both write that method's settings of the
 * stage, and every apply flips them.
 */
export function checkBesideWrittenByHand(
  owner: IConstruct, stage: TerraformResource, made: ReadonlyMap<string, { readonly property: string; readonly path: string }>,
): void {
  owner.node.addValidation({
    validate: () => methodSettingsWrittenFor(stage).flatMap((written) => {
      const path = configuredArgument(written, 'method_path');
      const ours = typeof path === 'string' ? made.get(literalOf(path) ?? path) : undefined;
      // The stage-wide settings are named by the stage's options (`addStage(beta)`), or, for the main stage, by the construct's resources.
      return ours === undefined ? [] : [invalidProperty(owner, ours.property || 'deploymentStage.methodSettings', ours.path,
        `method settings no other method settings of the stage have: '${written.node.path}' (${written.terraformResourceType}.${written.friendlyUniqueId}, `
        + `written by hand) sets the method path ${JSON.stringify(path)} of this stage too, and each apply flips the two; give the settings in the stage's `
        + `options only, and, adopting it, remove it from the program and call moveFromId('${written.terraformResourceType}.${written.friendlyUniqueId}') `
        + 'on the construct\'s (deploymentStage.methodSettings)').message];
    }),
  });
}
