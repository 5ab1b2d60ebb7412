/**
 * Writes build/provider-aws-subset/: a jsii package named @cdktf/provider-aws, at the
 * installed version, holding only the submodules this library's public API uses (and
 * what they use in turn), taken unchanged from the installed package's assembly and JS.
 * With `--flavour cdktn`, the same for the CDK Terrain flavour: @cdktn/provider-aws as
 * installed in build/cdktn, against the flavour's compiled assembly, into
 * build/cdktn-provider-aws-subset/.
 *
 * Why: the published Java and Go bindings of the provider cannot be had from the
 * registries (cdktf's Go module exceeds the Go proxy's 500 MB limit; 21.x is not on Maven
 * Central; the proxy and Maven registry here serve neither of cdktn's), so
 * `npm run package:java` / `package:go` build the bindings of this subset with
 * jsii-pacmak next to the library's own, and compile against them.
 *
 *   ts-node scripts/provider-aws-subset.ts [--flavour cdktf|cdktn]
 */
import * as fs from 'fs';
import * as path from 'path';
import { CDKTN_DIR } from './cdktn-flavour';

const BUILD = path.join(__dirname, '..', 'build');
const FLAVOURS = {
  cdktf: { provider: '@cdktf/provider-aws', library: path.join(__dirname, '..'), out: path.join(BUILD, 'provider-aws-subset') },
  cdktn: { provider: '@cdktn/provider-aws', library: CDKTN_DIR, out: path.join(BUILD, 'cdktn-provider-aws-subset') },
};
const flavourArgument = process.argv.indexOf('--flavour');
const FLAVOUR = flavourArgument === -1 ? 'cdktf' : process.argv[flavourArgument + 1];
if (!(FLAVOUR in FLAVOURS)) {
  throw new Error(`--flavour: expected one of ${Object.keys(FLAVOURS).join(', ')}, got "${FLAVOUR}"`);
}
const { provider: PROVIDER, library: ROOT, out: OUT } = FLAVOURS[FLAVOUR as keyof typeof FLAVOURS];

function referencedFqns(value: unknown, prefix: string): Set<string> {
  const found = new Set<string>();
  JSON.stringify(value, (key, item) => {
    if (key === 'fqn' && typeof item === 'string' && item.startsWith(prefix)) {
      found.add(item);
    }
    return item;
  });
  return found;
}

/** `@cdktf/provider-aws.apiGatewayStage.ApiGatewayStage` -> `@cdktf/provider-aws.apiGatewayStage` */
function submoduleOf(fqn: string): string {
  return fqn.split('.').slice(0, 2).join('.');
}

function main(): void {
  const providerDir = path.dirname(require.resolve(`${PROVIDER}/package.json`, { paths: [ROOT] }));
  const provider = JSON.parse(fs.readFileSync(path.join(providerDir, '.jsii'), 'utf8'));
  const library = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf8'));

  // The submodules the library's API names, plus the provider itself for the Java and Go examples.
  const submodules = new Set([...referencedFqns(library.types, `${PROVIDER}.`)].map(submoduleOf));
  submodules.add(`${PROVIDER}.provider`);
  for (let grew = true; grew;) {
    grew = false;
    const kept = Object.values<any>(provider.types).filter((type) => submodules.has(submoduleOf(type.fqn)));
    for (const fqn of referencedFqns(kept, `${PROVIDER}.`)) {
      if (!submodules.has(submoduleOf(fqn))) {
        submodules.add(submoduleOf(fqn));
        grew = true;
      }
    }
  }

  const subset = {
    ...provider,
    types: Object.fromEntries(Object.entries<any>(provider.types).filter(([fqn]) => submodules.has(submoduleOf(fqn)))),
    submodules: Object.fromEntries(Object.entries<any>(provider.submodules).filter(([name]) => submodules.has(name))),
    readme: { markdown: `Subset of ${PROVIDER} ${provider.version} for compiling ${library.name}'s Java and Go packages.` },
  };

  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, 'lib'), { recursive: true });
  fs.writeFileSync(path.join(OUT, '.jsii'), JSON.stringify(subset));
  if (!OUT.startsWith(`${ROOT}${path.sep}`)) {
    // Outside the library's folder: jsii-pacmak finds the subset's dependencies (cdktn,
    // constructs) where the library has them.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(OUT, 'node_modules'), 'dir');
  }
  const packageJson = JSON.parse(fs.readFileSync(path.join(providerDir, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(OUT, 'package.json'), JSON.stringify({
    name: packageJson.name,
    version: packageJson.version,
    description: subset.readme.markdown,
    license: packageJson.license,
    author: packageJson.author,
    repository: packageJson.repository,
    main: 'lib/index.js',
    types: 'lib/index.d.ts',
    peerDependencies: packageJson.peerDependencies,
    jsii: { ...packageJson.jsii, outdir: 'dist' },
  }, null, 2));

  // The JS of the kept submodules, and an index that exports just them.
  const index: string[] = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
  const directoryOf = (name: string) =>
    path.basename(path.dirname(Object.values<any>(subset.types).find((type) => submoduleOf(type.fqn) === name).locationInModule.filename));
  for (const name of [...submodules].sort()) {
    fs.cpSync(path.join(providerDir, 'lib', directoryOf(name)), path.join(OUT, 'lib', directoryOf(name)), { recursive: true });
    index.push(`exports.${name.split('.')[1]} = require("./${directoryOf(name)}");`);
  }
  // The JS the library loads at run time but names nowhere in its API (method settings, WAF).
  const loadedAtRunTime = new Set<string>();
  for (const file of fs.readdirSync(path.join(ROOT, 'lib'), { recursive: true }) as string[]) {
    if (file.endsWith('.js')) {
      const text = fs.readFileSync(path.join(ROOT, 'lib', file), 'utf8');
      for (const match of text.matchAll(/@cdkt[fn]\/provider-aws\/lib\/([a-z0-9-]+)/g)) {
        loadedAtRunTime.add(match[1]);
      }
    }
  }
  for (const directory of loadedAtRunTime) {
    fs.cpSync(path.join(providerDir, 'lib', directory), path.join(OUT, 'lib', directory), { recursive: true });
  }
  fs.writeFileSync(path.join(OUT, 'lib', 'index.js'), index.join('\n') + '\n');
  fs.writeFileSync(path.join(OUT, 'lib', 'index.d.ts'), [...submodules].sort()
    .map((name) => `export * as ${name.split('.')[1]} from './${directoryOf(name)}';`).join('\n') + '\n');
  console.log(`wrote ${path.relative(path.join(BUILD, '..'), OUT)}: ${Object.keys(subset.types).length} types in ${submodules.size} submodules (${[...submodules].join(', ')})`);
}

main();
