import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../../renderer/src/data/audit';
import { DataError } from '../../../../../renderer/src/data/dataError';
import { recordPrintJob, type PrintJobRecord } from '../../../../../renderer/src/data/documentArchive/printJobLog';
import { closeDatabases, readyDesk } from '../dataFixtures';

afterEach(closeDatabases);

const job: PrintJobRecord = { documentId: '0190a000-0000-7000-8000-0000000000d1', state: 'failed', jobId: 'DeskPDF-12', reason: '打印机缺纸' };

describe('recordPrintJob', () => {
  it('logs what the spooler did with a document in the audit log, in the hash chain', async () => {
    const { db, clerk } = await readyDesk();
    await recordPrintJob(db, job, clerk, new Date('2026-11-02T01:30:00Z'));
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({
      action: 'document.printJob',
      subject: `document:${job.documentId}`,
      clerkId: clerk.id,
      at: '2026-11-02T09:30:00.000+08:00',
      details: job,
    });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('writes no op for HQ: the documentEvent op already said what was issued', async () => {
    const { db, clerk } = await readyDesk();
    await recordPrintJob(db, { ...job, state: 'completed', reason: null }, clerk);
    expect(await db.outbox.count()).toBe(0);
  });

  it('fails as a DataError saying the disk is full, logging nothing, when storage runs out', async () => {
    const { db, clerk } = await readyDesk();
    const entries = await db.auditLog.count();
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.auditLog.hook('creating', quota);
    const failure = recordPrintJob(db, job, clerk);
    await expect(failure).rejects.toBeInstanceOf(DataError);
    await expect(failure).rejects.toThrow('本机存储空间已满');
    db.auditLog.hook('creating').unsubscribe(quota);
    expect(await db.auditLog.count()).toBe(entries);
  });
});
