import * as fs from 'fs';
import * as path from 'path';
import { CDKTN_MIN_NODE, cdktnPackageJson } from '../scripts/cdktn-flavour';

test("the cdktn flavour's package declares the Node.js its toolchain needs (cdktn-cli 0.24: 22.19 or later)", () => {
  const root = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

  expect(cdktnPackageJson(root).engines.node).toBe(`>= ${CDKTN_MIN_NODE}`);
  expect(CDKTN_MIN_NODE).toBe('22.19.0');
});

test("the cdktn flavour's package is published public, as the cdktf one, and listed by Construct Hub under cdktn, not cdktf", () => {
  const root = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const cdktn = cdktnPackageJson(root);

  expect(cdktn.publishConfig).toEqual({ access: 'public' });
  expect(root.publishConfig).toEqual({ access: 'public' });
  expect(cdktn.keywords).toEqual(expect.arrayContaining(['cdk', 'cdktn', 'cdk-terrain', 'constructs']));
  expect(cdktn.keywords).not.toContain('cdktf');
});
