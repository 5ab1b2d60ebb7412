/** jest's globalTeardown: removes the run's temporary folder (temp-dir-setup.js). */
const fs = require('fs');

module.exports = async () => {
  const dir = process.env.CDKTF_AGD_JEST_TMPDIR;
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
