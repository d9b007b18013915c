import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordChecklistItem } from '../../../../../renderer/src/data/caseChecklist';
import type * as DbModule from '../../../../../renderer/src/data/db';
import { restingFormOf } from '../../../../../renderer/src/data/crypto/sealedRows';
import { sealedField } from '../../../../../renderer/src/data/crypto/sealedFields';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { caseChecklist } from '../../../../../renderer/src/data/caseChecklist';
import { markSendFailed } from '../../../../../renderer/src/data/outbox';
import { created } from '../caseWorkFixtures';
import { agentId, applicantId, beforeNationalDay, closeDatabases, readyDesk, startUpInput } from '../dataFixtures';

afterEach(closeDatabases);

const input = startUpInput();
const note = '申请人称原件在银行保管箱，下周一补交';
const enterpriseName = '绵阳星辰科技有限公司';
const personal = [input.applicant.name, applicantId, input.applicant.phone, input.agent!.name, agentId, input.agent!.phone, enterpriseName, note];

/** The database's rows as IndexedDB holds them, read past Dexie's middlewares. */
async function storedRows(db: DeskDatabase, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

function readableText(rows: readonly Record<string, unknown>[]): string {
  return rows
    .map((row) => {
      const sealed = row[sealedField] instanceof Uint8Array ? Buffer.from(row[sealedField]) : Buffer.alloc(0);
      return JSON.stringify({ ...row, [sealedField]: null }) + sealed.toString('utf8') + sealed.toString('utf16le');
    })
    .join('\n');
}

async function caseWithNote() {
  const { db, clerk } = await readyDesk();
  const row = await created(db, clerk);
  const item = (await caseChecklist(db, row.id))[0]!;
  const recorded = await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: 1, pages: 1, note }, { clerk, at: beforeNationalDay });
  if (!recorded.ok) throw new Error(recorded.message);
  return { db, clerk, row, itemKey: item.key };
}

