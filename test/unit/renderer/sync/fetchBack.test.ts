import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { reprintDocument } from '../../../../renderer/src/data/documentArchive/archive';
import { purgeStep, startPurgeRound } from '../../../../renderer/src/data/retention/retention';
import type { GetBlobOutput, HqResult } from '../../../../renderer/src/platform/desk';
import { openArchivedPdf, openScan } from '../../../../renderer/src/sync/fetchBack';
import type { SyncTransport } from '../../../../renderer/src/sync/transport';
import { closeDatabases } from '../data/dataFixtures';
import { fakePdf, issuingDesk, type IssuingDesk } from '../data/issuanceFixtures';
import { caseWithReceipt, caseWithScan, withdrawAt } from '../data/retention/retentionFixtures';

afterEach(closeDatabases);

const later = new Date('2027-12-15T09:00:00+08:00');
const scanText = '%PDF-1.7\npurged scan\n%%EOF';

/** A transport of which only `getBlob` is used, answering what the test says. */
function hqAnswering(getBlob: (sha256: string) => HqResult<GetBlobOutput>): SyncTransport & { asked: string[] } {
  const asked: string[] = [];
  const unused = () => Promise.reject(new Error('not used'));
  return { asked, config: unused, push: unused, pull: unused, reference: unused, hasBlob: unused, putBlob: unused, getBlob: async ({ sha256 }) => (asked.push(sha256), getBlob(sha256)) };
}

async function purgedDesk(): Promise<{ desk: IssuingDesk; sha256: string; documentId: string; pdf: Uint8Array }> {
  const desk = await issuingDesk();
  const scanned = await caseWithScan(desk, 'purged scan');
  await desk.db.blobs.update(scanned.sha256, { uploaded: 1 });
  await withdrawAt(desk, scanned.row, '2026-11-27T10:00:00+08:00');
  const printed = await caseWithReceipt(desk, 'purged receipt');
  await desk.db.documents.update(printed.document.id, { uploaded: 1 });
  await withdrawAt(desk, printed.row, '2026-11-27T10:00:00+08:00');
  const round = (await startPurgeRound(desk.db, later))!;
  while (await purgeStep(desk.db, round, later));
  return { desk, sha256: scanned.sha256, documentId: printed.document.id, pdf: fakePdf('purged receipt') };
}

describe('opening a purged scan or archived PDF', () => {
  it('fetches a purged scan back from HQ and hands over its bytes, without storing them again', async () => {
    const { desk, sha256 } = await purgedDesk();
    const hq = hqAnswering(() => ({ ok: true, value: { found: true, bytes: new TextEncoder().encode(scanText) } }));
    const opened = await openScan(desk.db, hq, sha256);
    expect(opened).toMatchObject({ ok: true, fetched: true });
    expect(opened.ok && new TextDecoder().decode(opened.bytes)).toBe(scanText);
    expect(hq.asked).toEqual([sha256]);
    expect((await desk.db.blobs.get(sha256))?.data).toBeNull();
  });

  it('refuses bytes that do not hash to the stored SHA-256', async () => {
    const { desk, sha256, documentId } = await purgedDesk();
    const hq = hqAnswering(() => ({ ok: true, value: { found: true, bytes: new TextEncoder().encode('%PDF-1.7 another document') } }));
    expect(await openScan(desk.db, hq, sha256)).toEqual({ ok: false, reason: 'refused', message: expect.stringContaining('校验值（SHA-256）不符') });
    expect(await openArchivedPdf(hq, (await desk.db.documents.get(documentId))!)).toMatchObject({ ok: false, reason: 'refused' });
  });

  it('says in Chinese that HQ holds it and it opens once the network is back, when HQ cannot be reached', async () => {
    const { desk, sha256, documentId } = await purgedDesk();
    const hq = hqAnswering(() => ({ ok: false, failure: { kind: 'network', message: '无法连接市级系统' } }));
    const offline = { ok: false, reason: 'offline', message: '此文件已在保留期满后移交市级系统保存，本机不再保留原件；当前无法连接市级系统，网络恢复后即可打开。' };
    expect(await openScan(desk.db, hq, sha256)).toEqual(offline);
    expect(await openArchivedPdf(hq, (await desk.db.documents.get(documentId))!)).toEqual(offline);
  });

  it('says when HQ has no such blob, and opens bytes still kept here without asking HQ', async () => {
    const { desk, sha256 } = await purgedDesk();
    const none = hqAnswering(() => ({ ok: true, value: { found: false } }));
    expect(await openScan(desk.db, none, sha256)).toMatchObject({ ok: false, reason: 'missing', message: '市级系统没有找到此文件，无法取回，请联系管理员。' });
    const kept = await caseWithScan(desk, 'kept scan');
    expect(await openScan(desk.db, none, kept.sha256)).toMatchObject({ ok: true, fetched: false });
    expect(none.asked).toEqual([sha256]);
  });

  it('reprints a purged notice from the bytes fetched back, and refuses without them or with other bytes', async () => {
    const { desk, documentId, pdf } = await purgedDesk();
    const print = { reason: '申请人遗失，补打一份', copies: 1, printerName: 'DeskPDF' };
    expect(await reprintDocument(desk.db, documentId, print, { clerk: desk.clerk })).toMatchObject({ ok: false, message: expect.stringContaining('须先从市级系统取回') });
    expect(await reprintDocument(desk.db, documentId, { ...print, fetched: fakePdf('other') }, { clerk: desk.clerk })).toMatchObject({ ok: false });
    const hq = hqAnswering(() => ({ ok: true, value: { found: true, bytes: new Uint8Array(pdf) } }));
    const opened = await openArchivedPdf(hq, (await desk.db.documents.get(documentId))!);
    if (!opened.ok) throw new Error(opened.message);
    const reprinted = await reprintDocument(desk.db, documentId, { ...print, fetched: opened.bytes }, { clerk: desk.clerk });
    expect(reprinted).toMatchObject({ ok: true, value: { pdf } });
  });
});
