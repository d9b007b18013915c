import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attachScan, attachmentContent, caseAttachments } from '../../../../renderer/src/data/attachments';
import { createDraftCase } from '../../../../renderer/src/data/cases';
import { DataError } from '../../../../renderer/src/data/dataError';
import { archivedPdf } from '../../../../renderer/src/data/documentArchive/archive';
import { readIntakeDraft, saveIntakeDraft } from '../../../../renderer/src/data/intakeDrafts';
import type { AttachmentId, AttachmentRow, DocumentRow } from '../../../../renderer/src/data/records';
import { openBlobRow, sealedDocumentPdf, sealThumbnail } from '../../../../renderer/src/data/sealedBlobs';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import { sha256Hex } from '../../../../renderer/src/domain/sha256';
import { closeDatabases, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

const pdf = (text: string) => new Blob([`%PDF-1.7\n${text}\n%%EOF`], { type: 'application/pdf' });
const lease = '510700-0001/premises-lease' as ChecklistItemKey;
const latin1 = async (blob: Blob | null) => (blob === null ? '' : Buffer.from(await blob.arrayBuffer()).toString('latin1'));
const utf8 = async (blob: Blob | null) => (blob === null ? '' : Buffer.from(await blob.arrayBuffer()).toString('utf8'));

async function caseWithDesk() {
  const desk = await readyDesk();
  const created = await createDraftCase(desk.db, startUpInput(), { clerk: desk.clerk });
  if (!created.ok) throw new Error(created.message);
  return { ...desk, row: created.value };
}

function documentRow(id: string, pdfBlob: Blob, sealed?: 1): DocumentRow {
  return {
    id,
    caseId: null,
    eventSeq: null,
    documentNumber: `绵受通〔2026〕${id}号`,
    kind: 'calibrationSheet',
    templateVersion: 'calibrationSheet/1',
    pdf: pdfBlob,
    sha256: '0'.repeat(64),
    copies: 1,
    printerName: 'DeskPDF',
    licenceSheetSerial: null,
    status: 'printed',
    voidReason: null,
    printedBy: 'clerk' as DocumentRow['printedBy'],
    printedAt: '2026-12-07T09:00:00.000+08:00',
    ...(sealed === 1 ? { sealed } : {}),
  };
}

describe('sealed scans', () => {
  it('rest sealed under their address and open to the exact bytes, whose SHA-256 stays their address', async () => {
    const { db, clerk, row } = await caseWithDesk();
    const attached = await attachScan(db, row.id, lease, pdf('租赁合同 第1页'), { name: '租赁合同.pdf', type: 'application/pdf' }, { clerk });
    if (!attached.ok) throw new Error(attached.message);
    expect(attached.value.sha256).toBe(await sha256Hex(new Uint8Array(await pdf('租赁合同 第1页').arrayBuffer())));
    const stored = (await db.blobs.get(attached.value.sha256))!;
    expect(stored.sealed).toBe(1);
    expect(stored.size).toBe((await pdf('租赁合同 第1页').arrayBuffer()).byteLength);
    expect(await latin1(stored.data)).not.toContain('%PDF');
    expect(await utf8(stored.data)).not.toContain('租赁合同');
    expect(await (await attachmentContent(db, attached.value.sha256))!.text()).toBe(await pdf('租赁合同 第1页').text());
  });

  it('moved onto another scan\'s row do not open there: refused as unreadable, never handed on', async () => {
    const { db, clerk, row } = await caseWithDesk();
    const first = await attachScan(db, row.id, lease, pdf('page one'), { name: 'a.pdf', type: 'application/pdf' }, { clerk });
    const second = await attachScan(db, row.id, lease, pdf('page two'), { name: 'b.pdf', type: 'application/pdf' }, { clerk });
    if (!first.ok || !second.ok) throw new Error('not attached');
    const moved = (await db.blobs.get(first.value.sha256))!.data;
    await db.blobs.update(second.value.sha256, { data: moved });
    await expect(attachmentContent(db, second.value.sha256)).rejects.toThrow(DataError);
    await expect(attachmentContent(db, second.value.sha256)).rejects.toThrow('无法解密');
  });

  it('stored plain before sealing are read as they are', async () => {
    const { db } = await readyDesk();
    await db.blobs.add({ sha256: 'a'.repeat(64), data: pdf('legacy scan'), mediaType: 'application/pdf', size: 10, uploaded: 0 });
    expect(await (await attachmentContent(db, 'a'.repeat(64)))!.text()).toContain('legacy scan');
    const legacy = (await db.blobs.get('a'.repeat(64)))!;
    expect(Buffer.from(await openBlobRow({ ...legacy, data: legacy.data! })).toString()).toContain('legacy scan');
  });
});

describe('sealed thumbnails', () => {
  const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], { type: 'image/jpeg' });

  async function withAttachment(id: string, thumbnail: Blob | null, sealed?: 1) {
    const { db, row } = await caseWithDesk();
    const attachment: AttachmentRow = {
      id: id as AttachmentId,
      caseId: row.id,
      itemKey: lease,
      sha256: 'b'.repeat(64),
      fileName: 'x.jpg',
      mediaType: 'image/jpeg',
      size: 8,
      thumbnail,
      addedBy: row.clerkId,
      addedAt: '2026-12-07T09:00:00.000+08:00',
      ...(sealed === 1 ? { sealed } : {}),
    };
    await db.attachments.add(attachment);
    return { db, caseId: row.id };
  }

  it('are opened for the checklist, a JPEG again', async () => {
    const sealed = await sealThumbnail('att-1' as AttachmentId, jpeg);
    expect(new Uint8Array(await sealed!.arrayBuffer())[0]).not.toBe(0xff);
    const { db, caseId } = await withAttachment('att-1', sealed, 1);
    const [shown] = await caseAttachments(db, caseId);
    expect(new Uint8Array(await shown!.thumbnail!.arrayBuffer())).toEqual(new Uint8Array(await jpeg.arrayBuffer()));
    expect(shown!.thumbnail!.type).toBe('image/jpeg');
  });

  it('sealed for another attachment do not open', async () => {
    const { db, caseId } = await withAttachment('att-2', await sealThumbnail('att-1' as AttachmentId, jpeg), 1);
    await expect(caseAttachments(db, caseId)).rejects.toThrow(DataError);
  });

  it('stored plain before sealing are shown as they are', async () => {
    const { db, caseId } = await withAttachment('att-3', jpeg);
    const [shown] = await caseAttachments(db, caseId);
    expect(shown!.thumbnail).toEqual(jpeg);
  });
});

