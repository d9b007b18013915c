import type { LedgerFollowUp, LedgerItem, LedgerItemId } from '../../domain/ledger/ledgerItem';

/**
 * A ledger item as the desk keeps it: the item as it travels, plus plain copies the ledger's indexes read
 * (`ownerDepartment`, `greenCard`) and the HQ version it was last pulled at. The owner's liaison, the
 * reason, the result and the earlier values rest sealed (`crypto/sealedFields.ts`).
 */
export interface LedgerItemRow extends LedgerItem {
  /** `owner.department`, '' when no owner: the 责任单位 filter reads it from an index. */
  ownerDepartment: string;
  /** 1 when the case's enterprise holds a green card (IndexedDB cannot index a boolean). */
  greenCard: 0 | 1;
  /** HQ's version of the item as last pulled; null until HQ has sent it back. */
  hqVersion: number | null;
}

/** A follow-up (督办记录) as the desk keeps it: the follow-up, its op's id, who recorded it where, and when. */
export interface LedgerFollowUpRow extends LedgerFollowUp {
  /** The op's entityId (UUIDv7), HQ's record id. */
  id: string;
  clerkId: string;
  /** The recording clerk's name when the follow-up came from another window. */
  clerkName?: string;
  deskCode: string | null;
  /** When it was recorded (the op's time); `at` is when it was done. */
  recordedAt: string;
}

/** The row of `item`, with the plain copies its indexes read. */
export function ledgerRowOf(item: LedgerItem, greenCard: boolean, hqVersion: number | null): LedgerItemRow {
  return { ...item, ownerDepartment: item.owner?.department ?? '', greenCard: greenCard ? 1 : 0, hqVersion };
}

/** The item as it travels (the op's payload): the row without the desk's own bookkeeping. */
export function ledgerItemOf(row: LedgerItemRow): LedgerItem {
  const { ownerDepartment: _department, greenCard: _greenCard, hqVersion: _version, ...item } = row;
  return item;
}

export type { LedgerItemId };
