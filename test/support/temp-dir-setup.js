/**
 * jest's globalSetup: one temporary folder for the whole run (TMPDIR, which `os.tmpdir()` and the
 * processes the tests start read), removed by temp-dir-teardown.js. The tests and cdktf's
 * `Testing.app()` make a folder per synth; without this, thousands stayed behind after each run.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-agd-jest-'));
  process.env.CDKTF_AGD_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
