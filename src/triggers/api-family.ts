import { IConstruct } from 'constructs';
import { ArgumentRoles } from './argument-roles';
import { Equivalence } from './equivalent-configuration';
import { Block } from './rendered-blocks';

/** One of the API's resources as the trigger engine reads it: its address and its resolved block. */
export interface ApiResourceBlock {
  /** `type.name` in its own stack. */
  readonly address: string;
  /** Its Terraform type. */
  readonly type: string;
  /** The resource's construct (its path names it in messages). */
  readonly construct: IConstruct;
  /** The resolved configuration block. */
  readonly config: Block;
}

/**
 * A kind of API Gateway API (REST, or HTTP and WebSocket), described for the trigger engine:
 * what belongs to an API of this kind, how its resources name it, what never needs a redeploy,
 * which attributes Terraform compares by meaning, and which arguments never reach the deployed
 * API. A deployment construct creates the engine with one of these.
 */
export interface ApiFamily {
  /** The API in messages: `REST API`, `HTTP or WebSocket API`. */
  readonly apiKind: string;
  /** The Terraform type of the API itself: `aws_api_gateway_rest_api`. */
  readonly apiType: string;
  /** The argument by which the API's resources name it: `rest_api_id`. */
  readonly apiIdArgument: string;
  /** The API's attributes that name it in other resources (for blind spots): `id`, `root_resource_id`. */
  readonly apiAttributes: readonly string[];
  /** The types of the API's resources: AWS serves a change to them only after a new deployment. */
  readonly redeployTypes: ReadonlySet<string>;
  /** Types that name the API but never change what a deployment serves (stages, mappings, log groups, ...). */
  readonly typesWithoutRedeploy: ReadonlySet<string>;
  /** What each argument of the API's type and of each resource type does (`argument-roles.ts`). */
  readonly argumentRoles: Readonly<Record<string, ArgumentRoles>>;
  /** The attributes of each type that Terraform compares by meaning (`equivalent-configuration.ts`). */
  readonly equivalences: Readonly<Record<string, Readonly<Record<string, Equivalence>>>>;
  /** What `servedKeys` holds, in messages: `a route key`, `a method path`. */
  readonly servedKeyNoun: string;
  /** How a served key is written where the user writes it (a `methodOptions` key has a leading `/`: `/pets/GET`). */
  readonly servedKeyAsWritten: (key: string) => string;
  /** The attribute that orders the deployment after a resource of `type` (`id` where the type has one). */
  orderingAttribute(type: string): string;
  /**
   * Configurations AWS refuses to deploy (an API without methods or routes, a method without an
   * integration), in words.
   *
   * @param api the API's own block
   * @param resources the discovered resources
   */
  deployWarnings(api: ApiResourceBlock, resources: readonly ApiResourceBlock[]): string[];
  /**
   * What the API serves, as a stage's per-route or per-method settings name it (route keys, method
   * paths); undefined when the library cannot know it all.
   */
  servedKeys(
    api: ApiResourceBlock, resources: readonly ApiResourceBlock[], idsElsewhere?: ReadonlyMap<string, string>,
  ): ReadonlySet<string> | undefined;
}

/** Whether a resource has `count` or `for_each` (which of its instances does what is only known at plan time). */
export function isMultiInstance(item: ApiResourceBlock): boolean {
  return item.config.count !== undefined || item.config.for_each !== undefined;
}

/** The entries of `table` for `types`. */
export function forTypes<T>(table: Readonly<Record<string, T>>, types: Iterable<string>): Readonly<Record<string, T>> {
  return Object.fromEntries([...types].filter((type) => type in table).map((type) => [type, table[type]]));
}

/**
 * Types outside API Gateway that name an API to grant access to it (an IAM policy with an
 * execute-api ARN), to call back into it (a function whose environment holds its id), to publish
 * its id (a parameter), to send traffic to it (a CloudFront origin) or to watch it (an alarm or a
 * dashboard on its metrics, whose dimensions name it), never changing what it serves: no
 * blind-spot warning for them (a function an integration invokes has a reference entry of its
 * own, over its invoke ARN).
 */
export const NAMING_WITHOUT_SERVING = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_lambda_function',
  'aws_ssm_parameter',
  'aws_cloudfront_distribution',
  'aws_cloudwatch_metric_alarm',
  'aws_cloudwatch_composite_alarm',
  'aws_cloudwatch_dashboard',
] as const;
