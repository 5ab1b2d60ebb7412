/**
 * Each flavour's Go module, as the release rehearsal published it to a local git repository
 * (test/release/publish-locally.ts golang), is fetched by its module path and version with
 * `go mod download`, as a Go user's `go get` fetches it from GitHub: git's `insteadOf` sends
 * github.com to the local repository, GOPRIVATE keeps the Go proxy and checksum database out.
 *
 *   ts-node test/release/go-by-name.ts
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gitHubToLocalRepositories } from './publish-locally';

const ROOT = path.join(__dirname, '..', '..');
const MODULES = [path.join('dist', 'go', 'cdktfapigatewaydeployment'), path.join('dist', 'cdktn', 'go', 'cdktnapigatewaydeployment')];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'go-by-name-'));
const env = {
  ...process.env,
  ...gitHubToLocalRepositories(),
  GOPRIVATE: 'github.com/cdktf-api-gateway-deployment,github.com/cdktn-api-gateway-deployment',
  GOFLAGS: '-mod=mod',
  // A module cache of its own: a module fetched by an earlier run must not answer for this one.
  GOMODCACHE: path.join(scratch, 'modcache'),
};
for (const folder of MODULES) {
  const modulePath = /^module (\S+)/m.exec(fs.readFileSync(path.join(ROOT, folder, 'go.mod'), 'utf8'))![1];
  const version = fs.readFileSync(path.join(ROOT, folder, 'version'), 'utf8').trim();
  const downloaded = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `${modulePath}@v${version}`], { cwd: scratch, env, encoding: 'utf8' }));
  if (downloaded.Error !== undefined || !fs.existsSync(path.join(downloaded.Dir, 'go.mod'))) {
    throw new Error(`go-by-name: ${modulePath}@v${version}: ${downloaded.Error ?? 'no go.mod in what was downloaded'}`);
  }
  const published = fs.readFileSync(path.join(downloaded.Dir, 'go.mod'), 'utf8');
  if (/^replace /m.test(published)) {
    throw new Error(`go-by-name: the published go.mod of ${modulePath} has a replace, which names a folder of the machine that built it:\n${published}`);
  }
  console.log(`go-by-name: ${modulePath}@v${version} fetched by module path from the local repository (${downloaded.Version}, go.mod without replaces)`);
}
execFileSync('go', ['clean', '-modcache'], { env });
fs.rmSync(scratch, { recursive: true, force: true });
