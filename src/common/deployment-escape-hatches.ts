import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { validateV2Description } from './validation';
import { invalidProperty } from '../core/errors';
import { newOwnedResource } from '../core/owned-resources';
import { refuseTemplateText } from '../core/template-text';
import { RedeployTriggerEngine } from '../triggers/redeploy-trigger-engine';

/** A deployment resource class of the provider (`ApiGatewayDeployment`, `Apigatewayv2Deployment`). */
type DeploymentClass<T extends TerraformResource> = new (...args: any[]) => T;

/** Who computes a deployment resource's triggers, and how errors name it. */
interface TriggerOwner {
  readonly engine: RedeployTriggerEngine;
  /** The deployment construct errors name. */
  readonly owner: IConstruct;
  /** The resource, as a property of the construct: `deployment`, `canaryDeployment`. */
  readonly property: string;
}

const OWNER = Symbol.for('cdktf-api-gateway-deployment.TriggerOwner');
const SUBCLASSES = new WeakMap<Function, Function>();

/**
 * The provider's deployment class with cdktf's escape hatches on `triggers` routed to the trigger
 * engine, so that the automatic entries stay and the user's own are kept:
 *
 * - `addOverride('triggers.<key>', value)` sets the user's entry `<key>` (`undefined` removes it);
 *   `addOverride('triggers', map)` and the `triggers` setter replace the user's entries;
 * - `resetTriggers()` fails: the automatic entries are what the construct is for;
 * - `triggersInput` reads the whole map (computed where it is read), never the engine's
 *   render-time placeholder.
 *
 * Without this, cdktf refuses an override of a token map, the setter drops every automatic entry
 * and `triggersInput` renders the placeholder. A subclass rather than properties on the instance,
 * because jsii's kernel calls the methods of an object's class (Python, Java and Go users); it
 * reports the provider's class (the jsii type information is inherited).
 */
export function withComputedTriggers<T extends TerraformResource>(base: DeploymentClass<T>): DeploymentClass<T> {
  let subclass = SUBCLASSES.get(base) as DeploymentClass<T> | undefined;
  if (subclass === undefined) {
    subclass = class extends (base as DeploymentClass<TerraformResource>) {} as DeploymentClass<T>;
    defineEscapeHatches(subclass.prototype, base.prototype);
    SUBCLASSES.set(base, subclass);
  }
  return subclass;
}

/** Links a deployment resource made from `withComputedTriggers` to the engine that computes its triggers. */
export function linkTriggerOwner(deployment: TerraformResource, owner: TriggerOwner): void {
  Object.defineProperty(deployment, OWNER, { value: owner });
}

function defineEscapeHatches(prototype: object, base: any): void {
  const ownerOf = (deployment: object): TriggerOwner => (deployment as any)[OWNER];
  const referenceOf = Object.getOwnPropertyDescriptor(base, 'triggers')?.get;
  Object.defineProperties(prototype, {
    addOverride: {
      value: function addOverride(this: TerraformResource, path: string, value: any): void {
        const link = ownerOf(this);
        if (link === undefined || (path !== 'triggers' && !path.startsWith('triggers.'))) {
          return base.addOverride.call(this, path, value);
        }
        const { engine, owner, property } = link;
        const key = path.slice('triggers.'.length);
        const where = `${property}.addOverride(${path})`;
        if (path === 'triggers') {
          engine.userTriggers.replace(value ?? undefined, where);
        } else if (key.includes('.')) {
          throw invalidProperty(owner, where, value,
            "a key without dots: keys with dots are the automatic entries' (Terraform addresses), which the construct computes; choose another key");
        } else {
          engine.userTriggers.override(key, value, where);
        }
      },
    },
    triggers: {
      get: function triggers(this: TerraformResource) {
        return referenceOf?.call(this);
      },
      set: function triggers(this: TerraformResource, value: { [key: string]: string }) {
        const link = ownerOf(this);
        if (link === undefined) {
          (this as any)._triggers = value; // during the provider's own constructor
          return;
        }
        link.engine.userTriggers.replace(value, `${link.property}.triggers`);
      },
    },
    triggersInput: {
      get: function triggersInput(this: TerraformResource) {
        return ownerOf(this)?.engine.readableTriggersOf(this);
      },
    },
    resetTriggers: {
      value: function resetTriggers(this: TerraformResource): void {
        const { owner, property } = ownerOf(this);
        throw invalidProperty(owner, `${property}.resetTriggers()`, 'called',
          "no reset: the construct computes the triggers from the API's resources; to drop your own entries, set " +
          `'${property}.triggers = {}', and for a deployment that never redeploys, use the provider's resource itself`);
      },
    },
  });
}

/**
 * Creates a deployment resource of `base` in `scope` whose triggers `link.engine` computes and
 * completes, with the escape hatches above.
 */
export function newDeploymentResource<T extends TerraformResource, C extends DeploymentConfig>(
  base: new (scope: IConstruct, id: string, config: C) => T,
  scope: IConstruct,
  id: string,
  config: C,
  link: TriggerOwner,
): T {
  const apiArgument = config.restApiId !== undefined ? 'restApiId' : 'apiId';
  const ignoreChanges = Array.isArray(config.lifecycle?.ignoreChanges) ? config.lifecycle.ignoreChanges : undefined;
  const deployment = newOwnedResource(withComputedTriggers(base as DeploymentClass<T>), scope, id, config, {
    owner: link.owner,
    property: link.property,
    // What a deployment is made depending on: the account's CloudWatch role of the construct's `cloudWatchRole: true`.
    dependsOnWhy: "the construct's cloudWatchRole: the API is deployed once the account's CloudWatch role is set, so that its stages that log deploy "
      + 'on the first apply',
    // Checked from the construct's `description` as from a setter of the resource (the provider refuses a v2 one over 1024 characters).
    checked: {
      description: apiArgument === 'restApiId' ? refuseTemplateText
        : (owner, property, value) => validateV2Description(owner, property, value as string | undefined),
    },
    fixed: {
      [apiArgument]: 'it is the API the construct deploys (make another construct to deploy another API)',
      region: "it is the API's region, where the deployment must be made",
    },
    lifecycle: {
      createBeforeDestroy: config.lifecycle?.createBeforeDestroy,
      ignoreChanges,
      why: 'a new deployment is created before the stages move to it and the old one is deleted after they left it '
        + '(AWS refuses to delete a deployment a stage points at: "Active stages pointing to this deployment must be moved or deleted")',
      // The triggers are what redeploys the API, unless the construct itself ignores them (the main
      // deployment while a canary runs keeps the snapshot it was created with).
      followed: ignoreChanges?.includes('triggers')
        ? {}
        : {
          triggers: 'the construct redeploys the API by replacing the deployment when its triggers change (the API changed): with them ignored, '
            + 'the API is never redeployed again',
        },
      replaced: 'each redeploy replaces the deployment (the new one is created, the stages move to it, the old one is destroyed), which '
        + 'prevent_destroy makes fail at plan ("Instance cannot be destroyed"); protect the stages instead (they are updated in place, and keep '
        + 'prevent_destroy)',
    },
  });
  linkTriggerOwner(deployment, link);
  link.engine.completes(deployment);
  return deployment;
}

/** What every deployment resource is made with. */
interface DeploymentConfig {
  readonly restApiId?: string;
  readonly apiId?: string;
  readonly lifecycle?: { readonly createBeforeDestroy?: boolean; readonly ignoreChanges?: string[] | 'all' };
}
