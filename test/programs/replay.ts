/**
 * Runs the `program` function of a printed reproduction in this process (transpiled, not type
 * checked), so tests can compare what the printed program synthesizes with what the builder's
 * does. The reproduction's imports resolve as this file's do (`'../../src'` is the library).
 */
import { App } from 'cdktf';
import * as ts from 'typescript';

/** The `program(app, changed)` function of printed reproduction `source`. */
export function loadPrintedProgram(source: string): (app: App, changed: boolean) => void {
  const javascript = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resolve = (name: string) => (name === '../../src' ? require('../../src') : require(name));
  // Printed files call `test(...)`: only the program function is wanted here.
  const evaluate = new Function('require', 'module', 'exports', 'test', `${javascript}\nmodule.exports.program = program;`);
  evaluate(resolve, module, module.exports, () => undefined);
  return module.exports.program as (app: App, changed: boolean) => void;
}
