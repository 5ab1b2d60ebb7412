import { execFileSync } from 'child_process';
import * as path from 'path';
import { FLAVOUR_NODE_ARGS, PACKAGE_DIR } from './support/flavour';

const ROOT = path.join(__dirname, '..');

/** Runs bench/synth-api.ts in a child process whose heap is capped at 1 GB; returns its report. */
function synthesizeInOneGigabyte(n: number, env: Record<string, string> = {}): { peakRssMb: number; seconds: number } {
  const output = execFileSync(process.execPath, [
    '--max-old-space-size=1024', ...FLAVOUR_NODE_ARGS, '-r', 'ts-node/register/transpile-only', path.join(ROOT, 'bench', 'synth-api.ts'), 'library', String(n),
  ], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_LIBRARY: path.join(PACKAGE_DIR, 'lib'), ...env } });
  return JSON.parse(output.trim().split('\n').pop()!);
}

describe('memory', () => {
  test('a 3000-method API synthesizes within 1 GB', () => {
    expect(synthesizeInOneGigabyte(3000).peakRssMb).toBeLessThan(1024);
  }, 180_000);

  test('an API with a 5 MB OpenAPI body synthesizes within 1 GB', () => {
    expect(synthesizeInOneGigabyte(10, { BODY_MB: '5' }).peakRssMb).toBeLessThan(1024);
  }, 180_000);
});
