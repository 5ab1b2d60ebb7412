/**
 * Writes build/provider-aws-subset/: a jsii package named @cdktf/provider-aws, at the
 * installed version, holding only the submodules this library's public API uses (and
 * what they use in turn), taken unchanged from the installed package's assembly and JS.
 *
 * Why: the published Java and Go bindings of @cdktf/provider-aws cannot be had from the
 * registries (the Go module exceeds the Go proxy's 500 MB limit; 21.x is not on Maven
 * Central), so `npm run package:java` / `package:go` build the bindings of this subset
 * with jsii-pacmak next to the library's own, and compile against them.
 *
 *   ts-node scripts/provider-aws-subset.ts
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const PROVIDER = '@cdktf/provider-aws';
const OUT = path.join(ROOT, 'build', 'provider-aws-subset');

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
    readme: { markdown: `Subset of ${PROVIDER} ${provider.version} for compiling cdktf-rest-api-deployment's Java and Go packages.` },
  };

  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, 'lib'), { recursive: true });
  fs.writeFileSync(path.join(OUT, '.jsii'), JSON.stringify(subset));
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
      for (const match of text.matchAll(/@cdktf\/provider-aws\/lib\/([a-z0-9-]+)/g)) {
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
  console.log(`wrote ${path.relative(ROOT, OUT)}: ${Object.keys(subset.types).length} types in ${submodules.size} submodules (${[...submodules].join(', ')})`);
}

main();
