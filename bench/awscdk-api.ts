/**
 * The benchmark's AWS CDK side: the same API as synth-api.ts (N resources, each with a
 * GET method; MOCK integrations with a request template, every third a Lambda proxy),
 * built with aws-cdk-lib's RestApi and synthesized to CloudFormation. Prints one JSON
 * line like synth-api.ts.
 *
 *   node bench/.compiled/awscdk-api.js <N>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { printReport } from './report';

const started = process.hrtime.bigint();
/* eslint-disable @typescript-eslint/no-require-imports */
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const lambda = require('aws-cdk-lib/aws-lambda');
/* eslint-enable @typescript-eslint/no-require-imports */

function main(): void {
  const n = Number(process.argv[2]);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-awscdk-${n}-`));
  const loaded = process.hrtime.bigint();
  // The default limit of 500 resources per stack would refuse the larger APIs.
  const app = new cdk.App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 100_000 } });
  const stack = new cdk.Stack(app, 'bench', { env: { account: '123456789012', region: 'eu-west-1' } });
  const fn = new lambda.Function(stack, 'fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  const proxy = new apigateway.LambdaIntegration(fn);
  const api = new apigateway.RestApi(stack, 'api', { restApiName: 'bench', deployOptions: { stageName: 'prod' } });
  for (let i = 0; i < n; i++) {
    const resource = api.root.addResource(`p${i}`);
    const integration = i % 3 === 2 ? proxy : new apigateway.MockIntegration({ requestTemplates: { 'application/json': `{"statusCode": 200, "n": ${i}}` } });
    resource.addMethod('GET', integration);
  }
  const built = process.hrtime.bigint();
  app.synth();
  printReport('awscdk', n, { started, loaded, built });
  fs.rmSync(outdir, { recursive: true, force: true });
}

main();
