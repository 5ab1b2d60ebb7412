import { Token } from 'cdktf';
import { detailedSetting } from './metric-source';

/**
 * Whether a REST stage's method settings turn detailed metrics on for a method (`pets/GET`, `GET` for
 * the root resource), as API Gateway applies them: the method's own settings, else its resource's
 * (`pets/*`), else the stage's (`* /*`); each `methodOptions` entry keeps the stage-wide settings it
 * does not name. Undefined when known only at deploy time (a setting or a key with a token).
 *
 * @param stageWide the stage's own `metricsEnabled`
 * @param methodOptions `methodOptions`: each key, the leading `/` optional, and its `metricsEnabled`
 */
export function restDetailedMetrics(
  stageWide: boolean | undefined, methodOptions: ReadonlyArray<readonly [string, boolean | undefined]>,
): (key: string) => boolean | undefined {
  const entries = new Map(methodOptions.map(([path, enabled]) => [path.replace(/^\//, ''), enabled ?? stageWide]));
  const tokenKeys = [...entries.keys()].some((path) => Token.isUnresolved(path));
  return (key) => {
    const slash = key.lastIndexOf('/');
    const resourceWide = slash < 0 ? '*' : `${key.slice(0, slash)}/*`;
    for (const candidate of [key, resourceWide, '*/*']) {
      if (entries.has(candidate)) {
        return detailedSetting(entries.get(candidate));
      }
    }
    return tokenKeys ? (detailedSetting(stageWide) === true ? true : undefined) : detailedSetting(stageWide);
  };
}

/**
 * Whether an HTTP or WebSocket stage's route settings turn detailed metrics on for a route: its
 * `routeOptions` entry's `detailedMetricsEnabled`, else the stage's.
 */
export function routeDetailedMetrics(
  stageWide: boolean | undefined, routeOptions: { readonly [routeKey: string]: { readonly detailedMetricsEnabled?: boolean } } | undefined,
): (key: string) => boolean | undefined {
  const entries = Object.entries(routeOptions ?? {});
  const tokenKeys = entries.some(([routeKey]) => Token.isUnresolved(routeKey));
  return (key) => {
    const own = entries.find(([routeKey]) => routeKey === key);
    if (own !== undefined) {
      return detailedSetting(own[1].detailedMetricsEnabled ?? stageWide);
    }
    return tokenKeys ? (detailedSetting(stageWide) === true ? true : undefined) : detailedSetting(stageWide);
  };
}
