import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { archiveDocument, type DocumentDraft } from '../../../../../renderer/src/data/documentArchive/archive';
import { nextDocumentNumber } from '../../../../../renderer/src/data/documentArchive/numbering';
import { saveIssuingAgency } from '../../../../../renderer/src/data/issuingAgency';
import { handOver } from '../../../../../renderer/src/data/licenceIssuance';
import { receiveSheets } from '../../../../../renderer/src/data/paperStock';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import { sha256Hex } from '../../../../../renderer/src/domain/sha256';
import { pullChanges } from '../../../../../renderer/src/sync/pullChanges';
import { pushOutbox } from '../../../../../renderer/src/sync/pushOutbox';
import { licenceData } from '../../../../hq/support/fixtures';
import { HqHarness } from '../../../../hq/support/harness';
import { acceptedCase, draftCase, enrolledDesk, intakeDay, type SyncDesk } from '../../sync/syncFixtures';
import { addAccount, closeDatabases, startUpInput } from '../dataFixtures';
import { agencyInput, fakePdf, unwrapResult } from '../issuanceFixtures';

/**
 * The day close of two windows of one hall that worked the same case: window 01 took it in and accepted
 * it, HQ approved it, window 02 (the issuing window) printed the licence and handed it over. Sync brings
 * each window the other's part; each window's day still reports only its own work.
 */

const day = intakeDay.slice(0, 10);
const at = (time: string) => `${day}T${time}:00+08:00`;

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

async function printLicence(desk: SyncDesk, row: CaseRow, kind: 'licenceOriginal' | 'licenceCopy', serial: string) {
  const pdf = fakePdf(`${kind}-${serial}`);
  const draft: DocumentDraft = {
    kind,
    caseId: row.id,
    eventSeq: null,
    documentNumber: unwrapResult(await nextDocumentNumber(desk.db, kind, at('11:20'))),
    templateVersion: `${kind}/2026.1`,
    pdf,
    sha256: await sha256Hex(pdf),
    copies: 1,
    printerName: 'DeskPDF',
    licenceSheetSerial: serial,
  };
  unwrapResult(await archiveDocument(desk.db, draft, { clerk: desk.clerk, at: at('11:20') }));
}

/** Window 02, set up to issue: its 文书抬头 and a chief who receives blank licence paper. */
async function issuingWindow(): Promise<SyncDesk> {
  const desk = await enrolledDesk(hq, '02');
  const admin = await addAccount(desk.db, 'admin', '王管理');
  const chief = await addAccount(desk.db, 'chief', '李首席');
  unwrapResult(await saveIssuingAgency(desk.db, { ...agencyInput, windowName: '统一出件窗口 2号' }, admin));
  unwrapResult(await receiveSheets(desk.db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000005' }, chief));
  unwrapResult(await receiveSheets(desk.db, { kind: 'copy', firstSerial: 'B5107000001', lastSerial: 'B5107000005' }, chief));
  return desk;
}

describe('the day close of two windows that worked the same case', () => {
  it('reports intake, decisions’ documents and drafts where the case was taken in, and the handover where it was handed over', async () => {
    const intake = await enrolledDesk(hq, '01');
    const issuing = await issuingWindow();
    const row = await acceptedCase(intake, at('09:00'));
    const draft = await draftCase(intake, at('09:40'), startUpInput({ queueTicket: 'A032' }));
    expect(await pushOutbox(intake.ctx)).toBeNull();
    await hq.operator.approve(row.id, licenceData({ name: row.enterprise.name }));

    expect(await pullChanges(issuing.ctx, issuing.deskId)).toBeNull();
    const pulled = (await issuing.db.cases.get(row.id))!;
    expect(pulled.statusCode).toBe('awaitingIssuance');
    await printLicence(issuing, pulled, 'licenceOriginal', 'A5107000001');
    await printLicence(issuing, pulled, 'licenceCopy', 'B5107000001');
    unwrapResult(await handOver(issuing.db, row.id, { role: 'applicant', name: row.applicant.name, idNumber: row.applicant.idNumber }, { clerk: issuing.clerk, at: at('11:30') }));
    expect(await pushOutbox(issuing.ctx)).toBeNull();
    expect(await pullChanges(intake.ctx, intake.deskId)).toBeNull();
    expect((await intake.db.cases.get(row.id))?.statusCode).toBe('completed');

    const issued = await readDaySnapshot(issuing.db, day);
    expect(issued.cases.map((line) => [line.caseNumber, line.statusCode])).toEqual([[row.caseNumber, 'completed']]);
    expect(issued.figures).toEqual({ casesByMatter: {}, completedCases: 1, averageIntakeToHandoverMinutes: 150, oneVisitShare: 1 });
    expect(issued.totals).toMatchObject({ handovers: 1, documents: { printed: 2 }, licenceSheets: { used: ['A5107000001', 'B5107000001'] } });
    // Window 01's acceptance asked for its receipt and notice: window 01 prints them, not the issuing window.
    expect(issued.unprinted).toEqual([]);
    // Window 01's draft reaches window 02 by sync, but it is window 01's to finish.
    expect(await issuing.db.cases.get(draft.id)).toBeDefined();
    expect(issued.drafting).toEqual([]);

    const tookIn = await readDaySnapshot(intake.db, day);
    expect(tookIn.figures).toMatchObject({ completedCases: 0, averageIntakeToHandoverMinutes: null, oneVisitShare: null });
    expect(tookIn.figures.casesByMatter).toEqual(Object.fromEntries(row.matterCodes.map((code) => [code, 2])));
    expect(tookIn.totals.handovers).toBe(0);
    expect(tookIn.unprinted.map((doc) => [doc.caseNumber, doc.kind])).toEqual([
      [row.caseNumber, 'acceptanceNotice'],
      [row.caseNumber, 'receipt'],
    ]);
    expect(tookIn.drafting.map((line) => line.caseNumber)).toEqual([draft.caseNumber]);
  });
});
