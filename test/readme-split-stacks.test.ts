/**
 * The README's split-stacks snippet runs as written (with the imports it leaves out), and each
 * environment's deployment hashes the API's resources from the shared stack.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as cdktf from 'cdktf';
import * as ts from 'typescript';
import { readmeBlock } from './support/readme';

const IMPORTS = `
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { RestApiDeployment } from 'cdktf-api-gateway-deployment';
`;

test('the README split-stacks snippet deploys the shared API from each environment stack', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-split-'));
  const { outputText } = ts.transpileModule(IMPORTS + readmeBlock('readme-snippet', 'split-stacks'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const load = createRequire(__filename);
  // The snippet's App writes into a scratch folder instead of ./cdktf.out.
  class ScratchApp extends cdktf.App {
    constructor() {
      super({ outdir });
    }
  }
  const requireFromReadme = (id: string) => {
    if (id === 'cdktf') {
      return { ...cdktf, App: ScratchApp };
    }
    return load(id === 'cdktf-api-gateway-deployment' ? '../src' : id);
  };
  new Function('require', 'exports', outputText)(requireFromReadme, {});

  for (const environment of ['staging', 'production']) {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', environment, 'cdk.tf.json'), 'utf8'));
    const [deployment] = Object.values<any>(json.resource.aws_api_gateway_deployment);
    expect(Object.keys(deployment.triggers)).toEqual([
      'api/aws_api_gateway_integration.pets_get_integration',
      'api/aws_api_gateway_method.pets_get',
      'api/aws_api_gateway_resource.pets',
      'api/aws_api_gateway_rest_api.api',
    ]);
    expect(Object.values<any>(json.resource.aws_api_gateway_stage)[0].stage_name).toBe(environment);
  }
  fs.rmSync(outdir, { recursive: true, force: true });
});
