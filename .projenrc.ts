import { cdk, Component, github, javascript, JsonFile } from 'projen';

const CDKTF = '0.21.0';
const CONSTRUCTS = '10.4.2';
// Provider v6 (the stage arguments moved off the deployment): @cdktf/provider-aws 21.x.
const PROVIDER_AWS_RANGE = '>=21.0.0 <22.0.0';
// publib, pinned: the release workflow and CI's rehearsal against local registries run this one.
const PUBLIB_VERSION = '0.2.1061';

// The project type: cdk.JsiiProject with cdktf's peers, rather than projen's cdktf.ConstructLibraryCdktf
// (deprecated since HashiCorp archived CDKTF; it only adds these two peers and a keyword) or
// cdktn.ConstructLibraryCdktn (it would make cdktn the primary source, and the cdktn toolchain
// needs Node.js 22.19, where the quick start must work on the machines' Node.js 20). Both flavours
// come from one source written for cdktf (scripts/cdktn-flavour.ts); CONTRIBUTING.md, "The project type".
const project = new cdk.JsiiProject({
  name: 'cdktf-api-gateway-deployment',
  description:
    'CDK for Terraform constructs that deploy API Gateway REST, HTTP and WebSocket APIs to stages and redeploy them exactly when the API changes.',
  author: 'cdktf-api-gateway-deployment contributors',
  authorAddress: 'https://github.com/cdktf-api-gateway-deployment/cdktf-api-gateway-deployment',
  repositoryUrl: 'https://github.com/cdktf-api-gateway-deployment/cdktf-api-gateway-deployment.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  // A build workflow for pull requests and a release workflow on main (.github/workflows, generated):
  // the version from the conventional commits since the last tag (projen's bump), the build and tests
  // at that version, and every language published with publib (CONTRIBUTING.md, "Releasing"). Both are checked with
  // actionlint, and their publish commands run against local registries, in CI (test/release).
  github: true,
  githubOptions: { mergify: false, pullRequestLintOptions: { semanticTitle: true } },
  release: true,
  jsiiReleaseVersion: PUBLIB_VERSION,
  // CHANGELOG.md may name the next version (`## 0.2.0 - unreleased`); else the commits decide.
  nextVersionCommand: 'bash scripts/next-version.sh',
  npmProvenance: true,
  workflowNodeVersion: '22.x',
  // The peers are pinned at the oldest versions the library claims (devDeps below): upgrades are
  // by hand, with the README's version table, not a weekly pull request.
  depsUpgrade: false,
  pullRequestTemplate: false,
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',
  minNodeVersion: '20.0.0',
  peerDeps: [`constructs@^${CONSTRUCTS}`, `cdktf@^${CDKTF}`, `@cdktf/provider-aws@${PROVIDER_AWS_RANGE}`],
  // projen pins each peer at its lowest version as a dev dependency: we build and test
  // against the oldest release we claim to support.
  // typescript-5.9: the older of the two TypeScript versions the README promises its users
  // (test/typescript-versions.test.ts type-checks the README's app with each).
  devDeps: ['ts-node', 'fast-check@^4', 'typescript-5.9@npm:typescript@~5.9.0', '@aws-sdk/client-api-gateway@^3', '@aws-sdk/client-apigatewayv2@^3', '@aws-sdk/client-cloudwatch@^3'],
  // Non-jsii runtime dependencies are bundled into the package.
  bundledDeps: ['yaml@^2.8.0'],
  keywords: ['cdk', 'cdktf', 'terraform', 'constructs', 'aws', 'apigateway', 'api-gateway', 'apigatewayv2', 'rest-api', 'http-api', 'websocket', 'deployment', 'canary'],
  // jsii targets (README, "Other languages"), each published by the release workflow.
  publishToPypi: {
    distName: 'cdktf-api-gateway-deployment',
    module: 'cdktf_api_gateway_deployment',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdktf_api_gateway_deployment',
    mavenGroupId: 'io.github.cdktf-api-gateway-deployment',
    mavenArtifactId: 'cdktf-api-gateway-deployment',
  },
  publishToGo: {
    moduleName: 'github.com/cdktf-api-gateway-deployment/cdktf-api-gateway-deployment-go',
    packageName: 'cdktfapigatewaydeployment',
  },
  docgen: true,
  eslint: true,
  jestOptions: {
    // Snapshots are assertions: a changed synth output must fail the run, never rewrite it.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Coverage on demand (npm run test:coverage): collecting it made the suite 3.4 times slower (434 s
      // against 127 s on 2 cores), and nothing reads it on every run.
      collectCoverage: false,
      testTimeout: 60_000,
      // One temporary folder per run, removed at its end (the synths of a run made thousands).
      globalSetup: '<rootDir>/test/support/temp-dir-setup.js',
      globalTeardown: '<rootDir>/test/support/temp-dir-teardown.js',
    },
  },
  tsconfig: {
    compilerOptions: {
      // Source maps beside the JavaScript, not inside it: an inline map is most of each file's bytes,
      // and every user's synth reads them all (about 3 ms of the library's 13 ms load: docs/performance.md).
      inlineSourceMap: false,
      sourceMap: true,
    },
  },
  tsconfigDev: {
    // Tests import the examples and the benchmark; the scripts are type-checked with them.
    include: ['../examples/**/*.ts', '../bench/**/*.ts', '../scan/**/*.ts', '../scripts/**/*.ts'],
    compilerOptions: {},
  },
  gitignore: ['cdktf.out/', 'examples/**/cdktf.out/', 'bench/.compiled/', '.venv/', '.venv-cdktn/', '.venv-scan/', '*.tsbuildinfo', '/build/', 'examples/java/target/', '__pycache__/'],
});


