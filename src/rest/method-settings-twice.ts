import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { providerMethodPath } from './method-settings';
import { methodSettingsWrittenFor } from '../common/logging-at-synth';
import { addValidationWhenCommitted } from '../core/abandoned';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
import { expressionIn } from '../core/resolve';
import { warnOnce } from '../core/warnings';
import { REST_API_FAMILY } from '../triggers/rest-api-family';
import { servedByApiOf } from '../triggers/served-by-api';

/** Method settings the construct made: the property errors name, the method path as given, and its index in the stage's `methodSettings`. */
export interface MadeSettings {
  readonly property: string;
  readonly path: string;
  readonly index: number;
}

/**
 * Fails, when the app is validated, on `aws_api_gateway_method_settings` written by hand for a stage of
 * the construct (`stage_name` read from its resource) with a method path the construct's own method
 * settings have (`made`, by the path as the provider takes it): both write that method's settings of the
 * stage, and every apply flips them.
 *
 * @param settingsProperty the stage's `methodSettings` as the user reaches it: `deploymentStage.methodSettings`,
 * `addStage(beta).methodSettings` (on the stage addStage returned), `methodSettings`
 */
export function checkBesideWrittenByHand(
  owner: IConstruct, stage: TerraformResource, made: ReadonlyMap<string, MadeSettings>, settingsProperty: string,
): void {
  addValidationWhenCommitted(owner, {
    validate: () => {
      // What the stage's API serves, looked up once, for the first settings that need it.
      let served: ServedApi | null = null;
      const servedApi = () => (served === null ? (served = servedApiOf(owner, stage)) : served);
      return methodSettingsWrittenFor(stage).flatMap((written) => besideWrittenByHand(owner, stage, made, settingsProperty, written, servedApi));
    },
  });
}

type ServedApi = ReturnType<typeof servedByApiOf>;

/** What the API of a stage serves, when the library can know it all (`servedByApiOf`). */
function servedApiOf(owner: IConstruct, stage: TerraformResource): ServedApi {
  const apiId = configuredArgument(stage, 'rest_api_id');
  return typeof apiId === 'string' ? servedByApiOf(owner, REST_API_FAMILY, apiId) : undefined;
}

/** The error for one of the method settings written by hand for the stage, when the construct's own have its path; a warning of its path otherwise. */
function besideWrittenByHand(
  owner: IConstruct, stage: TerraformResource, made: ReadonlyMap<string, MadeSettings>, settingsProperty: string,
  written: TerraformResource, servedApi: () => ServedApi,
): string[] {
  const path = configuredArgument(written, 'method_path');
  const ours = typeof path === 'string' ? made.get(comparablePath(literalOf(path) ?? path)) : undefined;
  if (ours === undefined) {
    unservedWarning(owner, stage, written, typeof path === 'string' ? literalOf(path) ?? path : undefined, servedApi);
    return [];
  }
  const address = `${written.terraformResourceType}.${written.friendlyUniqueId}`;
  // moveFromId moves state within one stack.
  const adopt = TerraformStack.of(written) === TerraformStack.of(stage)
    ? `and, adopting it, remove it from the program and call moveFromId('${address}') on ${settingsProperty}[${ours.index}]`
    : `and remove it from the program (it is in the stack '${TerraformStack.of(written).node.path}': its next apply destroys it, and the construct's `
      + 'settings take its place)';
  // The stage-wide settings are named by the stage's options (`addStage(beta)`), or, for the main stage, by the construct's resources.
  return [invalidProperty(owner, ours.property || 'deploymentStage.methodSettings', ours.path,
    `method settings no other method settings of the stage have: '${written.node.path}' (${address}, written by hand) sets the method path `
    + `${JSON.stringify(literalOf(path as string) ?? expressionIn(written, path as string))} of this stage too, and each apply flips the two; give the `
    + `settings in the stage's options only, ${adopt}`).message];
}

/**
 * A method path written by hand as the construct writes it (`providerMethodPath`): one that begins with the
 * resource path's own '/', written or escaped (`/pets/GET`, `~1pets/GET`), is the same method's as `pets/GET`.
 */
export function comparablePath(path: string): string {
  if (Token.isUnresolved(path) || !/^(\/|~1)/.test(path)) {
    return path;
  }
  return providerMethodPath(readablePath(path));
}

/** A method path (or its resource path) as written in `methodOptions`, without the leading '/': `~1pets~1{id}/GET` -> `pets/{id}/GET`. */
function readablePath(path: string): string {
  return path.replace(/~1/g, '/').replace(/^\/+/, '');
}

/**
 * Warns of method settings written by hand for a method path the stage's API does not serve (when the API is a
 * resource of the stage's stack whose methods are all known): AWS refuses settings for a method that does not
 * exist. A nested resource path written with plain slashes (`pets/{id}/GET`) gets the escaped form it needs.
 */
function unservedWarning(
  owner: IConstruct, stage: TerraformResource, written: TerraformResource, path: string | undefined, servedApi: () => ServedApi,
): void {
  if (path === undefined || Token.isUnresolved(path)) {
    return;
  }
  const what = `'${written.node.path}' (${written.terraformResourceType}.${written.friendlyUniqueId}, written by hand)`;
  const slash = path.lastIndexOf('/');
  const method = path.slice(slash + 1);
  if (slash < 0 || method !== method.toUpperCase()) {
    // AWS reads '{resource path}/{HTTP METHOD}' (the method in upper case), as methodOptions keys are checked.
    warnOnce(owner, `The method settings ${what} name the method path ${JSON.stringify(path)}, which API Gateway does not read as a method's: `
      + "write '{resource path}/{HTTP METHOD}', the method in upper case ('pets/GET', '~1/GET' for the root resource, '*/*' for every method).");
    return;
  }
  const resource = readablePath(path.slice(0, slash));
  if (method === '*' || resource === '*') {
    return; // every method of a resource, or a method of every resource
  }
  const served = servedApi();
  if (served === undefined) {
    return;
  }
  const key = `${resource === '' ? '' : `${resource}/`}${method}`;
  if (!served.keys.has(key) && !served.keys.has(`${resource === '' ? '' : `${resource}/`}*`)) {
    warnOnce(owner, `The method settings ${what} name the method path ${JSON.stringify(path)} of the stage ${JSON.stringify(literalOf(String(configuredArgument(stage, 'stage_name'))) ?? '')}, `
      + `which ${served.address} does not serve: AWS refuses settings for a method that does not exist. Name one of its methods, or add the method to the API.`);
  } else if (resource.includes('/') && !path.startsWith('~1')) {
    warnOnce(owner, `The method settings ${what} name the method path ${JSON.stringify(path)}, whose resource path has several levels: API Gateway `
      + 'does not read it as the method\'s (written so, its settings are refused or never apply: terraform-provider-aws #9738); it reads the method\'s as '
      + `${JSON.stringify(providerMethodPath(key))} (each '/' of the resource path written ~1). Write that.`);
  }
}
