/**
 * The README's app with the cdktf flavour and `cdktf-cli`, end to end against the emulator
 * (cli-scenario.ts).
 */
import { cliScenario } from './cli-scenario';
import { emulatorForThisFile } from '../emulator/emulator';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

describe('cdktf-cli drives the README app', () => {
  cliScenario('cdktf', emulator);
});