describe('sealed archived PDFs', () => {
  it('open to exactly the bytes printed; sealed for another document they are refused', async () => {
    const bytes = new Uint8Array(Buffer.from('%PDF-1.7\n绵阳市 张三\n%%EOF'));
    const sealed = await sealedDocumentPdf(bytes);
    expect(sealed.sealed).toBe(1);
    expect(await latin1(sealed.pdf)).not.toContain('%PDF');
    expect(await archivedPdf(documentRow(sealed.id, sealed.pdf, 1))).toEqual(bytes);
    await expect(archivedPdf(documentRow('another-document', sealed.pdf, 1))).rejects.toThrow(DataError);
  });

  it('stored plain before sealing are read as they are', async () => {
    expect(Buffer.from((await archivedPdf(documentRow('legacy', pdf('legacy notice'))))!).toString()).toContain('legacy notice');
  });
});

describe('sealed intake drafts', () => {
  const formSchema = z.object({ applicantName: z.string() });

  it('rest with no plain name, and are offered back to their clerk', async () => {
    const { db, clerk } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, { applicantName: '王小明' });
    const stored = (await db.intakeDrafts.get(clerk.id))!;
    expect(stored.sealed).toBe(1);
    expect(stored.values).toBeInstanceOf(Blob);
    expect(await utf8(stored.values as Blob)).not.toContain('王小明');
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toMatchObject({ kind: 'restorable', values: { applicantName: '王小明' } });
  });

  it('moved to another clerk are offered as lost, never opened', async () => {
    const { db, clerk, chief } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, { applicantName: '王小明' });
    const stored = (await db.intakeDrafts.get(clerk.id))!;
    await db.intakeDrafts.put({ ...stored, clerkId: chief.id });
    expect(await readIntakeDraft(db, chief.id, formSchema)).toEqual({ kind: 'unreadable', savedAt: stored.savedAt });
  });

  it('saved plain before sealing are offered back as they are', async () => {
    const { db, clerk } = await readyDesk();
    await db.intakeDrafts.put({ clerkId: clerk.id, values: { applicantName: '李四' }, savedAt: '2026-12-07T09:00:00.000+08:00' });
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toMatchObject({ kind: 'restorable', values: { applicantName: '李四' } });
  });
});
