/**
 * The documentation's marked code blocks: a block that follows `<!-- KIND: NAME -->` is one the
 * tests run, compare or check. The kinds, and what checks each, are listed in
 * `test/readme-blocks.test.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const README_PATH = path.join(REPOSITORY_ROOT, 'README.md');
/** The other user documents whose code blocks are marked and checked like the README's. */
export const CHECKED_DOCS = [README_PATH, path.join(REPOSITORY_ROOT, 'docs', 'plans.md')];

/** One marked code block. */
export interface MarkedBlock {
  readonly kind: string;
  readonly name: string;
  readonly body: string;
  /** The document it is in. */
  readonly file: string;
}

/** Every fenced code block of a document, with its marker when it has one. */
export function codeBlocks(file: string): Array<{ marker?: { kind: string; name: string }; body: string; line: number }> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks: Array<{ marker?: { kind: string; name: string }; body: string; line: number }> = [];
  for (let index = 0; index < lines.length; index++) {
    if (!/^```/.test(lines[index])) {
      continue;
    }
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !/^```\s*$/.test(lines[index]); index++) {
      body.push(lines[index]);
    }
    const marker = /^<!-- ([\w-]+): ([\w./-]+) -->$/.exec(lines[start - 1] ?? '');
    blocks.push({ marker: marker ? { kind: marker[1], name: marker[2] } : undefined, body: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

/** The marked blocks of kind `kind` in the checked documents, by name. */
export function readmeBlocks(kind: string, files: readonly string[] = CHECKED_DOCS): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const file of files) {
    for (const block of codeBlocks(file)) {
      if (block.marker?.kind === kind) {
        if (blocks.has(block.marker.name)) {
          throw new Error(`two code blocks are marked <!-- ${kind}: ${block.marker.name} --> (${path.relative(REPOSITORY_ROOT, file)}:${block.line})`);
        }
        blocks.set(block.marker.name, block.body);
      }
    }
  }
  return blocks;
}

/** The body of the code block marked `<!-- KIND: NAME -->`; fails when there is none. */
export function readmeBlock(kind: string, name: string): string {
  const body = readmeBlocks(kind).get(name);
  if (body === undefined) {
    throw new Error(`no code block in ${CHECKED_DOCS.map((file) => path.relative(REPOSITORY_ROOT, file)).join(' or ')} is marked <!-- ${kind}: ${name} -->`);
  }
  return body;
}
