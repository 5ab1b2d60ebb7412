import { cdk, javascript, JsonFile } from 'projen';

const CDKTF = '0.21.0';
const CONSTRUCTS = '10.4.2';
// Provider v6 (the stage arguments moved off the deployment): @cdktf/provider-aws 21.x.
const PROVIDER_AWS_RANGE = '>=21.0.0 <22.0.0';

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
  github: false,
  release: false,
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
  // jsii targets (README, "Other languages"). release: false, so these only build packages into dist/.
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

// The released version (CHANGELOG.md). release: false, so projen would write 0.0.0.
project.package.addVersion('0.2.0');

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
project.tasks.tryFind('package:java')!.reset('bash scripts/package-java.sh');
project.tasks.tryFind('package:go')!.reset('bash scripts/package-go.sh');
project.addTask('package:cdktn-js', {
  description: "Build the cdktn flavour's npm tarball into dist/cdktn/js (the README's cdktn install)",
  steps: [
    { exec: 'ts-node --project scripts/tsconfig.json scripts/cdktn-flavour.ts --compile' },
    { exec: 'jsii-docgen -o API.md', cwd: 'build/cdktn' },
    { exec: 'jsii-pacmak --targets js -o dist/cdktn build/cdktn' },
  ],
});
project.addTask('test:java', {
  description: 'Build the Java packages of both flavours (cdktf, cdktn); compile, run and compare the README Java example (examples/java) with each',
  exec: 'bash examples/java/build.sh',
});
project.addTask('test:go', {
  description: 'Build the Go modules of both flavours (cdktf, cdktn); compile, run and compare the README Go example (examples/go) with each',
  exec: 'bash examples/go/build.sh',
});
project.addTask('release', {
  description: 'Build every package (npm, Python, Java, Go; cdktn flavour in dist/cdktn) into a fresh dist/ in one run (scripts/release.sh)',
  exec: 'bash scripts/release.sh',
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