// Folders of TypeScript outside src/ and test/: each gets a tsconfig for ts-node and eslint's
// project service. The examples are cdktf apps of their own (`cdktf synth` in their folder).
const scriptFolders: Record<string, string[]> = {
  examples: ['../src/**/*.ts'],
  bench: [],
  scan: [],
  scripts: ['../src/**/*.ts', '../examples/**/*.ts'],
};
for (const [folder, alsoInclude] of Object.entries(scriptFolders)) {
  new JsonFile(project, `${folder}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { rootDir: '..', noEmit: true },
      include: ['**/*.ts', ...alsoInclude],
      exclude: ['node_modules'],
    },
  });
}
Object.keys(scriptFolders).forEach((folder) => project.eslint?.addLintPattern(folder));
// The benchmark has a package.json of its own (aws-cdk-lib, resvg) next to the project's.
project.eslint?.addOverride({
  files: ['bench/**/*.ts'],
  rules: { 'import/no-extraneous-dependencies': ['error', { packageDir: ['.', 'bench'], devDependencies: true, peerDependencies: true }] },
});
// Every warning of the library goes through warnOnce (src/core/warnings.ts), which records it once
// however often a check runs (validation, warningsOf, a second synth).
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  excludedFiles: ['src/core/warnings.ts'],
  rules: {
    'no-restricted-syntax': ['error', {
      selector: "CallExpression[callee.property.name='addWarning']",
      message: 'Record warnings with warnOnce (src/core/warnings.ts): a check that runs twice must not repeat its warning.',
    }],
  },
});
// The Python environments (.venv: the Python package's test and moto) must never be packed.
project.npmignore?.exclude('/CONTRIBUTING.md', '/examples/', '/bench/', '/.ci/', '/docs/', '/scan/', '/scripts/', '/build/', '/.venv/', '/.venv-cdktn/', '/.venv-scan/', '/cdktf.out/');

// `npm test` is the whole check a newcomer runs: jsii build (with API.md), jest, eslint.
// The CDK Terrain flavour: generated from src/ into build/cdktn, compiled with jsii, and the whole
// jest suite run against it (scripts/cdktn-flavour.ts, test/flavours/). Part of `npm test`.
// The table of public constructors and methods the constructs check their arguments against
// (src/core/entry-points.ts), written from the jsii assembly; test/entry-points.test.ts fails when it is stale.
project.addTask('entry-points', {
  description: 'Write src/core/entry-points.ts from the jsii assembly (.jsii; run after compile)',
  exec: 'ts-node --project scripts/tsconfig.json scripts/entry-points.ts',
});

project.addTask('test:coverage', {
  description: "The jest suite (cdktf flavour) with coverage, written to coverage/ (npm test collects none: it triples the suite's time)",
  exec: 'jest --ci --coverage',
  receiveArgs: true,
});

const testCdktn = project.addTask('test:cdktn', {
  description: 'Generate and compile the cdktn flavour (build/cdktn) and run the jest suite against it',
  steps: [
    { exec: 'ts-node --project scripts/tsconfig.json scripts/cdktn-flavour.ts --compile' },
    { exec: 'jest --config test/flavours/cdktn.jest.config.js --ci', receiveArgs: true },
  ],
});
project.testTask.spawn(testCdktn);
project.testTask.prependSpawn(project.tasks.tryFind('post-compile')!);
project.testTask.prependSpawn(project.compileTask);

project.addTask('bench', {
  description: "Benchmark synth time against the provider page's pattern and AWS CDK (options: --sizes 100,1000,3000 --runs 3 --out ... --chart ...)",
  steps: [
    { exec: 'npm ci --prefix bench --no-audit --no-fund' },
    { spawn: 'compile' },
    // Measured as users run their apps: compiled JavaScript in fresh processes, no ts-node.
    { exec: 'tsc --project bench/tsconfig.json --noEmit false --rootDir bench --outDir bench/.compiled' },
    { exec: 'node bench/.compiled/run.js', receiveArgs: true },
  ],
});

project.addTask('scan', {
  description: 'checkov over every example stack; writes docs/security-scan.md, fails on a new failed check in examples/production',
  exec: 'bash scan/run.sh',
});

// The published Java and Go packages of cdktf and the AWS provider cannot be had from the
// registries; these scripts build what the library needs locally (scripts/provider-aws-subset.ts).
// Each language's package task builds both flavours, the cdktn one into dist/cdktn/<language>: the
// release workflow's jobs run `projen package:<language>` and publish both (releaseTheCdktnFlavour).
const CDKTN_FLAVOUR = 'ts-node --project scripts/tsconfig.json scripts/cdktn-flavour.ts --compile';
const packageCdktnJs = project.addTask('package:cdktn-js', {
  description: "Build the cdktn flavour's npm tarball into dist/cdktn/js (the README's cdktn install)",
  steps: [
    { exec: CDKTN_FLAVOUR },
    { exec: 'jsii-docgen -o API.md', cwd: 'build/cdktn' },
    { exec: 'jsii-pacmak --targets js -o dist/cdktn build/cdktn' },
  ],
});
project.tasks.tryFind('package:js')!.spawn(packageCdktnJs);
project.tasks.tryFind('package:python')!.exec(CDKTN_FLAVOUR);
project.tasks.tryFind('package:python')!.exec('jsii-pacmak -v --targets python -o dist/cdktn build/cdktn');
project.tasks.tryFind('package:java')!.reset('bash scripts/package-java.sh');
project.tasks.tryFind('package:java')!.exec('bash scripts/package-java.sh cdktn');
project.tasks.tryFind('package:go')!.reset('bash scripts/package-go.sh');
project.tasks.tryFind('package:go')!.exec('bash scripts/package-go.sh cdktn');
/**
 * The cdktn flavour is released by the same jobs as the cdktf one, one step after theirs: projen
 * makes one publishing job per language for the project's own package, and has no option for a
 * second package (a second `publishToNpm` replaces the first job), so this copies each job's
 * `Release` step, the same publib command and secrets, with the cdktn packages' folder as publib's
 * argument. A component, so that it runs after the release component has added its jobs.
 */
class ReleaseTheCdktnFlavour extends Component {
  preSynthesize(): void {
    const workflow = github.GitHub.of(this.project)!.tryFindWorkflow('release')!;
    for (const [jobId, folder] of [['release_npm', 'js'], ['release_pypi', 'python'], ['release_maven', 'java'], ['release_golang', 'go']]) {
      const job = workflow.getJob(jobId) as github.workflows.Job;
      const release = job.steps.findIndex((step) => step.name === 'Release');
      if (release < 0) {
        throw new Error(`the release workflow's ${jobId} job has no step named Release`);
      }
      const cdktn = { ...job.steps[release], id: undefined, name: 'Release the cdktn flavour', run: `${job.steps[release].run} dist/cdktn/${folder}` };
      workflow.updateJob(jobId, { ...job, steps: [...job.steps.slice(0, release + 1), cdktn, ...job.steps.slice(release + 1)] });
    }
  }
}
new ReleaseTheCdktnFlavour(project);
// A push of the CHANGELOG pull request's commit (`chore(release): ...` squashed, or a merge of its branch) is
// no release: projen's bump skips the first and writes no release tag, so the release job would fail reading
// it (or, made tolerant, publish 0.0.0); the second would release the CHANGELOG change, and so on.
github.GitHub.of(project)!.tryFindWorkflow('release')!.file!.addOverride('jobs.release.if',
  "${{ !startsWith(github.event.head_commit.message, 'chore(release):') && !contains(github.event.head_commit.message, '/release/changelog-v') }}");

