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
 * the time and memory it took. Run one configuration per fresh process, compiled, as users
 * run their apps (`npm run bench` compiles the benchmark into bench/.compiled first):
 *
 *   node bench/.compiled/synth-api.js <seed|library> <N>
 *
 * seed: the provider page's hand-written pattern (deep imports, a
 * `sha1(jsonencode(ids))` trigger, a separate stage). library: RestApiDeployment over
 * the same resources, loaded from the compiled package entry point (lib/).
 */
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const paths_1 = require("./paths");
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
        // BENCH_LIBRARY: another build of the library (the memory test loads the cdktn flavour's).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { RestApiDeployment } = require(process.env.BENCH_LIBRARY ?? path.join(paths_1.REPOSITORY_ROOT, 'lib'));
        new RestApiDeployment(stack, 'deployment', { restApi: api });
    }
    const built = process.hrtime.bigint();
    app.synth();
    (0, report_1.printReport)(mode, n, { started, loaded, built });
    fs.rmSync(outdir, { recursive: true, force: true });
}
main();
//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJmaWxlIjoic3ludGgtYXBpLmpzIiwic291cmNlUm9vdCI6IiIsInNvdXJjZXMiOlsiLi4vc3ludGgtYXBpLnRzIl0sIm5hbWVzIjpbXSwibWFwcGluZ3MiOiI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7Ozs7Ozs7Ozs7O0dBV0c7QUFDSCx1Q0FBeUI7QUFDekIsdUNBQXlCO0FBQ3pCLDJDQUE2QjtBQUM3QixtQ0FBMEM7QUFDMUMscUNBQXVDO0FBRXZDLE1BQU0sT0FBTyxHQUFHLE9BQU8sQ0FBQyxNQUFNLENBQUMsTUFBTSxFQUFFLENBQUM7QUFDeEMsMERBQTBEO0FBQzFELE1BQU0sRUFBRSxvQkFBb0IsRUFBRSxHQUFHLE9BQU8sQ0FBQyxnREFBZ0QsQ0FBQyxDQUFDO0FBQzNGLE1BQU0sRUFBRSxxQkFBcUIsRUFBRSxHQUFHLE9BQU8sQ0FBQyxpREFBaUQsQ0FBQyxDQUFDO0FBQzdGLE1BQU0sRUFBRSxnQkFBZ0IsRUFBRSxHQUFHLE9BQU8sQ0FBQyw0Q0FBNEMsQ0FBQyxDQUFDO0FBQ25GLE1BQU0sRUFBRSxrQkFBa0IsRUFBRSxHQUFHLE9BQU8sQ0FBQyw4Q0FBOEMsQ0FBQyxDQUFDO0FBQ3ZGLE1BQU0sRUFBRSxpQkFBaUIsRUFBRSxHQUFHLE9BQU8sQ0FBQyw4Q0FBOEMsQ0FBQyxDQUFDO0FBQ3RGLE1BQU0sRUFBRSxlQUFlLEVBQUUsR0FBRyxPQUFPLENBQUMsMkNBQTJDLENBQUMsQ0FBQztBQUNqRixNQUFNLEVBQUUsY0FBYyxFQUFFLEdBQUcsT0FBTyxDQUFDLHlDQUF5QyxDQUFDLENBQUM7QUFDOUUsTUFBTSxFQUFFLFdBQVcsRUFBRSxHQUFHLE9BQU8sQ0FBQyxrQ0FBa0MsQ0FBQyxDQUFDO0FBQ3BFLE1BQU0sRUFBRSxHQUFHLEVBQUUsRUFBRSxFQUFFLGNBQWMsRUFBRSxHQUFHLE9BQU8sQ0FBQyxPQUFPLENBQUMsQ0FBQztBQUtyRCxrRkFBa0Y7QUFDbEYsU0FBUyxPQUFPLENBQUMsU0FBaUI7SUFDaEMsTUFBTSxLQUFLLEdBQTRCLEVBQUUsQ0FBQztJQUMxQyxJQUFJLElBQUksR0FBRyxDQUFDLENBQUM7SUFDYixLQUFLLElBQUksQ0FBQyxHQUFHLENBQUMsRUFBRSxJQUFJLEdBQUcsU0FBUyxHQUFHLElBQUksR0FBRyxJQUFJLEVBQUUsQ0FBQyxFQUFFLEVBQUUsQ0FBQztRQUNwRCxNQUFNLElBQUksR0FBRyxFQUFFLEdBQUcsRUFBRSxFQUFFLGlDQUFpQyxFQUFFLEVBQUUsSUFBSSxFQUFFLE1BQU0sRUFBRSxnQkFBZ0IsRUFBRSxFQUFFLGtCQUFrQixFQUFFLFNBQVMsQ0FBQyxHQUFHLEVBQUUsRUFBRSxFQUFFLEVBQUUsQ0FBQztRQUN2SSxLQUFLLENBQUMsS0FBSyxDQUFDLEVBQUUsQ0FBQyxHQUFHLElBQUksQ0FBQztRQUN2QixJQUFJLElBQUksSUFBSSxDQUFDLFNBQVMsQ0FBQyxJQUFJLENBQUMsQ0FBQyxNQUFNLEdBQUcsRUFBRSxDQUFDO0lBQzNDLENBQUM7SUFDRCxPQUFPLElBQUksQ0FBQyxTQUFTLENBQUMsRUFBRSxPQUFPLEVBQUUsT0FBTyxFQUFFLElBQUksRUFBRSxFQUFFLEtBQUssRUFBRSxPQUFPLEVBQUUsT0FBTyxFQUFFLEdBQUcsRUFBRSxFQUFFLEtBQUssRUFBRSxDQUFDLENBQUM7QUFDN0YsQ0FBQztBQUVELFNBQVMsUUFBUSxDQUFDLEtBQVUsRUFBRSxDQUFTO0lBQ3JDLE1BQU0sTUFBTSxHQUFHLE1BQU0sQ0FBQyxPQUFPLENBQUMsR0FBRyxDQUFDLE9BQU8sSUFBSSxDQUFDLENBQUMsQ0FBQztJQUNoRCxNQUFNLEdBQUcsR0FBRyxJQUFJLGlCQUFpQixDQUFDLEtBQUssRUFBRSxLQUFLLEVBQUUsRUFBRSxJQUFJLEVBQUUsT0FBTyxFQUFFLElBQUksRUFBRSxNQUFNLEdBQUcsQ0FBQyxDQUFDLENBQUMsQ0FBQyxPQUFPLENBQUMsTUFBTSxDQUFDLENBQUMsQ0FBQyxDQUFDLFNBQVMsRUFBRSxDQUFDLENBQUM7SUFDbkgsTUFBTSxFQUFFLEdBQUcsSUFBSSxjQUFjLENBQUMsS0FBSyxFQUFFLElBQUksRUFBRSxFQUFFLFlBQVksRUFBRSxPQUFPLEVBQUUsSUFBSSxFQUFFLHNDQUFzQyxFQUFFLFFBQVEsRUFBRSxPQUFPLEVBQUUsT0FBTyxFQUFFLGVBQWUsRUFBRSxPQUFPLEVBQUUsWUFBWSxFQUFFLENBQUMsQ0FBQztJQUN4TCxNQUFNLEdBQUcsR0FBYSxFQUFFLENBQUM7SUFDekIsS0FBSyxJQUFJLENBQUMsR0FBRyxDQUFDLEVBQUUsQ0FBQyxHQUFHLENBQUMsRUFBRSxDQUFDLEVBQUUsRUFBRSxDQUFDO1FBQzNCLE1BQU0sUUFBUSxHQUFHLElBQUksa0JBQWtCLENBQUMsS0FBSyxFQUFFLElBQUksQ0FBQyxFQUFFLEVBQUUsRUFBRSxTQUFTLEVBQUUsR0FBRyxDQUFDLEVBQUUsRUFBRSxRQUFRLEVBQUUsR0FBRyxDQUFDLGNBQWMsRUFBRSxRQUFRLEVBQUUsSUFBSSxDQUFDLEVBQUUsRUFBRSxDQUFDLENBQUM7UUFDaEksTUFBTSxNQUFNLEdBQUcsSUFBSSxnQkFBZ0IsQ0FBQyxLQUFLLEVBQUUsSUFBSSxDQUFDLEVBQUUsRUFBRSxFQUFFLFNBQVMsRUFBRSxHQUFHLENBQUMsRUFBRSxFQUFFLFVBQVUsRUFBRSxRQUFRLENBQUMsRUFBRSxFQUFFLFVBQVUsRUFBRSxLQUFLLEVBQUUsYUFBYSxFQUFFLE1BQU0sRUFBRSxDQUFDLENBQUM7UUFDOUksTUFBTSxXQUFXLEdBQUcsSUFBSSxxQkFBcUIsQ0FBQyxLQUFLLEVBQUUsSUFBSSxDQUFDLEVBQUUsRUFBRSxDQUFDLEdBQUcsQ0FBQyxLQUFLLENBQUM7WUFDdkUsQ0FBQyxDQUFDLEVBQUUsU0FBUyxFQUFFLEdBQUcsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLFFBQVEsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLE1BQU0sQ0FBQyxVQUFVLEVBQUUsSUFBSSxFQUFFLFdBQVcsRUFBRSxxQkFBcUIsRUFBRSxNQUFNLEVBQUUsR0FBRyxFQUFFLEVBQUUsQ0FBQyxTQUFTLEVBQUU7WUFDcEosQ0FBQyxDQUFDLEVBQUUsU0FBUyxFQUFFLEdBQUcsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLFFBQVEsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLE1BQU0sQ0FBQyxVQUFVLEVBQUUsSUFBSSxFQUFFLE1BQU0sRUFBRSxnQkFBZ0IsRUFBRSxFQUFFLGtCQUFrQixFQUFFLDRCQUE0QixDQUFDLEdBQUcsRUFBRSxFQUFFLENBQUMsQ0FBQztRQUM3SyxHQUFHLENBQUMsSUFBSSxDQUFDLFFBQVEsQ0FBQyxFQUFFLEVBQUUsTUFBTSxDQUFDLEVBQUUsRUFBRSxXQUFXLENBQUMsRUFBRSxDQUFDLENBQUM7SUFDbkQsQ0FBQztJQUNELE9BQU8sRUFBRSxHQUFHLEVBQUUsR0FBRyxFQUFFLENBQUM7QUFDdEIsQ0FBQztBQUVELFNBQVMsSUFBSTtJQUNYLE1BQU0sQ0FBQyxJQUFJLEVBQUUsS0FBSyxDQUFDLEdBQUcsT0FBTyxDQUFDLElBQUksQ0FBQyxLQUFLLENBQUMsQ0FBQyxDQUFtQixDQUFDO0lBQzlELE1BQU0sQ0FBQyxHQUFHLE1BQU0sQ0FBQyxLQUFLLENBQUMsQ0FBQztJQUN4QixNQUFNLE1BQU0sR0FBRyxFQUFFLENBQUMsV0FBVyxDQUFDLElBQUksQ0FBQyxJQUFJLENBQUMsRUFBRSxDQUFDLE1BQU0sRUFBRSxFQUFFLFNBQVMsSUFBSSxJQUFJLENBQUMsR0FBRyxDQUFDLENBQUMsQ0FBQztJQUM3RSxNQUFNLE1BQU0sR0FBRyxPQUFPLENBQUMsTUFBTSxDQUFDLE1BQU0sRUFBRSxDQUFDO0lBQ3ZDLE1BQU0sR0FBRyxHQUFHLElBQUksR0FBRyxDQUFDLEVBQUUsTUFBTSxFQUFFLENBQUMsQ0FBQztJQUNoQyxNQUFNLEtBQUssR0FBRyxJQUFJLGNBQWMsQ0FBQyxHQUFHLEVBQUUsT0FBTyxDQUFDLENBQUM7SUFDL0MsSUFBSSxXQUFXLENBQUMsS0FBSyxFQUFFLEtBQUssRUFBRSxFQUFFLE1BQU0sRUFBRSxXQUFXLEVBQUUsQ0FBQyxDQUFDO0lBQ3ZELE1BQU0sRUFBRSxHQUFHLEVBQUUsR0FBRyxFQUFFLEdBQUcsUUFBUSxDQUFDLEtBQUssRUFBRSxDQUFDLENBQUMsQ0FBQztJQUN4QyxJQUFJLElBQUksS0FBSyxNQUFNLEVBQUUsQ0FBQztRQUNwQixNQUFNLFVBQVUsR0FBRyxJQUFJLG9CQUFvQixDQUFDLEtBQUssRUFBRSxZQUFZLEVBQUU7WUFDL0QsU0FBUyxFQUFFLEdBQUcsQ0FBQyxFQUFFO1lBQ2pCLFFBQVEsRUFBRSxFQUFFLFlBQVksRUFBRSxFQUFFLENBQUMsSUFBSSxDQUFDLEVBQUUsQ0FBQyxVQUFVLENBQUMsR0FBRyxDQUFDLENBQUMsRUFBRTtZQUN2RCxTQUFTLEVBQUUsRUFBRSxtQkFBbUIsRUFBRSxJQUFJLEVBQUU7U0FDekMsQ0FBQyxDQUFDO1FBQ0gsSUFBSSxlQUFlLENBQUMsS0FBSyxFQUFFLE9BQU8sRUFBRSxFQUFFLFNBQVMsRUFBRSxHQUFHLENBQUMsRUFBRSxFQUFFLFlBQVksRUFBRSxVQUFVLENBQUMsRUFBRSxFQUFFLFNBQVMsRUFBRSxNQUFNLEVBQUUsQ0FBQyxDQUFDO0lBQzdHLENBQUM7U0FBTSxDQUFDO1FBQ04sMkZBQTJGO1FBQzNGLGlFQUFpRTtRQUNqRSxNQUFNLEVBQUUsaUJBQWlCLEVBQUUsR0FBRyxPQUFPLENBQUMsT0FBTyxDQUFDLEdBQUcsQ0FBQyxhQUFhLElBQUksSUFBSSxDQUFDLElBQUksQ0FBQyx1QkFBZSxFQUFFLEtBQUssQ0FBQyxDQUFDLENBQUM7UUFDdEcsSUFBSSxpQkFBaUIsQ0FBQyxLQUFLLEVBQUUsWUFBWSxFQUFFLEVBQUUsT0FBTyxFQUFFLEdBQUcsRUFBRSxDQUFDLENBQUM7SUFDL0QsQ0FBQztJQUNELE1BQU0sS0FBSyxHQUFHLE9BQU8sQ0FBQyxNQUFNLENBQUMsTUFBTSxFQUFFLENBQUM7SUFDdEMsR0FBRyxDQUFDLEtBQUssRUFBRSxDQUFDO0lBQ1osSUFBQSxvQkFBVyxFQUFDLElBQUksRUFBRSxDQUFDLEVBQUUsRUFBRSxPQUFPLEVBQUUsTUFBTSxFQUFFLEtBQUssRUFBRSxDQUFDLENBQUM7SUFDakQsRUFBRSxDQUFDLE1BQU0sQ0FBQyxNQUFNLEVBQUUsRUFBRSxTQUFTLEVBQUUsSUFBSSxFQUFFLEtBQUssRUFBRSxJQUFJLEVBQUUsQ0FBQyxDQUFDO0FBQ3RELENBQUM7QUFFRCxJQUFJLEVBQUUsQ0FBQyIsInNvdXJjZXNDb250ZW50IjpbIi8qKlxuICogU3ludGhlc2l6ZXMgb25lIFJFU1QgQVBJIG9mIE4gcmVzb3VyY2UrbWV0aG9kK2ludGVncmF0aW9uIHRyaXBsZXMgKE1PQ0sgaW50ZWdyYXRpb25zXG4gKiB3aXRoIGEgcmVxdWVzdCB0ZW1wbGF0ZTsgZXZlcnkgdGhpcmQgYSBMYW1iZGEgcHJveHkpIGFuZCBwcmludHMgb25lIEpTT04gbGluZSB3aXRoXG4gKiB0aGUgdGltZSBhbmQgbWVtb3J5IGl0IHRvb2suIFJ1biBvbmUgY29uZmlndXJhdGlvbiBwZXIgZnJlc2ggcHJvY2VzcywgY29tcGlsZWQsIGFzIHVzZXJzXG4gKiBydW4gdGhlaXIgYXBwcyAoYG5wbSBydW4gYmVuY2hgIGNvbXBpbGVzIHRoZSBiZW5jaG1hcmsgaW50byBiZW5jaC8uY29tcGlsZWQgZmlyc3QpOlxuICpcbiAqICAgbm9kZSBiZW5jaC8uY29tcGlsZWQvc3ludGgtYXBpLmpzIDxzZWVkfGxpYnJhcnk+IDxOPlxuICpcbiAqIHNlZWQ6IHRoZSBwcm92aWRlciBwYWdlJ3MgaGFuZC13cml0dGVuIHBhdHRlcm4gKGRlZXAgaW1wb3J0cywgYVxuICogYHNoYTEoanNvbmVuY29kZShpZHMpKWAgdHJpZ2dlciwgYSBzZXBhcmF0ZSBzdGFnZSkuIGxpYnJhcnk6IFJlc3RBcGlEZXBsb3ltZW50IG92ZXJcbiAqIHRoZSBzYW1lIHJlc291cmNlcywgbG9hZGVkIGZyb20gdGhlIGNvbXBpbGVkIHBhY2thZ2UgZW50cnkgcG9pbnQgKGxpYi8pLlxuICovXG5pbXBvcnQgKiBhcyBmcyBmcm9tICdmcyc7XG5pbXBvcnQgKiBhcyBvcyBmcm9tICdvcyc7XG5pbXBvcnQgKiBhcyBwYXRoIGZyb20gJ3BhdGgnO1xuaW1wb3J0IHsgUkVQT1NJVE9SWV9ST09UIH0gZnJvbSAnLi9wYXRocyc7XG5pbXBvcnQgeyBwcmludFJlcG9ydCB9IGZyb20gJy4vcmVwb3J0JztcblxuY29uc3Qgc3RhcnRlZCA9IHByb2Nlc3MuaHJ0aW1lLmJpZ2ludCgpO1xuLyogZXNsaW50LWRpc2FibGUgQHR5cGVzY3JpcHQtZXNsaW50L25vLXJlcXVpcmUtaW1wb3J0cyAqL1xuY29uc3QgeyBBcGlHYXRld2F5RGVwbG95bWVudCB9ID0gcmVxdWlyZSgnQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvYXBpLWdhdGV3YXktZGVwbG95bWVudCcpO1xuY29uc3QgeyBBcGlHYXRld2F5SW50ZWdyYXRpb24gfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL2FwaS1nYXRld2F5LWludGVncmF0aW9uJyk7XG5jb25zdCB7IEFwaUdhdGV3YXlNZXRob2QgfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL2FwaS1nYXRld2F5LW1ldGhvZCcpO1xuY29uc3QgeyBBcGlHYXRld2F5UmVzb3VyY2UgfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL2FwaS1nYXRld2F5LXJlc291cmNlJyk7XG5jb25zdCB7IEFwaUdhdGV3YXlSZXN0QXBpIH0gPSByZXF1aXJlKCdAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9hcGktZ2F0ZXdheS1yZXN0LWFwaScpO1xuY29uc3QgeyBBcGlHYXRld2F5U3RhZ2UgfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL2FwaS1nYXRld2F5LXN0YWdlJyk7XG5jb25zdCB7IExhbWJkYUZ1bmN0aW9uIH0gPSByZXF1aXJlKCdAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9sYW1iZGEtZnVuY3Rpb24nKTtcbmNvbnN0IHsgQXdzUHJvdmlkZXIgfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL3Byb3ZpZGVyJyk7XG5jb25zdCB7IEFwcCwgRm4sIFRlcnJhZm9ybVN0YWNrIH0gPSByZXF1aXJlKCdjZGt0ZicpO1xuLyogZXNsaW50LWVuYWJsZSBAdHlwZXNjcmlwdC1lc2xpbnQvbm8tcmVxdWlyZS1pbXBvcnRzICovXG5cbnR5cGUgTW9kZSA9ICdzZWVkJyB8ICdsaWJyYXJ5JztcblxuLyoqIEFuIE9wZW5BUEkgZG9jdW1lbnQgb2YgYWJvdXQgYG1lZ2FieXRlc2AgTUIsIGZvciBtZW1vcnkgY2hlY2tzIChCT0RZX01CPTUpLiAqL1xuZnVuY3Rpb24gYmlnQm9keShtZWdhYnl0ZXM6IG51bWJlcik6IHN0cmluZyB7XG4gIGNvbnN0IHBhdGhzOiBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPiA9IHt9O1xuICBsZXQgc2l6ZSA9IDA7XG4gIGZvciAobGV0IGkgPSAwOyBzaXplIDwgbWVnYWJ5dGVzICogMTAyNCAqIDEwMjQ7IGkrKykge1xuICAgIGNvbnN0IGl0ZW0gPSB7IGdldDogeyAneC1hbWF6b24tYXBpZ2F0ZXdheS1pbnRlZ3JhdGlvbic6IHsgdHlwZTogJ01PQ0snLCByZXF1ZXN0VGVtcGxhdGVzOiB7ICdhcHBsaWNhdGlvbi9qc29uJzogYHtcIm5cIjogJHtpfX1gIH0gfSB9IH07XG4gICAgcGF0aHNbYC9wJHtpfWBdID0gaXRlbTtcbiAgICBzaXplICs9IEpTT04uc3RyaW5naWZ5KGl0ZW0pLmxlbmd0aCArIDEyO1xuICB9XG4gIHJldHVybiBKU09OLnN0cmluZ2lmeSh7IG9wZW5hcGk6ICczLjAuMScsIGluZm86IHsgdGl0bGU6ICdiZW5jaCcsIHZlcnNpb246ICcxJyB9LCBwYXRocyB9KTtcbn1cblxuZnVuY3Rpb24gYnVpbGRBcGkoc3RhY2s6IGFueSwgbjogbnVtYmVyKTogeyBhcGk6IGFueTsgaWRzOiBzdHJpbmdbXSB9IHtcbiAgY29uc3QgYm9keU1iID0gTnVtYmVyKHByb2Nlc3MuZW52LkJPRFlfTUIgPz8gMCk7XG4gIGNvbnN0IGFwaSA9IG5ldyBBcGlHYXRld2F5UmVzdEFwaShzdGFjaywgJ2FwaScsIHsgbmFtZTogJ2JlbmNoJywgYm9keTogYm9keU1iID4gMCA/IGJpZ0JvZHkoYm9keU1iKSA6IHVuZGVmaW5lZCB9KTtcbiAgY29uc3QgZm4gPSBuZXcgTGFtYmRhRnVuY3Rpb24oc3RhY2ssICdmbicsIHsgZnVuY3Rpb25OYW1lOiAnYmVuY2gnLCByb2xlOiAnYXJuOmF3czppYW06OjEyMzQ1Njc4OTAxMjpyb2xlL2JlbmNoJywgZmlsZW5hbWU6ICdmLnppcCcsIGhhbmRsZXI6ICdpbmRleC5oYW5kbGVyJywgcnVudGltZTogJ25vZGVqczIwLngnIH0pO1xuICBjb25zdCBpZHM6IHN0cmluZ1tdID0gW107XG4gIGZvciAobGV0IGkgPSAwOyBpIDwgbjsgaSsrKSB7XG4gICAgY29uc3QgcmVzb3VyY2UgPSBuZXcgQXBpR2F0ZXdheVJlc291cmNlKHN0YWNrLCBgciR7aX1gLCB7IHJlc3RBcGlJZDogYXBpLmlkLCBwYXJlbnRJZDogYXBpLnJvb3RSZXNvdXJjZUlkLCBwYXRoUGFydDogYHAke2l9YCB9KTtcbiAgICBjb25zdCBtZXRob2QgPSBuZXcgQXBpR2F0ZXdheU1ldGhvZChzdGFjaywgYG0ke2l9YCwgeyByZXN0QXBpSWQ6IGFwaS5pZCwgcmVzb3VyY2VJZDogcmVzb3VyY2UuaWQsIGh0dHBNZXRob2Q6ICdHRVQnLCBhdXRob3JpemF0aW9uOiAnTk9ORScgfSk7XG4gICAgY29uc3QgaW50ZWdyYXRpb24gPSBuZXcgQXBpR2F0ZXdheUludGVncmF0aW9uKHN0YWNrLCBgaSR7aX1gLCBpICUgMyA9PT0gMlxuICAgICAgPyB7IHJlc3RBcGlJZDogYXBpLmlkLCByZXNvdXJjZUlkOiByZXNvdXJjZS5pZCwgaHR0cE1ldGhvZDogbWV0aG9kLmh0dHBNZXRob2QsIHR5cGU6ICdBV1NfUFJPWFknLCBpbnRlZ3JhdGlvbkh0dHBNZXRob2Q6ICdQT1NUJywgdXJpOiBmbi5pbnZva2VBcm4gfVxuICAgICAgOiB7IHJlc3RBcGlJZDogYXBpLmlkLCByZXNvdXJjZUlkOiByZXNvdXJjZS5pZCwgaHR0cE1ldGhvZDogbWV0aG9kLmh0dHBNZXRob2QsIHR5cGU6ICdNT0NLJywgcmVxdWVzdFRlbXBsYXRlczogeyAnYXBwbGljYXRpb24vanNvbic6IGB7XCJzdGF0dXNDb2RlXCI6IDIwMCwgXCJuXCI6ICR7aX19YCB9IH0pO1xuICAgIGlkcy5wdXNoKHJlc291cmNlLmlkLCBtZXRob2QuaWQsIGludGVncmF0aW9uLmlkKTtcbiAgfVxuICByZXR1cm4geyBhcGksIGlkcyB9O1xufVxuXG5mdW5jdGlvbiBtYWluKCk6IHZvaWQge1xuICBjb25zdCBbbW9kZSwgblRleHRdID0gcHJvY2Vzcy5hcmd2LnNsaWNlKDIpIGFzIFtNb2RlLCBzdHJpbmddO1xuICBjb25zdCBuID0gTnVtYmVyKG5UZXh0KTtcbiAgY29uc3Qgb3V0ZGlyID0gZnMubWtkdGVtcFN5bmMocGF0aC5qb2luKG9zLnRtcGRpcigpLCBgYmVuY2gtJHttb2RlfS0ke259LWApKTtcbiAgY29uc3QgbG9hZGVkID0gcHJvY2Vzcy5ocnRpbWUuYmlnaW50KCk7XG4gIGNvbnN0IGFwcCA9IG5ldyBBcHAoeyBvdXRkaXIgfSk7XG4gIGNvbnN0IHN0YWNrID0gbmV3IFRlcnJhZm9ybVN0YWNrKGFwcCwgJ2JlbmNoJyk7XG4gIG5ldyBBd3NQcm92aWRlcihzdGFjaywgJ2F3cycsIHsgcmVnaW9uOiAnZXUtd2VzdC0xJyB9KTtcbiAgY29uc3QgeyBhcGksIGlkcyB9ID0gYnVpbGRBcGkoc3RhY2ssIG4pO1xuICBpZiAobW9kZSA9PT0gJ3NlZWQnKSB7XG4gICAgY29uc3QgZGVwbG95bWVudCA9IG5ldyBBcGlHYXRld2F5RGVwbG95bWVudChzdGFjaywgJ2RlcGxveW1lbnQnLCB7XG4gICAgICByZXN0QXBpSWQ6IGFwaS5pZCxcbiAgICAgIHRyaWdnZXJzOiB7IHJlZGVwbG95bWVudDogRm4uc2hhMShGbi5qc29uZW5jb2RlKGlkcykpIH0sXG4gICAgICBsaWZlY3ljbGU6IHsgY3JlYXRlQmVmb3JlRGVzdHJveTogdHJ1ZSB9LFxuICAgIH0pO1xuICAgIG5ldyBBcGlHYXRld2F5U3RhZ2Uoc3RhY2ssICdzdGFnZScsIHsgcmVzdEFwaUlkOiBhcGkuaWQsIGRlcGxveW1lbnRJZDogZGVwbG95bWVudC5pZCwgc3RhZ2VOYW1lOiAncHJvZCcgfSk7XG4gIH0gZWxzZSB7XG4gICAgLy8gQkVOQ0hfTElCUkFSWTogYW5vdGhlciBidWlsZCBvZiB0aGUgbGlicmFyeSAodGhlIG1lbW9yeSB0ZXN0IGxvYWRzIHRoZSBjZGt0biBmbGF2b3VyJ3MpLlxuICAgIC8vIGVzbGludC1kaXNhYmxlLW5leHQtbGluZSBAdHlwZXNjcmlwdC1lc2xpbnQvbm8tcmVxdWlyZS1pbXBvcnRzXG4gICAgY29uc3QgeyBSZXN0QXBpRGVwbG95bWVudCB9ID0gcmVxdWlyZShwcm9jZXNzLmVudi5CRU5DSF9MSUJSQVJZID8/IHBhdGguam9pbihSRVBPU0lUT1JZX1JPT1QsICdsaWInKSk7XG4gICAgbmV3IFJlc3RBcGlEZXBsb3ltZW50KHN0YWNrLCAnZGVwbG95bWVudCcsIHsgcmVzdEFwaTogYXBpIH0pO1xuICB9XG4gIGNvbnN0IGJ1aWx0ID0gcHJvY2Vzcy5ocnRpbWUuYmlnaW50KCk7XG4gIGFwcC5zeW50aCgpO1xuICBwcmludFJlcG9ydChtb2RlLCBuLCB7IHN0YXJ0ZWQsIGxvYWRlZCwgYnVpbHQgfSk7XG4gIGZzLnJtU3luYyhvdXRkaXIsIHsgcmVjdXJzaXZlOiB0cnVlLCBmb3JjZTogdHJ1ZSB9KTtcbn1cblxubWFpbigpO1xuIl19