import type { Transaction } from 'dexie';
import type { CaseRow, EnterpriseRow } from '../records';
import { caseSearchKeys, enterpriseSearchKeys } from './keys';
import { rekeyed } from './keyTiers';

/**
 * The upgrade of a schema version that changes `searchKeysVersion`: every stored case and enterprise gets
 * the keys the current `caseSearchKeys` / `enterpriseSearchKeys` give it. Rows keyed by an older version
 * would otherwise be missed by the new probes (a tail typed as 尾号 finds nothing without `r:` keys) and
 * keep index entries no probe reads. Only the keys change, in the index that holds them: they are the
 * desk's own index, not data HQ holds, so nothing goes to the outbox and `updatedAt` stays.
 */
export async function rekeySearchRows(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRow, string>('cases')
    .toCollection()
    .modify((row) => {
      Object.assign(row, rekeyed(row, caseSearchKeys(row)));
    });
  await tx
    .table<EnterpriseRow, string>('enterprises')
    .toCollection()
    .modify((row) => {
      Object.assign(row, rekeyed(row, enterpriseSearchKeys(row)));
    });
}