// CHANGELOG.md gets each release (scripts/changelog-release.sh) through a pull request: the release job
// must leave the repository as it found it (projen checks), and main may take changes by pull request only.
// Its title starts with `chore(release):`; its squashed commit on main starts no release (below). Made with
// PROJEN_GITHUB_TOKEN: a pull request made with GITHUB_TOKEN starts no workflow, so no check would run on it.
project.release!.addJobs({
  release_changelog: {
    name: 'CHANGELOG.md gets the release',
    needs: ['release', 'release_github'],
    runsOn: ['ubuntu-latest'],
    permissions: { contents: github.workflows.JobPermission.WRITE, pullRequests: github.workflows.JobPermission.WRITE },
    // Not on a dry run: it would date a version that was never published.
    if: "needs.release.outputs.tag_exists != 'true' && needs.release.outputs.latest_commit == github.sha && !inputs.dry_run",
    steps: [
      { name: 'Checkout', uses: github.ActionRefs.ACTIONS_CHECKOUT },
      {
        name: 'Download build artifacts',
        uses: github.ActionRefs.ACTIONS_DOWNLOAD_ARTIFACT,
        with: { 'artifact-ids': '${{ needs.release.outputs.artifact_id }}', 'path': 'dist' },
      },
      {
        name: 'Write the release into CHANGELOG.md',
        id: 'changelog',
        run: 'bash scripts/changelog-release.sh "$(cat dist/version.txt)" dist/changelog.md\necho "version=$(cat dist/version.txt)" >> "$GITHUB_OUTPUT"\nrm -rf dist',
      },
      {
        name: 'Propose it',
        uses: github.ActionRefs.PETER_EVANS_CREATE_PULL_REQUEST,
        with: {
          'branch': 'release/changelog-v${{ steps.changelog.outputs.version }}',
          'title': 'chore(release): v${{ steps.changelog.outputs.version }} in CHANGELOG.md',
          'commit-message': 'chore(release): v${{ steps.changelog.outputs.version }} in CHANGELOG.md',
          'body': 'The release v${{ steps.changelog.outputs.version }} in CHANGELOG.md (scripts/changelog-release.sh).',
          'delete-branch': true,
          'token': '${{ secrets.PROJEN_GITHUB_TOKEN }}',
        },
      },
    ],
  },
});

