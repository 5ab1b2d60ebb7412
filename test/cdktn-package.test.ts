import * as fs from 'fs';
import * as path from 'path';
import { CDKTN_MIN_NODE, cdktnPackageJson } from '../scripts/cdktn-flavour';

test("the cdktn flavour's package declares the Node.js its toolchain needs (cdktn-cli 0.24: 22.19 or later)", () => {
  const root = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

  expect(cdktnPackageJson(root).engines.node).toBe(`>= ${CDKTN_MIN_NODE}`);
  expect(CDKTN_MIN_NODE).toBe('22.19.0');
});
