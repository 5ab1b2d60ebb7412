import * as fs from 'fs';
import * as path from 'path';
import { README_PATH } from './support/readme';
import { readmePlanExcerpts } from './terraform/support/readme-plans';

/** The excerpt names the Terraform scenarios check (`expectReadmePlanExcerpt('name', ...)`). */
function excerptsCheckedByScenarios(): string[] {
  const scenarios = path.join(__dirname, 'terraform', 'scenarios');
  return fs.readdirSync(scenarios)
    .filter((file) => file.endsWith('.terraform.ts'))
    .flatMap((file) => [...fs.readFileSync(path.join(scenarios, file), 'utf8').matchAll(/expectReadmePlanExcerpt\('([\w-]+)'/g)].map((match) => match[1]))
    .sort();
}

test('every terraform plan excerpt in the README is checked against a real plan by a Terraform scenario', () => {
  const inReadme = [...readmePlanExcerpts().keys()].sort();

  expect(inReadme).toEqual(excerptsCheckedByScenarios());
  expect(inReadme.length).toBeGreaterThanOrEqual(6);
});

test('the README has no terraform plan excerpt outside the checked ones', () => {
  const readme = fs.readFileSync(README_PATH, 'utf8');
  const planBlocks = [...readme.matchAll(/(<!-- terraform-plan: [\w-]+ -->\n)?```[a-z]*\n(?:(?!```)[\s\S])*?(must be replaced|will be updated in-place|will be created|will be destroyed)[\s\S]*?```/g)];

  expect(planBlocks.length).toBeGreaterThanOrEqual(6);
  expect(planBlocks.filter((block) => block[1] === undefined).map((block) => block[0])).toEqual([]);
});
