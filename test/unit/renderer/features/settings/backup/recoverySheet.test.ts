import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditLog } from '../../../../../../renderer/src/data/audit';
import type { GeneratedDocument } from '../../../../../../renderer/src/documents/generateDocument';
import { documentRequestSchema, type DocumentRequestInput } from '../../../../../../renderer/src/documents/schemas';
import type { PrintJobRequest, PrintReport } from '../../../../../../renderer/src/features/printing/printJob';
import { printRecoverySheet } from '../../../../../../renderer/src/features/settings/backup/recoverySheet';
import { closeDatabases } from '../../../data/dataFixtures';
import { issuingDesk } from '../../../data/issuanceFixtures';

afterEach(closeDatabases);

const facts = { folder: 'E:\\一窗通备份\\MY01', keep: 7, newest: { fileName: 'yct-MY01-20261126-174400.yctbak', at: '2026-11-26T17:44:00+08:00' } };
const choice = { printer: 'Counter_A4', paper: 'A4', copies: 2 } as const;
const pdf = new Uint8Array([37, 80, 68, 70]);

function ports(report: PrintReport) {
  const drawn: DocumentRequestInput[] = [];
  const sent: PrintJobRequest[] = [];
  return {
    drawn,
    sent,
    generate: vi.fn((request: DocumentRequestInput): Promise<GeneratedDocument> => {
      drawn.push(request);
      return Promise.resolve({ kind: 'recoverySheet', templateId: 'recoverySheet/1', bytes: pdf, sha256: 'ab'.repeat(32), pageCount: 1, warnings: [] });
    }),
    send: vi.fn((request: PrintJobRequest) => {
      sent.push(request);
      return Promise.resolve(report);
    }),
  };
}

describe('printing the recovery sheet', () => {
  it('prints the desk’s backup facts without archiving, numbering or syncing anything, and audits who printed it', async () => {
    const desk = await issuingDesk();
    const { db, admin } = desk;
    const countersBefore = await db.counters.toArray();
    const fake = ports({ state: 'completed', jobId: 'Counter_A4-7', message: '已打印' });

    const report = await printRecoverySheet(db, admin, facts, choice, fake);

    expect(report.state).toBe('completed');
    const request = documentRequestSchema.parse(fake.drawn[0]);
    expect(request).toMatchObject({ kind: 'recoverySheet', deskTag: 'MY01', backupFolder: facts.folder, keep: 7, lastBackup: facts.newest });
    expect(request.kind === 'recoverySheet' && request.reference).toMatch(/^MY01-\d{12}$/);
    expect(fake.sent).toEqual([expect.objectContaining({ pdf, printer: 'Counter_A4', copies: 2, paper: 'A4', orientation: 'portrait' })]);
    expect(await db.documents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.counters.toArray()).toEqual(countersBefore);
    const entry = (await db.auditLog.toArray()).at(-1);
    expect(entry).toMatchObject({ action: 'backup.recoverySheetPrinted', clerkId: admin.id, details: { folder: facts.folder, printer: 'Counter_A4', copies: 2, state: 'completed' } });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('audits a job the printer refused, with its outcome, and still writes no document', async () => {
    const { db, admin } = await issuingDesk();
    const fake = ports({ state: 'refused', jobId: null, message: '打印服务未接受任务' });
    expect((await printRecoverySheet(db, admin, { ...facts, newest: null }, choice, fake)).state).toBe('refused');
    expect(fake.drawn[0]).toMatchObject({ lastBackup: null });
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'backup.recoverySheetPrinted', details: { state: 'refused' } });
    expect(await db.documents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('prints nothing and audits nothing when the sheet cannot be drawn', async () => {
    const { db, admin } = await issuingDesk();
    const fake = ports({ state: 'completed', jobId: 'x', message: '' });
    fake.generate.mockRejectedValueOnce(new Error('字体缺字'));
    const before = await db.auditLog.count();
    await expect(printRecoverySheet(db, admin, facts, choice, fake)).rejects.toThrow('字体缺字');
    expect(fake.send).not.toHaveBeenCalled();
    expect(await db.auditLog.count()).toBe(before);
  });
});
