import * as path from 'path';

/**
 * Which flavour of the library the suite runs against: `cdktf` (the source as written) or
 * `cdktn` (`npm run test:cdktn`, see test/flavours/cdktn.jest.config.js). Tests that start
 * node processes of their own use it to load the same flavour there.
 */
export const FLAVOUR: 'cdktf' | 'cdktn' = process.env.CDKTF_AGD_FLAVOUR === 'cdktn' ? 'cdktn' : 'cdktf';

const ROOT = path.resolve(__dirname, '..', '..');

/** The folder of the flavour's package: its package.json, lib/ and (for cdktn) node_modules/. */
export const PACKAGE_DIR = FLAVOUR === 'cdktn' ? path.join(ROOT, 'build', 'cdktn') : ROOT;

/** The flavour's AWS provider package. */
export const PROVIDER_PACKAGE = FLAVOUR === 'cdktn' ? '@cdktn/provider-aws' : '@cdktf/provider-aws';

/** Node arguments that make a child process resolve `cdktf`, `@cdktf/provider-aws` and `constructs` as this flavour. */
export const FLAVOUR_NODE_ARGS: string[] = FLAVOUR === 'cdktn' ? ['-r', path.join(ROOT, 'test', 'flavours', 'cdktn-require.js')] : [];
