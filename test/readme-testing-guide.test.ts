/**
 * The README's testing guide runs as written: its `pets.test.ts` block is compiled and its
 * tests are run here, with the package name pointing at this checkout's sources.
 */
import { createRequire } from 'module';
import { Testing } from 'cdktf';
import * as ts from 'typescript';
import { readmeBlock } from './support/readme';

Testing.setupJest();

/** The tests the block declares, by name, ready to run. */
function testsOf(source: string): Map<string, () => void> {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const declared = new Map<string, () => void>();
  const load = createRequire(__filename);
  const requireFromReadme = (id: string) => load(id === 'cdktf-rest-api-deployment' ? '../src' : id);
  new Function('require', 'test', 'expect', 'exports', outputText)(requireFromReadme, (name: string, body: () => void) => declared.set(name, body), expect, {});
  return declared;
}

const declared = testsOf(readmeBlock('readme-test', 'pets.test.ts'));

test('the README testing guide declares its tests', () => {
  expect([...declared.keys()]).toEqual([
    'prod serves the API and redeploys on its resources',
    'warnings: an API without methods cannot be deployed',
  ]);
});

test.each([...declared.keys()])('README testing guide: %s', (name) => {
  declared.get(name)!();
});
