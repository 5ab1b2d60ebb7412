/**
 * `node -r` hook for child processes of the cdktn run: resolves `cdktf`, `@cdktf/provider-aws/...`
 * and `constructs` to the cdktn flavour's packages (scripts/cdktn-packages.json), as
 * cdktn.jest.config.js maps them for jest.
 */
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const modules = path.join(root, 'build', 'cdktn', 'node_modules');
const packages = Object.entries(require(path.join(root, 'scripts', 'cdktn-packages.json')));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = packages.find(([cdktf]) => request === cdktf || request.startsWith(`${cdktf}/`));
  const mapped = match ? path.join(modules, match[1] + request.slice(match[0].length)) : request;
  return resolve.call(this, mapped, ...rest);
};
