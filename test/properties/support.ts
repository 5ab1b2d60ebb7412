import * as fc from 'fast-check';
import { schemaViolations } from '../support/provider-schema';
import { TerraformJson } from '../support/synth';

/**
 * Every property runs this many cases, from a fixed seed so that a failure can be replayed: 500, and
 * 100 in the cdktn flavour's run (the same source and the same seed; the inputs are explored in the
 * cdktf run, the flavour's run checks the packages it is built with: CI's time goes to what differs).
 */
export const RUNS = process.env.CDKTF_AGD_FLAVOUR === 'cdktn' ? 100 : 500;
export const SEED = 20261126;

/** fast-check parameters for every property: fixed seed, printed with the counterexample on failure. */
export function parameters<T>(numRuns = RUNS): fc.Parameters<T> {
  return { numRuns, seed: SEED, verbose: fc.VerbosityLevel.Verbose };
}

/**
 * The only two acceptable outcomes of a synth: output that matches the provider schema,
 * or the library's own error naming the property (one of them). Returns which one it was.
 */
export function libraryOutcome(property: string | readonly string[], synth: () => TerraformJson): 'synthesized' | 'rejected' {
  const properties = typeof property === 'string' ? [property] : property;
  let json: TerraformJson;
  try {
    json = synth();
  } catch (error) {
    if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError) {
      throw new Error(`expected the library's own error, got ${String(error)}`);
    }
    if (!error.message.includes('RestApiDeployment at ') || !properties.some((name) => error.message.includes(`property '${name}`))) {
      throw new Error(`expected an error naming property '${properties.join("' or '")}', got: ${error.message.slice(0, 500)}`);
    }
    return 'rejected';
  }
  const violations = schemaViolations(json);
  if (violations.length > 0) {
    throw new Error(`synthesized output does not match the provider schema: ${violations.join('; ')}`);
  }
  return 'synthesized';
}

/** Text of every kind: plain ASCII, any unicode, and strings built from the characters names may use. */
export function anyText(maxLength = 140): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.stringMatching(/^[A-Za-z0-9_-]{0,130}$/),
    fc.constantFrom('', ' ', '/', '..', '__proto__', 'constructor', '${var.x}', 'ä', '😀', 'a'.repeat(129)),
  );
}
