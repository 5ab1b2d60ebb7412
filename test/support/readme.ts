/**
 * The README's marked code blocks: a block that follows `<!-- KIND: NAME -->` is one the tests
 * run, compare or check (KIND `readme-app`, `readme-test`, `readme-snippet`, `terraform-plan`).
 */
import * as fs from 'fs';
import * as path from 'path';

export const README_PATH = path.resolve(__dirname, '..', '..', 'README.md');

/** The bodies of the README's code blocks marked `<!-- KIND: NAME -->`, by NAME, in README order. */
export function readmeBlocks(kind: string): Map<string, string> {
  const marker = new RegExp(`<!-- ${kind}: ([\\w.-]+) -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  const blocks = new Map<string, string>();
  for (const [, name, body] of fs.readFileSync(README_PATH, 'utf8').matchAll(marker)) {
    blocks.set(name, body);
  }
  return blocks;
}

/** The body of the README's code block marked `<!-- KIND: NAME -->`; fails when there is none. */
export function readmeBlock(kind: string, name: string): string {
  const body = readmeBlocks(kind).get(name);
  if (body === undefined) {
    throw new Error(`README.md has no block marked <!-- ${kind}: ${name} -->`);
  }
  return body;
}
