import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { readLedgerForExport, readLedgerItem, readLedgerPage, type LedgerPageQuery } from '../../../../../renderer/src/data/ledger/ledgerQueries';
import { ledgerItemIdOf } from '../../../../../renderer/src/domain/ledger/ledgerItem';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import { created } from '../caseWorkFixtures';
import { closeDatabases, readyDesk, startUpInput } from '../dataFixtures';
import { itemRow } from './ledgerFixtures';

afterEach(closeDatabases);

const owner = { department: '市场监管局登记科', liaisonName: '周专员', liaisonPhone: '13800138000' };
const today = '2026-10-12';

/**
 * Three cases and six items: overdue and green-card items of A, a deferred item of B owned by 登记科, an
 * escalation of C due later, one closed item of C, and one 督办中 green-card item of B.
 */
async function ledgerDesk(): Promise<{ db: DeskDatabase; a: CaseRow; b: CaseRow; c: CaseRow }> {
  const { db, clerk } = await readyDesk();
  const a = await created(db, clerk, undefined, startUpInput({ enterprise: { kind: 'new', name: '成都甲乙科技有限公司', uscc: null, address: null } }));
  const b = await created(db, clerk, undefined, startUpInput({ enterprise: { kind: 'new', name: '绵阳丙丁贸易有限公司', uscc: null, address: null } }));
  const c = await created(db, clerk, undefined, startUpInput({ enterprise: { kind: 'new', name: '德阳戊己餐饮有限公司', uscc: null, address: null } }));
  await db.ledgerItems.bulkAdd([
    itemRow(a.id, 'overdue', { dueDate: '2026-10-08', greenCard: 1 }),
    itemRow(a.id, 'greenCard', { dueDate: '2026-10-14', greenCard: 1 }),
    itemRow(b.id, 'deferred', { subject: 'lease', dueDate: '2026-10-09', owner, ownerDepartment: owner.department, status: 'supervising' }),
    itemRow(b.id, 'greenCard', { dueDate: '2026-10-13', greenCard: 1, status: 'supervising' }),
    itemRow(c.id, 'escalated', { dueDate: '2026-10-20' }),
    itemRow(c.id, 'overdue', { dueDate: '2026-10-01', status: 'closed', result: '已办结' }),
  ]);
  return { db, a, b, c };
}

const page = (db: DeskDatabase, query: Partial<LedgerPageQuery>) => readLedgerPage(db, { sort: 'dueDate', page: 1, today, ...query });
const ids = (rows: readonly { source: string; dueDate: string }[]) => rows.map((row) => `${row.source}@${row.dueDate}`);

