import { caseEventSchema } from '../../renderer/src/domain/cases/caseEvents';
import { acceptanceSchema } from '../../renderer/src/domain/cases/caseStatus';
import { outstandingDeferred } from '../../renderer/src/domain/cases/deferredMaterials';
import type { HqDecision, LicenceData } from '../../renderer/src/domain/cases/hqDecision';
import { decidableStatusCodes } from '../../renderer/src/domain/cases/ownership';
import { hqAuthor, saveCase, statusCodeOf } from './cases';
import { HttpError } from './http';
import { hqMessages } from './messages';
import type { z } from 'zod';
import type { decisionRequestSchema } from './operatorProtocol';
import type { HqStore, StoredCase } from './store';

export interface DecisionClock {
  nowIso: string;
  /** `YYYY-MM-DD` in China, the default 发照日期. */
  today: string;
}

/**
 * The back office decides a case: approval moves it to awaitingIssuance (待出证) with the licence data,
 * denial to denied with the reason and legal basis. Both name who decided. Either keeps the acceptance the hall promised, stamps the status as
 * HQ's (so a desk's stale change to it becomes a conflict) and streams the case to its hall.
 */
export function decideCase(
  store: HqStore,
  caseId: string,
  request: z.output<typeof decisionRequestSchema>,
  clock: DecisionClock,
): StoredCase {
  return store.transaction(() => {
    const current = store.case(caseId);
    if (!current) throw new HttpError(404, { error: 'not_found', message: hqMessages.caseNotFound });
    if (current.decision !== null) throw new HttpError(409, { error: 'not_decidable', message: hqMessages.alreadyDecided });
    const code = statusCodeOf(current) ?? '';
    const acceptance = (current.fields['status'] as Record<string, unknown> | undefined)?.['acceptance'];
    if (!(decidableStatusCodes as readonly string[]).includes(code) || acceptance === undefined) {
      throw new HttpError(409, { error: 'not_decidable', message: hqMessages.notDecidable(code) });
    }
    if (request.decision === 'approve') {
      const owed = owedDeferredMaterials(store, caseId, acceptance);
      if (owed.length > 0) throw new HttpError(409, { error: 'not_decidable', message: hqMessages.deferredOutstanding(owed) });
    }
    let decision: HqDecision;
    let licence: LicenceData | null = null;
    let status: Record<string, unknown>;
    if (request.decision === 'approve') {
      decision = { kind: 'approved', decidedAt: clock.nowIso, decidedBy: request.decidedBy };
      licence = { ...request.licence, issuedOn: request.licence.issuedOn ?? clock.today };
      status = { code: 'awaitingIssuance', acceptance, decidedAt: clock.nowIso };
    } else {
      decision = { kind: 'denied', reason: request.reason, legalBasis: request.legalBasis, decidedAt: clock.nowIso, decidedBy: request.decidedBy };
      status = { code: 'denied', acceptance, decidedAt: clock.nowIso, reason: request.reason };
    }
    const version = current.version + 1;
    const next: StoredCase = {
      ...current,
      version,
      fields: { ...current.fields, status },
      stamps: { ...current.stamps, status: { version, by: hqAuthor, author: { deskCode: null, clerkName: request.decidedBy, at: clock.nowIso } } },
      decision,
      licence,
      updatedAt: clock.nowIso,
    };
    saveCase(store, next, false);
    return next;
  });
}

/**
 * The names of the materials the case's 容缺 acceptance deferred that no window has yet recorded as brought
 * in (a `deferredMaterialsReceived` entry): the licence waits for them, so approval does too.
 */
function owedDeferredMaterials(store: HqStore, caseId: string, acceptance: unknown): string[] {
  const parsed = acceptanceSchema.safeParse(acceptance);
  if (!parsed.success) return [];
  const brought = new Set(
    store.eventsOfCase(caseId).flatMap(({ entity, data }) => {
      if (entity !== 'caseEvent') return [];
      const event = caseEventSchema.safeParse((data as { event?: unknown }).event);
      return event.success && event.data.type === 'deferredMaterialsReceived' ? event.data.materials.map((material) => material.materialKey) : [];
    }),
  );
  return outstandingDeferred(parsed.data, (key) => (brought.has(key) ? 'received' : 'deferred')).map((material) => material.name);
}
