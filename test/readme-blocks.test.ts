/**
 * The user documentation says nothing a test does not check: every code block of the README and
 * docs/plans.md is marked with what checks it, every file the documents cite exists, every link
 * into the README lands on a heading, the README's figures are bench/RESULTS.md's, and each
 * tested version is stated once (in the Install table and the install commands).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHECKED_DOCS, codeBlocks, README_PATH, readmeBlock, readmeBlocks, REPOSITORY_ROOT } from './support/readme';
import { README_SNIPPET_APPS } from './support/readme-stacks';
import { CDKTN_VERSIONS, cdktnSpecifier } from '../scripts/cdktn-flavour';
import { OPENTOFU_VERSION } from './terraform/provider/opentofu';
import { readmePlanExcerpts } from './terraform/support/readme-plans';

const relative = (file: string) => path.relative(REPOSITORY_ROOT, file);
const read = (file: string) => fs.readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8');

/** Every file under `dir` (relative to the repository), recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(REPOSITORY_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]);
}

/** The text of every test file: where the checks of the marked blocks live. */
const TEST_SOURCES = filesUnder('test').filter((file) => file.endsWith('.ts')).map((file) => ({ file, text: read(file) }));

/** The kinds of marker, and how a block of each kind is checked. */
const KINDS: Record<string, string> = {
  'readme-app': 'a file or command of the README app: the CLI scenarios (test/terraform/scenarios/cli-*.terraform.ts) or the release rehearsal (test/release) write or run it',
  'readme-shell': 'commands: the quick start is what .ci/run runs, the CLI commands are run by the CLI scenarios',
  'readme-snippet': 'TypeScript that test/support/readme-stacks.ts synthesizes (readme-validate.terraform.ts validates it) and a jest test checks',
  'readme-output': 'output a test produces (readmeBlock(\'readme-output\', NAME))',
  'readme-excerpt': 'lines that occur, in order, in the file the marker names (checked here)',
  'readme-diff': 'the cdktf -> cdktn rename of import lines (checked here)',
  'terraform-plan': 'a plan excerpt a Terraform scenario compares with a real plan (expectReadmePlanExcerpt)',
};

describe.each(CHECKED_DOCS.map(relative))('%s', (doc) => {
  const blocks = codeBlocks(path.join(REPOSITORY_ROOT, doc));

  test('every code block is marked with a kind of check', () => {
    const unmarked = blocks.filter((block) => block.marker === undefined || !(block.marker.kind in KINDS));
    expect(unmarked.map((block) => `${doc}:${block.line} ${block.marker ? `(unknown kind ${block.marker.kind})` : '(no marker)'}`)).toEqual([]);
  });

  test('each app file, snippet, output and command block is checked by a test', () => {
    const unchecked = blocks
      .filter((block) => ['readme-app', 'readme-snippet', 'readme-output'].includes(block.marker!.kind)
        || (block.marker!.kind === 'readme-shell' && block.marker!.name !== 'quick-start'))
      // A snippet is a program of test/support/readme-stacks.ts (synthesized and validated); the others are named by a test.
      .filter(({ marker }) => !(marker!.kind === 'readme-snippet' && marker!.name in README_SNIPPET_APPS))
      .filter(({ marker }) => !TEST_SOURCES.some(({ file, text }) => file !== relative(__filename)
        && text.includes(`readmeBlock('${marker!.kind}', '${marker!.name}')`)))
      .map(({ marker }) => `${marker!.kind}: ${marker!.name}`);
    expect(unchecked).toEqual([]);
  });

  test('each excerpt occurs, line by line and in order, in the file it names', () => {
    for (const block of blocks.filter((candidate) => candidate.marker?.kind === 'readme-excerpt')) {
      const source = read(block.marker!.name).split('\n');
      let position = 0;
      for (const line of block.body.split('\n')) {
        const found = source.indexOf(line, position);
        if (found < 0) {
          throw new Error(`${doc}:${block.line}: the excerpt of ${block.marker!.name} has a line that file does not have (in this order):\n${line}`);
        }
        position = found + 1;
      }
    }
  });
});

