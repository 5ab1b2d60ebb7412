/**
 * The TypeScript versions the README promises (Install: "5.9 or 6; not 7 with ts-node"): the README's
 * first app and the HTTP example (which uses Node globals: `__dirname`, `path`) type-check with the
 * README's tsconfig under TypeScript 6 (the project's compiler) and 5.9 (`typescript-5.9`, an alias
 * devDependency), and TypeScript 6 needs the tsconfig's `"types": ["node"]` for them (its default
 * `types` is empty). TypeScript 7 has no compiler API for ts-node to call, so it is not offered.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as ts from 'typescript';
import { readmeBlock } from './support/readme';

const ROOT = path.join(__dirname, '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const COMPILERS: Record<string, typeof ts> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  6: require('typescript'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  5.9: require('typescript-5.9'),
};

/** The README app's files (written to a folder of build/, where the project's packages resolve) and the HTTP example's main.ts. */
function userFiles(): string[] {
  const dir = path.join(ROOT, 'build', 'typescript-versions');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'pets-stack.ts'), readmeBlock('readme-app', 'pets-stack.ts'));
  fs.writeFileSync(path.join(dir, 'main.ts'), readmeBlock('readme-app', 'main.ts'));
  return [path.join(dir, 'main.ts'), path.join(ROOT, 'examples', 'http-api', 'main.ts')];
}

/** The errors one compiler reports in the given files, with the README's compiler options (changed by `change`). */
function typeErrors(compiler: typeof ts, files: string[], change: (options: Record<string, unknown>) => void = () => {}): string[] {
  const options = JSON.parse(readmeBlock('readme-app', 'tsconfig.json')).compilerOptions;
  change(options);
  const parsed = compiler.convertCompilerOptionsFromJson(options, ROOT);
  expect(parsed.errors).toEqual([]);
  // The library as the app imports it: its sources, as installed packages resolve to their typings.
  const program = compiler.createProgram(files, {
    ...parsed.options,
    noEmit: true,
    paths: { 'cdktf-api-gateway-deployment': [path.join(ROOT, 'src', 'index.ts')] },
  });
  return compiler.getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file !== undefined && files.includes(path.resolve(diagnostic.file.fileName)))
    .map((diagnostic) => `${path.basename(diagnostic.file!.fileName)}: ${compiler.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('the TypeScript versions of the README', () => {
  const install = /\n## Install\n([\s\S]*?)\n## /.exec(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))![1];

  test('the Install table says 5.9 or 6 and not 7, for both flavours', () => {
    expect(install).toContain('| TypeScript (with ts-node) | 5.9 or 6; not 7 | 5.9 or 6; not 7 |');
  });

  test("the install commands install the project's TypeScript, and the compilers tested are 5.9 and 6", () => {
    const commands = `${readmeBlock('readme-app', 'install')}\n${readmeBlock('readme-app', 'install-cdktn')}`;

    expect(commands.match(/typescript@\S+/g)).toEqual([`typescript@${packageJson.devDependencies.typescript}`, `typescript@${packageJson.devDependencies.typescript}`]);
    expect(COMPILERS['6'].versionMajorMinor).toMatch(/^6\./);
    expect(COMPILERS['5.9'].versionMajorMinor).toBe('5.9');
  });

  test("the README's tsconfig names the Node types, and its testing guide's adds jest's", () => {
    const app = JSON.parse(readmeBlock('readme-app', 'tsconfig.json')).compilerOptions;
    const withJest = JSON.parse(readmeBlock('readme-app', 'test-tsconfig.json')).compilerOptions;

    expect(app.types).toEqual(['node']);
    expect(withJest).toEqual({ ...app, types: ['node', 'jest'] });
  });

  test.each(Object.keys(COMPILERS))('the README app and the HTTP example type-check with TypeScript %s', (version) => {
    expect(typeErrors(COMPILERS[version], userFiles())).toEqual([]);
  });

  test('without "types": ["node"], TypeScript 6 does not know the Node globals the HTTP example uses', () => {
    const errors = typeErrors(COMPILERS['6'], userFiles(), (options) => delete options.types);

    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^main\.ts: Cannot find name '__dirname'/)]));
  });
});
