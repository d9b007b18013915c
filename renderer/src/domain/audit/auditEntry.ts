import { z } from 'zod';
import { isoDateTimeSchema } from '../chineseDate';
import { clerkIdSchema } from '../clerks/clerkId';
import { sha256Hex, sha256Schema } from '../sha256';
import { canonicalJson } from './canonicalJson';

/** The `prevHash` of the first entry: the chain starts from a fixed, known value. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records; the log adds `seq`, `prevHash` and `hash`. */
export const auditEntryInputSchema = z.object({
  at: isoDateTimeSchema,
  /** Null only for acts nobody is signed in for, such as a failed sign-in. */
  clerkId: clerkIdSchema.nullable(),
  /** A stable machine name, e.g. `case.accept`, `clerk.signIn`, `licence.void`. */
  action: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/).max(64),
  /** What the act was about, e.g. `case:0190…` or `clerk:0190…`. */
  subject: z.string().max(200),
  details: z.record(z.string(), z.json()),
});
export type AuditEntryInput = z.infer<typeof auditEntryInputSchema>;

export const auditEntrySchema = auditEntryInputSchema.extend({
  seq: z.number().int().min(1),
  prevHash: sha256Schema,
  hash: sha256Schema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The newest entry's number and hash, kept apart from the log so that a cut-off tail can be noticed. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export function auditHead(entry: AuditEntry): AuditHead {
  return { seq: entry.seq, hash: entry.hash };
}

/**
 * SHA-256 over the canonical JSON of the entry's own fields (everything but `hash`). Fields are picked
 * by name so that whatever a store wraps around an entry never changes its hash.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const { seq, at, clerkId, action, subject, details, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, at, clerkId, action, subject, details, prevHash }));
}

/**
 * The entry that follows `prev` (or starts the log when `prev` is null). Only the previous entry's number
 * and hash matter, so a store may pass its separately kept head. Throws on invalid input.
 */
export async function appendAudit(prev: AuditHead | null, input: AuditEntryInput): Promise<AuditEntry> {
  const checked = auditEntryInputSchema.parse(input);
  const unsealed = { ...checked, seq: prev === null ? 1 : prev.seq + 1, prevHash: prev === null ? GENESIS_HASH : prev.hash };
  return { ...unsealed, hash: await hashAuditEntry(unsealed) };
}
