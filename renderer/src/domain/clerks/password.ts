import { z } from 'zod';
import { clerksMessages } from './messages';

export const PASSWORD_ALGORITHM = 'PBKDF2-SHA-256';
/** OWASP's floor for PBKDF2-HMAC-SHA-256; records below it are refused as too cheap to attack. */
export const MIN_PBKDF2_ITERATIONS = 310_000;
/** OWASP's current recommendation; about 0.2 s per sign-in on the counter PCs. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** A stored record may not ask for more, so a tampered row cannot make sign-in hang. */
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function base64OfLength(byteCount: number) {
  return z
    .string()
    .refine((text) => z.base64().safeParse(text).success && base64ToBytes(text).length === byteCount, {
      error: clerksMessages.password.malformedRecord,
    });
}

/** How a password is kept: never the password, only a salted, slow hash and what is needed to redo it. */
export const passwordRecordSchema = z.object({
  algorithm: z.literal(PASSWORD_ALGORITHM, { error: clerksMessages.password.malformedRecord }),
  iterations: z
    .number()
    .int()
    .min(MIN_PBKDF2_ITERATIONS, { error: clerksMessages.password.malformedRecord })
    .max(MAX_PBKDF2_ITERATIONS, { error: clerksMessages.password.malformedRecord }),
  salt: base64OfLength(SALT_BYTES),
  hash: base64OfLength(HASH_BYTES),
});
export type PasswordRecord = z.infer<typeof passwordRecordSchema>;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  // NFC so the same password typed through different input methods hashes the same.
  const secret = new TextEncoder().encode(password.normalize('NFC'));
  const key = await globalThis.crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(
  password: string,
  options: { iterations?: number } = {},
): Promise<PasswordRecord> {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer in [${MIN_PBKDF2_ITERATIONS}, ${MAX_PBKDF2_ITERATIONS}]`);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return { algorithm: PASSWORD_ALGORITHM, iterations, salt: bytesToBase64(salt), hash: bytesToBase64(hash) };
}

/** Compares every byte whatever the first difference, so timing does not reveal how much of a hash matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false; // lengths are public (always 32 here)
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** True when the password produces the stored hash. Throws (with a Chinese message) on a malformed record. */
export async function verifyPassword(password: string, record: PasswordRecord): Promise<boolean> {
  const checked = passwordRecordSchema.parse(record);
  const actual = await derive(password, base64ToBytes(checked.salt), checked.iterations);
  return constantTimeEqual(actual, base64ToBytes(checked.hash));
}
