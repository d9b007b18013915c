import { describe, expect, it } from 'vitest';
import { createBackupSecretStore } from '../../../../../electron/main/backup/backupSecret';
import { memoryKeyFile } from '../../../../../electron/main/dataKey/keyFile';
import { RefusedError } from '../../../../../electron/ipc/errors';

const salt = new Uint8Array(16).fill(3);
const bits = Uint8Array.from({ length: 64 }, (_, i) => i);
const keyA = new Uint8Array(32).fill(1);
const keyB = new Uint8Array(32).fill(2);

describe('the backup secret in the main process', () => {
  it('keeps what the passphrase gave, sealed under the data key, and gives it back', async () => {
    const file = memoryKeyFile();
    const store = createBackupSecretStore({ file, dataKey: async () => keyA, now: () => new Date('2026-11-26T10:00:00Z') });
    expect(await store.get()).toEqual({ state: 'none' });
    expect(await store.set({ salt, iterations: 600_000, bits })).toEqual({ setAt: '2026-11-26T10:00:00.000Z' });
    expect(await store.get()).toEqual({ state: 'set', salt, iterations: 600_000, bits, setAt: '2026-11-26T10:00:00.000Z' });
    const onDisk = new TextDecoder().decode((await file.read())!);
    expect(onDisk).not.toContain(Buffer.from(bits).toString('base64'));
  });

  it('reads as unreadable under another data key (a restore adopted another) or when the file was changed', async () => {
    const file = memoryKeyFile();
    await createBackupSecretStore({ file, dataKey: async () => keyA }).set({ salt, iterations: 600_000, bits });
    expect(await createBackupSecretStore({ file, dataKey: async () => keyB }).get()).toEqual({ state: 'unreadable' });
    const stored = JSON.parse(new TextDecoder().decode((await file.read())!)) as { iterations: number };
    await file.write(new TextEncoder().encode(JSON.stringify({ ...stored, iterations: 700_000 })));
    expect(await createBackupSecretStore({ file, dataKey: async () => keyA }).get()).toEqual({ state: 'unreadable' });
  });

  it('refuses to keep a secret on a desk without a data key', async () => {
    await expect(createBackupSecretStore({ file: memoryKeyFile(), dataKey: async () => null }).set({ salt, iterations: 600_000, bits })).rejects.toBeInstanceOf(RefusedError);
  });
});
