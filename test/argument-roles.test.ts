/**
 * The table of what each argument of each discovered type does (`src/triggers/argument-roles.ts`)
 * classifies exactly the arguments the installed provider bindings have: an argument the table
 * does not know would be hashed (a false redeploy at worst), but the table must say so.
 */
import { resourceArguments } from './support/provider-schema';
import { HTTP_API_FAMILY, WEBSOCKET_API_FAMILY } from '../src/triggers/api-gateway-v2-family';
import { ARGUMENT_ROLES } from '../src/triggers/argument-roles';
import { REST_API_FAMILY } from '../src/triggers/rest-api-family';

const FAMILIES = [REST_API_FAMILY, HTTP_API_FAMILY, WEBSOCKET_API_FAMILY];

test('every type of every API family is in the table', () => {
  const types = [...new Set(FAMILIES.flatMap((family) => [family.apiType, ...family.redeployTypes]))];

  expect(types.filter((type) => !(type in ARGUMENT_ROLES))).toEqual([]);
  expect(Object.keys(ARGUMENT_ROLES).filter((type) => !types.includes(type))).toEqual([]);
});

describe.each(Object.entries(ARGUMENT_ROLES))('%s', (type, roles) => {
  const classified = [...roles.deployed, ...roles.ownEntry ?? [], ...roles.notDeployed ?? [], ...roles.provider];

  test('every argument of the provider bindings is classified', () => {
    const schema = resourceArguments(type)!;

    expect(schema.filter((argument) => !classified.includes(argument))).toEqual([]);
    // The table also serves the newer provider of the other flavour: a few arguments more at most.
    expect(classified.filter((argument) => !schema.includes(argument)).length).toBeLessThanOrEqual(3);
  });

  test('each argument has one role', () => {
    expect(classified.filter((argument, index) => classified.indexOf(argument) !== index)).toEqual([]);
  });
});
