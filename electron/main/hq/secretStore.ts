import { readFileIfPresent, writePrivateFile } from '../privateFile';

/** The desk's HQ token, kept by the main process only; the renderer never sees it (ARCHITECTURE.md, "Layers"). */
export interface SecretStore {
  /** False when this machine cannot keep a secret encrypted; nothing is then stored. */
  available(): boolean;
  /** The token, or null when none is stored or it cannot be decrypted any more. */
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
}

/** The part of Electron's `safeStorage` used here, injected so this module needs no Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The token encrypted with the OS key store through Electron's `safeStorage` (Keychain, DPAPI, libsecret),
 * in a file in userData. Without an OS key store nothing is written: a plain-text token on disk would
 * let anyone with the file push as this desk.
 */
export function safeStorageSecretStore(safeStorage: SafeStorageLike, path: string): SecretStore {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    async read() {
      if (!safeStorage.isEncryptionAvailable()) return null;
      const encrypted = await readFileIfPresent(path);
      if (encrypted === null) return null;
      try {
        return safeStorage.decryptString(encrypted);
      } catch {
        // Encrypted under another OS account or key: unusable, the admin enrols again.
        return null;
      }
    },
    async write(token) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
      await writePrivateFile(path, safeStorage.encryptString(token));
    },
  };
}

/** Held in memory only, for tests and the end-to-end harness (there is no OS key store there). */
export function memorySecretStore(): SecretStore {
  let token: string | null = null;
  return {
    available: () => true,
    read: async () => token,
    write: async (value) => {
      token = value;
    },
  };
}
