/**
 * Gets OpenTofu (`tofu`), which CDK Terrain users provision with as often as Terraform. A `tofu` on
 * PATH of the tested version is used as it is; otherwise it is built from its source, fetched
 * through the Go module proxy (`go install ...@version` is refused: the module's go.mod has a
 * replace directive, so `./cmd/tofu` is built from the downloaded source), and cached outside the
 * repository by version, so only the first run builds it (about 7 minutes on 2 cores).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheRoot } from './aws-provider';
import { HarnessError, commandOnPath, run } from '../support/commands';

export const OPENTOFU_MODULE = 'github.com/opentofu/opentofu';
/** The OpenTofu version the harness runs (the README's compatibility table names it). */
export const OPENTOFU_VERSION = '1.10.10';

/** The `tofu` binary to run: the one on PATH when it is the tested version, else the cached build. */
export function obtainOpenTofu(log: (line: string) => void): string {
  const onPath = spawnSync('tofu', ['version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.startsWith(`OpenTofu v${OPENTOFU_VERSION}`)) {
    log(`OpenTofu: ${onPath.stdout.split('\n')[0]} on PATH`);
    return 'tofu';
  }
  const binary = path.join(cacheRoot(), 'opentofu', `v${OPENTOFU_VERSION}`, 'tofu');
  if (fs.existsSync(binary)) {
    log(`OpenTofu: reusing ${binary}`);
    return binary;
  }
  commandOnPath('go', 'OpenTofu is built from source where it is not on PATH: install Go 1.24 or later and put it on PATH.');
  const started = Date.now();
  log(`OpenTofu: building ${OPENTOFU_MODULE}@v${OPENTOFU_VERSION} (./cmd/tofu; several minutes, once)...`);
  const download = JSON.parse(run('go', ['mod', 'download', '-json', `${OPENTOFU_MODULE}@v${OPENTOFU_VERSION}`], {
    what: 'downloading the OpenTofu source through the Go module proxy (GOPROXY)',
  }));
  if (download.Error) {
    throw new HarnessError(`go mod download ${OPENTOFU_MODULE}@v${OPENTOFU_VERSION} failed: ${download.Error}`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opentofu-'));
  try {
    const source = path.join(work, 'source');
    fs.cpSync(download.Dir, source, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', source]);
    const output = path.join(work, 'tofu');
    run('go', ['build', '-trimpath', `-ldflags=-s -w -X ${OPENTOFU_MODULE}/version.dev=no`, '-o', output, './cmd/tofu'], {
      cwd: source, what: 'building OpenTofu (go build ./cmd/tofu)', timeoutMs: 60 * 60_000,
    });
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.copyFileSync(output, `${binary}.partial`);
    fs.chmodSync(`${binary}.partial`, 0o755);
    fs.renameSync(`${binary}.partial`, binary);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`OpenTofu: built in ${Math.round((Date.now() - started) / 1000)} s: ${binary}`);
  return binary;
}
