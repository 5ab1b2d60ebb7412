/**
 * The whole jest suite against the CDK Terrain flavour: the same tests and the same source, with
 * `cdktf`, `@cdktf/provider-aws/...` and `constructs` mapped to the packages the flavour is built
 * with (scripts/cdktn-packages.json; build/cdktn/node_modules, installed by
 * `ts-node scripts/cdktn-flavour.ts`).
 * Snapshots are kept per flavour (test/flavours/cdktn-snapshots/). `npm run test:cdktn` runs it.
 */
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const base = require(path.join(root, 'package.json')).jest;
const modules = path.join(root, 'build', 'cdktn', 'node_modules');
const packages = require(path.join(root, 'scripts', 'cdktn-packages.json'));
const escaped = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

module.exports = {
  ...base,
  rootDir: root,
  collectCoverage: false,
  reporters: ['default'],
  // Each package of scripts/cdktn-packages.json, and its submodules, from the flavour's node_modules.
  moduleNameMapper: Object.fromEntries(Object.entries(packages)
    .map(([cdktf, cdktn]) => [`^${escaped(cdktf)}(/.*)?$`, `${path.join(modules, cdktn)}$1`])),
  snapshotResolver: path.join(__dirname, 'cdktn-snapshot-resolver.js'),
  // Each test process learns which flavour it runs (for the tests that start processes of their own).
  setupFiles: [path.join(__dirname, 'cdktn-flavour-env.js')],
};
