import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { ApiSnapshot } from './api-snapshot';
import { argumentsNeverDeployed } from './argument-roles';
import { isAcknowledged } from './blind-spots';

/**
 * Terraform functions whose value changes at every plan or apply: a deployed argument written with
 * one changes the resource at every apply, while the deployment's trigger (the call, not its value)
 * stays, so the stage keeps serving what the first apply deployed.
 */
const CHANGING_CALL = /\$\{[^}]*?\b(timestamp|plantimestamp|uuid|bcrypt)\(/;

/**
 * A warning for each API resource whose deployed arguments call a function whose value changes at
 * every plan or apply (`timestamp()`, `uuid()`); none for an acknowledged one.
 */
export function changingCallWarnings(family: ApiFamily, snapshot: ApiSnapshot, acknowledged: readonly IConstruct[]): string[] {
  return snapshot.resources.flatMap((item) => {
    const neverDeployed = argumentsNeverDeployed(family.argumentRoles[item.type]);
    const deployed = Object.entries(item.config).filter(([key]) => key !== '//' && key !== 'lifecycle' && !neverDeployed.has(key));
    const call = CHANGING_CALL.exec(JSON.stringify(Object.fromEntries(deployed)))?.[1];
    if (call === undefined || isAcknowledged(item.construct, acknowledged)) {
      return [];
    }
    return [`The resource ${item.address} ('${item.construct.node.path}') calls ${call}(), whose value changes at every ${call === 'plantimestamp' ? 'plan' : 'apply'}: `
      + 'Terraform updates the resource each time, but the deployment\'s trigger holds the call, not its value, so the stage keeps serving what the '
      + 'first apply deployed. Give it a value known when the program is written (a variable), or add the same call to the deployment\'s \'triggers\' '
      + "to redeploy at every apply; then list the resource in 'acknowledgedBlindSpots'."];
  });
}
