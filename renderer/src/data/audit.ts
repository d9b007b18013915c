import type { Table } from 'dexie';
import { z } from 'zod';
import { appendAudit, auditHead, type AuditEntry, type AuditEntryInput, type AuditHead } from '../domain/audit/auditEntry';
import { verifyAuditChain, type AuditChainVerdict } from '../domain/audit/verifyAuditChain';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';

/** The meta row holding the newest entry's seq and hash, apart from the log so a cut-off tail shows. */
export const AUDIT_HEAD_KEY = 'auditHead';
const auditHeadSchema = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** Other writers (another window, a concurrent act in this one) can move the head between our tries. */
const MAX_TRIES = 20;

/** The newest entry's seq and hash as separately kept (null: nothing was audited yet). */
export async function readAuditHead(db: DeskDatabase): Promise<AuditHead | null> {
  const row = await db.meta.get(AUDIT_HEAD_KEY);
  if (row === undefined) return null;
  const parsed = auditHeadSchema.safeParse(row.value);
  if (!parsed.success) throw new Error(dataMessages.audit.headCorrupt);
  return parsed.data;
}

/**
 * The head this window's last audited write left, per database: the next entry is hashed on it without
 * a transaction of its own to read the head (a round trip to the database on every act, about a tenth of
 * an intake's budget). It is only a guess: the write checks it against the stored head and starts again
 * from the stored one when another window or act got in first.
 */
const lastWrittenHead = new WeakMap<DeskDatabase, AuditHead>();

const isConstraintError = (error: unknown) => error instanceof Error && (error.name === 'ConstraintError' || (error as { inner?: Error }).inner?.name === 'ConstraintError');

/** Another entry got in between hashing ours and writing it: the transaction is rolled back and tried again. */
class HeadMoved extends Error {}

function sameHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return a === null || b === null ? a === b : a.seq === b.seq && a.hash === b.hash;
}

/**
 * Writes `write`'s rows and one audit entry about them in a single transaction, so an act is never stored
 * without its entry nor an entry without its act. The entry is hashed before the transaction opens:
 * IndexedDB commits a transaction as soon as it waits on anything else, such as WebCrypto. Inside, the
 * head is read again; if another entry got in first, the transaction is rolled back (with whatever `write`
 * did) and the entry is made again on the new head.
 *
 * `write` runs inside the transaction, so it may only await Dexie calls on `tables` (or the audit log and
 * meta). If it throws, nothing is written and the error comes back to the caller.
 */
export async function writeWithAudit<T>(
  db: DeskDatabase,
  tables: readonly Table[],
  input: AuditEntryInput,
  write: () => Promise<T>,
): Promise<{ value: T; entry: AuditEntry }> {
  const scope = [...new Set<Table>([db.auditLog, db.meta, ...tables])];
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const known = tries === 0 ? lastWrittenHead.get(db) : undefined;
    lastWrittenHead.delete(db);
    const head = known ?? (await readAuditHead(db));
    const entry = await appendAudit(head, input);
    let outcome: { value: T };
    try {
      outcome = await db.transaction('rw', scope, async () => {
        // The head check, the entry and the act go to the database together (each wait inside a transaction
        // is a round trip). The database carries out requests in the order they were made, so the head is
        // read before the entry and the new head are written; if the head moved, throwing rolls all of it
        // back and the entry is made again on the new head.
        const check = readAuditHead(db);
        const append = Promise.all([db.auditLog.add(entry), db.meta.put({ key: AUDIT_HEAD_KEY, value: auditHead(entry) })]);
        const [checked, appended, work] = await Promise.allSettled([check, append, write()]);
        if (checked.status === 'rejected') throw checked.reason;
        if (!sameHead(checked.value, head)) throw new HeadMoved();
        // The head is ours, yet a row holds the entry's number: it was put there behind the log's back, and
        // evidence is never overwritten (`add` refuses an existing key).
        if (appended.status === 'rejected' && isConstraintError(appended.reason)) throw new Error(dataMessages.audit.seqTaken);
        if (work.status === 'rejected') throw work.reason;
        if (appended.status === 'rejected') throw appended.reason;
        return { value: work.value };
      });
    } catch (error) {
      if (error instanceof HeadMoved) continue;
      throw error;
    }
    lastWrittenHead.set(db, auditHead(entry));
    return { value: outcome.value, entry };
  }
  throw new Error(dataMessages.audit.busy);
}

/** Appends one entry on its own, for acts that change no other row (a sign-in, a lock). */
export async function appendAuditEntry(db: DeskDatabase, input: AuditEntryInput): Promise<AuditEntry> {
  const { entry } = await writeWithAudit(db, [], input, async () => undefined);
  return entry;
}

/**
 * Checks the whole stored log against its hashes, its links and the separately kept head. Reads log and
 * head in one transaction so a write in between cannot look like tampering.
 */
export async function verifyAuditLog(db: DeskDatabase): Promise<AuditChainVerdict> {
  const { entries, headRow } = await db.transaction('r', [db.auditLog, db.meta], async () => ({
    entries: await db.auditLog.orderBy('seq').toArray(),
    headRow: await db.meta.get(AUDIT_HEAD_KEY),
  }));
  if (headRow === undefined) return verifyAuditChain(entries, { expectedHead: null });
  const head = auditHeadSchema.safeParse(headRow.value);
  if (!head.success) {
    return { ok: false, kind: 'malformed', brokenAtSeq: entries.at(-1)?.seq ?? 0, message: dataMessages.audit.headMalformed };
  }
  return verifyAuditChain(entries, { expectedHead: head.data });
}

