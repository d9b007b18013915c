import { uuidv7 } from 'uuidv7';
import { businessDateOf } from '../domain/chineseDate';
import type { CaseId } from '../domain/cases/caseId';
import { greenCardIn } from './catalogueStore';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { GreenCardList } from './greenCards';
import { checkNewEnterprise, type EnterpriseChoice } from './intakeInput';
import { dataMessages } from './messages';
import { enterpriseIdSchema, type CaseRow, type EnterpriseRow } from './records';
import { Refusal } from './refusal';
import { keyedIn } from './search/keyTiers';
import { enterpriseSearchKeys } from './search/keys';

/**
 * The enterprise a case is for: the one chosen or registered at intake, the snapshot of it the case
 * carries, and whether other cases share it (then it is not corrected from one of them).
 */

const m = dataMessages.cases;

/**
 * Inside a write: the enterprise chosen at intake. A new one comes back with `isNew` and is not yet
 * stored, so the caller can write it together with the case (one round trip to the database).
 */
export async function resolveEnterprise(db: DeskDatabase, choice: EnterpriseChoice, at: string): Promise<{ row: EnterpriseRow; isNew: boolean }> {
  if (choice.kind === 'existing') {
    const row = await db.enterprises.get(choice.id);
    if (row === undefined) throw new Refusal(m.enterpriseNotFound);
    return { row, isNew: false };
  }
  const fields = checkNewEnterprise(choice);
  if (fields.uscc !== null) {
    const holder = await db.enterprises.where('uscc').equals(fields.uscc).first();
    if (holder !== undefined) throw new Refusal(m.usccTaken(holder.name), 'uscc');
  }
  // Keys in the fresh index: the clerk is waiting on this write (see `search/keyTiers.ts`).
  const row: EnterpriseRow = { id: enterpriseIdSchema.parse(uuidv7()), ...fields, createdAt: at, updatedAt: at, ...keyedIn('fresh', enterpriseSearchKeys(fields)) };
  return { row, isNew: true };
}

/** The enterprise as the case carries it, with whether it held a 服务绿卡 at `at`. */
export function caseEnterprise(row: EnterpriseRow, cards: GreenCardList, at: string): CaseRow['enterprise'] {
  const greenCard = row.uscc !== null && greenCardIn(cards, row.uscc, businessDateOf(at)) !== null;
  return { name: row.name, uscc: row.uscc, address: row.address, greenCard };
}

/** How many cases other than this one are for the enterprise. */
export function otherCasesOf(db: DeskDatabase, enterpriseId: EnterpriseRow['id'], caseId: CaseId): Promise<number> {
  return db.cases
    .where('enterpriseId')
    .equals(enterpriseId)
    .filter((row) => row.id !== caseId)
    .count();
}

/** Whether the case's enterprise may be corrected from the case: it came in with it and no other case uses it. */
export async function caseOwnsEnterprise(db: DeskDatabase, row: Pick<CaseRow, 'id' | 'enterpriseId'>): Promise<boolean> {
  const { enterpriseId } = row;
  if (enterpriseId === null) return true;
  return guardStorage(async () => (await otherCasesOf(db, enterpriseId, row.id)) === 0);
}
