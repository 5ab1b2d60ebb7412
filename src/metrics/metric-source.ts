import { TerraformProvider, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { MetricApiKind } from './metric-catalog';

/** What a stage construct tells its metrics, alarms and dashboard about itself (once, in its constructor). */
export interface MetricSource {
  readonly kind: MetricApiKind;
  /** The API's id, as the stage was given it. */
  readonly apiId: string;
  /** The stage's name, as given (the `Stage` dimension). */
  readonly stageName: string;
  /** The stage resource: its ARN holds the region the stage is in. */
  readonly stageResource: TerraformResource & { readonly arn: string };
  /** Where the stage's resources go: the alarms and dashboards too. */
  readonly provider?: TerraformProvider;
  readonly region?: string;
  /**
   * Whether API Gateway publishes the per-method or per-route metrics of `key` (a method path without
   * its leading `/`, `pets/GET`; a route key): true, false, or undefined where the settings are known
   * only at deploy time.
   */
  readonly detailedMetrics: (key: string) => boolean | undefined;
  /** Why the stage never publishes a metric of its kind (a REST stage's cache metrics without a cache cluster); undefined where it may. */
  readonly notPublished?: (metricName: string) => string | undefined;
}

/** A stage's metrics as its errors name them: the construct errors name, the stage, its source, and the property prefix. */
export interface MetricContext {
  readonly owner: IConstruct;
  readonly stage: IConstruct;
  readonly source: MetricSource;
  /** `''` for a main stage or a stage made on its own, `addStage(beta).` for an added one. */
  readonly prefix: string;
}

const SOURCES = new WeakMap<IConstruct, MetricSource>();
const CANARIES = new WeakSet<IConstruct>();
const API_NAMES = new WeakMap<IConstruct, () => string>();
const SERVED_REQUIREMENTS = new WeakMap<IConstruct, (property: string, key: string) => void>();

/** Hands a stage construct's metric source to its metrics. */
export function initMetricSource(stage: IConstruct, source: MetricSource): void {
  SOURCES.set(stage, source);
}

/** The metric source of a stage construct (every library stage has one). */
export function metricSourceOf(stage: IConstruct): MetricSource | undefined {
  return SOURCES.get(stage);
}

/** Marks a REST stage as running a canary (a deployment construct's `canary`): its canary's metrics exist. */
export function markCanary(stage: IConstruct): void {
  CANARIES.add(stage);
}

/** Whether a stage runs a canary. */
export function hasCanary(stage: IConstruct): boolean {
  return CANARIES.has(stage);
}

/** For a REST deployment construct given the API resource: the API's `name`, read when asked. */
export function setRestApiName(owner: IConstruct, name: () => string): void {
  API_NAMES.set(owner, name);
}

/** The REST API's name a deployment construct (the owner of a stage) knows. */
export function knownRestApiName(owner: IConstruct): string | undefined {
  return API_NAMES.get(owner)?.();
}

/** For a deployment construct: how a route or method its stages' metrics name is required of the API (its engine). */
export function setServedRequirement(owner: IConstruct, require: (property: string, key: string) => void): void {
  SERVED_REQUIREMENTS.set(owner, require);
}

/** How a deployment construct requires what its stages' metrics name; undefined for a stage made on its own. */
export function servedRequirementOf(owner: IConstruct): ((property: string, key: string) => void) | undefined {
  return SERVED_REQUIREMENTS.get(owner);
}

/**
 * Whether a setting (`metricsEnabled`, `detailedMetricsEnabled`) turns detailed metrics on: true,
 * false (unset too), or undefined when known only at deploy time.
 */
export function detailedSetting(value: boolean | undefined): boolean | undefined {
  return Token.isUnresolved(value) ? undefined : value === true;
}
