"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Synthesizes one REST API of N resource+method+integration triples (MOCK integrations
 * with a request template; every third a Lambda proxy) and prints one JSON line with
 * the time and memory it took. Run one configuration per fresh process:
 *
 *   node -r ts-node/register/transpile-only bench/synth-api.ts <seed|library> <N>
 *
 * seed: the provider page's hand-written pattern (deep imports, a
 * `sha1(jsonencode(ids))` trigger, a separate stage). library: RestApiDeployment over
 * the same resources, loaded from the compiled package entry point (lib/).
 */
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const report_1 = require("./report");
const started = process.hrtime.bigint();
/* eslint-disable @typescript-eslint/no-require-imports */
const { ApiGatewayDeployment } = require('@cdktf/provider-aws/lib/api-gateway-deployment');
const { ApiGatewayIntegration } = require('@cdktf/provider-aws/lib/api-gateway-integration');
const { ApiGatewayMethod } = require('@cdktf/provider-aws/lib/api-gateway-method');
const { ApiGatewayResource } = require('@cdktf/provider-aws/lib/api-gateway-resource');
const { ApiGatewayRestApi } = require('@cdktf/provider-aws/lib/api-gateway-rest-api');
const { ApiGatewayStage } = require('@cdktf/provider-aws/lib/api-gateway-stage');
const { LambdaFunction } = require('@cdktf/provider-aws/lib/lambda-function');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { App, Fn, TerraformStack } = require('cdktf');
/** An OpenAPI document of about `megabytes` MB, for memory checks (BODY_MB=5). */
function bigBody(megabytes) {
    const paths = {};
    let size = 0;
    for (let i = 0; size < megabytes * 1024 * 1024; i++) {
        const item = { get: { 'x-amazon-apigateway-integration': { type: 'MOCK', requestTemplates: { 'application/json': `{"n": ${i}}` } } } };
        paths[`/p${i}`] = item;
        size += JSON.stringify(item).length + 12;
    }
    return JSON.stringify({ openapi: '3.0.1', info: { title: 'bench', version: '1' }, paths });
}
function buildApi(stack, n) {
    const bodyMb = Number(process.env.BODY_MB ?? 0);
    const api = new ApiGatewayRestApi(stack, 'api', { name: 'bench', body: bodyMb > 0 ? bigBody(bodyMb) : undefined });
    const fn = new LambdaFunction(stack, 'fn', { functionName: 'bench', role: 'arn:aws:iam::123456789012:role/bench', filename: 'f.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
    const ids = [];
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
function main() {
    const [mode, nText] = process.argv.slice(2);
    const n = Number(nText);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-${n}-`));
    const loaded = process.hrtime.bigint();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bench');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const { api, ids } = buildApi(stack, n);
    if (mode === 'seed') {
        const deployment = new ApiGatewayDeployment(stack, 'deployment', {
            restApiId: api.id,
            triggers: { redeployment: Fn.sha1(Fn.jsonencode(ids)) },
            lifecycle: { createBeforeDestroy: true },
        });
        new ApiGatewayStage(stack, 'stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
    }
    else {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { RestApiDeployment } = require(path.join(__dirname, '..', '..', 'lib'));
        new RestApiDeployment(stack, 'deployment', { restApi: api });
    }
    const built = process.hrtime.bigint();
    app.synth();
    (0, report_1.printReport)(mode, n, { started, loaded, built });
    if (!process.env.KEEP) fs.rmSync(outdir, { recursive: true, force: true }); else console.error(outdir);
}
main();
