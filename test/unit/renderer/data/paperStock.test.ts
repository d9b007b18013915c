import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSheetForPrinting, receiveSheets, receiveSheetsApproved, serialRange, stockReport, voidBlankSheet } from '../../../../renderer/src/data/paperStock';
import { Refusal } from '../../../../renderer/src/data/refusal';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { closeDatabases } from './dataFixtures';
import { chiefLogin, clerkLogin, issuingDesk, unwrapResult } from './issuanceFixtures';

afterEach(closeDatabases);

describe('serialRange', () => {
  it('expands a range of the same prefix and width, keeping leading zeros', () => {
    expect(serialRange('A5107000098', 'a5107000101')).toEqual(['A5107000098', 'A5107000099', 'A5107000100', 'A5107000101']);
  });

  it.each([
    ['a different prefix', 'A5107000001', 'B5107000002', '首尾编号须前缀相同、末尾数字位数相同'],
    ['a different width', 'A123456', 'A1234567', '首尾编号须前缀相同、末尾数字位数相同'],
    ['the last before the first', 'A5107000010', 'A5107000001', '末张编号不能小于首张编号'],
    ['no digits at the end', 'ABCDEFG', 'ABCDEFH', '首尾编号须前缀相同、末尾数字位数相同'],
    ['a serial too short', 'A12', 'A13', '证书编号应为6至20位大写字母或数字'],
    ['more than a receipt may hold', 'A5107000001', 'A5107009999', '一次最多登记2000张，请分批登记'],
  ])('refuses %s', (_label, first, last, message) => {
    expect(() => serialRange(first, last)).toThrow(new Refusal(message));
  });
});

describe('receiveSheets', () => {
  it('receives a range per kind (chief only) and refuses one that overlaps what is in stock', async () => {
    const { db, clerk, chief } = await issuingDesk();
    expect(await receiveSheets(db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000010' }, clerk)).toEqual({
      ok: false,
      message: '登记证书纸入库须由首席代表操作',
    });
    expect(unwrapResult(await receiveSheets(db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000010' }, chief))).toEqual({
      kind: 'original',
      first: 'A5107000001',
      last: 'A5107000010',
      count: 10,
    });
    const overlap = await receiveSheets(db, { kind: 'copy', firstSerial: 'A5107000010', lastSerial: 'A5107000012' }, chief);
    expect(overlap).toEqual({ ok: false, message: '编号 A5107000010 已在库存登记中，同一编号不能重复登记' });
    expect(await db.licenceSheets.count()).toBe(10);
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'licenceSheet.receive', details: { count: 10 } });
  });
});

describe('receiveSheetsApproved', () => {
  it('lets a clerk receive sheets with the chief\'s login and password typed in, recording both', async () => {
    const { db, clerk, chief } = await issuingDesk();
    const received = unwrapResult(await receiveSheetsApproved(db, { kind: 'copy', firstSerial: 'B5107000001', lastSerial: 'B5107000003' }, chiefLogin, clerk));
    expect(received).toEqual({ kind: 'copy', first: 'B5107000001', last: 'B5107000003', count: 3 });
    expect(await db.licenceSheets.count()).toBe(3);
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'licenceSheet.receive', clerkId: clerk.id, details: { count: 3, approvedBy: chief.id } });
  });

  it('refuses without the chief\'s password, with a clerk\'s own, or with a wrong range, and stores nothing', async () => {
    const { db, clerk } = await issuingDesk();
    const receipt = { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000005' } as const;
    expect(await receiveSheetsApproved(db, receipt, { loginName: '', password: '' }, clerk)).toMatchObject({ ok: false });
    expect(await receiveSheetsApproved(db, receipt, clerkLogin, clerk)).toMatchObject({ ok: false, message: expect.stringContaining('不是首席代表') });
    expect(await receiveSheetsApproved(db, receipt, { ...chiefLogin, password: 'wrong-password' }, clerk)).toMatchObject({ ok: false });
    expect(await receiveSheetsApproved(db, { ...receipt, lastSerial: 'B5107000005' }, chiefLogin, clerk)).toEqual({
      ok: false,
      message: '首尾编号须前缀相同、末尾数字位数相同',
    });
    expect(await db.licenceSheets.count()).toBe(0);
  });
});

