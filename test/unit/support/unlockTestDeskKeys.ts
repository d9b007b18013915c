import { randomBytes } from 'node:crypto';
import { unlockDeskKeys } from '../../../renderer/src/data/crypto/deskKeys';

const dataKey = new Uint8Array(randomBytes(32));

/**
 * A copy of the data key this test file's page was handed (unlocking wipes what it is given): what the
 * main process would hand a backup to carry, so a restore can open the rows it holds as they rest.
 */
export function testDataKey(): Uint8Array<ArrayBuffer> {
  return dataKey.slice();
}

// Every unit test runs as a page whose main process handed over a data key from a key store, as the app
// does at start; a test of a desk without keys re-imports the module after `vi.resetModules()`. Awaited:
// search keys are computed synchronously from the keys once they are in.
await unlockDeskKeys(() => Promise.resolve({ state: 'ready', key: dataKey.slice(), protection: 'osKeyStore' }));
