/**
 * The names of the oracle's checks, and a failure of one. Checks 1 to 6 are the issue's; 7 to 12
 * are what the synthesized output must also say for the triggers (and the resources the constructs own) to be right (each derived from
 * the README, each able to fail on its own).
 */
import { Mutation } from './mutations';

/** Every check, by id, with the name reports use. */
export const CHECKS = {
  synth: '1. synth succeeds for a valid program, and rejects a mistake with the library\'s error',
  tokens: '2. no TfToken[ or __triggers_pending__ in any cdk.tf.json',
  validate: '3. terraform validate passes on every synthesized stack',
  triggers: '4. trigger oracle: one change changes exactly the entries it should',
  warnings: '5. warningsOf returns strings and never throws',
  determinism: '6. two syntheses of one program are byte-identical',
  userEntries: '7. user triggers and trigger escape hatches land as written',
  routeSettings: '8. every v2 route settings block has both throttling limits (the provider sends 0 for a missing one)',
  deployOrder: "9. a deployment's stack depends on every stack its triggers read resources of",
  coverage: "10. every resource and module of an API is in its deployments' triggers or warned about",
  consistency: '11. a resource has the same digest in every deployment of its API',
  guarantees: '12. every deployment and main stage a construct makes keeps create_before_destroy, and the stage serves the construct\'s deployment',
  files: "13. a template read with Fn.file has its resource's .files entry (hashed at plan time), or a warning where the deployment cannot hash it",
  mappings: '14. every mapping maps its stage (by its resource) with the key and domain of the call; mapped and standalone stages keep create_before_destroy and serve their deployment',
  crossReads: "15. a deployment construct's attribute read in another stack is the whole value it has in its own stack",
} as const;

/** The id of a check. */
export type CheckId = keyof typeof CHECKS;

/** One failed check of one program. */
export interface Failure {
  readonly check: CheckId;
  /** A short category: failures of one check with one kind are taken for one bug. */
  readonly kind: string;
  /** What exactly was wrong, with the values. */
  readonly message: string;
  /**
   * The body of a jest test that fails the same way, for the printed reproduction: statements
   * using the printed `program(app, changed)` and the helpers `synth(changed?, before?)`,
   * `triggersOf(stacks, path)` and `dependsOn(manifest, stack)`.
   */
  readonly repro?: string;
}

/** The library's error format as a regular expression literal, for reproductions. */
export const LIBRARY_ERROR_LITERAL = "/\\w+ at '[^']*': property '[^']*' is [\\s\\S]*; expected [\\s\\S]*\\./";

/** A reproduction body: the program is rejected with the library's error. */
export const REJECTED_WELL = [
  'let error: unknown;',
  'try {',
  '  synth();',
  '} catch (caught) {',
  '  error = caught;',
  '}',
  'expect(error).toBeInstanceOf(Error);',
  'expect((error as Error).constructor.name).not.toMatch(/TypeError|RangeError/);',
  `expect((error as Error).message).toMatch(${LIBRARY_ERROR_LITERAL});`,
  "expect((error as Error).message).not.toContain('TfToken[');",
  "expect((error as Error).message.split('Resolution error:').length).toBeLessThanOrEqual(2);",
].join('\n');

/** A failure of the trigger oracle carries the mutation it was found with. */
export interface TriggerFailure extends Failure {
  readonly mutation: Mutation;
}

/** A short, stable form of a message for grouping: first line, quoted text and numbers blanked. */
export function normalize(message: string): string {
  return message.split('\n')[0]
    .replace(/(Resolution error: )+/g, 'Resolution error: ')
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b[0-9a-f]{8,}\b/g, '#')
    .replace(/\d+/g, 'N')
    .slice(0, 140);
}
