/**
 * A production stage: access logs to a KMS-encrypted log group the construct creates,
 * X-Ray tracing, execution logging and metrics for every method, throttling for one
 * method, a cache cluster with encrypted cache data, a client certificate for the
 * backend, a second stage ("staging") on the same deployment, and the production stage
 * watched: its default alarms (5XX rate, p99 latency), an alarm on the orders method's server
 * errors, and a dashboard. `npm run scan` checks it with checkov (docs/security-scan.md).
 *
 * Run with `cdktf synth` in this folder, or `npm run example` at the repository root.
 */
import { ApiGatewayClientCertificate } from '@cdktf/provider-aws/lib/api-gateway-client-certificate';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRequestValidator } from '@cdktf/provider-aws/lib/api-gateway-request-validator';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-api-gateway-deployment';
import { AccessLogDestination, AccessLogFormat, CacheClusterSize, MethodLoggingLevel, RestApiDeployment } from '../../src';

/** A REST API with a production and a staging stage. */
export class ProductionExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const api = new ApiGatewayRestApi(this, 'orders', { name: 'orders', lifecycle: { createBeforeDestroy: true } });
    const orders = new ApiGatewayResource(this, 'orders_resource', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'orders' });
    const validator = new ApiGatewayRequestValidator(this, 'validate_parameters', {
      restApiId: api.id,
      name: 'parameters',
      validateRequestParameters: true,
    });
    const list = new ApiGatewayMethod(this, 'orders_get', {
      restApiId: api.id,
      resourceId: orders.id,
      httpMethod: 'GET',
      authorization: 'AWS_IAM',
      requestValidatorId: validator.id,
    });
    new ApiGatewayIntegration(this, 'orders_get_integration', {
      restApiId: api.id,
      resourceId: orders.id,
      httpMethod: list.httpMethod,
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'GET',
      uri: 'https://orders.internal.example.com/orders',
    });

    // The access log groups are encrypted with this key; CloudWatch Logs must be allowed to use it.
    const account = new DataAwsCallerIdentity(this, 'account');
    const region = new DataAwsRegion(this, 'region');
    const logsKey = new KmsKey(this, 'logs_key', {
      description: 'API Gateway access logs',
      enableKeyRotation: true,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Account', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account.accountId}:root` }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'CloudWatchLogs',
            Effect: 'Allow',
            Principal: { Service: `logs.${region.region}.amazonaws.com` },
            Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
            Resource: '*',
          },
        ],
      }),
    });
    // API Gateway presents this certificate to the backend, which can then refuse other callers.
    const certificate = new ApiGatewayClientCertificate(this, 'backend_certificate', { description: 'orders backend' });

    const deployment = new RestApiDeployment(this, 'deployment', {
      restApi: api,
      stageName: 'prod',
      // Execution and access logs need the account's CloudWatch role (one per account and
      // region): this stack owns it. In an account where another stack sets it: false.
      cloudWatchRole: true,
      stageDescription: 'production',
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 365, kmsKeyId: logsKey.arn }),
      accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      clientCertificateId: certificate.id,
      tracingEnabled: true,
      cacheClusterEnabled: true,
      cacheClusterSize: CacheClusterSize.GB_0_5,
      // Method settings for every method of the stage; methodOptions override them per method.
      metricsEnabled: true,
      loggingLevel: MethodLoggingLevel.ERROR,
      cachingEnabled: true,
      cacheTtl: 60,
      cacheDataEncrypted: true,
      methodOptions: {
        '/orders/GET': { throttlingBurstLimit: 200, throttlingRateLimit: 100, loggingLevel: MethodLoggingLevel.INFO },
      },
      tags: { environment: 'production' },
    });

    const staging = deployment.addStage('staging', {
      stageDescription: 'staging, on the same deployment',
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 365, kmsKeyId: logsKey.arn }),
      clientCertificateId: certificate.id,
      tracingEnabled: true,
      cacheClusterEnabled: true,
      cacheClusterSize: CacheClusterSize.GB_0_5,
      metricsEnabled: true,
      loggingLevel: MethodLoggingLevel.INFO,
      cachingEnabled: true,
      cacheTtl: 10,
      cacheDataEncrypted: true,
    });

    // Watching the production stage: who is told (SNS topics; none until given), the default alarms
    // (5XX rate at 5% in 3 of 5 minutes, p99 latency at 3 s for 15 minutes), one on the orders method's
    // server errors (per-method metrics exist because metricsEnabled is on), and a dashboard.
    const alarmTopics = new TerraformVariable(this, 'alarm_topic_arns', {
      type: 'list(string)',
      default: [],
      description: 'The SNS topics told when an alarm of the production stage fires or recovers',
    });
    deployment.addDefaultAlarms({ alarmActions: alarmTopics.listValue, okActions: alarmTopics.listValue });
    deployment.addAlarm('OrdersServerErrors', {
      metric: deployment.deploymentStage.metricServerError({ method: '/orders/GET', period: 60 }),
      threshold: 1,
      evaluationPeriods: 5,
      datapointsToAlarm: 2,
      alarmActions: alarmTopics.listValue,
    });
    const dashboard = deployment.addDashboard();

    new TerraformOutput(this, 'dashboard', { value: dashboard.dashboardName });
    new TerraformOutput(this, 'prod_url', { value: deployment.urlForPath('/orders') });
    new TerraformOutput(this, 'staging_url', { value: staging.urlForPath('/orders') });
  }
}

/** Builds the example app; `outdir` defaults to cdktf's `cdktf.out`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new ProductionExampleStack(app, 'production');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
