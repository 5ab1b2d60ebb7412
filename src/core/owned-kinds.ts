import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { snakeCase } from './case';

/**
 * The resources a construct owns (its deployments, stages, method settings, mappings) keep what the
 * construct relies on, whatever the user does with them afterwards: the arguments it set and builds
 * on (the API, the deployment a stage serves, a stage's name, a mapping's domain and key) cannot be
 * changed through the provider class's setter, `reset…()`, `put…()` or `addOverride(...)` (of the
 * argument or of its `dynamic` block), the resource cannot be moved away (`moveTo`, `moveToId`), and
 * its lifecycle keeps `create_before_destroy` (and any `ignore_changes` it needs) through a
 * `lifecycle` assignment or override, merged with the user's (as its own `depends_on` is with a
 * `dependsOn` assigned or a list overridden; each entry rendered once), and refuses what would stop the
 * construct's changes from reaching the resource (an `ignore_changes` on a deployment's `triggers`)
 * or the resource from being replaced (`prevent_destroy` on a deployment). What cannot be intercepted
 * (a lifecycle object changed in place, an own property shadowing a guard, the resource or a
 * construct above it taken out of the tree) is checked when the stack is validated at synth. What
 * reaches past every guard (an override on the stack: `stack.addOverride('resource.<type>.<name>...')`)
 * gets a warning then.
 */
export interface OwnedResource {
  /** The construct errors name. */
  readonly owner: IConstruct;
  /** The resource as a property of the construct: `deployment`, `deploymentStage.stage`. */
  readonly property: string;
  /** The arguments the construct relies on, by their name in the provider class (`restApiId`), each with why. */
  readonly fixed: Readonly<Record<string, string>>;
  /** The lifecycle the construct relies on, and why; merged into whatever lifecycle the user gives. */
  readonly lifecycle?: RequiredLifecycle;
  /**
   * Why the resource waits for the dependencies (`depends_on`) it is made with, for errors; they are
   * merged into whatever `dependsOn` the user assigns (as `dependOnOwned` adds them afterwards).
   */
  readonly dependsOnWhy?: string;
  /**
   * The arguments the construct checks when they come from its props (by their names in the provider class),
   * each with its check (which throws the library's error naming `property`): checked again at synth on what
   * the resource holds then (a setter, `reset…()`, `put…()`, an override of the argument), as they are not fixed.
   */
  readonly checked?: Readonly<Record<string, ArgumentCheck>>;
}

/** A check of an argument's value (`property` names it in errors) of `resource`, which throws the library's error. */
export type ArgumentCheck = (owner: IConstruct, property: string, value: unknown, resource: TerraformResource) => void;

/** A check of a prop (`validateTags`) as the check of the argument it becomes: what the resource holds is checked as the prop was. */
export function asArgumentCheck<T>(validate: (owner: IConstruct, property: string, value: T) => void): ArgumentCheck {
  return (owner, property, value) => validate(owner, property, value as T);
}

/** The parts of a lifecycle a construct relies on. */
export interface RequiredLifecycle {
  readonly createBeforeDestroy?: boolean;
  readonly ignoreChanges?: readonly string[];
  /** Why, for errors: `a new deployment must exist before the stage moves to it ...`. */
  readonly why: string;
  /**
   * The arguments (Terraform names) whose changes must reach the resource, each with why: an
   * `ignore_changes` covering one (the argument, a part of it, or `all`) is refused.
   */
  readonly followed?: Readonly<Record<string, string>>;
  /**
   * The arguments (Terraform names) whose ignored changes may be meant (a stage pinned on purpose)
   * or may break the construct, which it cannot tell: an `ignore_changes` covering one gets a warning at synth.
   */
  readonly watched?: Readonly<Record<string, string>>;
  /** Why `prevent_destroy` is refused (the construct replaces the resource as a matter of course); undefined where it is allowed. */
  readonly replaced?: string;
  /** Why `replace_triggered_by` is refused (a replacement under the same name fails); undefined where it is allowed. */
  readonly replacedOnlyWhenRenamed?: string;
}

