/**
 * Generates the CDK Terrain flavour of the library, `cdktn-api-gateway-deployment`, from the one
 * source in `src/` (the cdktf flavour is the primary source; nothing of this one is kept by
 * hand), and builds it with jsii:
 *
 *   build/cdktn/src/          src/ with the import specifiers `cdktf` and `@cdktf/provider-aws/...`
 *                             rewritten to `cdktn` and `@cdktn/provider-aws/...`
 *   build/cdktn/package.json  the root package.json's metadata, cdktn's peer dependencies, and
 *                             the cdktn package names of each jsii target
 *   build/cdktn/node_modules  cdktn, @cdktn/provider-aws and constructs at the versions below
 *   build/cdktn/lib, .jsii    the compiled library (`--compile`)
 *
 *   ts-node scripts/cdktn-flavour.ts [--compile]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
export const CDKTN_DIR = path.join(ROOT, 'build', 'cdktn');

/** The CDK Terrain packages the flavour is built and tested with. */
export const CDKTN_VERSIONS = {
  'cdktn': '0.24.0',
  '@cdktn/provider-aws': '25.7.0',
  'constructs': '10.6.0',
} as const;

/** The peer dependency ranges the flavour declares. */
const CDKTN_PEERS = {
  'cdktn': '^0.24.0',
  '@cdktn/provider-aws': '>=25.7.0 <26.0.0',
  'constructs': '>=10.6.0 <10.8.0',
};

/**
 * The packages the source names (cdktf, @cdktf/provider-aws and its submodules, constructs) and
 * their cdktn counterparts: the one table the source rewrite here, the jest run
 * (test/flavours/cdktn.jest.config.js) and child processes (test/flavours/cdktn-require.js) use.
 */
export const CDKTN_PACKAGES: Readonly<Record<string, string>> = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'cdktn-packages.json'), 'utf8'));

/** An import or require specifier of the cdktf flavour, rewritten for cdktn. */
export function cdktnSpecifier(specifier: string): string {
  for (const [cdktf, cdktn] of Object.entries(CDKTN_PACKAGES)) {
    if (specifier === cdktf || specifier.startsWith(`${cdktf}/`)) {
      return cdktn + specifier.slice(cdktf.length);
    }
  }
  return specifier;
}