describe('rows at rest', () => {
  it('hold no name, identity number, phone, enterprise name or note in plain form after an intake', async () => {
    const { db } = await caseWithNote();
    for (const table of ['cases', 'enterprises', 'checklistItems', 'outbox', 'auditLog']) {
      const rows = await storedRows(db, table);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(rows.every((row) => row[sealedField] instanceof Uint8Array), table).toBe(true);
      const text = readableText(rows.map((row) => ({ ...row, searchKeys: [], freshKeys: [] })));
      for (const value of personal) expect(text, `${table}: ${value}`).not.toContain(value);
    }
  });

  it('read back through every kind of read as they were written: get, where, bulk, cursor and in one transaction', async () => {
    const { db, row, itemKey } = await caseWithNote();
    expect((await db.cases.get(row.id))!.applicant).toEqual(row.applicant);
    expect((await db.cases.where('caseNumber').equals(row.caseNumber).first())!.agent).toEqual(row.agent);
    expect((await db.cases.bulkGet([row.id]))[0]!.enterprise.name).toBe(enterpriseName);
    expect((await db.checklistItems.get([row.id, itemKey]))!.note).toBe(note);
    const payloads: unknown[] = [];
    await db.outbox.each((op) => void payloads.push(op.op.payload));
    expect(JSON.stringify(payloads)).toContain(applicantId);
    expect((await db.enterprises.toArray())[0]!.name).toBe(enterpriseName);
    expect((await db.auditLog.toArray()).map((entry) => entry.details)).toContainEqual(expect.objectContaining({ matterCodes: row.matterCodes }));
    // Reads, writes and reads again in one transaction: opening a row does not let the transaction commit.
    await db.transaction('rw', db.cases, db.enterprises, async () => {
      const stored = (await db.cases.get(row.id))!;
      await db.cases.put({ ...stored, agentAuthorisation: '仅代为递交材料' });
      const enterprise = (await db.enterprises.get(stored.enterpriseId!))!;
      await db.enterprises.put({ ...enterprise, address: '绵阳市游仙区科创园1号' });
      expect((await db.cases.get(row.id))!.agentAuthorisation).toBe('仅代为递交材料');
    });
    expect((await db.enterprises.get(row.enterpriseId!))!.address).toBe('绵阳市游仙区科创园1号');
  });

  it('are refused, in Chinese, to a page that holds no key, and nothing is written', async () => {
    const { db } = await readyDesk();
    vi.resetModules();
    const keyless = (await import('../../../../../renderer/src/data/db')) as typeof DbModule;
    const page = new keyless.DeskDatabase(db.name);
    try {
      await expect(page.enterprises.put({ id: 'e1' } as never)).rejects.toThrow(/数据密钥不可用/);
      expect(await storedRows(db, 'enterprises')).toEqual([]);
    } finally {
      page.close();
    }
  });

  it('are written back as they rest when only plain fields changed, and sealed again when a personal field is added', async () => {
    const { db, row } = await caseWithNote();
    const opened = (await db.cases.get(row.id))!;
    const resting = restingFormOf(opened)!;
    const [stored] = await storedRows(db, 'cases');
    expect(resting).toEqual(stored);
    const encrypt = vi.spyOn(globalThis.crypto.subtle, 'encrypt');
    try {
      await db.cases.put({ ...resting, queueTicket: 'B007' });
      expect(encrypt).not.toHaveBeenCalled();
      expect((await storedRows(db, 'cases'))[0]![sealedField]).toEqual(stored![sealedField]);
      expect(await db.cases.get(row.id)).toEqual({ ...opened, queueTicket: 'B007' });
      // A personal field beside the sealed part is not a resting row: the whole row is sealed again.
      await db.cases.put({ ...resting, agentAuthorisation: '仅代为递交材料' } as never);
      expect(encrypt).toHaveBeenCalledTimes(1);
      expect(readableText(await storedRows(db, 'cases'))).not.toContain('仅代为递交材料');
      // Opened first and sealed with the new field: nothing the sealed part held is lost or nested.
      expect(await db.cases.get(row.id)).toEqual({ ...opened, agentAuthorisation: '仅代为递交材料' });
      expect(Object.keys((await storedRows(db, 'cases'))[0]!)).not.toContain('agentAuthorisation');
    } finally {
      encrypt.mockRestore();
    }
    // A sealed part moved onto another row does not open there.
    await db.cases.put({ ...resting, id: '01900000-0000-7000-8000-0000000000ff', caseNumber: 'MY01-20260929-0999' } as never);
    await expect(db.cases.get('01900000-0000-7000-8000-0000000000ff' as never)).rejects.toThrow(/无法解密/);
  });

  it("seal an op's last error (HQ's reason can name a party), and move one an older build left plain into the sealed part when the op is next written", async () => {
    const { db } = await caseWithNote();
    const reason = `HQ 拒收：${input.applicant.name}（${applicantId}）的身份信息与登记不符`;
    const [op] = await db.outbox.toArray();
    await markSendFailed(db, [op!.seq], reason);
    const [stored] = (await storedRows(db, 'outbox')).filter((row) => row['seq'] === op!.seq);
    expect(stored).not.toHaveProperty('lastError');
    expect(readableText([stored!])).not.toContain(input.applicant.name);
    expect(readableText([stored!])).not.toContain(applicantId);
    expect((await db.outbox.get(op!.seq))?.lastError).toBe(reason);

    // As an older build stored it: the sealed part, and the last error plain beside it.
    const raw = new Dexie(db.name);
    await raw.open();
    try {
      await raw.table('outbox').put({ ...stored, lastError: reason });
    } finally {
      raw.close();
    }
    expect((await db.outbox.get(op!.seq))?.lastError).toBe(reason);
    await markSendFailed(db, [op!.seq], '网络中断');
    const [rewritten] = (await storedRows(db, 'outbox')).filter((row) => row['seq'] === op!.seq);
    expect(rewritten).not.toHaveProperty('lastError');
    expect(readableText([rewritten!])).not.toContain(applicantId);
    expect(await db.outbox.get(op!.seq)).toMatchObject({ lastError: '网络中断', op: op!.op, state: 'pending' });
  });
});
