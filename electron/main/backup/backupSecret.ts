import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BackupSecretState } from '../../ipc/backup';
import { RefusedError } from '../../ipc/errors';
import { ipcMessages } from '../../ipc/messages';
import type { KeyFile } from '../dataKey/keyFile';

const storedSecretSchema = z.object({
  format: z.literal(1),
  salt: z.base64(),
  iterations: z.int().min(1),
  iv: z.base64(),
  sealed: z.base64(),
  setAt: z.string(),
});

export interface BackupSecretDeps {
  file: KeyFile;
  /** The desk's data key, which seals the secret (itself wrapped by the OS key store); null when there is none. */
  dataKey: () => Promise<Uint8Array | null>;
  now?: () => Date;
}

const sealingKey = (dataKey: Uint8Array) => Buffer.from(hkdfSync('sha256', dataKey, new Uint8Array(0), 'yct backup secret v1', 32));

/**
 * What the admin's backup passphrase gave (PBKDF2 bits at a salt), kept so the backup at day close needs
 * no passphrase; the passphrase itself is never stored. Sealed by AES-GCM under a key derived from the
 * desk's data key, so it is as safe as the data key the OS key store wraps, and a copy of the file on
 * another machine opens nothing.
 */
export function createBackupSecretStore(deps: BackupSecretDeps) {
  const key = async () => {
    const dataKey = await deps.dataKey();
    if (dataKey === null) throw new RefusedError(ipcMessages.dataKeyNotAdoptable);
    return sealingKey(dataKey);
  };
  return {
    async get(): Promise<BackupSecretState> {
      const bytes = await deps.file.read();
      if (bytes === null) return { state: 'none' };
      try {
        const stored = storedSecretSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
        const sealed = Buffer.from(stored.sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', await key(), Buffer.from(stored.iv, 'base64'));
        decipher.setAAD(Buffer.from(`${stored.salt}:${stored.iterations}`));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        const bits = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
        return { state: 'set', salt: Uint8Array.from(Buffer.from(stored.salt, 'base64')), iterations: stored.iterations, bits: Uint8Array.from(bits), setAt: stored.setAt };
      } catch (error) {
        if (error instanceof RefusedError) throw error;
        return { state: 'unreadable' };
      }
    },
    async set({ salt, iterations, bits }: { salt: Uint8Array; iterations: number; bits: Uint8Array }): Promise<{ setAt: string }> {
      const iv = randomBytes(12);
      const saltText = Buffer.from(salt).toString('base64');
      const cipher = createCipheriv('aes-256-gcm', await key(), iv);
      cipher.setAAD(Buffer.from(`${saltText}:${iterations}`));
      const sealed = Buffer.concat([cipher.update(bits), cipher.final(), cipher.getAuthTag()]);
      const setAt = (deps.now?.() ?? new Date()).toISOString();
      const stored = { format: 1, salt: saltText, iterations, iv: iv.toString('base64'), sealed: sealed.toString('base64'), setAt };
      await deps.file.write(new TextEncoder().encode(JSON.stringify(stored)));
      return { setAt };
    },
  };
}

export type BackupSecretStore = ReturnType<typeof createBackupSecretStore>;
