/**
 * Every README snippet (`<!-- readme-snippet: NAME -->`) built into an app as a user would run it:
 * the `/pets` API, the names the snippet uses, and the snippet as the body of the stack's
 * constructor. The jest tests read what each synthesizes; `readme-validate.terraform.ts` runs
 * `terraform validate` on all of them, so no README block synthesizes JSON Terraform refuses.
 */
import { createRequire } from 'module';
import { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import * as cdktf from 'cdktf';
import * as ts from 'typescript';
import { petsApi } from './api';
import { readmeBlock } from './readme';
import { runSnippet } from './readme-snippet';
import { petsHttpApi } from './v2-api';
import { AccessLogDestination, HttpApiDeployment, RestApiDeployment } from '../../src';

/** The names every snippet may use without importing them. */
const NAMES = {
  ApiGatewayDeployment, ApiGatewayStage, Fn: cdktf.Fn, TerraformOutput: cdktf.TerraformOutput, RestApiDeployment, AccessLogDestination,
};

/** The stack a snippet runs in (`stack`), with an AWS provider and the `/pets` API. */
function petsStack(app: cdktf.App) {
  const stack = new cdktf.TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  return { stack, ...petsApi(stack) };
}

/** Runs a snippet in the pets stack, with the names `extra` gives (which may create what the snippet uses first). */
function inPetsStack(name: string, extra: (stack: cdktf.TerraformStack, pets: ReturnType<typeof petsStack>) => Record<string, unknown> = () => ({})) {
  return (outdir: string) => {
    const app = new cdktf.App({ outdir });
    const pets = petsStack(app);
    runSnippet(readmeBlock('readme-snippet', name), pets.stack, { ...NAMES, ...pets, ...extra(pets.stack, pets) });
    app.synth();
  };
}

const withDeployment = (_stack: cdktf.TerraformStack, pets: ReturnType<typeof petsStack>) =>
  ({ deployment: new RestApiDeployment(pets.stack, 'deployment', { restApi: pets.api }) });

/**
 * Runs a snippet as a module (with `imports` before it) and returns its exports; its `App` writes
 * into `outdir` instead of ./cdktf.out, and `cdktf-api-gateway-deployment` is this checkout's source.
 */
function runModule(name: string, imports: string, outdir: string): Record<string, any> {
  const { outputText } = ts.transpileModule(imports + readmeBlock('readme-snippet', name), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const load = createRequire(__filename);
  class ScratchApp extends cdktf.App {
    constructor() {
      super({ outdir });
    }
  }
  const requireFromReadme = (id: string) => (id === 'cdktf' ? { ...cdktf, App: ScratchApp } : load(id === 'cdktf-api-gateway-deployment' ? '../../src' : id));
  const exported: Record<string, any> = {};
  new Function('require', 'exports', outputText)(requireFromReadme, exported);
  return exported;
}

/** A snippet that is a whole program (its own App, stacks and `app.synth()`), run with the imports it leaves out. */
function wholeProgram(name: string, imports: string) {
  return (outdir: string) => {
    runModule(name, imports, outdir);
  };
}

/** A snippet that is a stack module with its imports (`export class XStack extends TerraformStack`), synthesized in an app of its own. */
function stackModule(name: string, className: string) {
  return (outdir: string) => {
    const stackClass = runModule(name, '', outdir)[className];
    const app = new cdktf.App({ outdir });
    new stackClass(app, name);
    app.synth();
  };
}

const SPLIT_STACKS_IMPORTS = `
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { RestApiDeployment } from 'cdktf-api-gateway-deployment';
`;

/** Each README snippet, by name: synthesizes it, as `cdktf synth` would, into `outdir`. */
export const README_SNIPPET_APPS: Record<string, (outdir: string) => void> = {
  'before': inPetsStack('before'),
  'after': inPetsStack('after'),
  'split-stacks': wholeProgram('split-stacks', SPLIT_STACKS_IMPORTS),
  'defined-elsewhere': inPetsStack('defined-elsewhere', () => ({ sharedApiId: 'a1b2c3d4e5' })),
  'add-stage': inPetsStack('add-stage', withDeployment),
  'attach-to-stage': inPetsStack('attach-to-stage', (stack, pets) => ({
    ...withDeployment(stack, pets),
    ApiGatewayDomainName,
    ApiGatewayUsagePlan,
    ApiGatewayApiKey,
    ApiGatewayUsagePlanKey,
    certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
  })),
  'api-mappings': inPetsStack('api-mappings', (stack, pets) => ({
    ...withDeployment(stack, pets),
    Apigatewayv2DomainName,
    certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
    httpDeployment: new HttpApiDeployment(stack, 'orders_http', { httpApi: petsHttpApi(stack, {}, 'orders').api }),
  })),
  'pin-stage': inPetsStack('pin-stage', withDeployment),
  'adopt-hand-written': inPetsStack('adopt-hand-written'),
  'adopt-v5': inPetsStack('adopt-v5'),
  'http-api-stack': stackModule('http-api-stack', 'PetsHttpStack'),
  'websocket-api-stack': stackModule('websocket-api-stack', 'ChatStack'),
  'watch-stage-stack': stackModule('watch-stage-stack', 'WatchedOrdersStack'),
};
