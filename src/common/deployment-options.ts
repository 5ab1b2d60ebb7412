import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * What every deployment construct (`RestApiDeployment`, `HttpApiDeployment`,
 * `WebSocketApiDeployment`) takes besides its API and its stage: what redeploys the API, and
 * whether the main stage is adopted.
 */
export interface DeploymentOptions {
  /**
   * The description of each deployment.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Extra trigger entries, merged with the automatic ones: change a value to force a
   * redeploy. A key that an automatic entry uses is an error.
   *
   * @default - only the automatic entries
   */
  readonly triggers?: { [key: string]: string };

  /**
   * Resources whose configuration also decides when to redeploy, in addition to the
   * discovered ones (or instead of them, with `autoDiscover: false`). Each gets a
   * trigger entry keyed by its Terraform address.
   *
   * @default - none
   */
  readonly resources?: TerraformResource[];

  /**
   * Whether to find the API's resources by the argument that names their API, in the API's stack,
   * this stack and any stack that references the API: `api_id` for an HTTP or WebSocket API,
   * `rest_api_id` for a REST API. With the API's id instead of the API construct, the resources of
   * this stack whose argument is that same id (without it, they are named in a synth warning).
   *
   * @default - true with the API construct, false with the API's id
   */
  readonly autoDiscover?: boolean;

  /**
   * Adopt an existing stage of this name instead of creating it: emits a Terraform
   * `import` block for `API-ID/STAGE-NAME` (Terraform 1.5 or later; 1.6 or later when the
   * API id is a reference). Remove it after the first apply.
   *
   * @default false
   */
  readonly importExistingStage?: boolean;

  /**
   * Constructs that use the API where discovery cannot see, once handled: a Terraform
   * module that gets the API's id (give the deployment a trigger entry that changes with
   * the module), a resource of a type the library does not know that names the API, an
   * API resource whose escape-hatch override gives it another API's id. The synth
   * warning each of them gets is not given for these (or for anything inside them).
   *
   * @default - none; each blind spot gets a synth warning
   */
  readonly acknowledgedBlindSpots?: IConstruct[];
}
