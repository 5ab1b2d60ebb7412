/**
 * The seed's "OpenAPI Specification" example: a REST API defined by an OpenAPI body,
 * deployed to a stage. The body gets a trigger entry of its own, hashed canonically, so
 * reformatting the document does not redeploy and a real change does.
 *
 * Run with `cdktf synth` in this folder, or `npm run example` at the repository root.
 */
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { RestApiDeployment } from 'cdktf-api-gateway-deployment';
import { RestApiDeployment } from '../../src';

/** An OpenAPI-defined REST API and its deployment. */
export class OpenApiExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const api = new ApiGatewayRestApi(this, 'example', {
      name: 'example',
      body: JSON.stringify({
        openapi: '3.0.1',
        info: { title: 'example', version: '1.0' },
        paths: {
          '/path1': {
            get: {
              'x-amazon-apigateway-integration': {
                httpMethod: 'GET',
                payloadFormatVersion: '1.0',
                type: 'HTTP_PROXY',
                uri: 'https://ip-ranges.amazonaws.com/ip-ranges.json',
              },
            },
          },
        },
      }),
    });

    const deployment = new RestApiDeployment(this, 'deployment', {
      restApi: api,
      stageName: 'example',
    });

    new TerraformOutput(this, 'invoke_url', { value: deployment.urlForPath('/path1') });
  }
}

/** Builds the example app; `outdir` defaults to cdktf's `cdktf.out`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new OpenApiExampleStack(app, 'openapi');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
