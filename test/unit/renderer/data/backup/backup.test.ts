import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupRefusal, openBackup, readBackupHeader, verifyBackup } from '../../../../../renderer/src/data/backup/readBackup';
import { readRestoredFrom, restoreBackup, restoreInterrupted } from '../../../../../renderer/src/data/backup/restoreBackup';
import { verifyAuditLog } from '../../../../../renderer/src/data/audit';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { backupBytes, contentsOf, passphrase, sourceOf } from './backupFixtures';
import { beforeNationalDay, closeDatabases, freshDatabase, readyDesk, startUpInput } from '../dataFixtures';

afterEach(closeDatabases);

const sha = (n: number) => n.toString(16).padStart(64, '0');

/** A desk with cases (outbox, audit, checklists, sequences), a 3 MiB scan, and enough settings rows to span pages. */
async function busyDesk(): Promise<DeskDatabase> {
  const { db, clerk } = await readyDesk();
  for (let i = 0; i < 3; i += 1) {
    const made = await createDraftCase(db, startUpInput({ queueTicket: `A00${i}` }), { clerk, at: beforeNationalDay });
    if (!made.ok) throw new Error(made.message);
  }
  const scan = crypto.getRandomValues(new Uint8Array(65_536));
  const big = new Uint8Array(3 << 20);
  for (let at = 0; at < big.length; at += scan.length) big.set(scan, at);
  await db.blobs.put({ sha256: sha(1), data: new Blob([big], { type: 'image/jpeg' }), uploaded: 0 } as never);
  await db.meta.bulkPut(Array.from({ length: 1_100 }, (_, i) => ({ key: `setting.${i}`, value: { i } })));
  return db;
}

async function refusal(promise: Promise<unknown>): Promise<BackupRefusal> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BackupRefusal);
  return error as BackupRefusal;
}

async function isEmpty(db: DeskDatabase): Promise<boolean> {
  return (await Promise.all(db.tables.map((table) => table.count()))).every((count) => count === 0);
}

const here = { hallCode: 'MY', deskCode: '01' };

