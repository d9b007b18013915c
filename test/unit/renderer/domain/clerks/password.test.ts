import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  constantTimeEqual,
  hashPassword,
  passwordRecordSchema,
  verifyPassword,
} from '../../../../../renderer/src/domain/clerks/password';

const fast = { iterations: MIN_PBKDF2_ITERATIONS };
const bytes = (base64: string) => Buffer.from(base64, 'base64');

describe('hashPassword', () => {
  it('keeps a PBKDF2-SHA-256 record with a 16-byte salt and a 32-byte hash, never the password', async () => {
    const record = await hashPassword('窗口受理2026', fast);
    expect(record.algorithm).toBe('PBKDF2-SHA-256');
    expect(record.iterations).toBe(MIN_PBKDF2_ITERATIONS);
    expect(bytes(record.salt)).toHaveLength(16);
    expect(bytes(record.hash)).toHaveLength(32);
    expect(JSON.stringify(record)).not.toContain('窗口受理2026');
    expect(passwordRecordSchema.safeParse(record).success).toBe(true);
  });

  it('uses at least 600,000 iterations by default', async () => {
    const record = await hashPassword('a sturdy passphrase');
    expect(record.iterations).toBe(DEFAULT_PBKDF2_ITERATIONS);
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('salts every hash afresh, so the same password never gives the same record twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', fast), hashPassword('same password', fast)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses an iteration count below the OWASP floor of 310,000', async () => {
    await expect(hashPassword('whatever it is', { iterations: 309_999 })).rejects.toThrow(RangeError);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and refuses a wrong one, one character off or empty', async () => {
    const record = await hashPassword('Counter-Desk-03', fast);
    expect(await verifyPassword('Counter-Desk-03', record)).toBe(true);
    expect(await verifyPassword('Counter-Desk-04', record)).toBe(false);
    expect(await verifyPassword('counter-desk-03', record)).toBe(false);
    expect(await verifyPassword('', record)).toBe(false);
  });

  it('treats composed and decomposed forms of the same characters as the same password', async () => {
    const record = await hashPassword('Café-窗口-2026', fast);
    expect(await verifyPassword('Cafe\u0301-窗口-2026', record)).toBe(true);
  });

  it('refuses to check against a record whose cost was lowered or whose hash was cut short', async () => {
    const record = await hashPassword('Counter-Desk-03', fast);
    await expect(verifyPassword('Counter-Desk-03', { ...record, iterations: 1000 })).rejects.toThrow('密码记录已损坏');
    await expect(verifyPassword('Counter-Desk-03', { ...record, hash: record.hash.slice(0, 20) })).rejects.toThrow(
      '密码记录已损坏',
    );
  });
});

describe('constantTimeEqual', () => {
  it('is true only for byte-for-byte equal arrays', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([9, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([]))).toBe(true);
  });
});
