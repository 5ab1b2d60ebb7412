import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { describePlacement, sameAccount } from '../core/placement';
import { warnOnce } from '../core/warnings';

/**
 * API Gateway's account settings (`aws_api_gateway_account`: the CloudWatch role) are one per
 * account and region, whatever the number of resources that set them: two of them fight (the last
 * apply wins, and destroying either resets the setting for every API there). This checks the app
 * for a second one.
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

/**
 * Records the `aws_api_gateway_account` the library creates. Fails at once when the app already
 * has one of the library's certainly in the same account and region (`sameAccount`); the rest of
 * the app, hand-written ones included, is checked when the app is validated (`checkAccountSettings`).
 */
export function claimAccountSettings(claim: AccountClaim): void {
  const app = claim.owner.node.root;
  const claims = CLAIMS.get(app) ?? [];
  CLAIMS.set(app, claims);
  const same = claims.find((other) => sameAccount(other.account, claim.account) === 'same');
  if (same !== undefined) {
    throw sameAccountError(claim, same.account);
  }
  claims.push(claim);
  claim.account.node.addValidation({ validate: () => checkAccountSettings(claim) });
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

/** The claims made by `owner`, for `warningsOf`: runs their checks, throws their errors. */
export function checkAccountSettingsOf(owner: IConstruct): void {
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
