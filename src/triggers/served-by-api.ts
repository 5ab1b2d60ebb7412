import { TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { gatherSnapshot } from './api-snapshot';
import { blindSpotWarnings } from './blind-spots';
import { BlockSource } from './block-source';
import { CrossStackExpressions } from './cross-stack-expressions';
import { endpointDisabledWarning, unservedTargetWarnings } from './helper-targets';
import { stackBlocks } from './stack-blocks';
import { addValidationWhenCommitted } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { helperTargetsOf } from '../core/helper-targets';
import { expressionIn, idReferenceOf } from '../core/resolve';
import { warnOnce } from '../core/warnings';

/** A stage setting for one route or method: how errors name it, and the key as the API's served keys hold it. */
export interface ServedSetting {
  /** `routeOptions.GET /pets`, `methodOptions./pets/GET`. */
  readonly property: string;
  /** The route key, or the method path without its leading `/`. */
  readonly key: string;
}

/**
 * The warning for a per-route or per-method setting whose key is known only at deploy time (`key`, a
 * route key or a method path without its leading `/`; `property` ends with the key as written):
 * what the API serves cannot be compared with it. Undefined for a literal key.
 */
export function deployTimeKeyWarning(owner: IConstruct, property: string, key: string): string | undefined {
  if (!Token.isUnresolved(key)) {
    return undefined;
  }
  const options = property.includes('methodOptions') ? 'methodOptions' : 'routeOptions';
  const whole = Tokenization.reverseString(key).length === 1;
  const written = options === 'methodOptions' && whole
    ? " It is written as given: API Gateway reads a method of a nested resource as '~1pets~1{id}/GET' (each '/' of its path as '~1'), "
      + "one of the root resource as '~1/GET', which the value must then be"
    : '';
  // The key as the user wrote it (`/pets/${var.x}/GET`), which the property ends with; `key` has lost a method path's leading `/`.
  const given = property.slice(property.indexOf(`${options}.`) + options.length + 1);
  return `The ${options} key ${JSON.stringify(expressionIn(owner, given))} is known only at deploy time: the construct cannot check that `
    + `the API serves it (AWS refuses a setting for a ${options === 'methodOptions' ? 'method' : 'route'} the API does not have when it applies).${written}`;
}

/**
 * The error for the first setting whose route or method `api` does not serve (`served`: what it
 * serves, undefined when the library cannot know it all); a key with a token or `*` in it is not judged.
 */
export function unservedSettingError(
  owner: IConstruct, family: ApiFamily, apiAddress: string, served: ReadonlySet<string> | undefined, settings: readonly ServedSetting[],
): Error | undefined {
  if (served === undefined) {
    return undefined;
  }
  // A REST method path with its method as `*` (`pets/*`, `*` for the root resource): a resource with an ANY method.
  const anyMethod = (key: string) => (key.includes('/') ? key.replace(/\/[^/]*$/, '/*') : '*');
  const missing = settings.find(({ key }) => !Token.isUnresolved(key) && !key.includes('*') && !served.has(key) && !served.has(anyMethod(key)));
  if (missing === undefined) {
    return undefined;
  }
  const known = [...served].sort().map((item) => JSON.stringify(family.servedKeyAsWritten(item)));
  return invalidProperty(owner, missing.property, family.servedKeyAsWritten(missing.key),
    `${family.servedKeyNoun} that ${apiAddress} serves (${known.length > 0 ? `one of ${known.join(', ')}` : 'it serves none yet'}): `
    + (isMetricProperty(missing.property) ? 'nothing publishes the metrics of a route or method that does not exist, so an alarm on them never fires. '
      + 'Fix the route or method, or add it to the API' : 'AWS refuses settings for a route or method that does not exist. Fix the key, or add what it names to the API'));
}

/** Whether a served key was named by a metric (`metricServerError.method`, `addAlarm(x).metric.dimensions.Method`), not by a setting. */
export function isMetricProperty(property: string): boolean {
  return !/(^|\.)(methodOptions|routeOptions)\./.test(property);
}

/**
 * For a stage made on its own, which has no engine: fails at validation when one of its
 * `settings` (`routeOptions`, `methodOptions`) names a route or method that its API, a resource of
 * its stack named by `apiId`, does not serve; and warns of what its `urlForPath` was asked for that
 * the API does not serve (a URL no route answers), as a deployment construct's engine does. Not
 * judged: an API of another stack or given by another expression, or one with blind spots.
 */
export function checkServedByApi(owner: IConstruct, family: ApiFamily, apiId: string, settings: readonly ServedSetting[]): void {
  for (const { property, key } of settings) {
    const warning = deployTimeKeyWarning(owner, property, key);
    if (warning !== undefined) {
      warnOnce(owner, warning);
    }
  }
  const judgedSettings = settings.filter(({ key }) => !Token.isUnresolved(key) && !key.includes('*'));
  addValidationWhenCommitted(owner, {
    validate: () => {
      const targets = helperTargetsOf(owner);
      if (judgedSettings.length === 0 && targets.length === 0) {
        return [];
      }
      const served = servedByApiOf(owner, family, apiId);
      if (served === undefined) {
        return [];
      }
      if (served.endpointDisabled) {
        targets.filter((target) => target.call.startsWith('urlForPath')).forEach((target) => warnOnce(owner, endpointDisabledWarning(target.call, served.address)));
      }
      unservedTargetWarnings(served.address, served.keys, family.apiType === 'aws_api_gateway_rest_api', targets)
        .forEach((warning) => warnOnce(owner, warning));
      const error = judgedSettings.length === 0 ? undefined : unservedSettingError(owner, family, served.address, served.keys, settings);
      return error === undefined ? [] : [error.message];
    },
  });
}

/** What the API named by `apiId` serves, when it is a resource of the stack of `owner` without blind spots; undefined else. */
export function servedByApiOf(
  owner: IConstruct, family: ApiFamily, apiId: string,
): { readonly address: string; readonly keys: ReadonlySet<string>; readonly endpointDisabled: boolean } | undefined {
  const named = idReferenceOf(apiIdBehind(owner, apiId));
  const stack = TerraformStack.of(owner);
  if (named === undefined || named.type !== family.apiType || named.stack !== stack) {
    return undefined;
  }
  return AppIndex.during(owner, (index) => {
    const api = index.resourceNamed(named.type, stack, named.name);
    if (api === undefined) {
      return undefined;
    }
    const blocks = new BlockSource(owner, { blocks: stackBlocks(index, stack, true) }, true);
    const snapshot = gatherSnapshot(family, { api, autoDiscover: true, resources: [] }, blocks, new CrossStackExpressions(owner, true, new Map()), 'check');
    if (snapshot.api === undefined || blindSpotWarnings(family, snapshot, []).length > 0) {
      return undefined;
    }
    const keys = family.servedKeys(snapshot.api, snapshot.resources.filter((item) => item !== snapshot.api));
    return keys === undefined ? undefined
      : { address: snapshot.api.address, keys, endpointDisabled: snapshot.api.config.disable_execute_api_endpoint === true };
  });
}