test('every terraform plan excerpt is checked against a real plan by a Terraform scenario', () => {
  const checked = TEST_SOURCES.filter(({ file }) => file.startsWith(path.join('test', 'terraform', 'scenarios')))
    .flatMap(({ text }) => [...text.matchAll(/expectReadmePlanExcerpt\('([\w-]+)'/g)].map((match) => match[1]));

  expect([...readmePlanExcerpts().keys()].sort()).toEqual([...new Set(checked)].sort());
});

test('the quick start is what CI runs', () => {
  const ci = read('.ci/run');
  const commands = readmeBlock('readme-shell', 'quick-start').split('\n').map((line) => line.split('#')[0].trim());

  expect(commands).toEqual(['npm ci && npm run example', 'npm ci && npm test']);
  expect(ci).toMatch(/^npm ci\b/m);
  expect(ci).toMatch(/^npm run example$/m);
  expect(ci).toMatch(/^npm test\b/m);
});

test('the cdktf -> cdktn import diff is the rename the flavour makes', () => {
  const lines = readmeBlock('readme-diff', 'cdktn-imports').split('\n');
  const removed = lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1));
  const added = lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1));
  const renamed = removed.map((line) => line
    .replace(/'([^']+)'/, (_match, specifier: string) => `'${cdktnSpecifier(specifier)}'`)
    .replace("'cdktf-api-gateway-deployment'", "'cdktn-api-gateway-deployment'"));

  expect(removed.length).toBeGreaterThan(0);
  expect(renamed).toEqual(added);
});

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-');
}

/** The user and maintainer documents whose citations must hold. */
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', ...fs.readdirSync(path.join(REPOSITORY_ROOT, 'docs')).map((file) => `docs/${file}`)]
  .filter((file) => file.endsWith('.md'));

