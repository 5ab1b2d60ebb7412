/**
 * Synthesizes an app of many small APIs, the shape platform teams have, and prints one JSON
 * line with the time and memory it took (one configuration per fresh process, compiled):
 *
 *   node bench/.compiled/synth-apps.js <shape> <hand-written|library> <N>
 *
 * Shapes: `rest`, `http`, `websocket` (N APIs of 3 methods or routes each, one stage each),
 * `mapped` (N HTTP APIs, each mapped at its own key on one custom domain), each in one stack, or
 * spread over stacks of 10 APIs (`rest-stacks`, `http-stacks`, `websocket-stacks`, `mapped-stacks`).
 * hand-written: the provider pages' patterns (REST: `sha1(jsonencode(ids))`; HTTP and WebSocket:
 * `sha1(join(",", [jsonencode(<route>), ...]))`; a separate stage; an `aws_apigatewayv2_api_mapping`
 * per API). library: the deployment constructs (and `addApiMapping`) over the same resources.
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
const { Apigatewayv2ApiMapping } = require('@cdktf/provider-aws/lib/apigatewayv2-api-mapping');
const { Apigatewayv2Deployment } = require('@cdktf/provider-aws/lib/apigatewayv2-deployment');
const { Apigatewayv2DomainName } = require('@cdktf/provider-aws/lib/apigatewayv2-domain-name');
const { Apigatewayv2Integration } = require('@cdktf/provider-aws/lib/apigatewayv2-integration');
const { Apigatewayv2Route } = require('@cdktf/provider-aws/lib/apigatewayv2-route');
const { Apigatewayv2Stage } = require('@cdktf/provider-aws/lib/apigatewayv2-stage');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { App, Fn, TerraformStack } = require('cdktf');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The shapes `npm run bench` measures, in its report's order. */
export const APP_SHAPES = ['rest', 'http', 'websocket', 'mapped', 'rest-stacks', 'http-stacks', 'websocket-stacks', 'mapped-stacks'] as const;
export type AppShape = typeof APP_SHAPES[number];
type Kind = 'rest' | 'http' | 'websocket' | 'mapped';

/** How many APIs a stack holds in the spread shapes. */
export const APIS_PER_STACK = 10;
const DOMAIN = 'api.example.com';
const METHODS = 3;

function library(): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(process.env.BENCH_LIBRARY ?? path.join(REPOSITORY_ROOT, 'lib'));
}

