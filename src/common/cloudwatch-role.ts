import type { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { claimAccountSettings } from './account-settings';
import { CLOUD_WATCH_ROLE_PROPS } from './struct-shapes';
import { validateProvider, validateRegion } from './validation';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { isLibraryDeployment } from '../core/deployment-marker';
import { newOwnedResource, OwnedResource } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct } from '../core/struct-check';

/** Props of `ApiGatewayCloudWatchRole`. */
export interface ApiGatewayCloudWatchRoleProps {
  /**
   * The provider (and so the account and region) whose API Gateway settings to set.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;

  /**
   * The AWS region whose API Gateway settings to set (provider v6's per-resource `region`).
   * @default - the provider's region
   */
  readonly region?: string;
}

/**
 * The account's CloudWatch role for API Gateway: an IAM role that `apigateway.amazonaws.com`
 * assumes, with the AWS managed policy `AmazonAPIGatewayPushToCloudWatchLogs`, set as the
 * account's `cloudwatch_role_arn` by an `aws_api_gateway_account`.
 *
 * API Gateway writes execution and access logs only once this is set, for every REST API of
 * the account in that region. It is one setting per account and region: let one stack own it.
 * Destroying it resets the setting (provider v6), which stops the logs of every API there. A second
 * `aws_api_gateway_account` with the same provider and resource region in the same stack is an
 * error; one that may set the same account and region (another stack, a region from a token) gets
 * a synth warning.
 */
export class ApiGatewayCloudWatchRole extends Construct {
  /** The IAM role API Gateway assumes to write logs. */
  public readonly role: IamRole;

  /** The `aws_api_gateway_account` that sets the role for the account and region. */
  public readonly account: ApiGatewayAccount;

  /**
   * @param scope the construct to create it in
   * @param id its construct id
   * @param props its settings. Default: the stack's default AWS provider
   */
  constructor(scope: Construct, id: string, props: ApiGatewayCloudWatchRoleProps = {}) {
    super(checkedScope('ApiGatewayCloudWatchRole', [scope, id, props]), id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      checkStruct(this, '', props, CLOUD_WATCH_ROLE_PROPS);
      validateRegion(this, 'region', props?.region);
      const { provider, region } = props ?? {};
      validateProvider(this, 'provider', provider);
      const deployment = this.node.scope && isLibraryDeployment(this.node.scope) ? this.node.scope : undefined;
      // Made by a deployment construct (cloudWatchRole: true), its resources are the deployment's: removing the role construct is seen there.
      const owned = (property: string, fixed: Record<string, string>): OwnedResource => ({ owner: deployment ?? this, property: deployment ? 'cloudWatchRole' : property, fixed });
      const partition = new ProviderResources.DataAwsPartition(this, 'Partition', { provider });
      this.role = newOwnedResource(ProviderResources.IamRole, this, 'Role', {
        namePrefix: 'api-gateway-cloudwatch-',
        description: 'Lets API Gateway write execution and access logs to CloudWatch Logs (the account setting cloudwatch_role_arn).',
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
        provider,
      }, owned('role', {
        assumeRolePolicy: 'API Gateway assumes the role by it',
        name: "the construct names the role by its name_prefix, and Terraform refuses both (for a naming policy, set the role's namePrefix)",
        managedPolicyArns: 'the construct attaches AmazonAPIGatewayPushToCloudWatchLogs with a policy attachment, which managed_policy_arns '
          + "(Terraform's exclusive management of the role's policies) would detach",
      }));
      const policy = newOwnedResource(ProviderResources.IamRolePolicyAttachment, this, 'PushToCloudWatchLogs', {
        role: this.role.name,
        policyArn: `arn:${partition.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`,
        provider,
      }, owned('role', { role: 'it gives the role the permission to write logs', policyArn: 'it is the permission API Gateway needs to write logs' }));
      this.account = newOwnedResource(ProviderResources.ApiGatewayAccount, this, 'Account', {
        cloudwatchRoleArn: this.role.arn,
        // API Gateway checks the role's permissions when the setting is made.
        dependsOn: [policy],
        provider,
        region,
      }, owned('account', {
        cloudwatchRoleArn: "it is the role API Gateway writes logs with (without it, every logging stage fails: 'CloudWatch Logs role ARN must be set')",
        region: 'it is the region whose logging stages the setting serves',
      }));
      claimAccountSettings(deployment
        ? { account: this.account, owner: deployment, property: 'cloudWatchRole', value: true }
        : standaloneClaim(this, { provider, region }));
    } catch (error) {
      throw abandon(this, error, call);
    }
    closeCall(call);
  }
}

checkEntryPoints(ApiGatewayCloudWatchRole);

/** The claim of an `ApiGatewayCloudWatchRole` created on its own: errors name its region when it has one, else its provider. */
function standaloneClaim(role: ApiGatewayCloudWatchRole, props: ApiGatewayCloudWatchRoleProps) {
  return props.region !== undefined
    ? { account: role.account, owner: role, property: 'region', value: props.region }
    : { account: role.account, owner: role, property: 'provider', value: props.provider?.node.path ?? "the stack's default AWS provider" };
}
