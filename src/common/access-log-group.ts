import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessLogDestination } from './access-log';
import { checkArnInRegionOf } from './arn-region';
import { ACCESS_LOG_GROUP_OPTIONS } from './struct-shapes';
import { invalidProperty } from '../core/errors';
import { newOwnedResource } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { refuseOtherKind } from '../core/scalar-tokens';
import { checkStruct } from '../core/struct-check';

/** The retention periods CloudWatch Logs offers, in days. */
const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * The log group an `AccessLogDestination.newLogGroup()` asks for, created in `scope` as
 * `AccessLogs`.
 *
 * @param owner the construct errors name
 * @param property the property errors name (`accessLogDestination`)
 * @param name the log group's name
 * @param region the log group's own region (provider v6's per-resource `region`)
 */
export function newAccessLogGroup(
  scope: Construct,
  owner: IConstruct,
  property: string,
  destination: AccessLogDestination,
  name: string,
  provider: TerraformProvider | undefined,
  region: string | undefined,
): CloudwatchLogGroup {
  const options = destination.newLogGroupOptions ?? {};
  checkStruct(owner, `${property}.newLogGroup(options).`, options, ACCESS_LOG_GROUP_OPTIONS);
  const kmsKeyId = options.kmsKeyId;
  const kmsKeyError = kmsKeyIdError(owner, `${property}.newLogGroup(options).kmsKeyId`, kmsKeyId);
  if (kmsKeyError !== undefined) {
    throw kmsKeyError;
  }
  const retention = options.retentionInDays;
  checkRetention(owner, `${property}.retentionInDays`, retention);
  const group = newOwnedResource(ProviderResources.CloudwatchLogGroup, scope, 'AccessLogs', {
    name,
    retentionInDays: retention,
    kmsKeyId: options.kmsKeyId,
    provider,
    region,
  }, {
    owner,
    property,
    fixed: { region: "it is the stage's region: API Gateway writes a stage's logs to a log group of its own region" },
    // Set on the log group afterwards (its setters, an override), checked when the app is validated as the options are.
    checked: {
      retentionInDays: checkRetention,
      kmsKeyId: (checked, keyProperty, value) => {
        const error = kmsKeyIdError(checked, keyProperty, value as string | undefined);
        if (error !== undefined) {
          throw error;
        }
      },
    },
  });
  if (typeof kmsKeyId === 'string') {
    checkArnInRegionOf(owner, `${property}.newLogGroup(options).kmsKeyId`, kmsKeyId, group, 'a KMS key', 'CloudWatch Logs encrypts a log group only with a key of its region');
  }
  return group;
}

/** Fails on a literal retention CloudWatch Logs does not take. */
function checkRetention(owner: IConstruct, property: string, retention: unknown): void {
  refuseOtherKind(owner, property, retention, 'number');
  if (retention !== undefined && !Token.isUnresolved(retention) && !LOG_RETENTION_DAYS.includes(retention as number)) {
    throw invalidProperty(owner, property, retention, `one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
}

/** The ARN of a KMS key, the only form CloudWatch Logs takes for a log group's key. */
const KMS_KEY_ARN = /^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/;

/** The error for a literal `kmsKeyId` that is not a KMS key's ARN (a key id, an alias, an alias's ARN, another service's ARN); undefined for a token. */
function kmsKeyIdError(owner: IConstruct, property: string, kmsKeyId: string | undefined): Error | undefined {
  if (typeof kmsKeyId !== 'string' || Token.isUnresolved(kmsKeyId) || KMS_KEY_ARN.test(kmsKeyId)) {
    return undefined;
  }
  return invalidProperty(owner, property, kmsKeyId,
    "the ARN of a KMS key (arn:aws:kms:<region>:<account>:key/<id>): CloudWatch Logs takes neither a key id nor an alias ('alias/...', or an alias's ARN) there");
}
