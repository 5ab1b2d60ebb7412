/** HttpApiDeployment under Terraform and the emulator: the redeploy promises of v2-scenario.ts for a HTTP API. */
import { v2Scenario } from './v2-scenario';
import { emulatorForThisFile } from '../emulator/emulator';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

describe('HttpApiDeployment under Terraform', () => {
  v2Scenario('HTTP', emulator);
});
