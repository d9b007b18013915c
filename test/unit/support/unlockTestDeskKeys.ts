import { randomBytes } from 'node:crypto';
import { unlockDeskKeys } from '../../../renderer/src/data/crypto/deskKeys';

// Every unit test runs as a page whose main process handed over a data key from a key store, as the app
// does at start; a test of a desk without keys re-imports the module after `vi.resetModules()`. Awaited:
// search keys are computed synchronously from the keys once they are in.
await unlockDeskKeys(() => Promise.resolve({ state: 'ready', key: new Uint8Array(randomBytes(32)), protection: 'osKeyStore' }));
