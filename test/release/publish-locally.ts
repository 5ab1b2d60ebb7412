/**
 * Publishes one flavour's package of one language to the local registries (test/release/registries.sh)
 * with the command the release workflow runs: its publishing job's step (`Release` for the cdktf
 * flavour, `Release the cdktn flavour` for cdktn), read from .github/workflows/release.yml, with the
 * step's own settings and only the registry's address and credentials changed. What cannot be
 * rehearsed here is dropped and said: npm's provenance (it needs GitHub's OIDC token), Maven
 * Central's signing (publib-maven signs only for Sonatype; a local repository takes no signature).
 *
 *   ts-node test/release/publish-locally.ts npm|pypi|maven|golang cdktf|cdktn [cdktn]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { cacheRoot } from '../terraform/provider/aws-provider';

const ROOT = path.join(__dirname, '..', '..');
const REGISTRIES = path.join(ROOT, 'build', 'registries');

interface WorkflowStep { readonly name?: string; readonly run?: string; readonly env?: Record<string, string> }

/** The step of the release workflow that publishes `flavour`'s package of one registry's job. */
function publishingStep(registry: string, flavour: string): { run: string; env: Record<string, string> } {
  const workflow = parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'));
  const jobId = `release_${registry}`;
  const stepName = flavour === 'cdktf' ? 'Release' : 'Release the cdktn flavour';
  const step = (workflow.jobs[jobId]?.steps as WorkflowStep[] | undefined)?.find((candidate) => candidate.name === stepName);
  if (step?.run === undefined) {
    throw new Error(`.github/workflows/release.yml: no step "${stepName}" in a job ${jobId}`);
  }
  // Secrets and inputs (`${{ ... }}`) exist only in GitHub Actions.
  const env = Object.fromEntries(Object.entries(step.env ?? {}).filter(([, value]) => !String(value).includes('${{')));
  return { run: step.run, env };
}

/** The GitHub repositories of the Go modules (jsii's go.moduleName of each flavour, up to the repository). */
const GO_REPOSITORIES = ['cdktf-api-gateway-deployment/cdktf-api-gateway-deployment-go', 'cdktn-api-gateway-deployment/cdktn-api-gateway-deployment-go'];

/** The registry's address and credentials, in place of the workflow's. */
function localSettings(registry: string, home: string): Record<string, string> {
  switch (registry) {
    case 'npm':
      // publib-npm writes ~/.npmrc: a home of its own, with npm's cache as it was.
      return {
        NPM_REGISTRY: '127.0.0.1:4873',
        DISABLE_HTTPS: '1',
        NPM_TOKEN: 'local',
        NPM_CONFIG_PROVENANCE: 'false',
        HOME: home,
        NPM_CONFIG_CACHE: execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim(),
        // (npm run and npx pass their own user config on to the commands they run.)
        npm_config_userconfig: path.join(home, '.npmrc'),
      };
    case 'pypi':
      // publib-pypi installs twine with `pip install --user`: into the cache, once.
      return {
        TWINE_REPOSITORY_URL: 'http://127.0.0.1:8080/',
        TWINE_USERNAME: 'local',
        TWINE_PASSWORD: 'local',
        PYTHONUSERBASE: path.join(cacheRoot(), 'publib-python'),
      };
    case 'maven':
      return { MAVEN_SERVER_ID: 'local', MAVEN_REPOSITORY_URL: `file://${path.join(REGISTRIES, 'maven')}`, MAVEN_USERNAME: 'local', MAVEN_PASSWORD: 'local' };
    case 'golang':
      return { GITHUB_TOKEN: 'local', ...gitHubToLocalRepositories() };
    default:
      throw new Error(`publish-locally.ts: expected npm, pypi, maven or golang, got "${registry}"`);
  }
}

/**
 * publib-golang clones and pushes `https://<token>@github.com/<owner>/<repo>.git`; git's `insteadOf`
 * (given through the environment, no git config written) sends that to a bare repository of
 * build/registries/go, made empty on first use.
 */
export function gitHubToLocalRepositories(token = 'local'): Record<string, string> {
  const repositories = GO_REPOSITORIES;
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(repositories.length * 2) };
  repositories.forEach((ownerAndRepository, index) => {
    const [owner, repository] = ownerAndRepository.split('/');
    const bare = path.join(REGISTRIES, 'go', `${repository}.git`);
    if (!fs.existsSync(bare)) {
      execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', bare]);
    }
    // One rewrite for publib's pushes (with its token), one for `go get` (without).
    env[`GIT_CONFIG_KEY_${index * 2}`] = `url.file://${bare}.insteadOf`;
    env[`GIT_CONFIG_VALUE_${index * 2}`] = `https://${token}@github.com/${owner}/${repository}.git`;
    env[`GIT_CONFIG_KEY_${index * 2 + 1}`] = `url.file://${bare}.insteadOf`;
    env[`GIT_CONFIG_VALUE_${index * 2 + 1}`] = `https://github.com/${owner}/${repository}`;
  });
  return env;
}

if (require.main === module) {
  const [registry, ...flavours] = process.argv.slice(2);
  const unknown = flavours.find((flavour) => !['cdktf', 'cdktn'].includes(flavour));
  if (flavours.length === 0 || unknown !== undefined) {
    throw new Error(`publish-locally.ts: expected the flavours cdktf and/or cdktn, got "${unknown ?? ''}"`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-locally-'));
  const local = localSettings(registry, home);
  const shown = Object.entries(local).filter(([name]) => !name.startsWith('GIT_CONFIG')).map(([name, value]) => `${name}=${value}`).join(' ');
  for (const flavour of flavours) {
    const step = publishingStep(registry, flavour);
    // The runner's npx installs publib without asking; here too.
    const env = { ...process.env, NPM_CONFIG_YES: 'true', ...step.env, ...local };
    console.log(`publish-locally: ${step.run} (the release workflow's job release_${registry}, its registry here: ${shown})`);
    execFileSync('sh', ['-c', step.run], { cwd: ROOT, env, stdio: 'inherit' });
  }
  fs.rmSync(home, { recursive: true, force: true });
}
