import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { AccessLogDestination } from './access-log';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { heldByLocal } from '../core/locals';
import { describePlacement, literalRegionOf, sameAccount } from '../core/placement';
import { referenceOf } from '../core/resolve';

/**
 * The region of an ARN (`arn:<partition>:<service>:<region>:...`) when it is literal there, values known only
 * at deploy time elsewhere in it too (`arn:aws:logs:us-east-1:${account}:log-group:api`); undefined for a
 * global ARN, or where a token may hold the region (or a `:` that shifts it).
 */
export function regionOfArn(arn: string): string | undefined {
  if (!Token.isUnresolved(arn)) {
    return /^arn:[^:]+:[^:]+:([a-z0-9-]+):/.exec(arn)?.[1];
  }
  // A token in the partition (`${data.aws_partition.p.partition}`) holds no ':'; the service and region must be literal.
  const parts = /^arn:[^:]+:([a-z0-9-]+):([a-z]{2}(?:-[a-z]+)+-\d+):/.exec(arn.replace(/\$\{TfToken\[[^\]]*\]\}/g, '\u0000'));
  return parts?.[2];
}

/**
 * Fails, when the app is validated, on a literal ARN of another region than `resource` is made in
 * (when both are known), or the ARN or id of a resource or data source of the app made or read in another
 * account or region (another provider, or its own `region`): a stage writes logs, a log group is encrypted,
 * a web ACL or client certificate is found only in the stage's own region.
 *
 * @param what the expectation in the error: `a log group or Firehose stream`
 * @param failure what AWS does with one of another region, for the error
 */
export function checkArnInRegionOf(
  owner: IConstruct, property: string, arn: string, resource: TerraformResource, what: string, failure: string,
): void {
  addValidationWhenCommitted(owner, { validate: () => arnRegionErrors(owner, property, arn, resource, what, failure) });
}

/**
 * What `checkArnInRegionOf` says when the app is validated, said now: for a check that runs then already
 * (an owned resource's argument set through an escape hatch).
 */
export function arnRegionErrors(
  owner: IConstruct, property: string, arn: string, resource: TerraformResource, what: string, failure: string,
): string[] {
  const arnRegion = regionOfArn(arn);
  if (arnRegion !== undefined) {
    const region = literalRegionOf(resource);
    return region === undefined || region === arnRegion ? []
      : [invalidProperty(owner, property, arn, `${what} of the stage's region, ${region} (this one is in ${arnRegion}: ${failure})`).message];
  }
  // A resource or data source of the app (`group.arn`), through a local value holding it as given directly; a data source is looked for where
  // its provider says too.
  const reference = referenceOf(heldByLocal(arn) ?? arn);
  const parts = reference === undefined ? null : /^(data\.)?([\w-]+)\.([\w-]+)\.(arn|id|key_id)$/.exec(reference.identifier);
  const other = parts === null ? undefined
    : AppIndex.of(owner).elementNamed(parts[1] !== undefined, parts[2], reference!.stack, parts[3]) as TerraformResource | undefined;
  return other === undefined || sameAccount(other, resource) !== 'apart' ? []
    : [invalidProperty(owner, property, arn, `${what} of the stage's account and region: '${other.node.path}' is made with `
      + `${describePlacement(other)}, the stage with ${describePlacement(resource)} (${failure})`).message];
}

/** Fails, when the app is validated, on a log group or Firehose stream given by a literal ARN of another region than the stage. */
export function checkLogDestinationRegion(
  owner: IConstruct, prefix: string, destination: AccessLogDestination | undefined, stage: TerraformResource,
): void {
  if (destination?.destinationArn !== undefined) {
    checkArnInRegionOf(owner, `${prefix}accessLogDestination`, destination.destinationArn, stage, 'a log group or Firehose stream',
      'API Gateway writes a stage\'s logs only to a destination of its region');
  }
}
