/**
 * The workflows projen writes from .projenrc.ts (CONTRIBUTING.md, "Releasing"): what each release
 * job publishes, for both flavours, with which secrets. `npm run test:release` runs their publishing
 * commands against local registries and actionlint over them; this checks their shape on every test run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const WORKFLOWS = path.join(__dirname, '..', '.github', 'workflows');
const release = parse(fs.readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf8'));
const build = parse(fs.readFileSync(path.join(WORKFLOWS, 'build.yml'), 'utf8'));

interface Step { name?: string; run?: string; env?: Record<string, string> }
const stepsOf = (job: string): Step[] => release.jobs[job].steps;
const PUBLISHING = { release_npm: 'js', release_pypi: 'python', release_maven: 'java', release_golang: 'go' };

test('the release workflow runs on every push to main and by hand, and the build workflow on pull requests', () => {
  expect(release.on).toEqual(expect.objectContaining({ push: { branches: ['main'] }, workflow_dispatch: expect.anything() }));
  expect(Object.keys(build.on)).toContain('pull_request');
});

test.each(Object.entries(PUBLISHING))('%s publishes the cdktf package, then the cdktn one with the same command, settings and secrets', (job, folder) => {
  const steps = stepsOf(job);
  const cdktf = steps.findIndex((step) => step.name === 'Release');
  const cdktn = steps[cdktf + 1];

  expect(steps[cdktf].run).toMatch(/^npx '-p' 'publib@\d+\.\d+\.\d+' 'publib-[a-z]+'$/);
  expect(cdktn.name).toBe('Release the cdktn flavour');
  expect(cdktn.run).toBe(`${steps[cdktf].run} dist/cdktn/${folder}`);
  expect(cdktn.env).toEqual(steps[cdktf].env);
  expect(cdktn.env).toEqual(expect.objectContaining({ PUBLIB_DRYRUN: '${{ inputs.dry_run }}' }));
});

test('npm is published with provenance, and every credential comes from a secret of the repository', () => {
  expect(stepsOf('release_npm').find((step) => step.name === 'Release')!.env).toEqual(expect.objectContaining({
    NPM_CONFIG_PROVENANCE: 'true', NPM_TOKEN: '${{ secrets.NPM_TOKEN }}',
  }));
  const credentials = Object.keys(PUBLISHING).flatMap((job) => stepsOf(job).flatMap((step) => Object.entries(step.env ?? {})))
    .filter(([name]) => /TOKEN|PASSWORD|USERNAME|KEY/.test(name));

  expect(credentials.filter(([, value]) => !/^\$\{\{ secrets\.[A-Z_]+ \}\}$/.test(value))).toEqual([]);
  expect([...new Set(credentials.map(([, value]) => value))].sort()).toEqual([
    '${{ secrets.GO_GITHUB_TOKEN }}', '${{ secrets.MAVEN_GPG_PRIVATE_KEY }}', '${{ secrets.MAVEN_GPG_PRIVATE_KEY_PASSPHRASE }}',
    '${{ secrets.MAVEN_PASSWORD }}', '${{ secrets.MAVEN_USERNAME }}', '${{ secrets.NPM_TOKEN }}',
    '${{ secrets.TWINE_PASSWORD }}', '${{ secrets.TWINE_USERNAME }}',
  ]);
});

test('each language job builds both flavours before publishing them (package:<language> makes dist/cdktn/<language> too)', () => {
  const tasks = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.projen', 'tasks.json'), 'utf8')).tasks;
  const commands = (task: string): string => JSON.stringify(tasks[task].steps);

  expect(commands('package:js')).toContain('package:cdktn-js');
  expect(commands('package:python')).toContain('-o dist/cdktn build/cdktn');
  expect(commands('package:java')).toContain('package-java.sh cdktn');
  expect(commands('package:go')).toContain('package-go.sh cdktn');
  for (const [job, language] of [['release_pypi', 'python'], ['release_maven', 'java'], ['release_golang', 'go']]) {
    expect(stepsOf(job).map((step) => step.run)).toContain(`cd .repo && npx projen package:${language}`);
  }
});

test('after publishing, a pull request titled chore(release) writes the release into CHANGELOG.md (the next bump skips such a commit)', () => {
  const job = release.jobs.release_changelog;
  const propose = job.steps.find((step: { uses?: string }) => step.uses?.startsWith('peter-evans/create-pull-request'));

  expect(job.needs).toEqual(['release', 'release_github']);
  expect(job.if).toContain('!inputs.dry_run');
  expect(propose.with.token).toBe('${{ secrets.PROJEN_GITHUB_TOKEN }}');
  expect(job.steps.map((step: Step) => step.run).join('\n')).toContain('bash scripts/changelog-release.sh "$(cat dist/version.txt)" dist/changelog.md');
  expect(propose.with.title).toMatch(/^chore\(release\): /);
  expect(fs.readFileSync(path.join(__dirname, '..', '.projen', 'tasks.json'), 'utf8')).toContain('chore(release):');
});

test("the CHANGELOG pull request's commit, squashed or merged, starts no release", () => {
  expect(release.jobs.release.if).toBe("${{ !startsWith(github.event.head_commit.message, 'chore(release):') && "
    + "!contains(github.event.head_commit.message, '/release/changelog-v') }}");
  expect(release.jobs.release_changelog.steps.find((step: { uses?: string }) => step.uses?.startsWith('peter-evans/')).with.branch)
    .toMatch(/^release\/changelog-v/);
});
