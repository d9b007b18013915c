import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256Hex, sha256Schema } from '../../../../renderer/src/domain/sha256';

// FIPS 180-2's examples.
const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('sha256Hex', () => {
  it('gives the lowercase hex digest of text as UTF-8 and of bytes alike', async () => {
    expect(await sha256Hex('abc')).toBe(abc);
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(abc);
    expect(await sha256Hex('')).toBe(empty);
    expect(await sha256Hex('办件')).toBe(await sha256Hex(new TextEncoder().encode('办件')));
  });

  it('hashes only the bytes a view covers', async () => {
    const buffer = new Uint8Array([0x00, 0x61, 0x62, 0x63, 0x00]);
    expect(await sha256Hex(buffer.subarray(1, 4))).toBe(abc);
  });

  it('gives the 32 raw bytes of the same digest', async () => {
    const bytes = await sha256Bytes('abc');
    expect(bytes).toHaveLength(32);
    expect(Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')).toBe(abc);
  });
});

describe('sha256Schema', () => {
  it('takes 64 lowercase hex digits and refuses anything else, in Chinese', async () => {
    expect(sha256Schema.safeParse(await sha256Hex('abc')).success).toBe(true);
    for (const wrong of [abc.toUpperCase(), abc.slice(1), `${abc}0`, `${abc.slice(1)}g`]) {
      const result = sha256Schema.safeParse(wrong);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('SHA-256 应为 64 位小写十六进制');
    }
  });
});
