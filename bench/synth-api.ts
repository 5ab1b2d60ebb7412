/**
 * Synthesizes one REST API of N resource+method+integration triples (MOCK integrations
 * with a request template; every third a Lambda proxy) and prints one JSON line with
 * the time and memory it took. Run one configuration per fresh process, compiled, as users
 * run their apps (`npm run bench` compiles the benchmark into bench/.compiled first):
 *
 *   node bench/.compiled/synth-api.js <hand-written|library|v2-hand-written|v2-library> <N>
 *
 * hand-written: the provider page's hand-written pattern (deep imports, a
 * `sha1(jsonencode(ids))` trigger, a separate stage). library: RestApiDeployment over
 * the same resources, loaded from the compiled package entry point (lib/).
 * v2-hand-written and v2-library: the same for an HTTP API of N routes, each with its
 * integration (every third a Lambda proxy): the `aws_apigatewayv2_deployment` page's pattern
 * (`sha1(join(",", [jsonencode(<integration>), jsonencode(<route>), ...]))`, a separate stage),
 * and HttpApiDeployment.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPOSITORY_ROOT } from './paths';
import { printReport } from './report';

const started = process.hrtime.bigint();
/* eslint-disable @typescript-eslint/no-require-imports */
const { ApiGatewayDeployment } = require('@cdktf/provider-aws/lib/api-gateway-deployment');
const { ApiGatewayIntegration } = require('@cdktf/provider-aws/lib/api-gateway-integration');
const { ApiGatewayMethod } = require('@cdktf/provider-aws/lib/api-gateway-method');
const { ApiGatewayResource } = require('@cdktf/provider-aws/lib/api-gateway-resource');
const { ApiGatewayRestApi } = require('@cdktf/provider-aws/lib/api-gateway-rest-api');
const { ApiGatewayStage } = require('@cdktf/provider-aws/lib/api-gateway-stage');
const { Apigatewayv2Api } = require('@cdktf/provider-aws/lib/apigatewayv2-api');
const { Apigatewayv2Deployment } = require('@cdktf/provider-aws/lib/apigatewayv2-deployment');
const { Apigatewayv2Integration } = require('@cdktf/provider-aws/lib/apigatewayv2-integration');
const { Apigatewayv2Route } = require('@cdktf/provider-aws/lib/apigatewayv2-route');
const { Apigatewayv2Stage } = require('@cdktf/provider-aws/lib/apigatewayv2-stage');
const { LambdaFunction } = require('@cdktf/provider-aws/lib/lambda-function');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { App, Fn, TerraformStack } = require('cdktf');
/* eslint-enable @typescript-eslint/no-require-imports */

type Mode = 'hand-written' | 'library' | 'v2-hand-written' | 'v2-library';

/** An OpenAPI document of about `megabytes` MB, for memory checks (BODY_MB=5). */
function bigBody(megabytes: number): string {
  const paths: Record<string, unknown> = {};
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const item = { get: { 'x-amazon-apigateway-integration': { type: 'MOCK', requestTemplates: { 'application/json': `{"n": ${i}}` } } } };
    paths[`/p${i}`] = item;
    size += JSON.stringify(item).length + 12;
  }
  return JSON.stringify({ openapi: '3.0.1', info: { title: 'bench', version: '1' }, paths });
}

function buildApi(stack: any, n: number): { api: any; ids: string[] } {
  const bodyMb = Number(process.env.BODY_MB ?? 0);
  const api = new ApiGatewayRestApi(stack, 'api', { name: 'bench', body: bodyMb > 0 ? bigBody(bodyMb) : undefined });
  const fn = new LambdaFunction(stack, 'fn', { functionName: 'bench', role: 'arn:aws:iam::123456789012:role/bench', filename: 'f.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const resource = new ApiGatewayResource(stack, `r${i}`, { restApiId: api.id, parentId: api.rootResourceId, pathPart: `p${i}` });
    const method = new ApiGatewayMethod(stack, `m${i}`, { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
    const integration = new ApiGatewayIntegration(stack, `i${i}`, i % 3 === 2
      ? { restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: fn.invokeArn }
      : { restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: 'MOCK', requestTemplates: { 'application/json': `{"statusCode": 200, "n": ${i}}` } });
    ids.push(resource.id, method.id, integration.id);
  }
  return { api, ids };
}

/** An HTTP API of N routes, each with its integration; every third a Lambda proxy. */
function buildHttpApi(stack: any, n: number): { api: any; resources: any[] } {
  const api = new Apigatewayv2Api(stack, 'api', { name: 'bench', protocolType: 'HTTP' });
  const fn = new LambdaFunction(stack, 'fn', { functionName: 'bench', role: 'arn:aws:iam::123456789012:role/bench', filename: 'f.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
  const resources: any[] = [];
  for (let i = 0; i < n; i++) {
    const integration = new Apigatewayv2Integration(stack, `i${i}`, i % 3 === 2
      ? { apiId: api.id, integrationType: 'AWS_PROXY', integrationUri: fn.invokeArn, payloadFormatVersion: '2.0' }
      : { apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: `https://backend.example.com/p${i}` });
    const route = new Apigatewayv2Route(stack, `r${i}`, { apiId: api.id, routeKey: `GET /p${i}`, target: `integrations/${integration.id}` });
    resources.push(integration, route);
  }
  return { api, resources };
}

/** The library's compiled entry point (BENCH_LIBRARY: another build of it; the memory test loads the cdktn flavour's). */
function library(): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(process.env.BENCH_LIBRARY ?? path.join(REPOSITORY_ROOT, 'lib'));
}

/** Builds the API and its deployment the way `mode` says. */
function build(stack: any, mode: Mode, n: number): void {
  if (mode === 'v2-hand-written' || mode === 'v2-library') {
    const { api, resources } = buildHttpApi(stack, n);
    if (mode === 'v2-library') {
      new (library().HttpApiDeployment)(stack, 'deployment', { httpApi: api, stageName: 'prod' });
      return;
    }
    const objects = resources.map((resource) => `jsonencode(${resource.terraformResourceType}.${resource.friendlyUniqueId})`);
    const deployment = new Apigatewayv2Deployment(stack, 'deployment', {
      apiId: api.id,
      triggers: { redeployment: `\${sha1(join(",", [${objects.join(', ')}]))}` },
      lifecycle: { createBeforeDestroy: true },
    });
    new Apigatewayv2Stage(stack, 'stage', { apiId: api.id, name: 'prod', deploymentId: deployment.id });
    return;
  }
  const { api, ids } = buildApi(stack, n);
  if (mode === 'hand-written') {
    const deployment = new ApiGatewayDeployment(stack, 'deployment', {
      restApiId: api.id,
      triggers: { redeployment: Fn.sha1(Fn.jsonencode(ids)) },
      lifecycle: { createBeforeDestroy: true },
    });
    new ApiGatewayStage(stack, 'stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
  } else {
    new (library().RestApiDeployment)(stack, 'deployment', { restApi: api });
  }
}

function main(): void {
  const [mode, nText] = process.argv.slice(2) as [Mode, string];
  const n = Number(nText);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-${n}-`));
  const loaded = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack, mode, n);
  const built = process.hrtime.bigint();
  app.synth();
  printReport(mode, n, { started, loaded, built });
  fs.rmSync(outdir, { recursive: true, force: true });
}

main();