describe('checkSheetForPrinting', () => {
  it('accepts an in-stock sheet of the kind, however it was typed, and says why any other sheet will not do', async () => {
    const { db, chief } = await issuingDesk();
    unwrapResult(await receiveSheets(db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000002' }, chief));
    expect(await checkSheetForPrinting(db, ' ａ5107000001 ', 'original')).toMatchObject({ ok: true, value: { serial: 'A5107000001', state: 'inStock' } });
    expect(await checkSheetForPrinting(db, 'A5107000001', 'copy')).toEqual({ ok: false, message: '编号 A5107000001 是正本用纸，与所打证照不符' });
    expect(await checkSheetForPrinting(db, 'A5107000099', 'original')).toEqual({ ok: false, message: '编号 A5107000099 不在本机库存中，请核对或先登记入库' });
    expect(await checkSheetForPrinting(db, 'A-1', 'original')).toEqual({ ok: false, message: '证书编号应为6至20位大写字母或数字' });
  });
});

describe('voidBlankSheet', () => {
  it('needs the chief and a reason, then voids the sheet and tells HQ who approved it', async () => {
    const { db, clerk, chief } = await issuingDesk();
    unwrapResult(await receiveSheets(db, { kind: 'copy', firstSerial: 'B5107000001', lastSerial: 'B5107000003' }, chief));
    expect(await voidBlankSheet(db, 'B5107000002', '边角撕破', clerkLogin, clerk)).toMatchObject({ ok: false, message: expect.stringContaining('不是首席代表') });
    expect(await voidBlankSheet(db, 'B5107000002', '', chiefLogin, clerk)).toEqual({ ok: false, message: '须写明原因' });
    expect((await db.licenceSheets.get('B5107000002'))!.state).toBe('inStock');

    const voided = unwrapResult(await voidBlankSheet(db, 'B5107000002', '边角撕破', chiefLogin, clerk));
    expect(voided).toMatchObject({ state: 'voided', reason: '边角撕破', approvedBy: chief.id });
    const [op] = await db.outbox.toArray();
    expect(syncOpSchema.safeParse(op!.op).success).toBe(true);
    expect(op!.op).toMatchObject({ entity: 'licenceSheetEvent', clerkId: clerk.id, payload: { serial: 'B5107000002', action: 'voided', approvedBy: chief.id } });
    expect(await voidBlankSheet(db, 'B5107000002', '再作废一次', chiefLogin, clerk)).toEqual({ ok: false, message: '编号 B5107000002 的证书纸已作废，不能再使用' });
  });
});

describe('stockReport', () => {
  it('balances received against used, voided and in stock per kind, with the serial runs in each state', async () => {
    const { db, clerk, chief } = await issuingDesk();
    unwrapResult(await receiveSheets(db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000005' }, chief));
    unwrapResult(await receiveSheets(db, { kind: 'copy', firstSerial: 'B5107000001', lastSerial: 'B5107000003' }, chief));
    unwrapResult(await voidBlankSheet(db, 'A5107000003', '受潮', chiefLogin, clerk));

    const report = await stockReport(db);
    expect(report.original).toMatchObject({ received: 5, used: 0, voided: 1, inStock: 4, balanced: true });
    expect(report.original.runs).toEqual([
      { first: 'A5107000001', last: 'A5107000002', count: 2, state: 'inStock' },
      { first: 'A5107000003', last: 'A5107000003', count: 1, state: 'voided' },
      { first: 'A5107000004', last: 'A5107000005', count: 2, state: 'inStock' },
    ]);
    expect(report.original.voidedSheets).toEqual([{ serial: 'A5107000003', reason: '受潮' }]);
    expect(report.copy).toMatchObject({ received: 3, inStock: 3, balanced: true });
  });

  it('does not balance when a received sheet has gone missing from the stock', async () => {
    const { db, chief } = await issuingDesk();
    unwrapResult(await receiveSheets(db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000003' }, chief));
    await db.licenceSheets.delete('A5107000002');
    expect((await stockReport(db)).original).toMatchObject({ received: 3, inStock: 2, balanced: false });
  });
});
