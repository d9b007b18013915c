import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataKey } from '../../../../../electron/main/dataKey/dataKeyStore';
import { diskKeyFile, memoryKeyFile } from '../../../../../electron/main/dataKey/keyFile';
import { fakeSafeStorage } from '../../../../fixtures/fakeSafeStorage';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const keyA = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const keyB = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
const fixedKey = (key: Uint8Array) => () => Uint8Array.from(key);

describe('loadDataKey', () => {
  it('creates a random key on first run, wraps it with the OS key store and unwraps the same key at the next start', async () => {
    const file = memoryKeyFile();
    const first = await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file, randomKey: fixedKey(keyA) });
    expect(first).toEqual({ state: 'ready', key: keyA, protection: 'osKeyStore' });
    const stored = new TextDecoder().decode((await file.read())!);
    expect(JSON.parse(stored)).toMatchObject({ format: 1, backend: 'gnome_libsecret' });
    expect(stored).not.toContain(Buffer.from(keyA).toString('base64'));

    const again = await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file, randomKey: fixedKey(keyB) });
    expect(again).toEqual({ state: 'ready', key: keyA, protection: 'osKeyStore' });
  });

  it('draws 32 fresh random bytes per desk when no generator is given', async () => {
    const a = await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'win32', file: memoryKeyFile() });
    const b = await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'win32', file: memoryKeyFile() });
    if (a.state !== 'ready' || b.state !== 'ready') throw new Error('expected keys');
    expect(a.key.byteLength).toBe(32);
    expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(false);
  });

  it('on a Linux without a key store wraps with the fixed password, says so, and switches that off again for the HQ token', async () => {
    const safeStorage = fakeSafeStorage({ backend: 'basic_text', keyStore: false });
    const file = memoryKeyFile();
    const state = await loadDataKey({ safeStorage, platform: 'linux', file, randomKey: fixedKey(keyA) });
    expect(state).toEqual({ state: 'ready', key: keyA, protection: 'fixedPassword' });
    expect(JSON.parse(new TextDecoder().decode((await file.read())!))).toMatchObject({ backend: 'basic_text' });
    expect(safeStorage.plainTextSwitches.at(-1)).toBe(false);
    expect(safeStorage.isEncryptionAvailable()).toBe(false);
    expect(await loadDataKey({ safeStorage, platform: 'linux', file, randomKey: fixedKey(keyB) })).toEqual(state);
  });

  it('treats a key store that cannot encrypt on Linux (locked, missing) like having none', async () => {
    const state = await loadDataKey({ safeStorage: fakeSafeStorage({ keyStore: false }), platform: 'linux', file: memoryKeyFile(), randomKey: fixedKey(keyA) });
    expect(state).toMatchObject({ state: 'ready', protection: 'fixedPassword' });
  });

  it('wraps a fixed-password key again under a key store installed since', async () => {
    const file = memoryKeyFile();
    await loadDataKey({ safeStorage: fakeSafeStorage({ backend: 'basic_text', keyStore: false }), platform: 'linux', file, randomKey: fixedKey(keyA) });
    const upgraded = await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file, randomKey: fixedKey(keyB) });
    expect(upgraded).toEqual({ state: 'ready', key: keyA, protection: 'osKeyStore' });
    const stored = new TextDecoder().decode((await file.read())!);
    expect(JSON.parse(stored)).toMatchObject({ backend: 'gnome_libsecret' });
    expect(JSON.parse(stored).wrapped).toBe(fakeSafeStorage().encryptString(Buffer.from(keyA).toString('base64')).toString('base64'));
  });

  it('reports a key wrapped by a key store this session lacks, and keeps the file instead of making a new key', async () => {
    const file = memoryKeyFile();
    await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file, randomKey: fixedKey(keyA) });
    const before = await file.read();
    const state = await loadDataKey({ safeStorage: fakeSafeStorage({ backend: 'basic_text', keyStore: false }), platform: 'linux', file, randomKey: fixedKey(keyB) });
    expect(state).toEqual({ state: 'unavailable', problem: 'keyStoreChanged' });
    expect(await file.read()).toEqual(before);
  });

  it.each([
    ['not JSON', 'garbage'],
    ['an unknown format', JSON.stringify({ format: 2, backend: 'gnome_libsecret', wrapped: 'AAAA' })],
    ['a wrap the key store cannot open', JSON.stringify({ format: 1, backend: 'gnome_libsecret', wrapped: Buffer.from('v12:c2VjcmV0').toString('base64') })],
    ['a key of the wrong length', JSON.stringify({ format: 1, backend: 'gnome_libsecret', wrapped: fakeSafeStorage().encryptString(Buffer.from('short').toString('base64')).toString('base64') })],
  ])('reports a key file holding %s as unreadable and leaves it as it is', async (_case, text) => {
    const file = memoryKeyFile(new TextEncoder().encode(text));
    expect(await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file, randomKey: fixedKey(keyB) })).toEqual({
      state: 'unavailable',
      problem: 'unreadable',
    });
    expect(new TextDecoder().decode((await file.read())!)).toBe(text);
  });

  it('reports no encryption on Windows or macOS when safeStorage offers none, and writes nothing', async () => {
    const file = memoryKeyFile();
    const state = await loadDataKey({ safeStorage: fakeSafeStorage({ keyStore: false }), platform: 'darwin', file, randomKey: fixedKey(keyA) });
    expect(state).toEqual({ state: 'unavailable', problem: 'noEncryption' });
    expect(await file.read()).toBeNull();
  });

  it('names the key store by platform outside Linux', async () => {
    const file = memoryKeyFile();
    await loadDataKey({ safeStorage: fakeSafeStorage({ backend: 'unknown' }), platform: 'win32', file, randomKey: fixedKey(keyA) });
    expect(JSON.parse(new TextDecoder().decode((await file.read())!))).toMatchObject({ backend: 'win32' });
  });
});

describe('diskKeyFile', () => {
  it('writes the file readable by this account only, whole, with no temporary file left, and reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-key-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'desk-data-key.json');
    const file = diskKeyFile(path);
    expect(await file.read()).toBeNull();
    await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file, randomKey: fixedKey(keyA) });
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['desk-data-key.json']);
    expect(readFileSync(path).toString()).not.toContain(Buffer.from(keyA).toString('base64'));
    expect(await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file: diskKeyFile(path) })).toMatchObject({ key: keyA });
  });

  it('passes on a read error other than a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-key-'));
    dirs.push(dir);
    await expect(diskKeyFile(dir).read()).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
