import { canonicalJson } from '../../renderer/src/domain/audit/canonicalJson';
import type { FieldAuthor } from '../../renderer/src/domain/cases/caseRecord';
import { decidableStatusCodes } from '../../renderer/src/domain/cases/ownership';
import type { FieldStamp, HqStore, StoredCase } from './store';

/** The author of a field HQ changed, in `FieldStamp.by`. */
export const hqAuthor = 'hq';

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export interface PatchPlan {
  /** Fields whose value the patch would change. */
  changed: string[];
  /** Changed fields where HQ's value stands. */
  conflicts: string[];
  /** Changed fields that take the desk's value. */
  apply: string[];
}

/**
 * Sorts a desk's patch of an existing case. A field conflicts when the desk would change it and someone
 * else (HQ or another desk) changed it after the version the desk based its op on; then HQ's current
 * value stands. A desk's own later changes never conflict with it. Without `baseVersion` the desk's
 * value wins, except over a field HQ set: a desk that never saw HQ's decision cannot override it.
 */
export function planCasePatch(
  current: Pick<StoredCase, 'fields' | 'stamps'>,
  patch: Record<string, unknown>,
  baseVersion: number | undefined,
  deskId: string,
): PatchPlan {
  const changed = Object.keys(patch).filter((field) => !(field in current.fields) || !sameJson(patch[field], current.fields[field]));
  const conflicts = changed.filter((field) => {
    const stamp = current.stamps[field];
    if (!stamp || stamp.by === deskId) return false;
    const base = baseVersion ?? (stamp.by === hqAuthor ? 0 : Number.POSITIVE_INFINITY);
    return stamp.version > base;
  });
  return { changed, conflicts, apply: changed.filter((field) => !conflicts.includes(field)) };
}

/** Fields a case carries even when no op has set them. */
const caseDefaults = { agent: null, bundleCode: null, answers: {}, queueTicket: null };

/** The case as pull changes and the operator API show it (`caseRecordSchema`). */
export function caseRecordOf(stored: StoredCase): Record<string, unknown> {
  return {
    id: stored.id,
    hallCode: stored.hallCode,
    originDeskId: stored.originDeskId,
    ...caseDefaults,
    ...stored.fields,
    hqCaseNumber: stored.hqCaseNumber,
    decision: stored.decision,
    licence: stored.licence,
    updatedAt: stored.updatedAt,
    ...(stored.issuanceConflict !== null && { issuanceConflict: stored.issuanceConflict }),
    fieldAuthors: Object.fromEntries(Object.entries(stored.stamps).flatMap(([field, stamp]): [string, FieldAuthor][] => (stamp.author === undefined ? [] : [[field, stamp.author]]))),
  };
}

export function statusCodeOf(stored: Pick<StoredCase, 'fields'>): string | undefined {
  const status = stored.fields['status'];
  if (typeof status !== 'object' || status === null) return undefined;
  const code = (status as Record<string, unknown>)['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * HQ numbers a case once it reaches the back office (accepted in any form): `HQ-{hall}-{year}-{000001}`,
 * counted per hall and year.
 */
export function numberIfAccepted(store: HqStore, stored: StoredCase, year: number): void {
  const code = statusCodeOf(stored);
  if (stored.hqCaseNumber !== null || !(decidableStatusCodes as readonly string[]).includes(code ?? '')) return;
  const n = store.nextCaseCounter(stored.hallCode, year);
  stored.hqCaseNumber = `HQ-${stored.hallCode}-${year}-${String(n).padStart(6, '0')}`;
}

export function stampAll(fields: readonly string[], stamp: FieldStamp): Record<string, FieldStamp> {
  return Object.fromEntries(fields.map((field) => [field, stamp]));
}

/** Writes the case and its new state to the hall's pull stream. */
export function saveCase(store: HqStore, stored: StoredCase, isNew: boolean): void {
  if (isNew) store.insertCase(stored);
  else store.updateCase(stored);
  store.recordChange(stored.hallCode, 'case', stored.id, stored.version, JSON.stringify(caseRecordOf(stored)));
}