/** TypeScript source with every `from '...'` / `import '...'` / `import('...')` / `require('...')` specifier rewritten. */
export function rewriteSource(source: string): string {
  return source.replace(/(\bfrom\s+|\bimport\s+|\bimport\(\s*|\brequire\(\s*)(['"])([^'"]+)\2/g,
    (_match, lead: string, quote: string, specifier: string) => `${lead}${quote}${cdktnSpecifier(specifier)}${quote}`);
}

/** The oldest Node.js the cdktn toolchain runs on (`cdktn-cli` 0.24 declares it). */
export const CDKTN_MIN_NODE = '22.19.0';

/** The flavour's package.json, derived from the root one. */
export function cdktnPackageJson(root: Record<string, any>): Record<string, any> {
  const targets = root.jsii.targets;
  return {
    name: 'cdktn-api-gateway-deployment',
    description: `${root.description} For CDK Terrain (cdktn), the continuation of CDK for Terraform.`,
    version: root.version,
    license: root.license,
    author: root.author,
    repository: root.repository,
    // Construct Hub lists jsii packages with one of its keywords ('cdk' is one); 'cdktf' would file it under CDK for Terraform.
    keywords: [...new Set([...root.keywords.filter((keyword: string) => keyword !== 'cdktf'), 'cdktn', 'cdk-terrain'])].sort(),
    // Published as the cdktf one is: public, with provenance from the release workflow.
    publishConfig: root.publishConfig,
    main: root.main,
    types: root.types,
    // What the npm package holds (as the cdktf one: README, LICENSE, CHANGELOG, API.md):
    // build/cdktn also has the sources and the examples' cdktn copies.
    files: ['lib/**/*.js', 'lib/**/*.d.ts', '.jsii', 'API.md', 'CHANGELOG.md'],
    // cdktn-cli and @cdktn/provider-aws need Node.js 22.19 or later (README, Install).
    engines: { ...root.engines, node: `>= ${CDKTN_MIN_NODE}` },
    stability: root.stability,
    dependencies: root.dependencies,
    bundledDependencies: root.bundledDependencies,
    peerDependencies: CDKTN_PEERS,
    devDependencies: { ...CDKTN_VERSIONS },
    jsii: {
      outdir: 'dist',
      targets: {
        python: { distName: 'cdktn-api-gateway-deployment', module: 'cdktn_api_gateway_deployment' },
        java: {
          package: targets.java.package.replace('cdktf_', 'cdktn_'),
          maven: { groupId: targets.java.maven.groupId.replace('cdktf-', 'cdktn-'), artifactId: 'cdktn-api-gateway-deployment' },
        },
        go: { moduleName: targets.go.moduleName.replace(/cdktf-/g, 'cdktn-'), packageName: 'cdktnapigatewaydeployment' },
      },
      tsconfig: 'tsconfig.json',
      validateTsconfig: 'strict',
    },
  };
}

/**
 * Writes build/cdktn (sources, package.json, tsconfig.json, README, CHANGELOG, LICENSE) and installs
 * its packages. The README is the project's: it is the guide for both flavours. (API.md, with the
 * flavour's names, is written by jsii-docgen in build/cdktn when the package is built.)
 */
export function generate(): void {
  fs.rmSync(path.join(CDKTN_DIR, 'src'), { recursive: true, force: true });
  fs.mkdirSync(CDKTN_DIR, { recursive: true });
  copyTransformed(path.join(ROOT, 'src'), path.join(CDKTN_DIR, 'src'), (name, text) => (name.endsWith('.ts') ? rewriteSource(text) : text));
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(CDKTN_DIR, 'package.json'), `${JSON.stringify(cdktnPackageJson(root), null, 2)}\n`);
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
  delete tsconfig['//'];
  fs.writeFileSync(path.join(CDKTN_DIR, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md']) {
    fs.copyFileSync(path.join(ROOT, file), path.join(CDKTN_DIR, file));
  }
  installPackages();
}

/** Installs the cdktn packages (and yaml) into build/cdktn/node_modules, unless they are there at these versions. */
function installPackages(): void {
  const wanted = { ...CDKTN_VERSIONS, yaml: readInstalledVersion(ROOT, 'yaml') };
  const missing = Object.entries(wanted).filter(([name, version]) => readInstalledVersion(CDKTN_DIR, name) !== version);
  if (missing.length === 0) {
    return;
  }
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error',
    ...Object.entries(wanted).map(([name, version]) => `${name}@${version}`)], { cwd: CDKTN_DIR, stdio: 'inherit' });
}

function readInstalledVersion(dir: string, name: string): string | undefined {
  const manifest = path.join(dir, 'node_modules', name, 'package.json');
  return fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')).version : undefined;
}

/** Compiles build/cdktn with jsii (lib/ and the .jsii assembly). */
export function compile(): void {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'jsii'), ['--silence-warnings=reserved-word'], { cwd: CDKTN_DIR, stdio: 'inherit' });
}

/**
 * Copies the tree `from` to `to`, each file's text passed through `transform` (given the file's
 * name); entries named in `skipped` are left out. The flavour's sources and the examples' cdktn
 * copies (scripts/cdktn-example.ts) are both made this way.
 */
export function copyTransformed(from: string, to: string, transform: (fileName: string, text: string) => string,
  skipped: ReadonlySet<string> = new Set()): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skipped.has(entry.name)) {
      continue;
    }
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copyTransformed(source, target, transform, skipped);
    } else {
      fs.writeFileSync(target, transform(entry.name, fs.readFileSync(source, 'utf8')));
    }
  }
}

if (require.main === module) {
  generate();
  if (process.argv.includes('--compile')) {
    compile();
  }
}
