import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseEnterprise, caseOwnsEnterprise, otherCasesOf, resolveEnterprise } from '../../../../renderer/src/data/caseEnterprise';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { greenCardListSchema } from '../../../../renderer/src/data/greenCards';
import type { EnterpriseChoice } from '../../../../renderer/src/data/intakeInput';
import type { EnterpriseId } from '../../../../renderer/src/data/records';
import { refusalsAsResults } from '../../../../renderer/src/data/refusal';
import { enterpriseSearchKeys } from '../../../../renderer/src/data/search/keys';
import { newCaseId } from '../../../../renderer/src/domain/cases/caseId';
import { uscc } from '../../../fixtures/identities';
import { created } from './caseWorkFixtures';
import { beforeNationalDay, closeDatabases, existingUscc, freshDatabase, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

const known = { kind: 'new' as const, name: '绵阳老字号餐饮有限公司', uscc: existingUscc, address: null };

function resolved(db: DeskDatabase, choice: EnterpriseChoice) {
  return refusalsAsResults<Awaited<ReturnType<typeof resolveEnterprise>>, string>(() => resolveEnterprise(db, choice, beforeNationalDay));
}

describe('resolveEnterprise', () => {
  it('hands back a new enterprise unstored, keyed in the fresh index, for the caller to write with the case', async () => {
    const db = freshDatabase();
    const result = await resolved(db, { ...known, name: ' 绵阳老字号餐饮有限公司 ' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        isNew: true,
        row: { name: '绵阳老字号餐饮有限公司', uscc: existingUscc, address: null, createdAt: beforeNationalDay, searchKeys: [], freshKeys: enterpriseSearchKeys({ name: '绵阳老字号餐饮有限公司', uscc: existingUscc }) },
      },
    });
    expect(await db.enterprises.count()).toBe(0);
  });

  it('hands back a known enterprise as stored', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: known }));
    const stored = (await db.enterprises.get(row.enterpriseId!))!;
    expect(await resolved(db, { kind: 'existing', id: stored.id })).toEqual({ ok: true, value: { row: stored, isNew: false } });
  });

  it('refuses an enterprise no longer known, a USCC already registered to another, and a USCC with a wrong check digit', async () => {
    const { db, clerk } = await readyDesk();
    await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: known }));
    expect(await resolved(db, { kind: 'existing', id: '01900000-0000-7000-8000-0000000000e9' as EnterpriseId })).toEqual({ ok: false, message: '找不到所选企业，请重新查找' });
    expect(await resolved(db, { ...known, name: '别的企业' })).toEqual({ ok: false, field: 'uscc', message: expect.stringContaining('绵阳老字号餐饮有限公司') });
    const wrongDigit = existingUscc.slice(0, 17) + (existingUscc.endsWith('1') ? '2' : '1');
    expect(await resolved(db, { ...known, uscc: wrongDigit })).toMatchObject({ ok: false, field: 'uscc' });
  });
});

describe('caseEnterprise', () => {
  const cardHolder = uscc('510703', '12345678');
  const cards = greenCardListSchema.parse({
    version: '2026-09',
    cards: [{ uscc: cardHolder, enterpriseName: '四川长虹电器股份有限公司', liaisonName: '周专员', liaisonPhone: '13990001111', validUntil: '2026-09-30', priority: 1 }],
  });
  const row = { id: '01900000-0000-7000-8000-0000000000e1' as EnterpriseId, name: '四川长虹电器股份有限公司', uscc: cardHolder, address: null, createdAt: beforeNationalDay, updatedAt: beforeNationalDay, searchKeys: [] };

  it('carries the enterprise with whether it holds a green card on the day of `at`', () => {
    expect(caseEnterprise(row, cards, beforeNationalDay)).toEqual({ name: '四川长虹电器股份有限公司', uscc: cardHolder, address: null, greenCard: true });
    expect(caseEnterprise(row, cards, '2026-10-08T09:00:00+08:00').greenCard).toBe(false);
  });

  it('gives no green card to an enterprise without a USCC or off the list', () => {
    expect(caseEnterprise({ ...row, uscc: null }, cards, beforeNationalDay).greenCard).toBe(false);
    expect(caseEnterprise({ ...row, uscc: existingUscc }, cards, beforeNationalDay).greenCard).toBe(false);
  });
});

describe('otherCasesOf and caseOwnsEnterprise', () => {
  it('count the other cases for an enterprise: a case owns an enterprise no other case uses', async () => {
    const { db, clerk } = await readyDesk();
    const first = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: known }));
    const enterpriseId = first.enterpriseId!;
    expect(await otherCasesOf(db, enterpriseId, first.id)).toBe(0);
    expect(await caseOwnsEnterprise(db, first)).toBe(true);

    const second = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'existing', id: enterpriseId } }));
    expect(await otherCasesOf(db, enterpriseId, first.id)).toBe(1);
    expect(await otherCasesOf(db, enterpriseId, newCaseId())).toBe(2);
    expect([await caseOwnsEnterprise(db, first), await caseOwnsEnterprise(db, second)]).toEqual([false, false]);
  });

  it('let a case whose enterprise is not in the register correct it from the case', async () => {
    expect(await caseOwnsEnterprise(freshDatabase(), { id: newCaseId(), enterpriseId: null })).toBe(true);
  });
});
