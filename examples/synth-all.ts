/**
 * `npm run example`: synthesizes every example app into its own `cdktf.out` and prints,
 * per stack, the trigger entries of each API Gateway deployment (REST, HTTP and WebSocket): what `terraform plan`
 * compares to decide whether to redeploy.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { buildApp as customDomains } from './custom-domains/main';
import { buildApp as httpApi } from './http-api/main';
import { buildApp as openapi } from './openapi/main';
import { buildApp as production } from './production/main';
import { buildApp as resources } from './resources/main';
import { buildApp as websocket } from './websocket/main';

/** Every example, by folder name. */
export const EXAMPLES: Record<string, (outdir?: string) => App> = { 'openapi': openapi, 'production': production, 'resources': resources, 'http-api': httpApi, 'websocket': websocket, 'custom-domains': customDomains };

/** Synthesizes one example into `examples/<name>/cdktf.out`; returns each stack's Terraform JSON by stack name. */
export function synthesizeExample(name: string, outdir = path.join(__dirname, name, 'cdktf.out')): Record<string, any> {
  fs.rmSync(outdir, { recursive: true, force: true });
  EXAMPLES[name](outdir).synth();
  const stacksDir = path.join(outdir, 'stacks');
  const stacks: Record<string, any> = {};
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    stacks[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
  }
  return stacks;
}

/** The warnings cdktf recorded in an example's manifest, as `[construct path] message`. */
function warningsOf(name: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, name, 'cdktf.out', 'manifest.json'), 'utf8'));
  return Object.values<any>(manifest.stacks).flatMap((stack) =>
    (stack.annotations ?? []).map((annotation: any) => `[${annotation.constructPath}] ${annotation.message}`));
}

/** The deployment resource types of REST APIs and of HTTP and WebSocket APIs. */
const DEPLOYMENT_TYPES = ['aws_api_gateway_deployment', 'aws_apigatewayv2_deployment'];

function main(): void {
  for (const name of Object.keys(EXAMPLES)) {
    const stacks = synthesizeExample(name);
    warningsOf(name).forEach((warning) => console.log(`  warning: ${warning}`));
    for (const [stack, json] of Object.entries(stacks)) {
      console.log(`examples/${name}: stack "${stack}" -> examples/${name}/cdktf.out/stacks/${stack}/cdk.tf.json`);
      const deployments = DEPLOYMENT_TYPES.flatMap((type) => Object.entries<any>(json.resource?.[type] ?? {}).map(([id, block]) => [`${type}.${id}`, block]));
      for (const [address, deployment] of deployments) {
        console.log(`  ${address} triggers:`);
        for (const [key, value] of Object.entries(deployment.triggers ?? {})) {
          console.log(`    ${key} = ${value}`);
        }
      }
    }
  }
}

if (require.main === module) {
  main();
}
