import { Token } from 'cdktf';
import { detailedSetting } from './metric-source';

/**
 * Whether a REST stage's method settings turn detailed metrics on for a method (`pets/GET`, `GET` for
 * the root resource), as API Gateway applies them: the method's own settings, else its resource's
 * (`pets/*`), else every method's (`* /*`), else the stage's options (which each `methodOptions` entry
 * keeps where it does not set them). Undefined when known only at deploy time (a setting or a key with a
 * token), and where a broader entry turns them on for a method whose own entry leaves them unset.
 *
 * @param stageWide the stage's own `metricsEnabled`
 * @param methodOptions `methodOptions`: each key, the leading `/` optional, and its `metricsEnabled`
 */
export function restDetailedMetrics(
  stageWide: boolean | undefined, methodOptions: ReadonlyArray<readonly [string, boolean | undefined]>,
): (key: string) => boolean | undefined {
  const entries = new Map(methodOptions.map(([path, enabled]) => [path.replace(/^\//, ''), enabled]));
  const tokenKeys = [...entries.keys()].some((path) => Token.isUnresolved(path));
  return (key) => {
    const slash = key.lastIndexOf('/');
    const chain = [key, slash < 0 ? '*' : `${key.slice(0, slash)}/*`, '*/*'];
    const nearest = chain.find((candidate) => entries.has(candidate));
    for (const candidate of chain) {
      const enabled = entries.get(candidate);
      if (enabled !== undefined) {
        const value = detailedSetting(enabled);
        // A broader entry turning them on reaches a method with settings of its own only if API Gateway fills those from it: not known.
        return candidate !== nearest && value === true ? undefined : value;
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
