import { AnnotationMetadataEntryType, Annotations } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Records a synth warning on `construct`, once: a check that runs again (cdktf's validation, then
 * `warningsOf`, or a second synth of the same app) finds its warning there already. Every warning
 * of the library goes through here (eslint refuses `addWarning` elsewhere in `src/`).
 */
export function warnOnce(construct: IConstruct, message: string): void {
  if (!warningsOn(construct).includes(message)) {
    Annotations.of(construct).addWarning(message);
  }
}

/** The warnings recorded on `construct` itself, in the order they were recorded. */
export function warningsOn(construct: IConstruct): string[] {
  return construct.node.metadata
    .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
    .map((entry) => String(entry.data));
}
