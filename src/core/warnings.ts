import { AnnotationMetadataEntryType, Annotations, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { whenCommitted } from './abandoned';
import { readable } from './errors';

/**
 * Records a synth warning on `construct`, once: a check that runs again (cdktf's validation, then
 * `warningsOf`, or a second synth of the same app) finds its warning there already. Every warning
 * of the library goes through here (eslint refuses `addWarning` elsewhere in `src/`).
 */
export function warnOnce(construct: IConstruct, message: string): void {
  const text = shownText(construct, message);
  // A call of the library that fails says nothing (core/abandoned.ts).
  whenCommitted(() => {
    if (!warningsOn(construct).includes(text)) {
      Annotations.of(construct).addWarning(text);
    }
  });
}

/** The warnings recorded on `construct` itself, in the order they were recorded. */
export function warningsOn(construct: IConstruct): string[] {
  return construct.node.metadata
    .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
    .map((entry) => String(entry.data));
}

/** The warnings each construct recorded on another construct (`warnOnceOn`), for its own list of warnings. */
const GIVEN_ELSEWHERE = new WeakMap<IConstruct, string[]>();

/**
 * Records `message` once on `on` (what it is about: an API several constructs deploy, so that synth
 * prints it once), and counts it among the warnings of `construct` (`warningsGivenElsewhere`).
 */
export function warnOnceOn(construct: IConstruct, on: IConstruct, message: string): void {
  warnOnce(on, message);
  const text = shownText(on, message);
  whenCommitted(() => {
    const given = GIVEN_ELSEWHERE.get(construct) ?? [];
    if (!given.includes(text)) {
      given.push(text);
      GIVEN_ELSEWHERE.set(construct, given);
    }
  });
}

/** The warnings `construct` recorded on other constructs (`warnOnceOn`), in the order it did. */
export function warningsGivenElsewhere(construct: IConstruct): readonly string[] {
  return GIVEN_ELSEWHERE.get(construct) ?? [];
}

/** A message as a warning shows it: a value known only at deploy time as the expression it stands for (`${var.stage}`), never as a token. */
function shownText(construct: IConstruct, message: string): string {
  return Token.isUnresolved(message) ? String(readable(construct, message)) : message;
}
