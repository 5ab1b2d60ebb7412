/**
 * The `terraform plan` excerpts of the README and docs/plans.md are checked against real plans:
 * each excerpt follows a marker `<!-- terraform-plan: NAME -->`, and the scenario that produces plan NAME checks
 * that every line of the excerpt occurs, in order, in the plan Terraform printed. A line `...`
 * stands for lines left out. Ids the emulator makes up (values of 10 lowercase letters and digits) and
 * timestamps, and the SHA-1 of entries Terraform evaluates (over those ids and ARNs), are compared as `<id>`,
 * `<date>` and `<sha1>`, so the README can show the run it was copied from.
 */
import { readmeBlocks } from '../../support/readme';

/** The plan excerpts of the checked documents, by name, as lines. */
export function readmePlanExcerpts(): Map<string, string[]> {
  return new Map([...readmeBlocks('terraform-plan')].map(([name, body]) => [name, body.split('\n')]));
}

/**
 * The excerpts show Terraform's plans. OpenTofu prints the same changes but counts the attributes it
 * hides differently (`# (3 unchanged attributes hidden)` where Terraform has another number), so under
 * `TF_HARNESS_CLI=tofu` those summary lines are not compared.
 */
const OPENTOFU_HIDDEN_SUMMARY = /^# \(\d+ unchanged (attributes|elements|blocks) hidden\)$/;

function comparedUnderThisCli(line: string): boolean {
  return process.env.TF_HARNESS_CLI !== 'tofu' || !OPENTOFU_HIDDEN_SUMMARY.test(line);
}

function normalized(line: string): string {
  return line.trim()
    .replace(/(= |-> )"[a-z0-9]{10}"/g, '$1"<id>"')
    .replace(/"[0-9a-f]{40}"/g, '"<sha1>"')
    .replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<date>"');
}

/**
 * Fails unless the documents have excerpt `name` and each of its lines occurs in `planText` in
 * the same order.
 */
export function expectReadmePlanExcerpt(name: string, planText: string): void {
  const excerpt = readmePlanExcerpts().get(name);
  if (!excerpt) {
    throw new Error(`neither README.md nor docs/plans.md has a plan excerpt marked <!-- terraform-plan: ${name} -->. The real plan:\n${planText}`);
  }
  const planLines = planText.split('\n').map(normalized);
  let position = 0;
  for (const line of excerpt.map(normalized).filter((candidate) => candidate !== '...' && comparedUnderThisCli(candidate))) {
    const found = planLines.indexOf(line, position);
    if (found < 0) {
      throw new Error(`The plan excerpt "${name}" has a line the real plan does not have (in this order):\n  ${line}\nThe real plan:\n${planText}`);
    }
    position = found + 1;
  }
}
