import { installReference, referenceVersions } from '../data/catalogueStore';
import { defaultCalendar, type WorkingCalendarYear } from '../domain/calendar';
import { isRefusedReference, readSyncStatus, updateSyncStatus } from '../data/syncState';
import { referenceKinds, type ReferenceResponse } from '../protocol/reference';
import { syncMessages } from './messages';
import { failureOfHq, type PhaseFailure, type SyncContext } from './syncContext';

type Document = { ok: true; data: unknown } | { ok: false; message: string };

/** The lowest priority level, for a green card HQ published without one. */
const DEFAULT_GREEN_CARD_PRIORITY = 3;

/**
 * The document the desk keeps for a reference reply (its shape in `catalogueStore`):
 * - catalogue: HQ publishes it as one item, the whole document;
 * - calendar: HQ's years over the shipped `chinese-days` years, so a year HQ does not list keeps its
 *   known arrangement instead of becoming a coverage error;
 * - green cards: HQ's list, each card with its priority.
 */
function documentOf(reply: ReferenceResponse): Document {
  const version = `HQ-${reply.version}`;
  switch (reply.kind) {
    case 'catalogue':
      return reply.items.length === 1 ? { ok: true, data: reply.items[0] } : { ok: false, message: syncMessages.catalogueShape(reply.items.length) };
    case 'calendar': {
      const years: Record<string, WorkingCalendarYear> = { ...defaultCalendar().years };
      for (const item of reply.items) years[String(item.year)] = { holidays: item.holidays, workdays: item.workdays };
      return { ok: true, data: { version, years } };
    }
    case 'greencards':
      return { ok: true, data: { version, cards: reply.items.map((item) => ({ ...item, priority: item.priority ?? DEFAULT_GREEN_CARD_PRIORITY })) } };
  }
}

/**
 * Asks HQ for each kind of reference data newer than the version in use and installs what comes: the
 * reply is whole (the main process parsed it entirely; a cut-off answer is no answer), it is staged,
 * validated whole and only then swapped in. A version that fails validation is refused and remembered,
 * so it is neither used nor downloaded again; the clerk sees why in 设置.
 */
export async function refreshReference(ctx: SyncContext): Promise<PhaseFailure | null> {
  const versions = await referenceVersions(ctx.db);
  const status = await readSyncStatus(ctx.db);
  for (const kind of referenceKinds) {
    const answer = await ctx.transport.reference({ kind, since: versions[kind] });
    if (!answer.ok) return failureOfHq(answer.failure);
    const reply = answer.value;
    if (!reply.full || reply.version === 0 || isRefusedReference(status, kind, reply.version)) continue;
    const document = documentOf(reply);
    const installed = document.ok ? await installReference(ctx.db, kind, document.data, { source: 'hq', hqVersion: reply.version }) : document;
    if (!installed.ok) {
      const message = syncMessages.referenceRefused(syncMessages.referenceLabels[kind], reply.version, installed.message);
      await updateSyncStatus(ctx.db, (current) => ({ ...current, refusedReference: { ...current.refusedReference, [kind]: { version: reply.version, message } } }));
    }
  }
  return null;
}
