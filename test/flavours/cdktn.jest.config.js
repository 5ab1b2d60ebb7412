/**
 * The whole jest suite against the CDK Terrain flavour: the same tests and the same source, with
 * `cdktf`, `@cdktf/provider-aws/...` and `constructs` mapped to the packages the flavour is built
 * with (build/cdktn/node_modules, installed by `ts-node scripts/cdktn-flavour.ts`).
 * Snapshots are kept per flavour (test/flavours/cdktn-snapshots/). `npm run test:cdktn` runs it.
 */
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const base = require(path.join(root, 'package.json')).jest;
const modules = path.join(root, 'build', 'cdktn', 'node_modules');

module.exports = {
  ...base,
  rootDir: root,
  collectCoverage: false,
  reporters: ['default'],
  moduleNameMapper: {
    '^cdktf$': path.join(modules, 'cdktn'),
    '^@cdktf/provider-aws/(.*)$': `${path.join(modules, '@cdktn', 'provider-aws')}/$1`,
    '^constructs$': path.join(modules, 'constructs'),
  },
  snapshotResolver: path.join(__dirname, 'cdktn-snapshot-resolver.js'),
  // Each test process learns which flavour it runs (for the tests that start processes of their own).
  setupFiles: [path.join(__dirname, 'cdktn-flavour-env.js')],
};
