import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attachmentContent, caseAttachments } from '../../../../renderer/src/data/attachments';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import { archivedPdf } from '../../../../renderer/src/data/documentArchive/archive';
import { readIntakeDraft } from '../../../../renderer/src/data/intakeDrafts';
import type { AttachmentId, AttachmentRow, DocumentRow } from '../../../../renderer/src/data/records';
import { readSealingProgress, sealStoredBlobs } from '../../../../renderer/src/data/sealStoredBlobs';
import { blobSealingStateKey, sealingStateSchema } from '../../../../renderer/src/data/sealingPass';
import type { CaseId } from '../../../../renderer/src/domain/cases/caseId';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import type { ClerkId } from '../../../../renderer/src/domain/clerks/clerkId';

const opened: DeskDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const clerkId = 'clerk-1' as ClerkId;
const text = (body: string) => new Blob([`%PDF-1.7\n${body}\n%%EOF`], { type: 'application/pdf' });
const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7])], { type: 'image/jpeg' });
const sha = (n: number) => n.toString(16).padStart(64, '0');
const formSchema = z.object({ applicantName: z.string() });

function legacyDocument(id: string, body: string): DocumentRow {
  return {
    id,
    caseId: null,
    eventSeq: null,
    documentNumber: `No.${id}`,
    kind: 'calibrationSheet',
    templateVersion: 'calibrationSheet/1',
    pdf: text(body),
    sha256: '0'.repeat(64),
    copies: 1,
    printerName: 'DeskPDF',
    licenceSheetSerial: null,
    status: 'printed',
    voidReason: null,
    printedBy: clerkId,
    printedAt: '2026-12-07T09:00:00.000+08:00',
  };
}

function legacyAttachment(id: string): AttachmentRow {
  return {
    id: id as AttachmentId,
    caseId: 'case-1' as CaseId,
    itemKey: 'k' as ChecklistItemKey,
    sha256: sha(1),
    fileName: 'x.jpg',
    mediaType: 'image/jpeg',
    size: 7,
    thumbnail: jpeg,
    addedBy: clerkId,
    addedAt: '2026-12-07T09:00:00.000+08:00',
  };
}

/** A desk as main stored it (schema 7, everything plain), opened by this build. */
async function upgradedDesk(name: string): Promise<DeskDatabase> {
  const old = new DeskDatabase(name, { upToVersion: 7 });
  await old.open();
  await old.blobs.bulkAdd([1, 2, 3].map((n) => ({ sha256: sha(n), data: text(`scan ${n} 王小明`), mediaType: 'application/pdf', size: 20, uploaded: 0 as const })));
  await old.documents.bulkAdd([legacyDocument('doc-1', 'notice 张三'), legacyDocument('doc-2', 'licence 李四')]);
  await old.attachments.bulkAdd([legacyAttachment('att-1'), { ...legacyAttachment('att-2'), thumbnail: null }]);
  await old.intakeDrafts.add({ clerkId, values: { applicantName: '赵草稿' }, savedAt: '2026-12-07T09:00:00.000+08:00' });
  old.close();
  const db = new DeskDatabase(name);
  opened.push(db);
  await db.open();
  return db;
}

// A purged row (retention) has no bytes: nothing stored to look at.
const latin1 = async (blob: Blob | null) => (blob === null ? '' : Buffer.from(await blob.arrayBuffer()).toString('latin1'));
const utf8 = async (blob: Blob | null) => (blob === null ? '' : Buffer.from(await blob.arrayBuffer()).toString('utf8'));

/** Every stored byte of the sealed tables, as text, to look for what must not be there. */
async function everythingStored(db: DeskDatabase): Promise<string> {
  const parts = [
    ...(await Promise.all((await db.blobs.toArray()).map((row) => utf8(row.data)))),
    ...(await Promise.all((await db.documents.toArray()).map((row) => utf8(row.pdf)))),
    ...(await Promise.all((await db.documents.toArray()).map((row) => latin1(row.pdf)))),
    ...(await Promise.all((await db.attachments.toArray()).map((row) => (row.thumbnail === null ? '' : latin1(row.thumbnail))))),
    ...(await Promise.all((await db.intakeDrafts.toArray()).map((row) => (row.values instanceof Blob ? utf8(row.values) : JSON.stringify(row.values))))),
  ];
  return parts.join('\n');
}

async function runToEnd(db: DeskDatabase, maxRows: number): Promise<number> {
  let batches = 0;
  while ((await sealStoredBlobs(db, { maxRows })).more) batches += 1;
  return batches + 1;
}

