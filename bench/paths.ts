import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository's root folder, found from this file whether it runs as TypeScript
 * (`bench/`) or compiled (`bench/.compiled/`): the first folder up whose package.json is
 * this library's.
 */
export const REPOSITORY_ROOT = findRoot(__dirname);

/** The benchmark's own folder, with its package.json (aws-cdk-lib, resvg). */
export const BENCH_DIR = path.join(REPOSITORY_ROOT, 'bench');

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'cdktf-api-gateway-deployment') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`bench: no cdktf-api-gateway-deployment package.json above ${from}`);
    }
  }
}