test.each(DOCUMENTS)('every file %s cites exists, and every link into a document lands on a heading', (doc) => {
  const text = read(doc);
  const missing: string[] = [];
  const cited = [
    ...[...text.matchAll(/\]\(([^)#\s]+)(#[^)\s]*)?\)/g)].filter((match) => !/^(https?|mailto):/.test(match[1])).map((match) => ({ target: match[1], anchor: match[2] })),
    ...[...text.matchAll(/`((?:src|test|examples|scripts|docs|bench|scan|\.ci)\/[\w./-]*[\w/])`/g)].map((match) => ({ target: match[1], anchor: undefined })),
  ];
  for (const [, name] of text.matchAll(/(?<![\w/.-])([A-Z][\w-]*\.md)\b/g)) {
    if (!['', 'docs'].some((dir) => fs.existsSync(path.join(REPOSITORY_ROOT, dir, name)))) {
      missing.push(name);
    }
  }
  for (const { target, anchor } of cited.filter((citation) => !/(^|\/)(\.compiled|cdktf\.out|dist|build)(\/|$)/.test(citation.target))) {
    const file = path.normalize(path.join(path.dirname(doc), target.startsWith('/') ? target.slice(1) : target));
    const resolved = target.includes('/') && !target.startsWith('.') && !/^[\w-]+\.md$/.test(target) && doc.startsWith('docs/') && !target.startsWith('..')
      ? path.normalize(target) // a repository path written from the root
      : file;
    const candidates = [resolved, target];
    const existing = candidates.find((candidate) => fs.existsSync(path.join(REPOSITORY_ROOT, candidate)));
    if (existing === undefined) {
      missing.push(target);
    } else if (anchor && existing.endsWith('.md')) {
      const headings = read(existing).split('\n').filter((line) => line.startsWith('#')).map((line) => slug(line.replace(/^#+/, '')));
      if (!headings.includes(anchor.slice(1))) {
        missing.push(`${target}${anchor}`);
      }
    }
  }
  for (const [, anchor] of text.matchAll(/\]\(#([^)]+)\)/g)) {
    const headings = text.split('\n').filter((line) => line.startsWith('#')).map((line) => slug(line.replace(/^#+/, '')));
    if (!headings.includes(anchor)) {
      missing.push(`#${anchor}`);
    }
  }
  expect(missing).toEqual([]);
});

test("the README's performance figures are bench/RESULTS.md's", () => {
  const region = /<!-- bench-figures -->([\s\S]*?)<!-- \/bench-figures -->/.exec(fs.readFileSync(README_PATH, 'utf8'))![1];
  const results = read('bench/RESULTS.md');
  const ratios = [...region.matchAll(/(\d+\.\d+)x/g)].map((match) => match[1]);
  const sizes = [...region.matchAll(/N = (\d+)/g)].map((match) => match[1]);

  expect(ratios.length).toBeGreaterThan(0);
  expect(sizes).toEqual(['1000']);
  const rowsForN = results.split('\n').filter((line) => line.startsWith('| 1000 |') || /at N = 1000\b/.test(line));
  expect(ratios.filter((ratio) => !rowsForN.some((line) => new RegExp(`(\\| |: )${ratio.replace('.', '\\.')}\\b`).test(line)))).toEqual([]);
});

describe('versions', () => {
  const readme = fs.readFileSync(README_PATH, 'utf8');
  const install = /\n## Install\n([\s\S]*?)\n## /.exec(readme)![1];
  const packageJson = JSON.parse(read('package.json'));
  const tested = {
    'cdktf': packageJson.devDependencies.cdktf,
    'constructs (cdktf)': packageJson.devDependencies.constructs,
    '@cdktf/provider-aws': packageJson.devDependencies['@cdktf/provider-aws'],
    ...CDKTN_VERSIONS,
    'constructs': CDKTN_VERSIONS.constructs,
    'Node.js 22': /NODE_22_VERSION=(\d+\.\d+)/.exec(read('scripts/node-22.sh'))![1],
    'OpenTofu': OPENTOFU_VERSION,
  };

  test('the Install table states the versions the tests run', () => {
    expect(Object.entries(tested).filter(([, version]) => !install.includes(` ${version}`)).map(([name]) => name)).toEqual([]);
  });

  test('the install commands install the version a clone builds (0.0.0) and the tested peers', () => {
    const commands = `${readmeBlock('readme-app', 'install')}\n${readmeBlock('readme-app', 'install-cdktn')}`;
    const tarballs = [...commands.matchAll(/-api-gateway-deployment@([\d.]+)\.jsii\.tgz/g)].map((match) => match[1]);

    // A clone builds 0.0.0; the release job runs the tests with package.json at the version it bumped to.
    expect(new Set(tarballs)).toEqual(new Set(['0.0.0']));
    expect(packageJson.version === '0.0.0' || process.env.RELEASE === 'true').toBe(true);
    for (const [name, version] of [['cdktf', tested.cdktf], ['@cdktf/provider-aws', tested['@cdktf/provider-aws']], ...Object.entries(CDKTN_VERSIONS)]) {
      expect(commands).toContain(`${name}@${version}`);
    }
  });

  test('each tested version is stated once: only in the Install section', () => {
    const outside = readme.replace(install, '');
    const versions = [...new Set(Object.values(tested))];

    expect(versions.filter((version) => outside.includes(version))).toEqual([]);
  });
});

test('every kind of marker has a check', () => {
  const used = new Set(CHECKED_DOCS.flatMap((doc) => codeBlocks(doc).map((block) => block.marker?.kind)).filter((kind) => kind !== undefined));
  expect([...used].filter((kind) => !(kind! in KINDS))).toEqual([]);
  expect(readmeBlocks('terraform-plan').size).toBeGreaterThanOrEqual(6);
});
