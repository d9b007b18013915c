import { z } from 'zod';
import { isoDateTimeSchema } from '../chineseDate';
import { cleanText } from '../text';
import { clerkIdSchema, type ClerkId } from './clerkId';
import { clerksMessages } from './messages';
import { DEFAULT_PBKDF2_ITERATIONS, PASSWORD_ALGORITHM, passwordRecordSchema, verifyPassword, type PasswordRecord } from './password';
import { clerkRoleSchema, type ClerkRole } from './roles';

const DISPLAY_NAME_MAX = 32;

/** Login names are matched case-insensitively, so they are stored trimmed and lower-cased. */
export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, { error: clerksMessages.loginName.invalid });

/** The name printed on documents and shown in timelines; plain text, shown as typed. */
export const displayNameSchema = z.string({ error: clerksMessages.displayName.empty }).transform((raw, ctx) => {
  const cleaned = cleanText(raw, { max: DISPLAY_NAME_MAX });
  if (!cleaned.ok) ctx.addIssue({ code: 'custom', message: clerksMessages.displayName.invalid(cleaned.error.message) });
  else if (cleaned.value === '') ctx.addIssue({ code: 'custom', message: clerksMessages.displayName.empty });
  return cleaned.ok ? cleaned.value : z.NEVER;
});

export const clerkAccountSchema = z.object({
  id: clerkIdSchema,
  loginName: loginNameSchema,
  displayName: displayNameSchema,
  role: clerkRoleSchema,
  password: passwordRecordSchema,
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type ClerkAccount = z.infer<typeof clerkAccountSchema>;

/** Who is signed in: what every record is stamped with and what permissions are checked against. */
export interface SignedInClerk {
  id: ClerkId;
  role: ClerkRole;
  displayName: string;
}

export type SignInResult = { ok: true; clerk: SignedInClerk } | { ok: false; message: string };

/**
 * A record with a real salt and cost but no password behind it: an unknown login name is checked against
 * it so that "no such account" takes as long as "wrong password" and the two cannot be told apart.
 */
const UNKNOWN_ACCOUNT_RECORD: PasswordRecord = {
  algorithm: PASSWORD_ALGORITHM,
  iterations: DEFAULT_PBKDF2_ITERATIONS,
  salt: 'eWljaHVhbmd0b25nLWR1bQ==',
  hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
};

/**
 * Decides a sign-in attempt for the account found by login name (or `undefined` when none was found).
 * The same message covers an unknown name and a wrong password; "disabled" is said only to someone who
 * knows the password, so the answer never reveals which accounts exist.
 */
export async function signIn(account: ClerkAccount | undefined, password: string): Promise<SignInResult> {
  const matches = await verifyPassword(password, account?.password ?? UNKNOWN_ACCOUNT_RECORD);
  if (account === undefined || !matches) return { ok: false, message: clerksMessages.signIn.wrongCredentials };
  if (!account.active) return { ok: false, message: clerksMessages.signIn.disabled };
  return { ok: true, clerk: { id: account.id, role: account.role, displayName: account.displayName } };
}
