import { createHmac, hkdfSync } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DeskKeysModule from '../../../../../renderer/src/data/crypto/deskKeys';

// The module keeps one page load's keys: each test gets a fresh copy, as a fresh page would.
let deskKeys: typeof DeskKeysModule;
beforeEach(async () => {
  vi.resetModules();
  deskKeys = await import('../../../../../renderer/src/data/crypto/deskKeys');
});

const rawKey = () => Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 3);
const subtle = globalThis.crypto.subtle;

describe('importDeskKeys', () => {
  it('derives a non-extractable AES-GCM key and a search keyer, and overwrites the raw bytes it was given', async () => {
    const raw = rawKey();
    const keys = await deskKeys.importDeskKeys(raw);
    expect(raw.every((byte) => byte === 0)).toBe(true);
    expect(keys.encryption).toMatchObject({ extractable: false, algorithm: { name: 'AES-GCM', length: 256 }, usages: expect.arrayContaining(['encrypt', 'decrypt']) });
    await expect(subtle.exportKey('raw', keys.encryption)).rejects.toThrow();
    // The keyer exposes keying only: no key bytes to read back.
    expect(Object.keys(keys.search)).toEqual(['keyed']);
  });

  it('encrypts and decrypts with the AES-GCM key, and a key from other bytes cannot decrypt', async () => {
    const keys = await deskKeys.importDeskKeys(rawKey());
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await subtle.encrypt({ name: 'AES-GCM', iv }, keys.encryption, new TextEncoder().encode('张三 110101199003071234'));
    expect(new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv }, keys.encryption, sealed))).toBe('张三 110101199003071234');
    const other = await deskKeys.importDeskKeys(Uint8Array.from({ length: 32 }, () => 9));
    await expect(subtle.decrypt({ name: 'AES-GCM', iv }, other.encryption, sealed)).rejects.toThrow();
  });

  it('derives the search key by HKDF-SHA-256 with its own label, so stored search keys stay stable across versions', async () => {
    const keys = await deskKeys.importDeskKeys(rawKey());
    const expectedKey = Buffer.from(hkdfSync('sha256', rawKey(), new Uint8Array(0), 'yichuangtong/search-keys/hmac-sha256/v1', 32));
    // Each unit is 15 bits of the HMAC of the kind and the payload up to it, from U+4000; the whole key's
    // unit two of them, of the payload and an end mark.
    const unit = (text: string, at = 0) => String.fromCharCode(0x4000 + (createHmac('sha256', expectedKey).update(text).digest().readUInt16BE(at) & 0x7fff));
    expect(keys.search.keyed('N:张三', { shortest: 1, longest: 2, whole: false })).toBe('N:' + unit('N:张') + unit('N:张三'));
    expect(keys.search.keyed('N:张三', { shortest: 1, longest: 1, whole: true })).toBe('N:' + unit('N:张') + unit('N:张三\0') + unit('N:张三\0', 2));
    // The AES key is derived with another label: the HMAC key is not the AES key's bytes.
    const aesBytes = Buffer.from(hkdfSync('sha256', rawKey(), new Uint8Array(0), 'yichuangtong/desk-data/aes-gcm/v1', 32));
    expect(aesBytes.equals(expectedKey)).toBe(false);
  });
});

describe('unlockDeskKeys', () => {
  it('asks the main process once and answers every later call with the same keys', async () => {
    const ask = vi.fn(async () => ({ state: 'ready' as const, key: rawKey(), protection: 'fixedPassword' as const }));
    const first = await deskKeys.unlockDeskKeys(ask);
    expect(first).toMatchObject({ state: 'ready', protection: 'fixedPassword' });
    expect(first.state === 'ready' && deskKeys.searchKeyerNow()).toBe(first.state === 'ready' && first.keys.search);
    expect(await deskKeys.unlockDeskKeys(ask)).toBe(first);
    expect(await deskKeys.deskKeyState()).toBe(first);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('passes on why the main process has no key', async () => {
    expect(await deskKeys.unlockDeskKeys(async () => ({ state: 'unavailable', problem: 'keyStoreChanged' }))).toEqual({
      state: 'unavailable',
      problem: 'keyStoreChanged',
    });
  });

  it('refuses in Chinese to key search keys before the keys are in', () => {
    expect(() => deskKeys.searchKeyerNow()).toThrow('本机的数据密钥不可用');
  });

  it('answers notHanded when the ask fails (refused, no main process) or was never made', async () => {
    expect(await deskKeys.deskKeyState()).toEqual({ state: 'unavailable', problem: 'notHanded' });
    expect(await deskKeys.unlockDeskKeys(async () => Promise.reject(new Error('本页面已经取得过数据密钥')))).toEqual({
      state: 'unavailable',
      problem: 'notHanded',
    });
  });

  it('answers notHanded when the handed bytes cannot be imported', async () => {
    expect(await deskKeys.unlockDeskKeys(async () => ({ state: 'ready', key: new Uint8Array(0), protection: 'osKeyStore' }))).toEqual({
      state: 'unavailable',
      problem: 'notHanded',
    });
  });
});