/** One REST API of three resources with a GET method and a MOCK integration each, deployed to `prod`. */
function restApi(stack: any, i: number, useLibrary: boolean): void {
  const api = new ApiGatewayRestApi(stack, `api${i}`, { name: `service-${i}` });
  const ids: string[] = [];
  for (let m = 0; m < METHODS; m++) {
    const resource = new ApiGatewayResource(stack, `r${i}_${m}`, { restApiId: api.id, parentId: api.rootResourceId, pathPart: `p${m}` });
    const method = new ApiGatewayMethod(stack, `m${i}_${m}`, { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
    const integration = new ApiGatewayIntegration(stack, `i${i}_${m}`, {
      restApiId: api.id,
      resourceId: resource.id,
      httpMethod: method.httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': `{"statusCode": 200, "n": ${m}}` },
    });
    ids.push(resource.id, method.id, integration.id);
  }
  if (useLibrary) {
    new (library().RestApiDeployment)(stack, `deployment${i}`, { restApi: api, stageName: 'prod' });
    return;
  }
  const deployment = new ApiGatewayDeployment(stack, `deployment${i}`, {
    restApiId: api.id, triggers: { redeployment: Fn.sha1(Fn.jsonencode(ids)) }, lifecycle: { createBeforeDestroy: true },
  });
  new ApiGatewayStage(stack, `stage${i}`, { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
}

/** One HTTP or WebSocket API of three routes with an integration each, deployed to `prod`; returns the library's construct or the stage. */
function v2Api(stack: any, i: number, websocket: boolean, useLibrary: boolean): any {
  const api = new Apigatewayv2Api(stack, `api${i}`, websocket
    ? { name: `service-${i}`, protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' }
    : { name: `service-${i}`, protocolType: 'HTTP' });
  const routes: any[] = [];
  for (let m = 0; m < METHODS; m++) {
    const integration = new Apigatewayv2Integration(stack, `i${i}_${m}`, websocket
      ? { apiId: api.id, integrationType: 'MOCK', requestTemplates: { $default: `{"statusCode": 200, "n": ${m}}` } }
      : { apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: `https://backend.example.com/${i}/p${m}` });
    const routeKey = websocket ? ['$connect', '$default', 'send'][m] : `GET /p${m}`;
    routes.push(integration, new Apigatewayv2Route(stack, `r${i}_${m}`, { apiId: api.id, routeKey, target: `integrations/${integration.id}` }));
  }
  if (useLibrary) {
    const construct = websocket ? library().WebSocketApiDeployment : library().HttpApiDeployment;
    return new construct(stack, `deployment${i}`, websocket ? { webSocketApi: api, stageName: 'prod' } : { httpApi: api, stageName: 'prod' });
  }
  const objects = routes.map((resource) => `jsonencode(${resource.terraformResourceType}.${resource.friendlyUniqueId})`);
  const deployment = new Apigatewayv2Deployment(stack, `deployment${i}`, {
    apiId: api.id, triggers: { redeployment: `\${sha1(join(",", [${objects.join(', ')}]))}` }, lifecycle: { createBeforeDestroy: true },
  });
  return new Apigatewayv2Stage(stack, `stage${i}`, { apiId: api.id, name: 'prod', deploymentId: deployment.id });
}

/** An HTTP API mapped at its own key (`service-<i>`) on the domain (its resource's attribute, or its literal name). */
function mappedApi(stack: any, i: number, domainName: string, useLibrary: boolean): void {
  const deployed = v2Api(stack, i, false, useLibrary);
  if (useLibrary) {
    deployed.addApiMapping(domainName, { apiMappingKey: `service-${i}` });
    return;
  }
  new Apigatewayv2ApiMapping(stack, `mapping${i}`, { domainName, apiMappingKey: `service-${i}`, apiId: deployed.apiId, stage: deployed.name });
}

function main(): void {
  const [shape, mode, nText] = process.argv.slice(2) as [AppShape, string, string];
  const n = Number(nText);
  if (!APP_SHAPES.includes(shape) || !['hand-written', 'library'].includes(mode) || !(n > 0)) {
    throw new Error(`usage: synth-apps.js <${APP_SHAPES.join('|')}> <hand-written|library> <N>`);
  }
  const useLibrary = mode === 'library';
  const kind = shape.replace(/-stacks$/, '') as Kind;
  const perStack = shape.endsWith('-stacks') ? APIS_PER_STACK : n;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${shape}-${mode}-${n}-`));
  const loaded = process.hrtime.bigint();
  const app = new App({ outdir });
  let stack: any;
  let domainName = DOMAIN;
  for (let i = 0; i < n; i++) {
    if (i % perStack === 0) {
      stack = new TerraformStack(app, `services${i / perStack}`);
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      if (kind === 'mapped' && perStack === n) {
        // One stack: the domain is its resource's attribute; spread, each stack names it literally.
        domainName = new Apigatewayv2DomainName(stack, 'domain', {
          domainName: DOMAIN,
          domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/bench', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
        }).domainName;
      }
    }
    if (kind === 'rest') {
      restApi(stack, i, useLibrary);
    } else if (kind === 'mapped') {
      mappedApi(stack, i, domainName, useLibrary);
    } else {
      v2Api(stack, i, kind === 'websocket', useLibrary);
    }
  }
  const built = process.hrtime.bigint();
  app.synth();
  printReport(`${shape}/${mode}`, n, { started, loaded, built });
  fs.rmSync(outdir, { recursive: true, force: true });
}

if (require.main === module) {
  main();
}
