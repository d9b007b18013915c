import type { AuditEntry } from '../domain/audit/auditEntry';
import type { ClerkId } from '../domain/clerks/clerkId';
import { caseSubject } from './caseWrite';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';

/** What the chief or admin narrows the audit log to; every field optional. */
export interface AuditLogFilter {
  clerkId?: ClerkId;
  action?: string;
  /** A case number (办件编号): the entries about that case. */
  caseNumber?: string;
  /** Inclusive ISO date-times bounding `at`. */
  from?: string;
  to?: string;
}

/** Where the next (older) page starts: below this entry. */
export interface AuditLogCursor {
  at: string;
  seq: number;
}

export interface AuditLogPage {
  entries: AuditEntry[];
  /** The cursor of the page after this one, or null when this is the last. */
  next: AuditLogCursor | null;
}

const HIGHEST = Number.MAX_SAFE_INTEGER;
/** Sorts after every ISO date-time string. */
const AFTER_ALL_TIMES = '\uffff';

/**
 * One page of the audit log, newest first, read through an index: by subject when a case is asked for,
 * else by clerk, else by action, else by time. The index's own key bounds the time range and the cursor,
 * and the other filters are checked on the entries the index yields, so a page reads about as many entries
 * as it shows (more only when two filters are combined). The whole log is never loaded.
 */
export async function queryAuditLog(db: DeskDatabase, filter: AuditLogFilter, cursor: AuditLogCursor | null, limit: number): Promise<AuditLogPage> {
  return guardStorage(async () => {
    let subject: string | undefined;
    if (filter.caseNumber !== undefined) {
      const found = await db.cases.where('caseNumber').equals(filter.caseNumber).first();
      if (found === undefined) return { entries: [], next: null };
      subject = caseSubject(found.id);
    }
    const [index, prefix]: [string, string[]] =
      subject !== undefined
        ? ['[subject+at+seq]', [subject]]
        : filter.clerkId !== undefined
          ? ['[clerkId+at+seq]', [filter.clerkId]]
          : filter.action !== undefined
            ? ['[action+at+seq]', [filter.action]]
            : ['[at+seq]', []];
    const lower = [...prefix, filter.from ?? '', 0];
    // A cursor comes from an entry within the range, so below it (exclusive) is still within `to`.
    const upper = cursor === null ? [...prefix, filter.to ?? AFTER_ALL_TIMES, HIGHEST] : [...prefix, cursor.at, cursor.seq];
    const rows = await db.auditLog
      .where(index)
      .between(lower, upper, true, cursor === null)
      .reverse()
      .filter((entry) => (filter.clerkId === undefined || entry.clerkId === filter.clerkId) && (filter.action === undefined || entry.action === filter.action))
      .limit(limit + 1)
      .toArray();
    const entries = rows.slice(0, limit);
    const last = entries.at(-1);
    return { entries, next: rows.length > limit && last !== undefined ? { at: last.at, seq: last.seq } : null };
  });
}
