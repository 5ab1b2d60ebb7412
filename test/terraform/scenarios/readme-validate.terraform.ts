/**
 * No README code block synthesizes JSON that Terraform refuses: every snippet
 * (`test/support/readme-stacks.ts`) is synthesized as `cdktf synth` would, and every stack passes
 * `terraform validate` with the real AWS provider (one batch). The README's app is deployed by the
 * CLI scenarios, its excerpts are the examples' code (`examples.terraform.ts` deploys each).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateBatch } from '../../programs/validate-batch';
import { README_SNIPPET_APPS } from '../../support/readme-stacks';

jest.setTimeout(10 * 60_000);

test('every README snippet validates', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-validate-'));
  const names = Object.keys(README_SNIPPET_APPS);
  const stacks = names.flatMap((name, index) => {
    const snippetDir = path.join(outdir, name);
    README_SNIPPET_APPS[name](snippetDir);
    return fs.readdirSync(path.join(snippetDir, 'stacks')).map((stack) => ({ program: index, stack, dir: path.join(snippetDir, 'stacks', stack) }));
  });

  const result = validateBatch(stacks, path.resolve(__dirname, '..', '..', '..', 'build', 'terraform', 'readme-validate'));

  const problems = [...result.byProgram].map(([index, diagnostics]) =>
    `${names[index]}: ${diagnostics.map((diagnostic) => `${diagnostic.stack}: ${diagnostic.summary} ${diagnostic.detail ?? ''}`).join('; ')}`);
  expect({ problems, unattributed: result.unattributed }).toEqual({ problems: [], unattributed: [] });
  expect(result.stacks).toBeGreaterThanOrEqual(names.length);
  fs.rmSync(outdir, { recursive: true, force: true });
});
