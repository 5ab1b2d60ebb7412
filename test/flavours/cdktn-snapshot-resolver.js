/**
 * Keeps the cdktn flavour's snapshots apart from the cdktf ones: test/flavours/cdktn-snapshots/<test
 * path>.snap.cdktn. The extension is not `.snap`, so the cdktf run never sees them (it would call
 * them obsolete); and the cdktf snapshots this run sees map back to their tests as jest's default
 * resolver maps them, so they are not obsolete here either.
 */
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const snapshots = path.join(__dirname, 'cdktn-snapshots');
const EXTENSION = '.snap.cdktn';

module.exports = {
  resolveSnapshotPath: (testPath) => path.join(snapshots, `${path.relative(root, testPath)}${EXTENSION}`),
  resolveTestPath: (snapshotPath, extension) => (snapshotPath.endsWith(EXTENSION)
    ? path.join(root, path.relative(snapshots, snapshotPath).slice(0, -EXTENSION.length))
    : path.resolve(path.dirname(snapshotPath), '..', path.basename(snapshotPath, extension))),
  testPathForConsistencyCheck: path.join(root, 'test', 'example.test.ts'),
};
