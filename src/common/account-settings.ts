import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { addValidationWhenCommitted, isAbandoned, undoIfFailed, whenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { describePlacement, sameAccount } from '../core/placement';
import { stackDependsOn } from '../core/stack-dependencies';
import { warnOnce } from '../core/warnings';

/**
 * API Gateway's account settings (`aws_api_gateway_account`: the CloudWatch role) are one per
 * account and region, whatever the number of resources that set them: two of them fight (the last
 * apply wins, and destroying either resets the setting for every API there). This checks the app
 * for a second one, and makes the stages that log to CloudWatch wait for the library's one of their
 * stack, account and region (`awaitAccountSetting`).
 */

/** One `aws_api_gateway_account` the library creates, and the construct errors and warnings name. */
interface AccountClaim {
  readonly account: TerraformResource;
  /** The deployment construct with `cloudWatchRole: true`, or the `ApiGatewayCloudWatchRole` itself. */
  readonly owner: IConstruct;
  /** The owner's property that made it (`cloudWatchRole`), and its value, for errors. */
  readonly property: string;
  readonly value: unknown;
}

const CLAIMS = new WeakMap<IConstruct, AccountClaim[]>();

/** The app's account settings made by the library, but those of a construct whose constructor failed (out of the tree). */
function claimsOf(app: IConstruct): AccountClaim[] {
  return (CLAIMS.get(app) ?? []).filter((claim) => !isAbandoned(claim.owner));
}

/**
 * Records the `aws_api_gateway_account` the library creates. Fails at once when the app already
 * has one of the library's certainly in the same account and region (`sameAccount`); the rest of
 * the app, hand-written ones included, is checked when the app is validated (`checkAccountSettings`).
 */
export function claimAccountSettings(claim: AccountClaim): void {
  const app = claim.owner.node.root;
  const claims = CLAIMS.get(app) ?? [];
  CLAIMS.set(app, claims);
  const same = claimsOf(app).find((other) => sameAccount(other.account, claim.account) === 'same');
  if (same !== undefined) {
    throw sameAccountError(claim, same.account);
  }
  claims.push(claim);
  addValidationWhenCommitted(claim.account, { validate: () => checkAccountSettings(claim) });
  // The stages of this stack, account and region made before it wait for it from now on: once the call that makes it succeeds
  // (other constructs' stages must not wait for the account setting of a construct that failed, and is gone).
  const stack = TerraformStack.of(claim.account);
  whenCommitted(() => {
    for (const waiting of WAITING.get(app)?.values() ?? []) {
      waiting.forEach((stage) => settle(stage, [claim], stack));
    }
  });
}

/**
 * A stage that logs to CloudWatch, whose deployment construct does not set the account's CloudWatch
 * role itself: it waits for one the library sets in its stack, account and region (an
 * `ApiGatewayCloudWatchRole`, or another construct's `cloudWatchRole: true`), made before or after it;
 * without one, its owner may warn.
 */
export interface LoggingStage {
  /** The deployment construct warnings name. */
  readonly owner: IConstruct;
  /** The stage resource: where the stage is (stack, provider, region). */
  readonly resource: TerraformResource;
  /** Whether the stage logs to CloudWatch as its construct made it (its props). */
  readonly logs: boolean;
  /** Whether it logs to CloudWatch through what its resources hold at synth (an escape hatch, method settings written by hand). */
  readonly logsAtSynth: () => boolean;
  /**
   * The owner's warning when no account setting is found by synth, given what to do instead of the usual
   * advice; undefined for none (`cloudWatchRole: false`).
   */
  readonly warning?: (fix?: string) => string;
  /** Makes the stage wait for the account setting found (when it is found, or at synth for what only then logs). */
  readonly depend: (account: TerraformResource) => void;
}

/** A stage that may log, and whether it found its account setting. */
interface Waiting {
  readonly stage: LoggingStage;
  found: boolean;
  /** The account setting of its stack it depends on, once found. */
  account?: TerraformResource;
}

/** The stages that may log of each app, by their owner. */
const WAITING = new WeakMap<IConstruct, Map<IConstruct, Waiting[]>>();

/**
 * Makes a stage that logs wait for the library's account setting of its stack, account and region: the
 * one made already, or the first one made later. Whether the stage logs (what its resources hold at
 * synth) and whether the owner warns are decided when the app is validated, and by `warningsOf`
 * (`checkAccountSettingsOf`), once every construct is made.
 */
export function awaitAccountSetting(stage: LoggingStage): void {
  const app = stage.owner.node.root;
  let byOwner = WAITING.get(app);
  if (byOwner === undefined) {
    byOwner = new Map();
    WAITING.set(app, byOwner);
  }
  let stages = byOwner.get(stage.owner);
  if (stages === undefined) {
    stages = [];
    byOwner.set(stage.owner, stages);
    const owner = stage.owner;
    owner.node.addValidation({
      validate: () => {
        checkLoggingStagesOf(owner);
        return [];
      },
    });
  }
  const waiting = { stage, found: false };
  stages.push(waiting);
  undoIfFailed(() => stages!.splice(stages!.indexOf(waiting), 1));
  settle(waiting, claimsOf(app), TerraformStack.of(stage.resource));
}

/**
 * Makes a waiting stage that logs depend on the first of `claims` in its stack (`stack`) with its
 * account and region. While constructs are made, only a stage its props make log (`atSynth` false).
 */
function settle(waiting: Waiting, claims: readonly AccountClaim[], stack: TerraformStack, atSynth = false): void {
  if (waiting.found || TerraformStack.of(waiting.stage.resource) !== stack || !(waiting.stage.logs || atSynth)) {
    return;
  }
  const claim = claims.find((candidate) => TerraformStack.of(candidate.account) === stack && sameAccount(candidate.account, waiting.stage.resource) === 'same');
  if (claim !== undefined) {
    waiting.found = true;
    waiting.account = claim.account;
    waiting.stage.depend(claim.account);
  }
}

/**
 * Makes a waiting stage depend on an `aws_api_gateway_account` written by hand in its stack, with its
 * account and region (as the conflict check counts one): no library construct sets the role there.
 */
function settleOnWritten(waiting: Waiting, claims: readonly AccountClaim[]): void {
  const stack = TerraformStack.of(waiting.stage.resource);
  const claimed = new Set(claims.map((claim) => claim.account as IConstruct));
  const written = AppIndex.of(waiting.stage.owner).resourcesOfType('aws_api_gateway_account').find((account) => !claimed.has(account)
    && TerraformStack.of(account) === stack && sameAccount(account, waiting.stage.resource) === 'same');
  if (written !== undefined) {
    waiting.found = true;
    waiting.account = written;
    waiting.stage.depend(written);
  }
}

/**
 * For a logging stage without an account setting in its stack: what to do when one of its account and
 * region is set in another stack, which the stage's stack does not depend on (the stage may be deployed
 * first); undefined when there is none. Where the stack depends on it, the stage has its setting (`found`).
 */
function settingInAnotherStack(waiting: Waiting): string | undefined {
  const stack = TerraformStack.of(waiting.stage.resource);
  const elsewhere = AppIndex.of(waiting.stage.owner).resourcesOfType('aws_api_gateway_account')
    .filter((account) => TerraformStack.of(account) !== stack && sameAccount(account, waiting.stage.resource) === 'same');
  if (elsewhere.length === 0) {
    return undefined;
  }
  if (elsewhere.some((account) => stackDependsOn(stack, TerraformStack.of(account)))) {
    waiting.found = true;
    return undefined;
  }
  const [account] = elsewhere;
  const other = TerraformStack.of(account).node.id;
  return `The role is set in stack '${other}' ('${account.node.path}'), which stack '${stack.node.id}' does not depend on, so this stage `
    + `may be deployed first: make stack '${stack.node.id}' depend on it (addDependency), or, where the order is ensured otherwise, set `
    + `'cloudWatchRole: false' on '${waiting.stage.owner.node.path}'.`;
}

/** The stages of `owner` that log: each depends on the account setting found by now, or gets its warning. */
function checkLoggingStagesOf(owner: IConstruct): void {
  const claims = claimsOf(owner.node.root);
  for (const waiting of WAITING.get(owner.node.root)?.get(owner) ?? []) {
    if (!waiting.stage.logs && !waiting.stage.logsAtSynth()) {
      continue;
    }
    settle(waiting, claims, TerraformStack.of(waiting.stage.resource), true);
    if (!waiting.found) {
      settleOnWritten(waiting, claims);
    }
    if (waiting.account !== undefined) {
      // Again at synth: what only then logs (method settings written by hand for the stage) waits too.
      waiting.stage.depend(waiting.account);
    }
    const fix = waiting.found || waiting.stage.warning === undefined ? undefined : settingInAnotherStack(waiting);
    if (!waiting.found && waiting.stage.warning !== undefined) {
      warnOnce(owner, waiting.stage.warning(fix));
    }
  }
}

/**
 * The claims' checks across the app, run by cdktf's validation and by `warningsOf`: another
 * `aws_api_gateway_account` with the same provider in the same stack is an error; one in another
 * stack that may be the same account and region gets a warning on the owner.
 */
export function checkAccountSettings(claim: AccountClaim): string[] {
  const others = AppIndex.of(claim.owner).resourcesOfType('aws_api_gateway_account').filter((construct) => construct !== claim.account);
  for (const other of others) {
    const account = sameAccount(other, claim.account);
    if (account === 'same') {
      return [sameAccountError(claim, other).message];
    }
    if (account === 'unknown') {
      const oneStack = TerraformStack.of(other) === TerraformStack.of(claim.account);
      warnOnce(claim.owner,
        `The account's CloudWatch role set here ('${claim.account.node.path}') may be the same account setting that '${other.node.path}' sets: ` +
        `API Gateway has one per account and region, so if both ${oneStack ? '' : 'stacks '}deploy to one account and region, the last apply wins and ` +
        `destroying either resets it for every API there. Let one ${oneStack ? 'construct' : 'stack'} own it (set 'cloudWatchRole: false' on the ` +
        (oneStack
          ? "others), or, if they deploy to different regions, say so with literal regions (the APIs' 'region', or their providers')."
          : "others), or, if the stacks deploy to different accounts or regions, say so in each stack's AwsProvider ('allowedAccountIds', a literal 'region')."));
    }
  }
  return [];
}

/**
 * The claims made by `owner`, for `warningsOf`: runs their checks, throws their errors; and the
 * warnings of its logging stages without an account setting.
 */
export function checkAccountSettingsOf(owner: IConstruct): void {
  checkLoggingStagesOf(owner);
  for (const claim of (CLAIMS.get(owner.node.root) ?? []).filter((candidate) => candidate.owner === owner)) {
    const [error] = checkAccountSettings(claim);
    if (error !== undefined) {
      throw new Error(error);
    }
  }
}

function sameAccountError(claim: AccountClaim, other: TerraformResource): Error {
  const keepOne = "keep one ('cloudWatchRole: false' on a deployment construct says it is set elsewhere)";
  if (TerraformStack.of(other) === TerraformStack.of(claim.account)) {
    return invalidProperty(claim.owner, claim.property, claim.value,
      `one owner per account and region of the account's CloudWatch role: '${other.node.path}' already sets it (aws_api_gateway_account) `
      + `with ${describePlacement(other)}, and this one with ${describePlacement(claim.account)}; ${keepOne}`);
  }
  return invalidProperty(claim.owner, claim.property, claim.value,
    `one owner per account and region of the account's CloudWatch role: '${other.node.path}' already sets it ` +
    `(aws_api_gateway_account) with the same provider settings; ${keepOne}, or, if the stacks deploy to different accounts, say so in each ` +
    "stack's AwsProvider ('allowedAccountIds')");
}
