/**
 * Runs a README snippet as written: TypeScript without its imports, run as the body of a stack's
 * constructor (`this` is the stack) with the names it uses given by the test.
 */
import * as ts from 'typescript';

/**
 * Runs `snippet` with `self` as `this` and `names` in scope; returns the values of the
 * `const` declarations it makes, by name.
 */
export function runSnippet(snippet: string, self: unknown, names: Record<string, unknown>): Record<string, unknown> {
  const declared = [...snippet.matchAll(/^const (\w+) =/gm)].map((match) => match[1]);
  const body = `${snippet}\nreturn { ${declared.join(', ')} };`;
  const { outputText } = ts.transpileModule(`function snippet() {\n${body}\n}`, {
    compilerOptions: { module: ts.ModuleKind.None, target: ts.ScriptTarget.ES2022 },
  });
  const run = new Function(...Object.keys(names), `${outputText}\nreturn snippet;`)(...Object.values(names));
  return run.call(self);
}
