import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeStorageSecretStore, type SafeStorageLike } from '../../../../../electron/main/hq/secretStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tokenPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secret-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'hq-token.bin');
}

/** Stands in for Electron's safeStorage: a reversible transformation, so the file is never the plain token. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
    decryptString: (encrypted) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').toString();
    },
  };
}

describe('safeStorageSecretStore', () => {
  it('writes the token encrypted, readable only by this account, and reads it back', async () => {
    const path = tokenPath();
    const store = safeStorageSecretStore(fakeSafeStorage(), path);
    expect(await store.read()).toBeNull();
    await store.write('tok_abcdefghijklmnop');
    expect(readFileSync(path).toString()).not.toContain('tok_abcdefghijklmnop');
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(await safeStorageSecretStore(fakeSafeStorage(), path).read()).toBe('tok_abcdefghijklmnop');
  });

  it('writes nothing when the OS offers no encryption, rather than keeping the token in plain text', async () => {
    const path = tokenPath();
    const store = safeStorageSecretStore(fakeSafeStorage(false), path);
    expect(store.available()).toBe(false);
    await expect(store.write('tok_abcdefghijklmnop')).rejects.toThrow();
    expect(() => statSync(path)).toThrow();
  });

  it('reads a token it can no longer decrypt as none, so the admin enrols again', async () => {
    const path = tokenPath();
    await safeStorageSecretStore(fakeSafeStorage(), path).write('tok_abcdefghijklmnop');
    writeFileSync(path, 'garbage');
    expect(await safeStorageSecretStore(fakeSafeStorage(), path).read()).toBeNull();
  });
});