project.addTask('test:java', {
  description: 'Build the Java packages of both flavours (cdktf, cdktn); compile, run and compare the README Java example (examples/java) with each',
  exec: 'bash examples/java/build.sh',
});
project.addTask('test:go', {
  description: 'Build the Go modules of both flavours (cdktf, cdktn); compile, run and compare the README Go example (examples/go) with each',
  exec: 'bash examples/go/build.sh',
});
project.addTask('test:release', {
  description: 'Rehearse the release here: actionlint, the bump step, npm and Go published to local registries with the workflow\'s commands and installed by name (test/release)',
  exec: 'bash test/release/rehearse.sh',
});
project.addTask('test:python', {
  description: 'Build the Python packages of both flavours and run the Python end-to-end tests (examples/python) with each',
  exec: 'bash examples/python/e2e.sh',
});

// Real Terraform, the real AWS provider and moto's emulator (test/terraform, README "Check it
// with Terraform"). Its tests are *.terraform.ts so that `npm test` does not run them; each file
// has its own emulator and work folders, so several run at once: three, as a file spends part of its
// time waiting on Terraform's provider starts and the emulator, which two workers left idle.
project.addTask('test:terraform', {
  description: 'Validate, plan and apply every example and the redeploy scenarios with Terraform, the AWS provider and moto',
  steps: [
    { exec: 'ts-node --project test/tsconfig.json test/terraform/prepare.ts' },
    {
      exec: 'jest --maxWorkers=3 --coverage=false --testMatch "<rootDir>/test/terraform/**/*.terraform.ts"',
      receiveArgs: true,
    },
  ],
});

