import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { dataKeyLength, type DataKeyProblem, type KeyProtection } from '../../../renderer/src/domain/dataKey';
import type { KeyFile } from './keyFile';

/** The part of Electron's `safeStorage` the data key needs, injected so this module needs no Electron. */
export interface KeySafeStorage {
  isEncryptionAvailable(): boolean;
  /** Linux only; 'unknown' before the app is ready. */
  getSelectedStorageBackend(): string;
  /** Linux only: use Chromium's fixed password when no key store is found (else nothing is available). */
  setUsePlainTextEncryption(usePlainText: boolean): void;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The unwrapped key of this desk, or why there is none. */
export type DataKeyState =
  | { state: 'ready'; key: Uint8Array; protection: KeyProtection }
  | { state: 'unavailable'; problem: DataKeyProblem };

/** What the key file holds: the wrapped key and which key store wrapped it, so a change of key store is named. */
const wrappedKeySchema = z.object({
  format: z.literal(1),
  backend: z.string().min(1).max(40),
  wrapped: z.base64(),
});

export interface DataKeyStoreOptions {
  safeStorage: KeySafeStorage;
  platform: NodeJS.Platform;
  file: KeyFile;
  /** Random bytes for a new key; injected for tests. */
  randomKey?: () => Uint8Array;
}

/** The key store behind `safeStorage` on this platform, as the key file records it. */
function selectedBackend(safeStorage: KeySafeStorage, platform: NodeJS.Platform): string {
  return platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform;
}

/** How this platform's `safeStorage` wraps the data key, and the file it goes in. */
function keyWrapping({ safeStorage, platform, file }: DataKeyStoreOptions) {
  const fixedPassword =
    platform === 'linux' && (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend() === 'basic_text');
  const protection: KeyProtection = fixedPassword ? 'fixedPassword' : 'osKeyStore';
  // No key store found: Chromium's fallback wraps with a password written in its source. Still better than
  // a bare key on disk, and the admin is told before any personal data is stored. Switched on for the
  // data key's own calls only, so the HQ token is still never stored that way.
  const withSafeStorage = <T>(use: () => T): T => {
    if (!fixedPassword) return use();
    safeStorage.setUsePlainTextEncryption(true);
    try {
      return use();
    } finally {
      safeStorage.setUsePlainTextEncryption(false);
    }
  };
  const backend = fixedPassword ? 'basic_text' : selectedBackend(safeStorage, platform);
  return {
    protection,
    backend,
    withSafeStorage,
    available: () => withSafeStorage(() => safeStorage.isEncryptionAvailable()),
    wrap: async (key: Uint8Array) => {
      const wrapped = withSafeStorage(() => safeStorage.encryptString(Buffer.from(key).toString('base64')));
      await file.write(new TextEncoder().encode(JSON.stringify({ format: 1, backend, wrapped: wrapped.toString('base64') })));
    },
  };
}

/**
 * Loads the desk's data key, creating it on first run: 32 random bytes wrapped by the OS key store
 * through `safeStorage`, kept in a file of their own. Call after the app is ready (the Linux key store is
 * chosen then). A key that cannot be unwrapped is reported, never replaced: a new key would make every
 * row already encrypted unreadable, while the old file may still come back (the right OS account, the
 * key store unlocked, a restored copy).
 */
export async function loadDataKey(options: DataKeyStoreOptions): Promise<DataKeyState> {
  const { safeStorage, file, randomKey = () => Uint8Array.from(randomBytes(dataKeyLength)) } = options;
  const { protection, backend, withSafeStorage, available, wrap } = keyWrapping(options);
  if (!available()) return { state: 'unavailable', problem: 'noEncryption' };

  const stored = await file.read();
  if (stored === null) {
    const key = randomKey();
    await wrap(key);
    return { state: 'ready', key, protection };
  }
  const parsed = parseWrappedKey(stored);
  if (parsed === null) return { state: 'unavailable', problem: 'unreadable' };
  let key: Uint8Array;
  try {
    key = Uint8Array.from(Buffer.from(withSafeStorage(() => safeStorage.decryptString(Buffer.from(parsed.wrapped, 'base64'))), 'base64'));
  } catch {
    return { state: 'unavailable', problem: parsed.backend === backend ? 'unreadable' : 'keyStoreChanged' };
  }
  if (key.byteLength !== dataKeyLength) return { state: 'unavailable', problem: 'unreadable' };
  // Unwrapped under another key store than today's (one installed since): wrapped again under today's.
  if (parsed.backend !== backend) await wrap(key);
  return { state: 'ready', key, protection };
}

/**
 * Makes `key` (a restored backup's) this desk's data key: wrapped by today's key store and written over
 * the key file, so the restored rows, scans and PDFs sealed under it can be opened here. The key file it
 * replaces is kept beside it (`desk-data-key.replaced-<time>.json`), never deleted: were anything sealed
 * under the old key after all, it can still be opened.
 */
export async function adoptDataKey(options: DataKeyStoreOptions, key: Uint8Array, now: Date = new Date()): Promise<DataKeyState> {
  if (key.byteLength !== dataKeyLength) throw new RangeError('data key length');
  const { protection, available, wrap } = keyWrapping(options);
  if (!available()) return { state: 'unavailable', problem: 'noEncryption' };
  await options.file.keepCopy(now.toISOString().replace(/[:.]/g, '-'));
  await wrap(key);
  return { state: 'ready', key: Uint8Array.from(key), protection };
}

function parseWrappedKey(bytes: Uint8Array): z.infer<typeof wrappedKeySchema> | null {
  try {
    const parsed = wrappedKeySchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
