/**
 * The README's app with the cdktn flavour and `cdktn-cli`, end to end against the emulator
 * (cli-scenario.ts), on Node.js 22 (scripts/node-22.sh): cdktn-cli needs 22.19 or later.
 */
import { cliScenario } from './cli-scenario';
import { emulatorForThisFile } from '../emulator/emulator';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

describe('cdktn-cli drives the README app', () => {
  cliScenario('cdktn', emulator);
});