// Each backup and restore derives its key with 600,000 PBKDF2 rounds, slow on a busy 2-core machine.
describe('desk backup', { timeout: 180_000 }, () => {
  it('restores every table onto a fresh profile exactly, its audit chain intact, and says where it came from', async () => {
    const desk = await busyDesk();
    const { file } = await backupBytes(desk);
    const fresh = freshDatabase();
    const progress: number[] = [];
    const manifest = await restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: here, acceptOtherDesk: false, onProgress: (done) => progress.push(done) });

    const restored = await contentsOf(fresh);
    const original = await contentsOf(desk);
    restored.meta = restored.meta!.filter((row) => (row as { key: string }).key !== 'backup.restored');
    expect(restored).toEqual(original);
    expect(await verifyAuditLog(fresh)).toMatchObject({ ok: true });
    expect(manifest.outboxLastSeq).toBe(await desk.outbox.count());
    expect(progress.at(-1)).toBe(Object.values(original).reduce((sum, rows) => sum + rows.length, 0));
    expect(await readRestoredFrom(fresh)).toMatchObject({ desk: here, outboxLastSeq: manifest.outboxLastSeq, notice: null });
  });

  it('is written in frames of at most 1 MiB, tables in pages, so memory stays bounded', async () => {
    const desk = await busyDesk();
    const { writes, file } = await backupBytes(desk);
    expect(Math.max(...writes.map((bytes) => bytes.length))).toBeLessThanOrEqual((1 << 20) + 5 + 16);
    expect(writes.length).toBeGreaterThan(3);
    const manifest = await verifyBackup(await openBackup(sourceOf(file), passphrase));
    expect(manifest.entries.filter((entry) => entry.name.startsWith('tables/meta/')).length).toBe(3);
  });

  it('names its desk and time in a header readable without the passphrase, and holds nothing readable without it', async () => {
    const desk = await busyDesk();
    const { file } = await backupBytes(desk);
    expect(await readBackupHeader(sourceOf(file))).toMatchObject({ desk: here, createdAt: '2026-11-26T18:00:00.000+08:00', kdf: { algorithm: 'PBKDF2-SHA256', iterations: 600_000 } });
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file);
    expect(text).not.toContain('绵阳星辰科技');
    expect(text).not.toContain('auditLog');
  });

  it('refuses a wrong passphrase and writes nothing', async () => {
    const { file } = await backupBytes(await busyDesk());
    const fresh = freshDatabase();
    expect((await refusal(restoreBackup(fresh, sourceOf(file), { passphrase: 'wrong', thisDesk: null, acceptOtherDesk: false }))).kind).toBe('wrongPassphrase');
    expect(await isEmpty(fresh)).toBe(true);
  });

  it('refuses a backup with one byte changed anywhere, its header forged, or cut short, and writes nothing', async () => {
    const { file } = await backupBytes(await busyDesk());
    const fresh = freshDatabase();
    const headerEnd = 12 + new DataView(file.buffer).getUint32(8);
    for (const at of [file.length - 3, Math.floor(file.length / 2), headerEnd + 40]) {
      const changed = file.slice();
      changed[at] = changed[at]! ^ 0x01;
      expect((await refusal(restoreBackup(fresh, sourceOf(changed), { passphrase, thisDesk: null, acceptOtherDesk: false }))).kind).toBe('tampered');
    }
    // The header names another desk: the frames were sealed under the real header, so none opens.
    const forged = file.slice();
    forged.set(new TextEncoder().encode('"deskCode":"02"'), new TextDecoder().decode(file.subarray(0, headerEnd)).indexOf('"deskCode":"01"'));
    expect((await refusal(restoreBackup(fresh, sourceOf(forged), { passphrase, thisDesk: null, acceptOtherDesk: false }))).kind).toBe('tampered');
    expect((await refusal(restoreBackup(fresh, sourceOf(file.slice(0, file.length - 100)), { passphrase, thisDesk: null, acceptOtherDesk: false }))).kind).toBe('incomplete');
    expect(await isEmpty(fresh)).toBe(true);
  });

  it('refuses a backup whose audit chain was already broken when it was taken', async () => {
    const desk = await busyDesk();
    const entry = (await desk.auditLog.get(2))!;
    await desk.auditLog.put({ ...entry, action: 'case.edited-behind-the-log' });
    const { file } = await backupBytes(desk);
    const fresh = freshDatabase();
    const error = await refusal(restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false }));
    expect(error.kind).toBe('tampered');
    expect(error.message).toContain('审计日志');
    expect(await isEmpty(fresh)).toBe(true);
  });

  it("refuses another desk's backup unless the admin confirms it", async () => {
    const { file } = await backupBytes(await busyDesk());
    const fresh = freshDatabase();
    const error = await refusal(restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: { hallCode: 'MY', deskCode: '02' }, acceptOtherDesk: false }));
    expect(error.kind).toBe('otherDesk');
    expect(error.message).toContain('MY01');
    expect(await isEmpty(fresh)).toBe(true);
    await restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: { hallCode: 'MY', deskCode: '02' }, acceptOtherDesk: true });
    expect(await fresh.cases.count()).toBe(3);
  });

  it('refuses to restore over a desk that already has work', async () => {
    const desk = await busyDesk();
    const { file } = await backupBytes(desk);
    expect((await refusal(restoreBackup(desk, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false }))).kind).toBe('notFresh');
  });

  it('after power is lost mid-restore, says so, and running it again gives the same desk', async () => {
    const desk = await busyDesk();
    const { file } = await backupBytes(desk);
    const clean = freshDatabase();
    await restoreBackup(clean, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false, now: new Date('2026-11-27T09:00:00+08:00') });

    const cut = freshDatabase();
    let opened = 0;
    const dying = () => {
      opened += 1;
      const whole = sourceOf(file)();
      // The header read and the verifying pass see the whole file; the writing pass dies half way.
      if (opened < 3) return whole;
      return (async function* () {
        let at = 0;
        for await (const chunk of whole) {
          if ((at += chunk.length) > file.length / 2) throw new Error('power lost');
          yield chunk;
        }
      })();
    };
    await expect(restoreBackup(cut, dying, { passphrase, thisDesk: null, acceptOtherDesk: false })).rejects.toThrow('power lost');
    expect(await restoreInterrupted(cut)).toBe(true);
    expect(await cut.outbox.count()).toBe(0);

    await restoreBackup(cut, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false, now: new Date('2026-11-27T09:00:00+08:00') });
    expect(await restoreInterrupted(cut)).toBe(false);
    expect(await contentsOf(cut)).toEqual(await contentsOf(clean));
  });

  it('writes rows in batches of pages, and a batch that fails to write fails the restore, which stays marked as cut off', async () => {
    const { db: desk } = await readyDesk();
    await desk.meta.bulkPut(Array.from({ length: 6_000 }, (_, i) => ({ key: `setting.${String(i).padStart(5, '0')}`, value: { i } })));
    const { file } = await backupBytes(desk);

    const batched = freshDatabase();
    const writes: number[] = [];
    // The table objects the restore writes through (`db.tables`).
    const batchedMeta = batched.tables.find((table) => table.name === 'meta')!;
    const bulkPut = batchedMeta.bulkPut.bind(batchedMeta);
    vi.spyOn(batchedMeta, 'bulkPut').mockImplementation(((rows: readonly unknown[]) => (writes.push(rows.length), bulkPut(rows))) as never);
    await restoreBackup(batched, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false });
    // Thirteen pages of up to 500 `meta` rows, written as three bulk writes (batches of 2,500 rows).
    expect(writes.reduce((sum, rows) => sum + rows, 0)).toBe(await desk.meta.count());
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(await batched.meta.count()).toBe(await desk.meta.count() + 1);

    const failing = freshDatabase();
    let calls = 0;
    const failingMeta = failing.tables.find((table) => table.name === 'meta')!;
    const failingPut = failingMeta.bulkPut.bind(failingMeta);
    vi.spyOn(failingMeta, 'bulkPut').mockImplementation(((rows: readonly unknown[]) => ((calls += 1) === 2 ? Promise.reject(new Error('disk full')) : failingPut(rows))) as never);
    await expect(restoreBackup(failing, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false })).rejects.toThrow('disk full');
    expect(await restoreInterrupted(failing)).toBe(true);
    expect(await readRestoredFrom(failing)).toBeNull();
  });
});
