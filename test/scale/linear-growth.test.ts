import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Node } from 'constructs';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment } from '../../src';

/**
 * The work a synth does on the construct tree grows linearly with the app: timings are noise on
 * these machines, so this counts the constructs visited through `node.children` (every walk of a
 * stack or of the app goes through it: cdktf's own, `findAll`, the library's) while an app of N and
 * one of 2N APIs (or mappings) is built and synthesized. A construct, stage, mapping or trigger
 * computation that walked its stack or the app on its own would make the count grow with the
 * square of N.
 */

/** How many APIs a stack holds in the spread shapes. */
const APIS_PER_STACK = 10;
const N = 20;
const MAX_GROWTH = 2.2;

type Shape = 'rest' | 'rest-stacks' | 'mapped' | 'mapped-stacks' | 'standalone-stages';

function restApi(stack: TerraformStack, i: number): void {
  const api = new ApiGatewayRestApi(stack, `api${i}`, { name: `service-${i}` });
  for (let m = 0; m < 3; m++) {
    const resource = new ApiGatewayResource(stack, `r${i}_${m}`, { restApiId: api.id, parentId: api.rootResourceId, pathPart: `p${m}` });
    const method = new ApiGatewayMethod(stack, `m${i}_${m}`, { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
    new ApiGatewayIntegration(stack, `i${i}_${m}`, { restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: 'MOCK' });
  }
  new RestApiDeployment(stack, `deployment${i}`, { restApi: api, stageName: 'prod' });
}

function mappedHttpApi(stack: TerraformStack, i: number, domainName: string): void {
  const api = new Apigatewayv2Api(stack, `api${i}`, { name: `service-${i}`, protocolType: 'HTTP' });
  for (let m = 0; m < 3; m++) {
    const integration = new Apigatewayv2Integration(stack, `i${i}_${m}`, {
      apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: `https://backend.example.com/${i}/${m}`,
    });
    new Apigatewayv2Route(stack, `r${i}_${m}`, { apiId: api.id, routeKey: `GET /p${m}`, target: `integrations/${integration.id}` });
  }
  new HttpApiDeployment(stack, `deployment${i}`, { httpApi: api, stageName: 'prod' }).addApiMapping(domainName, { apiMappingKey: `service-${i}` });
}

/** An HTTP API with a stage made on its own (no deployment construct in the app: its checks open no index of their own). */
function standaloneStage(stack: TerraformStack, i: number): void {
  const api = new Apigatewayv2Api(stack, `api${i}`, { name: `service-${i}`, protocolType: 'HTTP' });
  new Apigatewayv2Route(stack, `r${i}`, { apiId: api.id, routeKey: 'GET /p' });
  new HttpApiStage(stack, `stage${i}`, { apiId: api.id, deploymentId: 'a1b2c3', stageName: 'beta' });
}

/** The app of `n` APIs in `shape`, built and synthesized: the constructs visited through `node.children` meanwhile. */
function visitsToSynth(shape: Shape, n: number): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'linear-growth-'));
  const counter = countChildren();
  try {
    const app = new App({ outdir });
    const perStack = shape.endsWith('-stacks') ? APIS_PER_STACK : n;
    let stack!: TerraformStack;
    let domainName = 'api.example.com';
    for (let i = 0; i < n; i++) {
      if (i % perStack === 0) {
        stack = new TerraformStack(app, `services${i / perStack}`);
        new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
        if (shape === 'standalone-stages') {
          // A stage written by hand in the stack: the stages made on their own compare their names with it.
          new Apigatewayv2Stage(stack, 'manual', { apiId: new Apigatewayv2Api(stack, 'other', { name: 'other', protocolType: 'HTTP' }).id, name: 'manual' });
        }
        if (shape === 'mapped') {
          domainName = new Apigatewayv2DomainName(stack, 'domain', {
            domainName: 'api.example.com',
            domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
          }).domainName;
        }
      }
      if (shape === 'standalone-stages') {
        standaloneStage(stack, i);
      } else if (shape.startsWith('rest')) {
        restApi(stack, i);
      } else {
        mappedHttpApi(stack, i, domainName);
      }
    }
    app.synth();
    return counter.visited();
  } finally {
    counter.restore();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Counts the constructs `node.children` hands out until `restore`. */
function countChildren(): { visited(): number; restore(): void } {
  const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'children')!;
  let visited = 0;
  Object.defineProperty(Node.prototype, 'children', {
    ...descriptor,
    get(this: Node) {
      const children = descriptor.get!.call(this);
      visited += children.length;
      return children;
    },
  });
  return { visited: () => visited, restore: () => Object.defineProperty(Node.prototype, 'children', descriptor) };
}

test.each<[Shape, string]>([
  ['rest', 'REST APIs in one stack'],
  ['rest-stacks', `REST APIs spread over stacks of ${APIS_PER_STACK}`],
  ['mapped', 'HTTP APIs mapped at their own keys on one domain resource, in one stack'],
  ['mapped-stacks', `HTTP APIs mapped at their own keys on one domain named literally, in stacks of ${APIS_PER_STACK}`],
  ['standalone-stages', 'HTTP APIs with stages made on their own beside a stage written by hand, in one stack'],
])('%s: twice the APIs (%s) cost at most twice the walks of the construct tree', (shape) => {
  // WHEN
  const small = visitsToSynth(shape, N);
  const large = visitsToSynth(shape, 2 * N);

  // THEN
  expect(large / small).toBeLessThanOrEqual(MAX_GROWTH);
});
