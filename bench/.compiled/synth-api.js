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
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { RestApiDeployment } = require(path.join(paths_1.REPOSITORY_ROOT, 'lib'));
        new RestApiDeployment(stack, 'deployment', { restApi: api });
    }
    const built = process.hrtime.bigint();
    app.synth();
    (0, report_1.printReport)(mode, n, { started, loaded, built });
    fs.rmSync(outdir, { recursive: true, force: true });
}
main();
//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJmaWxlIjoic3ludGgtYXBpLmpzIiwic291cmNlUm9vdCI6IiIsInNvdXJjZXMiOlsiLi4vc3ludGgtYXBpLnRzIl0sIm5hbWVzIjpbXSwibWFwcGluZ3MiOiI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7Ozs7Ozs7Ozs7O0dBV0c7QUFDSCx1Q0FBeUI7QUFDekIsdUNBQXlCO0FBQ3pCLDJDQUE2QjtBQUM3QixtQ0FBMEM7QUFDMUMscUNBQXVDO0FBRXZDLE1BQU0sT0FBTyxHQUFHLE9BQU8sQ0FBQyxNQUFNLENBQUMsTUFBTSxFQUFFLENBQUM7QUFDeEMsMERBQTBEO0FBQzFELE1BQU0sRUFBRSxvQkFBb0IsRUFBRSxHQUFHLE9BQU8sQ0FBQyxnREFBZ0QsQ0FBQyxDQUFDO0FBQzNGLE1BQU0sRUFBRSxxQkFBcUIsRUFBRSxHQUFHLE9BQU8sQ0FBQyxpREFBaUQsQ0FBQyxDQUFDO0FBQzdGLE1BQU0sRUFBRSxnQkFBZ0IsRUFBRSxHQUFHLE9BQU8sQ0FBQyw0Q0FBNEMsQ0FBQyxDQUFDO0FBQ25GLE1BQU0sRUFBRSxrQkFBa0IsRUFBRSxHQUFHLE9BQU8sQ0FBQyw4Q0FBOEMsQ0FBQyxDQUFDO0FBQ3ZGLE1BQU0sRUFBRSxpQkFBaUIsRUFBRSxHQUFHLE9BQU8sQ0FBQyw4Q0FBOEMsQ0FBQyxDQUFDO0FBQ3RGLE1BQU0sRUFBRSxlQUFlLEVBQUUsR0FBRyxPQUFPLENBQUMsMkNBQTJDLENBQUMsQ0FBQztBQUNqRixNQUFNLEVBQUUsY0FBYyxFQUFFLEdBQUcsT0FBTyxDQUFDLHlDQUF5QyxDQUFDLENBQUM7QUFDOUUsTUFBTSxFQUFFLFdBQVcsRUFBRSxHQUFHLE9BQU8sQ0FBQyxrQ0FBa0MsQ0FBQyxDQUFDO0FBQ3BFLE1BQU0sRUFBRSxHQUFHLEVBQUUsRUFBRSxFQUFFLGNBQWMsRUFBRSxHQUFHLE9BQU8sQ0FBQyxPQUFPLENBQUMsQ0FBQztBQUtyRCxrRkFBa0Y7QUFDbEYsU0FBUyxPQUFPLENBQUMsU0FBaUI7SUFDaEMsTUFBTSxLQUFLLEdBQTRCLEVBQUUsQ0FBQztJQUMxQyxJQUFJLElBQUksR0FBRyxDQUFDLENBQUM7SUFDYixLQUFLLElBQUksQ0FBQyxHQUFHLENBQUMsRUFBRSxJQUFJLEdBQUcsU0FBUyxHQUFHLElBQUksR0FBRyxJQUFJLEVBQUUsQ0FBQyxFQUFFLEVBQUUsQ0FBQztRQUNwRCxNQUFNLElBQUksR0FBRyxFQUFFLEdBQUcsRUFBRSxFQUFFLGlDQUFpQyxFQUFFLEVBQUUsSUFBSSxFQUFFLE1BQU0sRUFBRSxnQkFBZ0IsRUFBRSxFQUFFLGtCQUFrQixFQUFFLFNBQVMsQ0FBQyxHQUFHLEVBQUUsRUFBRSxFQUFFLEVBQUUsQ0FBQztRQUN2SSxLQUFLLENBQUMsS0FBSyxDQUFDLEVBQUUsQ0FBQyxHQUFHLElBQUksQ0FBQztRQUN2QixJQUFJLElBQUksSUFBSSxDQUFDLFNBQVMsQ0FBQyxJQUFJLENBQUMsQ0FBQyxNQUFNLEdBQUcsRUFBRSxDQUFDO0lBQzNDLENBQUM7SUFDRCxPQUFPLElBQUksQ0FBQyxTQUFTLENBQUMsRUFBRSxPQUFPLEVBQUUsT0FBTyxFQUFFLElBQUksRUFBRSxFQUFFLEtBQUssRUFBRSxPQUFPLEVBQUUsT0FBTyxFQUFFLEdBQUcsRUFBRSxFQUFFLEtBQUssRUFBRSxDQUFDLENBQUM7QUFDN0YsQ0FBQztBQUVELFNBQVMsUUFBUSxDQUFDLEtBQVUsRUFBRSxDQUFTO0lBQ3JDLE1BQU0sTUFBTSxHQUFHLE1BQU0sQ0FBQyxPQUFPLENBQUMsR0FBRyxDQUFDLE9BQU8sSUFBSSxDQUFDLENBQUMsQ0FBQztJQUNoRCxNQUFNLEdBQUcsR0FBRyxJQUFJLGlCQUFpQixDQUFDLEtBQUssRUFBRSxLQUFLLEVBQUUsRUFBRSxJQUFJLEVBQUUsT0FBTyxFQUFFLElBQUksRUFBRSxNQUFNLEdBQUcsQ0FBQyxDQUFDLENBQUMsQ0FBQyxPQUFPLENBQUMsTUFBTSxDQUFDLENBQUMsQ0FBQyxDQUFDLFNBQVMsRUFBRSxDQUFDLENBQUM7SUFDbkgsTUFBTSxFQUFFLEdBQUcsSUFBSSxjQUFjLENBQUMsS0FBSyxFQUFFLElBQUksRUFBRSxFQUFFLFlBQVksRUFBRSxPQUFPLEVBQUUsSUFBSSxFQUFFLHNDQUFzQyxFQUFFLFFBQVEsRUFBRSxPQUFPLEVBQUUsT0FBTyxFQUFFLGVBQWUsRUFBRSxPQUFPLEVBQUUsWUFBWSxFQUFFLENBQUMsQ0FBQztJQUN4TCxNQUFNLEdBQUcsR0FBYSxFQUFFLENBQUM7SUFDekIsS0FBSyxJQUFJLENBQUMsR0FBRyxDQUFDLEVBQUUsQ0FBQyxHQUFHLENBQUMsRUFBRSxDQUFDLEVBQUUsRUFBRSxDQUFDO1FBQzNCLE1BQU0sUUFBUSxHQUFHLElBQUksa0JBQWtCLENBQUMsS0FBSyxFQUFFLElBQUksQ0FBQyxFQUFFLEVBQUUsRUFBRSxTQUFTLEVBQUUsR0FBRyxDQUFDLEVBQUUsRUFBRSxRQUFRLEVBQUUsR0FBRyxDQUFDLGNBQWMsRUFBRSxRQUFRLEVBQUUsSUFBSSxDQUFDLEVBQUUsRUFBRSxDQUFDLENBQUM7UUFDaEksTUFBTSxNQUFNLEdBQUcsSUFBSSxnQkFBZ0IsQ0FBQyxLQUFLLEVBQUUsSUFBSSxDQUFDLEVBQUUsRUFBRSxFQUFFLFNBQVMsRUFBRSxHQUFHLENBQUMsRUFBRSxFQUFFLFVBQVUsRUFBRSxRQUFRLENBQUMsRUFBRSxFQUFFLFVBQVUsRUFBRSxLQUFLLEVBQUUsYUFBYSxFQUFFLE1BQU0sRUFBRSxDQUFDLENBQUM7UUFDOUksTUFBTSxXQUFXLEdBQUcsSUFBSSxxQkFBcUIsQ0FBQyxLQUFLLEVBQUUsSUFBSSxDQUFDLEVBQUUsRUFBRSxDQUFDLEdBQUcsQ0FBQyxLQUFLLENBQUM7WUFDdkUsQ0FBQyxDQUFDLEVBQUUsU0FBUyxFQUFFLEdBQUcsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLFFBQVEsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLE1BQU0sQ0FBQyxVQUFVLEVBQUUsSUFBSSxFQUFFLFdBQVcsRUFBRSxxQkFBcUIsRUFBRSxNQUFNLEVBQUUsR0FBRyxFQUFFLEVBQUUsQ0FBQyxTQUFTLEVBQUU7WUFDcEosQ0FBQyxDQUFDLEVBQUUsU0FBUyxFQUFFLEdBQUcsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLFFBQVEsQ0FBQyxFQUFFLEVBQUUsVUFBVSxFQUFFLE1BQU0sQ0FBQyxVQUFVLEVBQUUsSUFBSSxFQUFFLE1BQU0sRUFBRSxnQkFBZ0IsRUFBRSxFQUFFLGtCQUFrQixFQUFFLDRCQUE0QixDQUFDLEdBQUcsRUFBRSxFQUFFLENBQUMsQ0FBQztRQUM3SyxHQUFHLENBQUMsSUFBSSxDQUFDLFFBQVEsQ0FBQyxFQUFFLEVBQUUsTUFBTSxDQUFDLEVBQUUsRUFBRSxXQUFXLENBQUMsRUFBRSxDQUFDLENBQUM7SUFDbkQsQ0FBQztJQUNELE9BQU8sRUFBRSxHQUFHLEVBQUUsR0FBRyxFQUFFLENBQUM7QUFDdEIsQ0FBQztBQUVELFNBQVMsSUFBSTtJQUNYLE1BQU0sQ0FBQyxJQUFJLEVBQUUsS0FBSyxDQUFDLEdBQUcsT0FBTyxDQUFDLElBQUksQ0FBQyxLQUFLLENBQUMsQ0FBQyxDQUFtQixDQUFDO0lBQzlELE1BQU0sQ0FBQyxHQUFHLE1BQU0sQ0FBQyxLQUFLLENBQUMsQ0FBQztJQUN4QixNQUFNLE1BQU0sR0FBRyxFQUFFLENBQUMsV0FBVyxDQUFDLElBQUksQ0FBQyxJQUFJLENBQUMsRUFBRSxDQUFDLE1BQU0sRUFBRSxFQUFFLFNBQVMsSUFBSSxJQUFJLENBQUMsR0FBRyxDQUFDLENBQUMsQ0FBQztJQUM3RSxNQUFNLE1BQU0sR0FBRyxPQUFPLENBQUMsTUFBTSxDQUFDLE1BQU0sRUFBRSxDQUFDO0lBQ3ZDLE1BQU0sR0FBRyxHQUFHLElBQUksR0FBRyxDQUFDLEVBQUUsTUFBTSxFQUFFLENBQUMsQ0FBQztJQUNoQyxNQUFNLEtBQUssR0FBRyxJQUFJLGNBQWMsQ0FBQyxHQUFHLEVBQUUsT0FBTyxDQUFDLENBQUM7SUFDL0MsSUFBSSxXQUFXLENBQUMsS0FBSyxFQUFFLEtBQUssRUFBRSxFQUFFLE1BQU0sRUFBRSxXQUFXLEVBQUUsQ0FBQyxDQUFDO0lBQ3ZELE1BQU0sRUFBRSxHQUFHLEVBQUUsR0FBRyxFQUFFLEdBQUcsUUFBUSxDQUFDLEtBQUssRUFBRSxDQUFDLENBQUMsQ0FBQztJQUN4QyxJQUFJLElBQUksS0FBSyxNQUFNLEVBQUUsQ0FBQztRQUNwQixNQUFNLFVBQVUsR0FBRyxJQUFJLG9CQUFvQixDQUFDLEtBQUssRUFBRSxZQUFZLEVBQUU7WUFDL0QsU0FBUyxFQUFFLEdBQUcsQ0FBQyxFQUFFO1lBQ2pCLFFBQVEsRUFBRSxFQUFFLFlBQVksRUFBRSxFQUFFLENBQUMsSUFBSSxDQUFDLEVBQUUsQ0FBQyxVQUFVLENBQUMsR0FBRyxDQUFDLENBQUMsRUFBRTtZQUN2RCxTQUFTLEVBQUUsRUFBRSxtQkFBbUIsRUFBRSxJQUFJLEVBQUU7U0FDekMsQ0FBQyxDQUFDO1FBQ0gsSUFBSSxlQUFlLENBQUMsS0FBSyxFQUFFLE9BQU8sRUFBRSxFQUFFLFNBQVMsRUFBRSxHQUFHLENBQUMsRUFBRSxFQUFFLFlBQVksRUFBRSxVQUFVLENBQUMsRUFBRSxFQUFFLFNBQVMsRUFBRSxNQUFNLEVBQUUsQ0FBQyxDQUFDO0lBQzdHLENBQUM7U0FBTSxDQUFDO1FBQ04saUVBQWlFO1FBQ2pFLE1BQU0sRUFBRSxpQkFBaUIsRUFBRSxHQUFHLE9BQU8sQ0FBQyxJQUFJLENBQUMsSUFBSSxDQUFDLHVCQUFlLEVBQUUsS0FBSyxDQUFDLENBQUMsQ0FBQztRQUN6RSxJQUFJLGlCQUFpQixDQUFDLEtBQUssRUFBRSxZQUFZLEVBQUUsRUFBRSxPQUFPLEVBQUUsR0FBRyxFQUFFLENBQUMsQ0FBQztJQUMvRCxDQUFDO0lBQ0QsTUFBTSxLQUFLLEdBQUcsT0FBTyxDQUFDLE1BQU0sQ0FBQyxNQUFNLEVBQUUsQ0FBQztJQUN0QyxHQUFHLENBQUMsS0FBSyxFQUFFLENBQUM7SUFDWixJQUFBLG9CQUFXLEVBQUMsSUFBSSxFQUFFLENBQUMsRUFBRSxFQUFFLE9BQU8sRUFBRSxNQUFNLEVBQUUsS0FBSyxFQUFFLENBQUMsQ0FBQztJQUNqRCxFQUFFLENBQUMsTUFBTSxDQUFDLE1BQU0sRUFBRSxFQUFFLFNBQVMsRUFBRSxJQUFJLEVBQUUsS0FBSyxFQUFFLElBQUksRUFBRSxDQUFDLENBQUM7QUFDdEQsQ0FBQztBQUVELElBQUksRUFBRSxDQUFDIiwic291cmNlc0NvbnRlbnQiOlsiLyoqXG4gKiBTeW50aGVzaXplcyBvbmUgUkVTVCBBUEkgb2YgTiByZXNvdXJjZSttZXRob2QraW50ZWdyYXRpb24gdHJpcGxlcyAoTU9DSyBpbnRlZ3JhdGlvbnNcbiAqIHdpdGggYSByZXF1ZXN0IHRlbXBsYXRlOyBldmVyeSB0aGlyZCBhIExhbWJkYSBwcm94eSkgYW5kIHByaW50cyBvbmUgSlNPTiBsaW5lIHdpdGhcbiAqIHRoZSB0aW1lIGFuZCBtZW1vcnkgaXQgdG9vay4gUnVuIG9uZSBjb25maWd1cmF0aW9uIHBlciBmcmVzaCBwcm9jZXNzLCBjb21waWxlZCwgYXMgdXNlcnNcbiAqIHJ1biB0aGVpciBhcHBzIChgbnBtIHJ1biBiZW5jaGAgY29tcGlsZXMgdGhlIGJlbmNobWFyayBpbnRvIGJlbmNoLy5jb21waWxlZCBmaXJzdCk6XG4gKlxuICogICBub2RlIGJlbmNoLy5jb21waWxlZC9zeW50aC1hcGkuanMgPHNlZWR8bGlicmFyeT4gPE4+XG4gKlxuICogc2VlZDogdGhlIHByb3ZpZGVyIHBhZ2UncyBoYW5kLXdyaXR0ZW4gcGF0dGVybiAoZGVlcCBpbXBvcnRzLCBhXG4gKiBgc2hhMShqc29uZW5jb2RlKGlkcykpYCB0cmlnZ2VyLCBhIHNlcGFyYXRlIHN0YWdlKS4gbGlicmFyeTogUmVzdEFwaURlcGxveW1lbnQgb3ZlclxuICogdGhlIHNhbWUgcmVzb3VyY2VzLCBsb2FkZWQgZnJvbSB0aGUgY29tcGlsZWQgcGFja2FnZSBlbnRyeSBwb2ludCAobGliLykuXG4gKi9cbmltcG9ydCAqIGFzIGZzIGZyb20gJ2ZzJztcbmltcG9ydCAqIGFzIG9zIGZyb20gJ29zJztcbmltcG9ydCAqIGFzIHBhdGggZnJvbSAncGF0aCc7XG5pbXBvcnQgeyBSRVBPU0lUT1JZX1JPT1QgfSBmcm9tICcuL3BhdGhzJztcbmltcG9ydCB7IHByaW50UmVwb3J0IH0gZnJvbSAnLi9yZXBvcnQnO1xuXG5jb25zdCBzdGFydGVkID0gcHJvY2Vzcy5ocnRpbWUuYmlnaW50KCk7XG4vKiBlc2xpbnQtZGlzYWJsZSBAdHlwZXNjcmlwdC1lc2xpbnQvbm8tcmVxdWlyZS1pbXBvcnRzICovXG5jb25zdCB7IEFwaUdhdGV3YXlEZXBsb3ltZW50IH0gPSByZXF1aXJlKCdAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9hcGktZ2F0ZXdheS1kZXBsb3ltZW50Jyk7XG5jb25zdCB7IEFwaUdhdGV3YXlJbnRlZ3JhdGlvbiB9ID0gcmVxdWlyZSgnQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvYXBpLWdhdGV3YXktaW50ZWdyYXRpb24nKTtcbmNvbnN0IHsgQXBpR2F0ZXdheU1ldGhvZCB9ID0gcmVxdWlyZSgnQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvYXBpLWdhdGV3YXktbWV0aG9kJyk7XG5jb25zdCB7IEFwaUdhdGV3YXlSZXNvdXJjZSB9ID0gcmVxdWlyZSgnQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvYXBpLWdhdGV3YXktcmVzb3VyY2UnKTtcbmNvbnN0IHsgQXBpR2F0ZXdheVJlc3RBcGkgfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL2FwaS1nYXRld2F5LXJlc3QtYXBpJyk7XG5jb25zdCB7IEFwaUdhdGV3YXlTdGFnZSB9ID0gcmVxdWlyZSgnQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvYXBpLWdhdGV3YXktc3RhZ2UnKTtcbmNvbnN0IHsgTGFtYmRhRnVuY3Rpb24gfSA9IHJlcXVpcmUoJ0BjZGt0Zi9wcm92aWRlci1hd3MvbGliL2xhbWJkYS1mdW5jdGlvbicpO1xuY29uc3QgeyBBd3NQcm92aWRlciB9ID0gcmVxdWlyZSgnQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvcHJvdmlkZXInKTtcbmNvbnN0IHsgQXBwLCBGbiwgVGVycmFmb3JtU3RhY2sgfSA9IHJlcXVpcmUoJ2Nka3RmJyk7XG4vKiBlc2xpbnQtZW5hYmxlIEB0eXBlc2NyaXB0LWVzbGludC9uby1yZXF1aXJlLWltcG9ydHMgKi9cblxudHlwZSBNb2RlID0gJ3NlZWQnIHwgJ2xpYnJhcnknO1xuXG4vKiogQW4gT3BlbkFQSSBkb2N1bWVudCBvZiBhYm91dCBgbWVnYWJ5dGVzYCBNQiwgZm9yIG1lbW9yeSBjaGVja3MgKEJPRFlfTUI9NSkuICovXG5mdW5jdGlvbiBiaWdCb2R5KG1lZ2FieXRlczogbnVtYmVyKTogc3RyaW5nIHtcbiAgY29uc3QgcGF0aHM6IFJlY29yZDxzdHJpbmcsIHVua25vd24+ID0ge307XG4gIGxldCBzaXplID0gMDtcbiAgZm9yIChsZXQgaSA9IDA7IHNpemUgPCBtZWdhYnl0ZXMgKiAxMDI0ICogMTAyNDsgaSsrKSB7XG4gICAgY29uc3QgaXRlbSA9IHsgZ2V0OiB7ICd4LWFtYXpvbi1hcGlnYXRld2F5LWludGVncmF0aW9uJzogeyB0eXBlOiAnTU9DSycsIHJlcXVlc3RUZW1wbGF0ZXM6IHsgJ2FwcGxpY2F0aW9uL2pzb24nOiBge1wiblwiOiAke2l9fWAgfSB9IH0gfTtcbiAgICBwYXRoc1tgL3Ake2l9YF0gPSBpdGVtO1xuICAgIHNpemUgKz0gSlNPTi5zdHJpbmdpZnkoaXRlbSkubGVuZ3RoICsgMTI7XG4gIH1cbiAgcmV0dXJuIEpTT04uc3RyaW5naWZ5KHsgb3BlbmFwaTogJzMuMC4xJywgaW5mbzogeyB0aXRsZTogJ2JlbmNoJywgdmVyc2lvbjogJzEnIH0sIHBhdGhzIH0pO1xufVxuXG5mdW5jdGlvbiBidWlsZEFwaShzdGFjazogYW55LCBuOiBudW1iZXIpOiB7IGFwaTogYW55OyBpZHM6IHN0cmluZ1tdIH0ge1xuICBjb25zdCBib2R5TWIgPSBOdW1iZXIocHJvY2Vzcy5lbnYuQk9EWV9NQiA/PyAwKTtcbiAgY29uc3QgYXBpID0gbmV3IEFwaUdhdGV3YXlSZXN0QXBpKHN0YWNrLCAnYXBpJywgeyBuYW1lOiAnYmVuY2gnLCBib2R5OiBib2R5TWIgPiAwID8gYmlnQm9keShib2R5TWIpIDogdW5kZWZpbmVkIH0pO1xuICBjb25zdCBmbiA9IG5ldyBMYW1iZGFGdW5jdGlvbihzdGFjaywgJ2ZuJywgeyBmdW5jdGlvbk5hbWU6ICdiZW5jaCcsIHJvbGU6ICdhcm46YXdzOmlhbTo6MTIzNDU2Nzg5MDEyOnJvbGUvYmVuY2gnLCBmaWxlbmFtZTogJ2YuemlwJywgaGFuZGxlcjogJ2luZGV4LmhhbmRsZXInLCBydW50aW1lOiAnbm9kZWpzMjAueCcgfSk7XG4gIGNvbnN0IGlkczogc3RyaW5nW10gPSBbXTtcbiAgZm9yIChsZXQgaSA9IDA7IGkgPCBuOyBpKyspIHtcbiAgICBjb25zdCByZXNvdXJjZSA9IG5ldyBBcGlHYXRld2F5UmVzb3VyY2Uoc3RhY2ssIGByJHtpfWAsIHsgcmVzdEFwaUlkOiBhcGkuaWQsIHBhcmVudElkOiBhcGkucm9vdFJlc291cmNlSWQsIHBhdGhQYXJ0OiBgcCR7aX1gIH0pO1xuICAgIGNvbnN0IG1ldGhvZCA9IG5ldyBBcGlHYXRld2F5TWV0aG9kKHN0YWNrLCBgbSR7aX1gLCB7IHJlc3RBcGlJZDogYXBpLmlkLCByZXNvdXJjZUlkOiByZXNvdXJjZS5pZCwgaHR0cE1ldGhvZDogJ0dFVCcsIGF1dGhvcml6YXRpb246ICdOT05FJyB9KTtcbiAgICBjb25zdCBpbnRlZ3JhdGlvbiA9IG5ldyBBcGlHYXRld2F5SW50ZWdyYXRpb24oc3RhY2ssIGBpJHtpfWAsIGkgJSAzID09PSAyXG4gICAgICA/IHsgcmVzdEFwaUlkOiBhcGkuaWQsIHJlc291cmNlSWQ6IHJlc291cmNlLmlkLCBodHRwTWV0aG9kOiBtZXRob2QuaHR0cE1ldGhvZCwgdHlwZTogJ0FXU19QUk9YWScsIGludGVncmF0aW9uSHR0cE1ldGhvZDogJ1BPU1QnLCB1cmk6IGZuLmludm9rZUFybiB9XG4gICAgICA6IHsgcmVzdEFwaUlkOiBhcGkuaWQsIHJlc291cmNlSWQ6IHJlc291cmNlLmlkLCBodHRwTWV0aG9kOiBtZXRob2QuaHR0cE1ldGhvZCwgdHlwZTogJ01PQ0snLCByZXF1ZXN0VGVtcGxhdGVzOiB7ICdhcHBsaWNhdGlvbi9qc29uJzogYHtcInN0YXR1c0NvZGVcIjogMjAwLCBcIm5cIjogJHtpfX1gIH0gfSk7XG4gICAgaWRzLnB1c2gocmVzb3VyY2UuaWQsIG1ldGhvZC5pZCwgaW50ZWdyYXRpb24uaWQpO1xuICB9XG4gIHJldHVybiB7IGFwaSwgaWRzIH07XG59XG5cbmZ1bmN0aW9uIG1haW4oKTogdm9pZCB7XG4gIGNvbnN0IFttb2RlLCBuVGV4dF0gPSBwcm9jZXNzLmFyZ3Yuc2xpY2UoMikgYXMgW01vZGUsIHN0cmluZ107XG4gIGNvbnN0IG4gPSBOdW1iZXIoblRleHQpO1xuICBjb25zdCBvdXRkaXIgPSBmcy5ta2R0ZW1wU3luYyhwYXRoLmpvaW4ob3MudG1wZGlyKCksIGBiZW5jaC0ke21vZGV9LSR7bn0tYCkpO1xuICBjb25zdCBsb2FkZWQgPSBwcm9jZXNzLmhydGltZS5iaWdpbnQoKTtcbiAgY29uc3QgYXBwID0gbmV3IEFwcCh7IG91dGRpciB9KTtcbiAgY29uc3Qgc3RhY2sgPSBuZXcgVGVycmFmb3JtU3RhY2soYXBwLCAnYmVuY2gnKTtcbiAgbmV3IEF3c1Byb3ZpZGVyKHN0YWNrLCAnYXdzJywgeyByZWdpb246ICdldS13ZXN0LTEnIH0pO1xuICBjb25zdCB7IGFwaSwgaWRzIH0gPSBidWlsZEFwaShzdGFjaywgbik7XG4gIGlmIChtb2RlID09PSAnc2VlZCcpIHtcbiAgICBjb25zdCBkZXBsb3ltZW50ID0gbmV3IEFwaUdhdGV3YXlEZXBsb3ltZW50KHN0YWNrLCAnZGVwbG95bWVudCcsIHtcbiAgICAgIHJlc3RBcGlJZDogYXBpLmlkLFxuICAgICAgdHJpZ2dlcnM6IHsgcmVkZXBsb3ltZW50OiBGbi5zaGExKEZuLmpzb25lbmNvZGUoaWRzKSkgfSxcbiAgICAgIGxpZmVjeWNsZTogeyBjcmVhdGVCZWZvcmVEZXN0cm95OiB0cnVlIH0sXG4gICAgfSk7XG4gICAgbmV3IEFwaUdhdGV3YXlTdGFnZShzdGFjaywgJ3N0YWdlJywgeyByZXN0QXBpSWQ6IGFwaS5pZCwgZGVwbG95bWVudElkOiBkZXBsb3ltZW50LmlkLCBzdGFnZU5hbWU6ICdwcm9kJyB9KTtcbiAgfSBlbHNlIHtcbiAgICAvLyBlc2xpbnQtZGlzYWJsZS1uZXh0LWxpbmUgQHR5cGVzY3JpcHQtZXNsaW50L25vLXJlcXVpcmUtaW1wb3J0c1xuICAgIGNvbnN0IHsgUmVzdEFwaURlcGxveW1lbnQgfSA9IHJlcXVpcmUocGF0aC5qb2luKFJFUE9TSVRPUllfUk9PVCwgJ2xpYicpKTtcbiAgICBuZXcgUmVzdEFwaURlcGxveW1lbnQoc3RhY2ssICdkZXBsb3ltZW50JywgeyByZXN0QXBpOiBhcGkgfSk7XG4gIH1cbiAgY29uc3QgYnVpbHQgPSBwcm9jZXNzLmhydGltZS5iaWdpbnQoKTtcbiAgYXBwLnN5bnRoKCk7XG4gIHByaW50UmVwb3J0KG1vZGUsIG4sIHsgc3RhcnRlZCwgbG9hZGVkLCBidWlsdCB9KTtcbiAgZnMucm1TeW5jKG91dGRpciwgeyByZWN1cnNpdmU6IHRydWUsIGZvcmNlOiB0cnVlIH0pO1xufVxuXG5tYWluKCk7XG4iXX0=