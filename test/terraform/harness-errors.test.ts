/**
 * The Terraform harness's own failures say what to do. These run in `npm test` (no Terraform,
 * Go or emulator needed): each one provokes a failure with a controlled PATH or source tree.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { obtainAwsProvider } from './provider/aws-provider';
import { pruneProviderSource } from './provider/prune-provider-source';
import { run } from './support/commands';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function folderWith(commands: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-path-'));
  for (const command of commands) {
    fs.writeFileSync(path.join(dir, command), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }
  return dir;
}

test('no terraform on PATH: the error says to install Terraform', async () => {
  process.env.PATH = folderWith([]);

  await expect(obtainAwsProvider(['6.0.0'], () => undefined)).rejects.toThrow(
    /'terraform' was not found on PATH\. Install Terraform 1\.5 or later/,
  );
});

test('the provider must be built but there is no go on PATH: the error says why Go is needed', async () => {
  process.env.PATH = folderWith(['terraform']);
  process.env.TF_HARNESS_PROVIDER = 'source';
  process.env.CDKTF_AGD_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-cache-'));

  await expect(obtainAwsProvider(['6.0.0'], () => undefined)).rejects.toThrow(
    /'go' was not found on PATH\. The AWS provider is built from source where the Terraform registry cannot be reached: install Go 1\.23 or later/,
  );
});

test('a failed command (such as the provider build) names the step, the command, its exit code and its output', () => {
  expect(() => run('sh', ['-c', 'echo "undefined: apigateway.Client" >&2; exit 3'], { what: 'building the pruned AWS provider (go build)' }))
    .toThrow(/building the pruned AWS provider \(go build\) failed: `sh -c .*` exited with 3:\nundefined: apigateway\.Client/);
});

test('pruning for a service the provider version does not have names the service', () => {
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-source-'));
  const registry = path.join(source, 'internal', 'provider', 'sdkv2', 'service_packages_gen.go');
  fs.mkdirSync(path.dirname(registry), { recursive: true });
  fs.writeFileSync(registry, [
    'import (',
    '\t"github.com/hashicorp/terraform-provider-aws/internal/service/apigateway"',
    ')',
    '\tv := []conns.ServicePackage{',
    '\t\tapigateway.ServicePackage(ctx),',
    '\t}',
  ].join('\n'));

  expect(() => pruneProviderSource(source, ['apigateway', 'apigatewayv3'])).toThrow(
    /registers no service package named apigatewayv3; check the service list against this provider version/,
  );
});
