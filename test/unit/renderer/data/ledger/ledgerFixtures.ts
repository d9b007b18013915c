import { applyCommand } from '../../../../../renderer/src/data/cases';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import type { LedgerItemRow } from '../../../../../renderer/src/data/ledger/ledgerRows';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import type { SignedInClerk } from '../../../../../renderer/src/domain/clerks/account';
import type { CaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { ledgerItemIdOf, type LedgerSource, type LedgerStatus } from '../../../../../renderer/src/domain/ledger/ledgerItem';
import { created, receiveEverything } from '../caseWorkFixtures';
import { beforeNationalDay, startUpInput } from '../dataFixtures';

export const acceptedAt = '2026-09-30T10:00:00+08:00';

/** A case taken in before National Day, everything received, accepted on 30 September. */
export async function acceptedCase(db: DeskDatabase, clerk: SignedInClerk, input = startUpInput()): Promise<CaseRow> {
  const row = await created(db, clerk, beforeNationalDay, input);
  await receiveEverything(db, row, clerk, beforeNationalDay);
  const accepted = await applyCommand(db, row.id, { type: 'accept' }, { clerk, at: acceptedAt });
  if (!accepted.ok) throw new Error(accepted.message);
  return (await db.cases.get(row.id))!;
}

/** An item row as a desk keeps it, written directly (queries and pulls read what is stored). */
export function itemRow(
  caseId: CaseId,
  source: LedgerSource,
  overrides: Partial<Omit<LedgerItemRow, 'id' | 'source' | 'caseId'>> & { status?: LedgerStatus } = {},
): LedgerItemRow {
  const subject = source === 'deferred' || source === 'commitment' || source === 'rating' ? (overrides.subject ?? 'm-1') : null;
  const at = '2026-10-10T09:00:00.000+08:00';
  return {
    id: ledgerItemIdOf(source, caseId, subject),
    source,
    caseId,
    subject,
    owner: null,
    dueDate: '2026-10-12',
    reason: source === 'escalated' ? '群众反映久拖不办' : null,
    status: 'open',
    result: null,
    createdAt: at,
    updatedAt: at,
    previous: null,
    ownerDepartment: overrides.owner?.department ?? '',
    greenCard: 0,
    hqVersion: null,
    ...overrides,
  };
}