// The same scenarios under OpenTofu (CDK Terrain provisions "through OpenTofu or Terraform"), run by
// `tofu` (test/terraform/provider/opentofu.ts builds it where it is not on PATH): a named subset, so
// that CI stays within its budget. Each kind's first deploy, an integration change that replaces the
// deployment and moves the stage, and destroy (redeploy, http-api, websocket-api); the canary's whole
// flow; the strict emulator refusing the hand-written pattern and passing the construct's; the
// README's CLI flow; a stage of each kind watched (alarms, dashboards, a threshold changed in place).
// (`npm run test:opentofu -- -t .` runs every test of these files.)
const OPENTOFU_FILES = ['redeploy', 'http-api', 'websocket-api', 'canary', 'strict-emulator', 'cli-cdktf', 'watching'];
const OPENTOFU_TESTS = [
  'the example as shipped deploys', 'request template changes', 'the app deploys', 'integration.s setting changes', 'destroy leaves no',
  'canary goes on', 'under a live stage', 'watched stages deploy', 'threshold changes in place',
  'README.s install commands', 'synth writes the stack', 'diff with nothing changed', 'the integration.s template changes', 'deploy again',
];
project.addTask('test:opentofu', {
  description: 'Run the OpenTofu subset of the Terraform scenarios (redeploys of REST, HTTP and WebSocket APIs, canary, strict emulator, CLI) with tofu',
  env: { TF_HARNESS_CLI: 'tofu' },
  steps: [
    { exec: 'ts-node --project test/tsconfig.json test/terraform/prepare.ts' },
    {
      exec: "jest --maxWorkers=2 --coverage=false --testMatch '<rootDir>/test/terraform/**/*.terraform.ts' "
        + `--testPathPatterns '/(${OPENTOFU_FILES.join('|')})\\.terraform\\.ts$' -t '(${OPENTOFU_TESTS.join('|')})'`,
      receiveArgs: true,
    },
  ],
});

// Long runs of the generative test by hand: `npm run test:programs -- --seed 7 --runs 2000 [--validate]`.
project.addTask('test:programs', {
  description: 'Generate and check user programs (test/programs/run.ts): --seed N --runs N [--validate] [--program N]',
  exec: 'ts-node --project test/tsconfig.json test/programs/run.ts',
  receiveArgs: true,
});

project.addTask('example', {
  description: 'Synthesize every example stack and print each deployment\'s trigger entries',
  exec: 'ts-node --project examples/tsconfig.json examples/synth-all.ts',
});

project.synth();
