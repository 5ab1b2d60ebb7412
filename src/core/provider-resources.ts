/* eslint-disable @typescript-eslint/no-require-imports */
import type * as apiGatewayAccount from '@cdktf/provider-aws/lib/api-gateway-account';
import type * as apiGatewayBasePathMapping from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import type * as apiGatewayDeployment from '@cdktf/provider-aws/lib/api-gateway-deployment';
import type * as apiGatewayMethodSettings from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import type * as apiGatewayStage from '@cdktf/provider-aws/lib/api-gateway-stage';
import type * as apigatewayv2ApiMapping from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import type * as apigatewayv2Deployment from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import type * as apigatewayv2Stage from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import type * as cloudwatchDashboard from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type * as cloudwatchLogGroup from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type * as cloudwatchMetricAlarm from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type * as dataAwsPartition from '@cdktf/provider-aws/lib/data-aws-partition';
import type * as iamRole from '@cdktf/provider-aws/lib/iam-role';
import type * as iamRolePolicyAttachment from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type * as wafv2WebAclAssociation from '@cdktf/provider-aws/lib/wafv2-web-acl-association';

/**
 * The AWS provider's resource classes the constructs create, each module loaded when a construct
 * first creates one: an app that deploys only HTTP APIs never loads the REST API modules (about
 * 390 KB of JavaScript for every synth to compile), one that deploys only REST APIs never loads
 * the v2 ones. Deep module paths only, never the `@cdktf/provider-aws` index. (Modules used only
 * as types are imported with `import type`, which loads nothing.) Each class is looked up once:
 * `require` resolves its path again on every call.
 */
export const ProviderResources = {
  get ApiGatewayAccount(): typeof apiGatewayAccount.ApiGatewayAccount {
    return loaded('ApiGatewayAccount', () => (require('@cdktf/provider-aws/lib/api-gateway-account') as typeof apiGatewayAccount).ApiGatewayAccount);
  },
  get ApiGatewayBasePathMapping(): typeof apiGatewayBasePathMapping.ApiGatewayBasePathMapping {
    return loaded('ApiGatewayBasePathMapping', () => (require('@cdktf/provider-aws/lib/api-gateway-base-path-mapping') as typeof apiGatewayBasePathMapping).ApiGatewayBasePathMapping);
  },
  get ApiGatewayDeployment(): typeof apiGatewayDeployment.ApiGatewayDeployment {
    return loaded('ApiGatewayDeployment', () => (require('@cdktf/provider-aws/lib/api-gateway-deployment') as typeof apiGatewayDeployment).ApiGatewayDeployment);
  },
  get ApiGatewayMethodSettings(): typeof apiGatewayMethodSettings.ApiGatewayMethodSettings {
    return loaded('ApiGatewayMethodSettings', () => (require('@cdktf/provider-aws/lib/api-gateway-method-settings') as typeof apiGatewayMethodSettings).ApiGatewayMethodSettings);
  },
  get ApiGatewayStage(): typeof apiGatewayStage.ApiGatewayStage {
    return loaded('ApiGatewayStage', () => (require('@cdktf/provider-aws/lib/api-gateway-stage') as typeof apiGatewayStage).ApiGatewayStage);
  },
  get Apigatewayv2ApiMapping(): typeof apigatewayv2ApiMapping.Apigatewayv2ApiMapping {
    return loaded('Apigatewayv2ApiMapping', () => (require('@cdktf/provider-aws/lib/apigatewayv2-api-mapping') as typeof apigatewayv2ApiMapping).Apigatewayv2ApiMapping);
  },
  get Apigatewayv2Deployment(): typeof apigatewayv2Deployment.Apigatewayv2Deployment {
    return loaded('Apigatewayv2Deployment', () => (require('@cdktf/provider-aws/lib/apigatewayv2-deployment') as typeof apigatewayv2Deployment).Apigatewayv2Deployment);
  },
  get Apigatewayv2Stage(): typeof apigatewayv2Stage.Apigatewayv2Stage {
    return loaded('Apigatewayv2Stage', () => (require('@cdktf/provider-aws/lib/apigatewayv2-stage') as typeof apigatewayv2Stage).Apigatewayv2Stage);
  },
  get CloudwatchDashboard(): typeof cloudwatchDashboard.CloudwatchDashboard {
    return loaded('CloudwatchDashboard', () => (require('@cdktf/provider-aws/lib/cloudwatch-dashboard') as typeof cloudwatchDashboard).CloudwatchDashboard);
  },
  get CloudwatchMetricAlarm(): typeof cloudwatchMetricAlarm.CloudwatchMetricAlarm {
    return loaded('CloudwatchMetricAlarm', () => (require('@cdktf/provider-aws/lib/cloudwatch-metric-alarm') as typeof cloudwatchMetricAlarm).CloudwatchMetricAlarm);
  },
  get CloudwatchLogGroup(): typeof cloudwatchLogGroup.CloudwatchLogGroup {
    return loaded('CloudwatchLogGroup', () => (require('@cdktf/provider-aws/lib/cloudwatch-log-group') as typeof cloudwatchLogGroup).CloudwatchLogGroup);
  },
  get DataAwsPartition(): typeof dataAwsPartition.DataAwsPartition {
    return loaded('DataAwsPartition', () => (require('@cdktf/provider-aws/lib/data-aws-partition') as typeof dataAwsPartition).DataAwsPartition);
  },
  get IamRole(): typeof iamRole.IamRole {
    return loaded('IamRole', () => (require('@cdktf/provider-aws/lib/iam-role') as typeof iamRole).IamRole);
  },
  get IamRolePolicyAttachment(): typeof iamRolePolicyAttachment.IamRolePolicyAttachment {
    return loaded('IamRolePolicyAttachment', () => (require('@cdktf/provider-aws/lib/iam-role-policy-attachment') as typeof iamRolePolicyAttachment).IamRolePolicyAttachment);
  },
  get Wafv2WebAclAssociation(): typeof wafv2WebAclAssociation.Wafv2WebAclAssociation {
    return loaded('Wafv2WebAclAssociation', () => (require('@cdktf/provider-aws/lib/wafv2-web-acl-association') as typeof wafv2WebAclAssociation).Wafv2WebAclAssociation);
  },
};

const LOADED = new Map<string, unknown>();

function loaded<T>(name: string, load: () => T): T {
  if (!LOADED.has(name)) {
    LOADED.set(name, load());
  }
  return LOADED.get(name) as T;
}