describe('the background sealing of a desk upgraded from plain storage', () => {
  it('seals every plain scan, thumbnail, archived PDF and draft in place, showing progress, and leaves nothing plain', async () => {
    const db = await upgradedDesk('seal-all');
    expect(await readSealingProgress(db)).toEqual({ done: 0, total: 8 });
    // Until sealed, plain rows read as they are.
    expect(await (await attachmentContent(db, sha(1)))!.text()).toContain('scan 1');
    expect(await everythingStored(db)).toContain('王小明');

    const first = await sealStoredBlobs(db, { maxRows: 2 });
    expect(first).toEqual({ walked: 2, sealed: 2, more: true });
    expect(await readSealingProgress(db)).toEqual({ done: 2, total: 8 });
    await runToEnd(db, 2);

    expect(await readSealingProgress(db)).toBeNull();
    expect(await db.blobs.count()).toBe(3);
    expect(await db.documents.count()).toBe(2);
    const stored = await everythingStored(db);
    for (const plain of ['%PDF', '王小明', '张三', '李四', '赵草稿', '\xff\xd8\xff']) expect(stored).not.toContain(plain);
    expect((await db.blobs.toArray()).every((row) => row.sealed === 1)).toBe(true);
    expect((await db.attachments.get('att-1' as AttachmentId))?.sealed).toBe(1);
    // A scan without a thumbnail has nothing to seal and is left as it was.
    expect(await db.attachments.get('att-2' as AttachmentId)).not.toHaveProperty('sealed');

    // Every reader opens the sealed rows to the bytes stored before.
    expect(await (await attachmentContent(db, sha(2)))!.text()).toBe(await text('scan 2 王小明').text());
    expect(Buffer.from((await archivedPdf((await db.documents.get('doc-1'))!))!).toString()).toBe(await text('notice 张三').text());
    const [thumbnail] = (await caseAttachments(db, 'case-1' as CaseId)).filter((row) => row.id === 'att-1');
    expect(new Uint8Array(await thumbnail!.thumbnail!.arrayBuffer())).toEqual(new Uint8Array(await jpeg.arrayBuffer()));
    expect(await readIntakeDraft(db, clerkId, formSchema)).toMatchObject({ kind: 'restorable', values: { applicantName: '赵草稿' } });
    // Done: a later batch has nothing to do.
    expect(await sealStoredBlobs(db)).toEqual({ walked: 0, sealed: 0, more: false });
  });

  it('resumes after an interruption where it stopped, without sealing a row twice', async () => {
    const name = 'seal-resume';
    const db = await upgradedDesk(name);
    await sealStoredBlobs(db, { maxRows: 2 });
    const sealedBefore = await latin1((await db.blobs.get(sha(1)))!.data);
    // The app is closed mid-way and started again.
    db.close();
    const again = new DeskDatabase(name);
    opened.push(again);
    expect(await readSealingProgress(again)).toEqual({ done: 2, total: 8 });
    const next = await sealStoredBlobs(again, { maxRows: 2 });
    // The walk goes on after the last row it wrote: the third scan, then the end of the scans.
    expect(next).toEqual({ walked: 1, sealed: 1, more: true });
    await runToEnd(again, 2);
    expect(await latin1((await again.blobs.get(sha(1)))!.data)).toBe(sealedBefore);
    expect(await everythingStored(again)).not.toContain('%PDF');
  });

  it('keeps a change made to a row while its bytes were being sealed', async () => {
    const db = await upgradedDesk('seal-keeps-change');
    // Walk to the documents, then read them (as the batch does before sealing, outside its transaction).
    const walking = async () => sealingStateSchema.parse((await db.meta.get(blobSealingStateKey))?.value).pass?.table;
    while ((await walking()) !== 'documents') await sealStoredBlobs(db, { maxRows: 1 });
    const sealing = sealStoredBlobs(db, { maxRows: 1 });
    // The chief voids the document while its bytes are being sealed: the sealed bytes go into the row as it then stands.
    await db.documents.update('doc-1', { status: 'voided', voidReason: '打印错误' });
    await sealing;
    await runToEnd(db, 10);
    expect(await db.documents.get('doc-1')).toMatchObject({ status: 'voided', voidReason: '打印错误', sealed: 1 });
  });

  it('starts again from the beginning when its mark is damaged, walking past what is sealed', async () => {
    const db = await upgradedDesk('seal-damaged-mark');
    await sealStoredBlobs(db, { maxRows: 2 });
    await db.meta.put({ key: blobSealingStateKey, value: { pass: 'garbage' } });
    const sealedBefore = await latin1((await db.blobs.get(sha(1)))!.data);
    await runToEnd(db, 2);
    expect(await latin1((await db.blobs.get(sha(1)))!.data)).toBe(sealedBefore);
    expect(await everythingStored(db)).not.toContain('王小明');
  });

  it('has nothing to do on a new desk: no mark, no progress shown', async () => {
    const db = new DeskDatabase('seal-new-desk');
    opened.push(db);
    await db.open();
    expect(await db.meta.get(blobSealingStateKey)).toBeUndefined();
    expect(await readSealingProgress(db)).toBeNull();
    expect(await sealStoredBlobs(db)).toEqual({ walked: 0, sealed: 0, more: false });
  });
});
