import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { validateStageVariables } from '../common/validation';
import { invalidProperty } from '../core/errors';
import { refuseOtherKind } from '../core/scalar-tokens';

/**
 * A canary release on the main stage: a share of the traffic goes to a second
 * deployment with the current API, the rest stays on the last promoted one.
 */
export interface CanaryOptions {
  /** The percentage of traffic the canary gets, from 0 to 100. */
  readonly percentTraffic: number;

  /**
   * Stage variables that differ for canary traffic.
   * @default - the stage's own variables
   */
  readonly stageVariableOverrides?: { [name: string]: string };

  /**
   * Whether canary requests use the stage cache.
   * @default false
   */
  readonly useStageCache?: boolean;
}

/** Fails unless the canary's percentage and stage variable overrides are ones API Gateway takes. */
export function validateCanary(scope: IConstruct, canary: CanaryOptions | undefined): void {
  if (canary === undefined) {
    return;
  }
  const percent = canary.percentTraffic;
  refuseOtherKind(scope, 'canary.percentTraffic', percent, 'number');
  if (!Token.isUnresolved(percent) && (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100)) {
    throw invalidProperty(scope, 'canary.percentTraffic', percent, 'a number from 0 to 100');
  }
  validateStageVariables(scope, 'canary.stageVariableOverrides', canary.stageVariableOverrides);
}
