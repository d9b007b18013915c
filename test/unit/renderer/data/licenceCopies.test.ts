import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveDocument, voidDocument } from '../../../../renderer/src/data/documentArchive/archive';
import { handOver, liveLicences, missingLicences, setLicenceCopies } from '../../../../renderer/src/data/licenceIssuance';
import { stockReport } from '../../../../renderer/src/data/paperStock';
import type { CaseRow } from '../../../../renderer/src/data/records';
import type { LicenceCopyMark } from '../../../../renderer/src/domain/cases/licenceCopies';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { applicantId, closeDatabases } from './dataFixtures';
import { awaitingIssuance, chiefLogin, issuingDesk, licenceDraft, printAt, unwrapResult, type IssuingDesk } from './issuanceFixtures';

afterEach(closeDatabases);

async function printCopy(desk: IssuingDesk, row: CaseRow, serial: string, licenceCopy: LicenceCopyMark) {
  return archiveDocument(desk.db, { ...(await licenceDraft(desk, row, 'licenceCopy', serial)), licenceCopy }, { clerk: desk.clerk, at: printAt });
}

async function caseDocs(desk: IssuingDesk, row: CaseRow) {
  return desk.db.documents.where('caseId').equals(row.id).toArray();
}

describe('setLicenceCopies', () => {
  it('records the count on the case and sends it to HQ as a case field, with an audit entry', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const saved = unwrapResult(await setLicenceCopies(desk.db, row.id, 3, { clerk: desk.clerk, at: printAt }));
    expect(saved.licenceCopies).toBe(3);
    const last = (await desk.db.outbox.orderBy('seq').last())!.op;
    expect(syncOpSchema.safeParse(last).success).toBe(true);
    expect(last).toMatchObject({ entity: 'case', entityId: row.id, payload: { licenceCopies: 3 } });
    expect(Object.keys(last.payload)).toEqual(['licenceCopies']);
    expect((await desk.db.auditLog.orderBy('seq').last())!).toMatchObject({ action: 'case.licenceCopies', details: { licenceCopies: 3 } });
  });

  it('refuses a count out of range and a case already handed over, and changes nothing', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const before = await desk.db.outbox.count();
    expect(await setLicenceCopies(desk.db, row.id, 0, { clerk: desk.clerk })).toEqual({ ok: false, message: '副本份数应为1到10之间的整数' });
    expect(await setLicenceCopies(desk.db, row.id, 11, { clerk: desk.clerk })).toEqual({ ok: false, message: '副本份数应为1到10之间的整数' });
    await desk.db.cases.update(row.id, { statusCode: 'completed' });
    expect(await setLicenceCopies(desk.db, row.id, 2, { clerk: desk.clerk })).toEqual({ ok: false, message: '办件已办结，不能再改副本份数' });
    expect(await desk.db.outbox.count()).toBe(before);
  });

  it('refuses to change the count once a 副本 carrying it is printed, until that 副本 is voided', async () => {
    const desk = await issuingDesk();
    const row = unwrapResult(await setLicenceCopies(desk.db, (await awaitingIssuance(desk)).id, 3, { clerk: desk.clerk }));
    const first = unwrapResult(await printCopy(desk, row, 'B5107000001', { number: 1, of: 3 }));
    expect(await setLicenceCopies(desk.db, row.id, 2, { clerk: desk.clerk })).toEqual({ ok: false, message: '已打印的副本 1/3上印有原份数，须先作废这些副本，才能改副本份数' });
    unwrapResult(await voidDocument(desk.db, first.id, '卡纸', chiefLogin, { clerk: desk.clerk }));
    expect(unwrapResult(await setLicenceCopies(desk.db, row.id, 2, { clerk: desk.clerk })).licenceCopies).toBe(2);
  });
});