/**
 * What a stage construct relies on in its stage resource: the API, the deployment it serves and its
 * name (by their names in the provider class), its region, and `create_before_destroy`.
 */
export function ownedStage(
  owner: IConstruct,
  property: string,
  names: { api: string; deployment: string; name: string; autoDeploy?: string; canary?: string },
  checked?: Readonly<Record<string, ArgumentCheck>>,
): OwnedResource {
  return {
    owner,
    property,
    checked,
    fixed: {
      [names.api]: 'it is the API of the deployment the stage serves (make another stage construct for another API)',
      [names.deployment]: "it is the construct's deployment, which its triggers redeploy",
      ...(names.canary !== undefined
        ? { [names.canary]: "the construct's canary settings send the canary traffic to its canary deployment (set them with the construct's 'canary')" }
        : {}),
      [names.name]: 'the construct claims the name for the API and builds its URLs, ARNs and mappings on it (give another stageName instead)',
      region: "it is the API's region, where the stage must be made",
      ...(names.autoDeploy !== undefined
        ? {
          [names.autoDeploy]: 'the construct deploys the stage: AWS would deploy every change at once, and move the stage off the deployment its triggers make',
          ...Object.fromEntries(['defaultRouteSettings', 'routeSettings'].map((name) => [name,
            'the construct writes route settings with both throttling limits (the provider sends 0 for one left out, terraform-provider-aws #14742, '
            + "and AWS answers every request 429); give them in the stage's options (throttlingBurstLimit and throttlingRateLimit, routeOptions)"])),
        }
        : {}),
    },
    lifecycle: {
      createBeforeDestroy: true,
      why: 'a renamed stage is created before what points at it (mappings, usage plans) moves to it, and the old one is deleted after '
        + '(AWS refuses to delete a stage a mapping points at)',
      replacedOnlyWhenRenamed: 'the stage is created before its old self is destroyed (create_before_destroy), so a replacement under the same name '
        + "is a second stage of that name, which AWS refuses (ConflictException); the construct's redeploys reach the stage without replacing it",
      // Not refused: pinning a stage on a deployment made outside Terraform (an emergency rollback) is
      // the README's own escape hatch; only while the stage serves the construct's deployment does it break.
      watched: {
        [snakeCase(names.deployment)]: "the stage stays on the deployment it serves, and the construct's redeploys do not reach it. Pinned on a "
          + 'deployment made outside Terraform (an emergency rollback), that is the point; but while it serves the construct\'s deployment, the '
          + 'next redeploy fails at apply when the old deployment is deleted (AWS refuses to delete a deployment a stage points at: "Active stages '
          + 'pointing to this deployment must be moved or deleted")',
        ...(names.canary !== undefined
          ? {
            [snakeCase(names.canary)]: 'the stage keeps the canary settings it has: a change of the construct\'s canary does not reach it, and the next '
              + 'redeploy of the canary fails at apply when the old canary deployment is deleted (AWS refuses to delete a deployment a stage points at)',
          }
          : {}),
      },
    },
  };
}

/** What a mapping construct call relies on in its mapping: the API, the stage, the domain, the key (by their names in the provider class), its region. */
export function ownedMapping(
  owner: IConstruct,
  property: string,
  names: { api: string; stage: string; key: string; keyProperty: string; domainNameId?: boolean },
): OwnedResource {
  const checked = 'the construct checked it against every other mapping of the domain in the app';
  return {
    owner,
    property,
    fixed: {
      [names.api]: 'it is the API of the mapped stage',
      [names.stage]: 'it is the mapped stage',
      domainName: `${checked} (map another domain with another call)`,
      ...(names.domainNameId ? { domainNameId: `${checked} (give it in the call's domainNameId)` } : {}),
      [names.key]: `${checked} (give the key in the call's ${names.keyProperty})`,
      region: "it is the API's region, where the mapping must be made",
    },
    lifecycle: {
      why: 'the mapping follows its stage',
      followed: {
        [snakeCase(names.stage)]: 'a renamed stage is replaced, and a mapping left on the old one makes its deletion fail ("Deleting stage ... failed. '
          + 'Please remove all base path mappings related to the stage")',
      },
    },
  };
}
