/**
 * Gets `hashicorp/aws` for `terraform init`.
 *
 * Where the Terraform registry answers, plain `terraform init` downloads it and nothing else is
 * needed. Where it does not (the project's machines reach only the package registries), the
 * provider is built from its source, fetched through the Go module proxy and pruned to the
 * services the examples and tests use, and served from a filesystem mirror under every version
 * the synthesized JSON asks for. The binary is cached by source version and service list
 * outside the repository, so only the first run builds it.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { pruneProviderSource } from './prune-provider-source';
import { HarnessError, commandOnPath, run } from '../support/commands';

/**
 * The provider's Go module. It has no `/v6` suffix, so the proxy refuses `@v6.x.y`; this
 * pseudo-version is provider 6.47.1 plus later main-branch commits, the version the proxy serves.
 * Provider 6.x minor releases only add, so it stands in for any 6.x the JSON asks for.
 */
export const PROVIDER_MODULE = 'github.com/hashicorp/terraform-provider-aws';
export const PROVIDER_SOURCE_VERSION = 'v1.60.1-0.20260602190131-5f2286d6d836';

/**
 * The service packages compiled in: what the examples and the test stacks create or read
 * (apigateway and apigatewayv2, lambda, iam, logs, wafv2, kms, cloudwatch's alarms and dashboards; `meta` has `aws_region` and friends, `sts`
 * `aws_caller_identity`), and what those packages reference (organizations, ec2, cloudfront).
 */
export const PROVIDER_SERVICES = [
  'apigateway', 'apigatewayv2', 'cloudfront', 'cloudwatch', 'ec2', 'iam', 'kms', 'lambda', 'logs', 'meta', 'organizations', 'sts', 'wafv2',
];

/**
 * The hosts `hashicorp/aws` is resolved on: Terraform's registry, and OpenTofu's (its default host
 * for `hashicorp/aws`). The mirror serves the built provider under both.
 */
const PROVIDER_HOSTS = ['registry.terraform.io', 'registry.opentofu.org'];

/** How `terraform init` gets the provider: plain init, or a CLI configuration with a mirror. */
export interface ProviderInstallation {
  /** `registry` when the Terraform registry answers, `source` when the provider was built here. */
  readonly method: 'registry' | 'source';
  /** Set as TF_CLI_CONFIG_FILE for every terraform command; undefined for plain init. */
  readonly cliConfigFile?: string;
  /** The built binary (method `source`). */
  readonly binary?: string;
}

/** The cache folder outside the repository: `$CDKTF_AGD_CACHE`, else `$XDG_CACHE_HOME` or `~/.cache`. */
export function cacheRoot(): string {
  return process.env.CDKTF_AGD_CACHE
    ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'cdktf-api-gateway-deployment');
}

/**
 * Makes `hashicorp/aws` installable for the given provider versions. `TF_HARNESS_PROVIDER=source`
 * forces the build even where the registry answers; `=registry` skips the probe.
 */
export async function obtainAwsProvider(versions: readonly string[], log: (line: string) => void): Promise<ProviderInstallation> {
  commandOnPath('terraform', 'Install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install) and put it on PATH.');
  if (await fromRegistry()) {
    log('hashicorp/aws: the Terraform registry answers; terraform init downloads the provider.');
    return { method: 'registry' };
  }
  const binary = builtProvider(log);
  const mirror = path.join(cacheRoot(), 'mirror');
  for (const host of PROVIDER_HOSTS) {
    for (const version of versions) {
      const dir = path.join(mirror, host, 'hashicorp', 'aws', version, 'linux_amd64');
      const target = path.join(dir, `terraform-provider-aws_v${version}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.rmSync(target, { force: true });
      fs.symlinkSync(binary, target);
    }
  }
  // Terraform and OpenTofu read the same file (TF_CLI_CONFIG_FILE).
  const sources = JSON.stringify(PROVIDER_HOSTS.map((host) => `${host}/hashicorp/aws`));
  const cliConfigFile = path.join(cacheRoot(), 'terraform.tfrc');
  fs.writeFileSync(cliConfigFile, [
    'provider_installation {',
    `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ${sources}\n  }`,
    `  direct {\n    exclude = ${sources}\n  }`,
    '}',
    '',
  ].join('\n'));
  log(`hashicorp/aws ${versions.join(', ')}: served from ${mirror} (built from ${PROVIDER_MODULE}@${PROVIDER_SOURCE_VERSION}).`);
  return { method: 'source', cliConfigFile, binary };
}

/**
 * Builds the provider binary into the cache where `terraform init` cannot download it (what
 * `obtainAwsProvider` would build), and nothing else: CI starts it early, in the background.
 */
export async function prebuildAwsProvider(log: (line: string) => void): Promise<void> {
  if (await fromRegistry()) {
    log('hashicorp/aws: the Terraform registry answers; nothing to build.');
    return;
  }
  builtProvider(log);
}

/** Whether `terraform init` downloads the provider: `TF_HARNESS_PROVIDER` says so, or else the registry answers. */
async function fromRegistry(): Promise<boolean> {
  const choice = process.env.TF_HARNESS_PROVIDER;
  return choice === 'registry' || (choice !== 'source' && await registryAnswers());
}

function registryAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const request = https.get('https://registry.terraform.io/.well-known/terraform.json', { timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** The cached binary, built first if this source version and service list were never built here. */
function builtProvider(log: (line: string) => void): string {
  const key = crypto.createHash('sha256').update(`${PROVIDER_SOURCE_VERSION} ${PROVIDER_SERVICES.join(',')}`).digest('hex').slice(0, 12);
  const dir = path.join(cacheRoot(), 'provider', `${PROVIDER_SOURCE_VERSION}-${key}`);
  const binary = path.join(dir, 'terraform-provider-aws');
  if (fs.existsSync(binary)) {
    log(`hashicorp/aws: reusing ${binary}`);
    return binary;
  }
  commandOnPath('go', 'The AWS provider is built from source where the Terraform registry cannot be reached: install Go 1.23 or later and put it on PATH.');
  const started = Date.now();
  log(`hashicorp/aws: building ${PROVIDER_MODULE}@${PROVIDER_SOURCE_VERSION} with ${PROVIDER_SERVICES.join(', ')} (a few minutes, once)...`);
  const download = JSON.parse(run('go', ['mod', 'download', '-json', `${PROVIDER_MODULE}@${PROVIDER_SOURCE_VERSION}`], {
    what: 'downloading the provider source through the Go module proxy (GOPROXY)',
  }));
  if (download.Error) {
    throw new HarnessError(`go mod download ${PROVIDER_MODULE}@${PROVIDER_SOURCE_VERSION} failed: ${download.Error}`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-provider-aws-'));
  try {
    const source = path.join(work, 'source');
    fs.cpSync(download.Dir, source, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', source]);
    pruneProviderSource(source, PROVIDER_SERVICES);
    const output = path.join(work, 'terraform-provider-aws');
    run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', output, '.'], {
      cwd: source, what: 'building the pruned AWS provider (go build)', timeoutMs: 60 * 60_000,
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(output, `${binary}.partial`);
    fs.chmodSync(`${binary}.partial`, 0o755);
    fs.renameSync(`${binary}.partial`, binary);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const size = fs.statSync(binary).size;
  log(`hashicorp/aws: built in ${Math.round((Date.now() - started) / 1000)} s, ${Math.round(size / 1e6)} MB: ${binary}`);
  return binary;
}