describe('several 副本', () => {
  it('prints each 副本 on its own sheet with its mark, refuses a stale count, and hands over only the whole set', async () => {
    const desk = await issuingDesk();
    const row = unwrapResult(await setLicenceCopies(desk.db, (await awaitingIssuance(desk)).id, 3, { clerk: desk.clerk }));
    unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000001'), { clerk: desk.clerk, at: printAt }));
    // A draft made for the old count (one 副本) is refused: the sheet would say the wrong thing.
    expect(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000001'), { clerk: desk.clerk, at: printAt })).toMatchObject({
      ok: false,
      message: '本办件的副本份数已改为3份，请重新生成副本后再打印',
    });
    const first = unwrapResult(await printCopy(desk, row, 'B5107000001', { number: 1, of: 3 }));
    unwrapResult(await printCopy(desk, row, 'B5107000002', { number: 2, of: 3 }));
    expect(first.licenceCopy).toEqual({ number: 1, of: 3 });

    const live = liveLicences(await caseDocs(desk, row), row);
    expect(live.licenceCopies.map((document) => document?.licenceSheetSerial ?? null)).toEqual(['B5107000001', 'B5107000002', null]);
    expect(missingLicences(live)).toEqual(['营业执照副本（副本 3/3）']);
    const collector = { role: 'applicant' as const, name: '王小明', idNumber: applicantId };
    expect(await handOver(desk.db, row.id, collector, { clerk: desk.clerk })).toEqual({ ok: false, message: '尚未套打：营业执照副本（副本 3/3），不能交付' });

    // The same 副本 twice needs the chief, like any licence printed again.
    expect(await printCopy(desk, row, 'B5107000003', { number: 2, of: 3 })).toMatchObject({ ok: false, field: 'approval', message: expect.stringContaining('营业执照副本（副本 2/3）已套打') });
    unwrapResult(await printCopy(desk, row, 'B5107000003', { number: 3, of: 3 }));

    const done = unwrapResult(await handOver(desk.db, row.id, collector, { clerk: desk.clerk }));
    expect(done.documentNumbers).toHaveLength(4);
    const events = (await desk.db.outbox.orderBy('seq').toArray()).map((entry) => entry.op).filter((op) => op.entity === 'documentEvent' && op.payload.kind === 'licenceCopy');
    expect(events.map((op) => (op.entity === 'documentEvent' ? [op.payload.licenceSheetSerial, op.payload.licenceCopy] : null))).toEqual([
      ['B5107000001', { number: 1, of: 3 }],
      ['B5107000002', { number: 2, of: 3 }],
      ['B5107000003', { number: 3, of: 3 }],
    ]);
  });

  it('voids and reprints one 副本 on a new sheet while the others stand, and the stock balances', async () => {
    const desk = await issuingDesk();
    const row = unwrapResult(await setLicenceCopies(desk.db, (await awaitingIssuance(desk)).id, 3, { clerk: desk.clerk }));
    await printCopy(desk, row, 'B5107000001', { number: 1, of: 3 });
    const second = unwrapResult(await printCopy(desk, row, 'B5107000002', { number: 2, of: 3 }));
    await printCopy(desk, row, 'B5107000003', { number: 3, of: 3 });
    unwrapResult(await voidDocument(desk.db, second.id, '套打错位', chiefLogin, { clerk: desk.clerk }));
    expect(missingLicences(liveLicences(await caseDocs(desk, row), row))).toEqual(['营业执照正本', '营业执照副本（副本 2/3）']);
    const again = unwrapResult(await printCopy(desk, row, 'B5107000004', { number: 2, of: 3 }));
    expect(again.licenceCopy).toEqual({ number: 2, of: 3 });
    expect(liveLicences(await caseDocs(desk, row), row).licenceCopies.map((document) => document!.licenceSheetSerial)).toEqual(['B5107000001', 'B5107000004', 'B5107000003']);

    const stock = (await stockReport(desk.db)).copy;
    expect(stock).toMatchObject({ received: 5, used: 3, voided: 1, inStock: 1, balanced: true });
    expect(stock.voidedSheets).toEqual([{ serial: 'B5107000002', reason: '套打错位' }]);
  });
});
