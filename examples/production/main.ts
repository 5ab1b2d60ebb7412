/**
 * A production stage: access logs to a log group the construct creates, X-Ray tracing,
 * execution logging and metrics for every method, throttling for one method, a cache
 * cluster with encrypted cache data, and a second stage ("staging") on the same
 * deployment.
 *
 * Run with `cdktf synth` in this folder, or `npm run example` at the repository root.
 */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-rest-api-deployment';
import { AccessLogFormat, CacheClusterSize, MethodLoggingLevel, RestApiDeployment } from '../../src';

/** A REST API with a production and a staging stage. */
export class ProductionExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const api = new ApiGatewayRestApi(this, 'orders', { name: 'orders' });
    const orders = new ApiGatewayResource(this, 'orders_resource', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'orders' });
    const list = new ApiGatewayMethod(this, 'orders_get', { restApiId: api.id, resourceId: orders.id, httpMethod: 'GET', authorization: 'AWS_IAM' });
    new ApiGatewayIntegration(this, 'orders_get_integration', {
      restApiId: api.id,
      resourceId: orders.id,
      httpMethod: list.httpMethod,
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'GET',
      uri: 'https://orders.internal.example.com/orders',
    });

    // Execution logs need the account-wide CloudWatch role (aws_api_gateway_account), set once per region.
    const deployment = new RestApiDeployment(this, 'deployment', {
      restApi: api,
      stageName: 'prod',
      stageDescription: 'production',
      accessLogging: { retentionInDays: 365, format: AccessLogFormat.jsonWithStandardFields() },
      xrayTracingEnabled: true,
      cacheClusterEnabled: true,
      cacheClusterSize: CacheClusterSize.GB_0_5,
      methodSettings: {
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        cachingEnabled: true,
        cacheTtl: 60,
        cacheDataEncrypted: true,
      },
      methodOptions: {
        '/orders/GET': { throttlingBurstLimit: 200, throttlingRateLimit: 100, loggingLevel: MethodLoggingLevel.INFO },
      },
      tags: { environment: 'production' },
    });

    const staging = deployment.addStage('staging', {
      description: 'staging, on the same deployment',
      accessLogging: { retentionInDays: 30 },
      xrayTracingEnabled: true,
      methodSettings: { metricsEnabled: true, loggingLevel: MethodLoggingLevel.INFO },
    });

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