describe('readLedgerPage', () => {
  it('lists the items still to supervise, soonest due first, with case, enterprise, owner and working days left', async () => {
    const { db, a, b } = await ledgerDesk();
    const result = await page(db, {});
    expect(result.total).toBe(5);
    expect(ids(result.rows)).toEqual(['overdue@2026-10-08', 'deferred@2026-10-09', 'greenCard@2026-10-13', 'greenCard@2026-10-14', 'escalated@2026-10-20']);
    // Due 8 October, on the 12th: the 9th, the make-up Saturday the 10th (国庆调休) and the 12th are past.
    expect(result.rows[0]).toMatchObject({ caseNumber: a.caseNumber, enterpriseName: '成都甲乙科技有限公司', greenCard: true, status: 'open', overdue: true, workingDaysLeft: -3 });
    expect(result.rows[1]).toMatchObject({ caseNumber: b.caseNumber, owner, status: 'supervising', overdue: true, workingDaysLeft: -2 });
    // Monday 12 October to Wednesday the 14th: two working days.
    expect(result.rows[3]).toMatchObject({ overdue: false, workingDaysLeft: 2 });
  });

  it('pages by pageSize, the total counting every page', async () => {
    const { db } = await ledgerDesk();
    const second = await page(db, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(ids(second.rows)).toEqual(['greenCard@2026-10-13', 'greenCard@2026-10-14']);
    expect(ids((await page(db, { page: 3, pageSize: 2 })).rows)).toEqual(['escalated@2026-10-20']);
    expect((await page(db, { page: 4, pageSize: 2 })).rows).toEqual([]);
  });

  it('sorts latest due first, or green-card items first', async () => {
    const { db } = await ledgerDesk();
    expect(ids((await page(db, { sort: 'dueDateDesc' })).rows)).toEqual(['escalated@2026-10-20', 'greenCard@2026-10-14', 'greenCard@2026-10-13', 'deferred@2026-10-09', 'overdue@2026-10-08']);
    expect(ids((await page(db, { sort: 'greenCardFirst' })).rows)).toEqual(['overdue@2026-10-08', 'greenCard@2026-10-13', 'greenCard@2026-10-14', 'deferred@2026-10-09', 'escalated@2026-10-20']);
  });

  it('puts green-card items first across pages (the screen’s default order), each group soonest due first', async () => {
    const { db } = await ledgerDesk();
    const first = await page(db, { sort: 'greenCardFirst', pageSize: 2 });
    const second = await page(db, { sort: 'greenCardFirst', page: 2, pageSize: 2 });
    const third = await page(db, { sort: 'greenCardFirst', page: 3, pageSize: 2 });
    expect([...first.rows, ...second.rows, ...third.rows].map((row) => row.greenCard)).toEqual([true, true, true, false, false]);
    // The overdue green-card item leads even though a plain item (deferred, due the 9th) is overdue too.
    expect(first.rows[0]).toMatchObject({ source: 'overdue', greenCard: true, overdue: true });
    expect(ids(second.rows)).toEqual(['greenCard@2026-10-14', 'deferred@2026-10-09']);
    // Only overdue: the overdue green-card item still comes before the plain overdue one.
    expect(ids((await page(db, { sort: 'greenCardFirst', overdueOnly: true })).rows)).toEqual(['overdue@2026-10-08', 'deferred@2026-10-09']);
  });

  it('filters by source, status, department, overdue and green card, alone and together', async () => {
    const { db } = await ledgerDesk();
    expect(ids((await page(db, { source: 'greenCard' })).rows)).toEqual(['greenCard@2026-10-13', 'greenCard@2026-10-14']);
    expect(ids((await page(db, { status: 'closed' })).rows)).toEqual(['overdue@2026-10-01']);
    expect((await page(db, { status: 'all' })).total).toBe(6);
    expect(ids((await page(db, { status: 'supervising' })).rows)).toEqual(['deferred@2026-10-09', 'greenCard@2026-10-13']);
    expect(ids((await page(db, { department: owner.department })).rows)).toEqual(['deferred@2026-10-09']);
    expect((await page(db, { department: '不存在的科室' })).total).toBe(0);
    expect(ids((await page(db, { overdueOnly: true })).rows)).toEqual(['overdue@2026-10-08', 'deferred@2026-10-09']);
    expect(ids((await page(db, { greenCardOnly: true })).rows)).toEqual(['overdue@2026-10-08', 'greenCard@2026-10-13', 'greenCard@2026-10-14']);
    expect(ids((await page(db, { greenCardOnly: true, overdueOnly: true })).rows)).toEqual(['overdue@2026-10-08']);
    expect(ids((await page(db, { source: 'greenCard', status: 'supervising' })).rows)).toEqual(['greenCard@2026-10-13']);
  });

  it('finds the items of the cases a search names', async () => {
    const { db, b } = await ledgerDesk();
    expect(ids((await page(db, { search: '丙丁' })).rows)).toEqual(['deferred@2026-10-09', 'greenCard@2026-10-13']);
    expect((await page(db, { search: b.caseNumber })).rows.every((row) => row.caseId === b.id)).toBe(true);
    expect((await page(db, { search: '查无此企业' })).total).toBe(0);
  });

  it('reads only the page’s items: the others are never opened', async () => {
    const { db } = await ledgerDesk();
    const opened: string[] = [];
    const read = db.ledgerItems.bulkGet.bind(db.ledgerItems);
    db.ledgerItems.bulkGet = ((keys: string[]) => {
      opened.push(...keys);
      return read(keys as never);
    }) as typeof db.ledgerItems.bulkGet;
    await page(db, { pageSize: 2 });
    expect(opened).toHaveLength(2);
  });
});

describe('readLedgerForExport', () => {
  const followUp = (itemId: string, id: string, at: string, text: string) => ({ id, itemId, at, by: '周专员', text, clerkId: 'c', deskCode: '01', recordedAt: at });

  it('lists every page the filters match, in the screen’s order, each item with its latest follow-up', async () => {
    const { db, b } = await ledgerDesk();
    const deferred = ledgerItemIdOf('deferred', b.id, 'lease');
    await db.ledgerFollowUps.bulkAdd([
      followUp(deferred, '0190f000-0000-7000-8000-000000000002', '2026-10-10T10:00:00+08:00', '已电话督促登记科'),
      followUp(deferred, '0190f000-0000-7000-8000-000000000001', '2026-10-11T09:00:00+08:00', '登记科承诺周一办结'),
    ] as never);
    const listing = await readLedgerForExport(db, { sort: 'greenCardFirst', today });
    expect(listing.rows.map(({ row }) => `${row.source}@${row.dueDate}`)).toEqual(['overdue@2026-10-08', 'greenCard@2026-10-13', 'greenCard@2026-10-14', 'deferred@2026-10-09', 'escalated@2026-10-20']);
    expect(listing.rows[3]).toMatchObject({ row: { id: deferred, workingDaysLeft: -2 }, latestFollowUp: { text: '登记科承诺周一办结' } });
    expect(listing.rows.filter(({ latestFollowUp }) => latestFollowUp !== null)).toHaveLength(1);
  });

  it('applies the filters and the search as the page does', async () => {
    const { db, a } = await ledgerDesk();
    expect((await readLedgerForExport(db, { sort: 'dueDate', today, overdueOnly: true })).rows.map(({ row }) => row.source)).toEqual(['overdue', 'deferred']);
    expect((await readLedgerForExport(db, { sort: 'dueDate', today, status: 'all', search: a.caseNumber })).rows.map(({ row }) => row.caseId)).toEqual([a.id, a.id]);
    expect((await readLedgerForExport(db, { sort: 'dueDate', today, search: '没有这家企业' })).rows).toEqual([]);
  });
});

describe('readLedgerItem', () => {
  it('answers the item with its line, or null for one this desk does not hold', async () => {
    const { db, c } = await ledgerDesk();
    const escalation = (await page(db, { source: 'escalated' })).rows[0]!;
    const detail = await readLedgerItem(db, escalation.id, today);
    expect(detail).toMatchObject({ row: { caseId: c.id, workingDaysLeft: 6 }, item: { reason: '群众反映久拖不办' }, followUps: [] });
    expect(await readLedgerItem(db, escalation.id.replace('escalated', 'overdue') as never, today)).toMatchObject({ row: { status: 'closed', workingDaysLeft: null } });
    expect(await readLedgerItem(db, escalation.id.replace('escalated', 'greenCard') as never, today)).toBeNull();
  });
});
