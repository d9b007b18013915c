import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { attachScan, attachmentContent, caseAttachments, maxAttachmentBytes } from '../../../../renderer/src/data/attachments';
import { createDraftCase } from '../../../../renderer/src/data/cases';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import { closeDatabases, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

const pdf = (text: string) => new Blob([`%PDF-1.7\n${text}\n%%EOF`], { type: 'application/pdf' });
const lease = '510700-0001/premises-lease' as ChecklistItemKey;
const title = '510700-0001/premises-owner-title' as ChecklistItemKey;

async function caseWithDesk() {
  const desk = await readyDesk();
  const created = await createDraftCase(desk.db, startUpInput(), { clerk: desk.clerk });
  if (!created.ok) throw new Error(created.message);
  return { ...desk, row: created.value };
}

describe('attachScan', () => {
  it('stores a scan once by its SHA-256, lists it on the item and tells HQ with the item\'s attachments', async () => {
    const { db, clerk, row } = await caseWithDesk();
    const first = await attachScan(db, row.id, lease, pdf('lease page 1'), { name: '租赁合同.pdf', type: 'application/pdf' }, { clerk });
    const second = await attachScan(db, row.id, title, pdf('lease page 1'), { name: '同一份.pdf', type: 'application/pdf' }, { clerk });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.value.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second.value.sha256).toBe(first.value.sha256);
    expect(await db.blobs.count()).toBe(1);
    expect(await (await attachmentContent(db, first.value.sha256))!.text()).toContain('lease page 1');
    expect((await db.checklistItems.get([row.id, lease]))?.attachmentIds).toEqual([first.value.id]);
    expect((await caseAttachments(db, row.id)).map((a) => a.fileName)).toEqual(['租赁合同.pdf', '同一份.pdf']);
    const op = (await db.outbox.orderBy('seq').toArray()).find((o) => o.entity === 'checklistEvent');
    expect(op?.op.payload).toMatchObject({ materialKey: lease, attachments: [{ sha256: first.value.sha256, fileName: '租赁合同.pdf', mediaType: 'application/pdf' }] });
    // Node has no canvas to draw on: no thumbnail, and no failure for the lack of one.
    expect(first.value.thumbnail).toBeNull();
    expect(first.value.previewProblem).toBeNull();
    expect(await db.attachments.get(first.value.id)).not.toHaveProperty('previewProblem');
  });

  it('refuses what is not a PDF or an image, an empty file, and bytes that do not match the declared type', async () => {
    const { db, clerk, row } = await caseWithDesk();
    const attach = (blob: Blob, type: string) => attachScan(db, row.id, lease, blob, { name: 'x', type }, { clerk });
    expect(await attach(new Blob(['hello']), 'text/plain')).toMatchObject({ ok: false, message: expect.stringContaining('只能附加') });
    expect(await attach(new Blob([]), 'application/pdf')).toMatchObject({ ok: false, message: expect.stringContaining('空') });
    expect(await attach(pdf('not a png'), 'image/png')).toMatchObject({ ok: false, message: expect.stringContaining('不符') });
    expect(await db.blobs.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses a scan over the size limit', async () => {
    const { db, clerk, row } = await caseWithDesk();
    const big = new Blob([new Uint8Array(maxAttachmentBytes + 1)], { type: 'application/pdf' });
    expect(await attachScan(db, row.id, lease, big, { name: 'big.pdf', type: 'application/pdf' }, { clerk })).toMatchObject({ ok: false, message: expect.stringContaining('20MB') });
  });
});
