import { z } from 'zod';
import { casePatchSchema, type CasePatch } from '../domain/cases/caseRecord';
import { isoDateTimeSchema } from '../domain/chineseDate';
import { referenceKinds, type ReferenceKind } from '../protocol/reference';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';

/**
 * Where this desk's sync with HQ stands, kept in `meta` rows so every window (and the next start) sees
 * the same: the pull cursor, when the last sync completed, the last error, whether sync is paused and
 * why, HQ's lastSeq for this desk, and reference versions the desk refused. Only the sync engine writes
 * them; screens read them.
 */

/** Why sync waits for a person instead of retrying by itself. */
export const syncPauseReasons = ['unauthorized', 'wrongDesk', 'deskTooOld', 'sequenceMismatch', 'opTooLarge'] as const;
export type SyncPauseReason = (typeof syncPauseReasons)[number];

const noted = z.object({ message: z.string(), at: isoDateTimeSchema });

export const syncStatusSchema = z.object({
  /** The end of the last pass that pushed, pulled and refreshed reference data without error. */
  lastSyncAt: isoDateTimeSchema.nullable(),
  lastAttemptAt: isoDateTimeSchema.nullable(),
  lastError: noted.nullable(),
  /** When the loop retries after a failed pass (its backoff); null while no retry waits. */
  nextAttemptAt: isoDateTimeSchema.nullable().default(null),
  paused: noted.extend({ reason: z.enum(syncPauseReasons) }).nullable(),
  /** HQ's lastSeq for this desk as of its last push answer. */
  hqLastSeq: z.int().min(0).nullable(),
  /** Versions HQ published that failed validation here: not fetched again until HQ publishes another. */
  refusedReference: z.partialRecord(z.enum(referenceKinds), z.object({ version: z.int().min(1), message: z.string() })),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const initialSyncStatus: SyncStatus = {
  lastSyncAt: null,
  lastAttemptAt: null,
  lastError: null,
  nextAttemptAt: null,
  paused: null,
  hqLastSeq: null,
  refusedReference: {},
};

const STATUS_KEY = 'sync.status';
const CURSOR_KEY = 'sync.pullCursor';

const pullCursorSchema = z.object({ deskId: z.string(), cursor: z.int().min(0) });

/** The sync status as stored (a damaged row reads as a fresh start: nothing in it is needed for safety). */
export async function readSyncStatus(db: DeskDatabase): Promise<SyncStatus> {
  const row = await guardStorage(() => db.meta.get(STATUS_KEY));
  const parsed = syncStatusSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : initialSyncStatus;
}

/** Changes the status in one read-modify-write transaction, so concurrent notes do not overwrite each other. */
export async function updateSyncStatus(db: DeskDatabase, change: (status: SyncStatus) => SyncStatus): Promise<SyncStatus> {
  return guardStorage(() =>
    db.transaction('rw', db.meta, async () => {
      const parsed = syncStatusSchema.safeParse((await db.meta.get(STATUS_KEY))?.value);
      const next = syncStatusSchema.parse(change(parsed.success ? parsed.data : initialSyncStatus));
      await db.meta.put({ key: STATUS_KEY, value: next });
      return next;
    }),
  );
}

/**
 * HQ's sequence up to which this desk has applied the hall's changes. The cursor belongs to the desk id it
 * was read for: after enrolling as another desk the pull starts again from 0.
 */
export async function readPullCursor(db: DeskDatabase, deskId: string): Promise<number> {
  const parsed = pullCursorSchema.safeParse((await guardStorage(() => db.meta.get(CURSOR_KEY)))?.value);
  return parsed.success && parsed.data.deskId === deskId ? parsed.data.cursor : 0;
}

/** Inside the caller's read-write transaction (which must cover `meta`): the page and its cursor commit together. */
export async function writePullCursor(db: DeskDatabase, deskId: string, cursor: number): Promise<void> {
  await db.meta.put({ key: CURSOR_KEY, value: pullCursorSchema.parse({ deskId, cursor }) });
}

/**
 * HQ's change stream keeps only each entity's latest state, so a case that changed after its events
 * comes after them, often pages later. Events of a case this desk does not hold yet wait here, one
 * `meta` row each under a per-case prefix, until the case arrives.
 */
const WAITING_EVENT_PREFIX = 'sync.waitingEvent:';

/** An event kept until its case arrives, under its own id. */
export interface WaitingEvent {
  caseId: string;
  eventId: string;
  event: unknown;
}

/** Inside the caller's read-write transaction (covering `meta`): keeps events until their cases arrive. */
export async function keepWaitingEvents(db: DeskDatabase, events: readonly WaitingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.meta.bulkPut(events.map(({ caseId, eventId, event }) => ({ key: `${WAITING_EVENT_PREFIX}${caseId}:${eventId}`, value: event })));
}

/**
 * Inside the caller's read-write transaction: the events that waited for each of these cases, in the
 * order of their ids, removed as they are handed over. A case nothing waited for is absent.
 */
export async function takeWaitingEvents(db: DeskDatabase, caseIds: readonly string[]): Promise<Map<string, WaitingEvent[]>> {
  const taken = new Map<string, WaitingEvent[]>();
  const perCase = await Promise.all(caseIds.map((caseId) => db.meta.where('key').startsWith(`${WAITING_EVENT_PREFIX}${caseId}:`).toArray()));
  const keys: string[] = [];
  caseIds.forEach((caseId, index) => {
    const rows = perCase[index]!;
    if (rows.length === 0) return;
    const prefix = `${WAITING_EVENT_PREFIX}${caseId}:`;
    taken.set(caseId, rows.map((row) => ({ caseId, eventId: row.key.slice(prefix.length), event: row.value })));
    keys.push(...rows.map((row) => row.key));
  });
  if (keys.length > 0) await db.meta.bulkDelete(keys);
  return taken;
}

/**
 * HQ's values of case fields this desk kept back at a pull because the clerk's change to them was not yet
 * acknowledged: if HQ then resolves that change as a conflict, its value stands and is taken from here.
 */
const HQ_VALUES_PREFIX = 'sync.hqValues:';

/** Inside the caller's read-write transaction (covering `meta`); no values clears the row. */
export async function keepHqCaseValues(db: DeskDatabase, caseId: string, values: CasePatch): Promise<void> {
  const key = `${HQ_VALUES_PREFIX}${caseId}`;
  if (Object.keys(values).length === 0) await db.meta.delete(key);
  else await db.meta.put({ key, value: values });
}

/** Inside a transaction: the values kept for each of the cases, in one read; a case with none is absent. */
export async function readHqCaseValuesOf(db: DeskDatabase, caseIds: readonly string[]): Promise<Map<string, CasePatch>> {
  const rows = await db.meta.bulkGet(caseIds.map((caseId) => `${HQ_VALUES_PREFIX}${caseId}`));
  const kept = new Map<string, CasePatch>();
  caseIds.forEach((caseId, index) => {
    const parsed = casePatchSchema.safeParse(rows[index]?.value);
    if (parsed.success && Object.keys(parsed.data).length > 0) kept.set(caseId, parsed.data);
  });
  return kept;
}

/**
 * Where HQ's close-day said its copy of this desk's ops stops short (a `mismatch` with `missing`, e.g. HQ
 * restored from a backup): the next push sends again from that seq, acknowledged ops included, without
 * waiting for a new op to meet HQ's gap. HQ applies what it lost and answers the rest as duplicates. The
 * mark moves on with each answered batch, so a push cut off resumes where it stopped, and is cleared once
 * everything from it has been answered.
 */
const RESEND_KEY = 'sync.resendFrom';
const resendSchema = z.object({ fromSeq: z.int().min(1) });

/** Inside the caller's read-write transaction (covering `meta`): send again from `fromSeq` (the lower of two requests stands). */
export async function requestResend(db: DeskDatabase, fromSeq: number): Promise<void> {
  const current = await readResendFrom(db);
  await db.meta.put({ key: RESEND_KEY, value: resendSchema.parse({ fromSeq: current === null ? fromSeq : Math.min(current, fromSeq) }) });
}

/** The seq a push must send again from, or null when HQ is not known to lack any acknowledged op. */
export async function readResendFrom(db: DeskDatabase): Promise<number | null> {
  const parsed = resendSchema.safeParse((await db.meta.get(RESEND_KEY))?.value);
  return parsed.success ? parsed.data.fromSeq : null;
}

/**
 * Inside the caller's read-write transaction: the resend that was at `from` got as far as `next` (null:
 * everything from it is answered). A mark set lower meanwhile (another mismatch) is left for the next push.
 */
export async function advanceResend(db: DeskDatabase, from: number, next: number | null): Promise<void> {
  const current = await readResendFrom(db);
  if (current === null || current < from) return;
  if (next === null) await db.meta.delete(RESEND_KEY);
  else await db.meta.put({ key: RESEND_KEY, value: resendSchema.parse({ fromSeq: next }) });
}

export function isRefusedReference(status: SyncStatus, kind: ReferenceKind, version: number): boolean {
  return status.refusedReference[kind]?.version === version;
}
