/**
 * `node -r` hook for child processes of the cdktn run: resolves `cdktf`, `@cdktf/provider-aws/...`
 * and `constructs` to the cdktn flavour's packages, as cdktn.jest.config.js maps them for jest.
 */
const Module = require('module');
const path = require('path');

const modules = path.resolve(__dirname, '..', '..', 'build', 'cdktn', 'node_modules');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  let mapped = request;
  if (request === 'cdktf') {
    mapped = path.join(modules, 'cdktn');
  } else if (request.startsWith('@cdktf/provider-aws/')) {
    mapped = path.join(modules, '@cdktn', 'provider-aws', request.slice('@cdktf/provider-aws/'.length));
  } else if (request === 'constructs') {
    mapped = path.join(modules, 'constructs');
  }
  return resolve.call(this, mapped, ...rest);
};
