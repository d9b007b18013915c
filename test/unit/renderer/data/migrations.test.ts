import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newCaseId } from '../../../../renderer/src/domain/cases/caseId';
import { ledgerItemIdOf } from '../../../../renderer/src/domain/ledger/ledgerItem';
import { z } from 'zod';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { createDraftCase } from '../../../../renderer/src/data/cases';
import { searchKeyerNow } from '../../../../renderer/src/data/crypto/deskKeys';
import { rowSealingStateKey } from '../../../../renderer/src/data/crypto/plainRows';
import { readSealingProgress } from '../../../../renderer/src/data/crypto/sealPlainRows';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import { caseFactsStore } from '../../../../renderer/src/data/figures/caseFactsIndex';
import { readCaseFactsPass, writeStoredCaseFacts } from '../../../../renderer/src/data/figures/caseFactsPass';
import { developmentDeskIdentity } from '../../../../renderer/src/data/desk';
import { readIntakeDraft, saveIntakeDraft } from '../../../../renderer/src/data/intakeDrafts';
import { markInFlight } from '../../../../renderer/src/data/outbox';
import { recoverInFlight } from '../../../../renderer/src/data/outboxFlight';
import type { CaseRow, ChecklistRecordRow, EnterpriseRow, OutboxRow } from '../../../../renderer/src/data/records';
import { latestSchemaVersion, schemaVersions, type SchemaVersion } from '../../../../renderer/src/data/schema';
import { findEnterprises } from '../../../../renderer/src/data/search/enterprises';
import { keysOf, rekeyed, settled, tierOf, type Keyed } from '../../../../renderer/src/data/search/keyTiers';
import { caseSearchKeys, enterpriseSearchKeys, keyedKey } from '../../../../renderer/src/data/search/keys';
import { readRekeyProgress, rekeyStaleRows } from '../../../../renderer/src/data/search/rekey';
import { searchCases } from '../../../../renderer/src/data/search/searchCases';
import { readSealingProgress as readBlobSealingProgress } from '../../../../renderer/src/data/sealStoredBlobs';
import type { ClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import { unsentCaseFields } from '../../../../renderer/src/sync/deskFields';
import { asKeyedByVersion2 } from '../../../fixtures/searchKeysV2';
import { plainKeyer } from '../../support/plainKeyer';
import { addAccount, applicantId, existingUscc, startUpInput } from './dataFixtures';
import { caseRow } from './caseRowFixture';
import { runMigration, type MigrationCase } from './migrationHarness';
import { caseSearchKeysV1, enterpriseSearchKeysV1 } from './searchKeysV1';

/** What a row holds besides its search keys, which an upgrade may recompute. */
const withoutKeys = <T extends Keyed>(row: T | undefined) => (row === undefined ? undefined : { ...row, searchKeys: undefined, freshKeys: undefined });

/** Cases and enterprises as a desk before schema version 5 stored them: keys in `searchKeys`, no `freshKeys`. */
async function storeKeysAsBeforeVersion5(db: DeskDatabase): Promise<void> {
  const unfresh = (row: Keyed) => {
    row.searchKeys = keysOf(row);
    delete row.freshKeys;
  };
  await db.cases.toCollection().modify(unfresh);
  await db.enterprises.toCollection().modify(unfresh);
}

/** A case and its enterprise as a version-2 desk stored them, keyed by search keys version 1. */
const keyedByV1: { case?: CaseRow; enterprise?: EnterpriseRow } = {};
const applicantPhone = '13812345678';

/** An audit entry as a version-6 desk stored it. */
const auditEntryV6 = { seq: 1, at: '2026-11-27T11:00:00.000+08:00', clerkId: null, action: 'clerk.signInFailed', subject: 'clerk:x', details: {}, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };

/** A case and the enterprises as a version-4 desk stored them. */
const beforeFreshKeys: { case?: CaseRow; enterprises?: EnterpriseRow[] } = {};

/** A case (one settled, one fresh) and the enterprises as a version-5 desk stored them, keyed by search keys version 2. */
const keyedByV2: { settled?: CaseRow; fresh?: CaseRow; enterprises?: EnterpriseRow[] } = {};

/** A case and the enterprises as a version-7 desk stored them, keyed plain by search keys version 3. */
const keyedPlain: { case?: CaseRow; enterprises?: EnterpriseRow[] } = {};

/** The ops and the clerk of a version-5 desk, before intake drafts. */
const beforeDrafts: { outbox?: OutboxRow[]; clerkId?: ClerkId } = {};
/** The checklist records a version-5 desk held. */
const beforeCommitments: { records: ChecklistRecordRow[] } = { records: [] };

/** The outbox as a version-3 desk held it, and the case its ops describe. */
const outboxBefore: { rows: OutboxRow[]; caseId?: string } = { rows: [] };

/** A version-2 desk's case and enterprise, keyed by search keys version 1. */
async function seedKeyedByV1(db: DeskDatabase): Promise<void> {
  await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
  const clerk = await addAccount(db, 'clerk', '李受理');
  const input = startUpInput({ enterprise: { kind: 'new', name: '绵阳星辰科技有限公司', uscc: existingUscc, address: null } });
  const taken = await createDraftCase(db, { ...input, applicant: { ...input.applicant, phone: applicantPhone } }, { clerk });
  if (!taken.ok) throw new Error(taken.message);
  await storeKeysAsBeforeVersion5(db);
  await db.cases.toCollection().modify((row) => {
    row.searchKeys = caseSearchKeysV1(row);
  });
  await db.enterprises.toCollection().modify((row) => {
    row.searchKeys = enterpriseSearchKeysV1(row);
  });
  keyedByV1.case = await db.cases.get(taken.value.id);
  keyedByV1.enterprise = await db.enterprises.where('uscc').equals(existingUscc).first();
  // Version 1 had no reversed tails (the 尾号 probe, ranked first, reads nothing) and a key per suffix.
  expect(await db.cases.where('searchKeys').startsWith('r:').count()).toBe(0);
  expect(await db.cases.where('searchKeys').equals(`i:${applicantId.slice(1)}`).count()).toBe(1);
}

/** One case per shipped upgrade: the database of version `from` opens under `from + 1` with its data intact. */
const shippedMigrations: MigrationCase[] = [
  {
    from: 1,
    seed: async (db) => {
      await db.meta.put({ key: 'firstRunDone', value: true });
    },
    verify: async (db) => {
      expect(await db.meta.get('firstRunDone')).toEqual({ key: 'firstRunDone', value: true });
      expect(await db.table('cases').count()).toBe(0);
    },
  },
  {
    // Search keys version 2: every case and enterprise is re-keyed, so the new probes find rows taken in before.
    from: 2,
    seed: seedKeyedByV1,
    verify: async (db) => {
      const row = await db.cases.get(keyedByV1.case!.id);
      expect(withoutKeys(row)).toEqual(withoutKeys(keyedByV1.case));
      expect(new Set(row!.searchKeys)).toEqual(new Set(caseSearchKeys(row!)));
      expect(row!.searchKeys).not.toContain('n:公司');
      const enterprise = await db.enterprises.get(keyedByV1.enterprise!.id);
      expect(withoutKeys(enterprise)).toEqual(withoutKeys(keyedByV1.enterprise));
      expect(new Set(enterprise!.searchKeys)).toEqual(new Set(enterpriseSearchKeys(enterprise!)));
      expect(await db.cases.where('searchKeys').equals(`i:${applicantId.slice(1)}`).count()).toBe(0);
      expect(await db.cases.where('searchKeys').startsWith(keyedKey(`r:${[...applicantPhone].reverse().join('')}`, searchKeyerNow(), true)).primaryKeys()).toEqual([row!.id]);
    },
  },
  {
    // The outbox indexed by entityId: ops written before are found by their case, unchanged and still unsent.
    from: 3,
    seed: async (db) => {
      await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
      const clerk = await addAccount(db, 'clerk', '王受理');
      const taken = await createDraftCase(db, startUpInput(), { clerk });
      if (!taken.ok) throw new Error(taken.message);
      await storeKeysAsBeforeVersion5(db);
      outboxBefore.caseId = taken.value.id;
      // One op sent without an answer (the page went away mid-push), the rest pending: both count as unacknowledged.
      await db.transaction('rw', [db.outbox, db.meta], async () => markInFlight(db, await db.outbox.where('seq').equals(1).toArray(), '2026-11-26T10:00:00.000+08:00'));
      expect(await recoverInFlight(db)).toBe(1);
      outboxBefore.rows = await db.outbox.orderBy('seq').toArray();
      expect(outboxBefore.rows.some((row) => row.entity === 'case')).toBe(true);
    },
    verify: async (db) => {
      expect(await db.outbox.orderBy('seq').toArray()).toEqual(outboxBefore.rows);
      const caseId = outboxBefore.caseId!;
      const caseOps = outboxBefore.rows.filter((row) => row.entityId === caseId);
      expect((await db.outbox.where('entityId').equals(caseId).toArray()).map((row) => row.seq)).toEqual(caseOps.map((row) => row.seq));
      const fields = new Set(caseOps.flatMap((row) => Object.keys(row.op.payload)));
      expect(await db.transaction('r', db.outbox, () => unsentCaseFields(db, [caseId]))).toEqual(new Map([[caseId, fields]]));
    },
  },
  {
    // The fresh key index: rows stored before are left as they were and count as settled; the new index
    // starts empty, and a case taken in after the upgrade is found through it until its keys settle.
    from: 4,
    seed: async (db) => {
      await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
      const clerk = await addAccount(db, 'clerk', '赵受理');
      const taken = await createDraftCase(db, startUpInput(), { clerk });
      if (!taken.ok) throw new Error(taken.message);
      await storeKeysAsBeforeVersion5(db);
      beforeFreshKeys.case = await db.cases.get(taken.value.id);
      beforeFreshKeys.enterprises = await db.enterprises.toArray();
    },
    verify: async (db) => {
      const old = beforeFreshKeys.case!;
      expect(await db.cases.get(old.id)).toEqual(old);
      expect(await db.enterprises.toArray()).toEqual(beforeFreshKeys.enterprises);
      expect(tierOf(old)).toBe('settled');
      expect(await db.cases.orderBy('freshKeys').count()).toBe(0);

      const clerk = await addAccount(db, 'clerk', '钱受理');
      const input = startUpInput();
      const later = await createDraftCase(db, { ...input, applicant: { ...input.applicant, name: '孙新来' } }, { clerk });
      if (!later.ok) throw new Error(later.message);
      expect(await db.cases.where('freshKeys').equals(keyedKey('N:孙新来', searchKeyerNow())).primaryKeys()).toEqual([later.value.id]);
      const found = async (query: string) => (await searchCases(db, query)).hits.map((hit) => hit.case.id).sort();
      expect(await found(old.caseNumber)).toEqual([old.id]);
      expect(await found('孙新来')).toEqual([later.value.id]);
      expect(await found(old.applicant.name)).toEqual([old.id]);
    },
  },
  {
    // Search keys version 3 and intake drafts: the upgrade leaves every case and enterprise as it was and
    // records that their keys are older; the background re-key then re-keys each in the index it is in, so
    // cases taken in before are found by pinyin and by their sequence; nothing else of the rows changes, the
    // outbox stays as it was, drafts start empty, checklist records are found by status, and the table of 核查
    // results starts empty.
    from: 5,
    seed: async (db) => {
      await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
      const clerk = await addAccount(db, 'clerk', '周受理');
      const older = await createDraftCase(db, startUpInput(), { clerk });
      if (!older.ok) throw new Error(older.message);
      await db.cases.toCollection().modify((row) => {
        Object.assign(row, settled(row));
      });
      const input = startUpInput({ enterprise: { kind: 'new', name: '四川智宇顺科技有限公司', uscc: null, address: null } });
      const newer = await createDraftCase(db, { ...input, applicant: { ...input.applicant, name: '单雄信' } }, { clerk });
      if (!newer.ok) throw new Error(newer.message);
      const key = (await caseChecklist(db, newer.value.id))[0]!.key;
      const recorded = await recordChecklistItem(db, newer.value.id, key, { status: 'received', copies: 1 }, { clerk });
      if (!recorded.ok) throw new Error(recorded.message);
      await db.cases.toCollection().modify(asKeyedByVersion2);
      await db.enterprises.toCollection().modify(asKeyedByVersion2);
      keyedByV2.settled = await db.cases.get(older.value.id);
      keyedByV2.fresh = await db.cases.get(newer.value.id);
      keyedByV2.enterprises = await db.enterprises.toArray();
      expect(await db.cases.where('freshKeys').startsWith('p:').count()).toBe(0);
      beforeDrafts.outbox = await db.outbox.toArray();
      beforeDrafts.clerkId = clerk.id;
      beforeCommitments.records = await db.checklistItems.toArray();
    },
    verify: async (db) => {
      const [older, newer] = [keyedByV2.settled!, keyedByV2.fresh!];
      const found = async (query: string) => (await searchCases(db, query)).hits.map((hit) => hit.case.id);
      for (const before of [older, newer]) expect(await db.cases.get(before.id)).toEqual(before);
      expect(await db.enterprises.toArray()).toEqual(keyedByV2.enterprises);
      expect(await readRekeyProgress(db)).toEqual({ done: 0, total: 2 + keyedByV2.enterprises!.length });
      expect(await found('xckj')).toEqual([]);
      while ((await rekeyStaleRows(db)).more);
      expect(await readRekeyProgress(db)).toBeNull();
      for (const before of [older, newer]) {
        const row = await db.cases.get(before.id);
        expect(withoutKeys(row)).toEqual(withoutKeys(before));
        expect(tierOf(row!)).toBe(tierOf(before));
        expect(new Set(keysOf(row!))).toEqual(new Set(caseSearchKeys(row!)));
      }
      for (const before of keyedByV2.enterprises!) {
        const row = await db.enterprises.get(before.id);
        expect(withoutKeys(row)).toEqual(withoutKeys(before));
        expect(new Set(keysOf(row!))).toEqual(new Set(enterpriseSearchKeys(row!)));
      }
      expect(await found('xckj')).toEqual([older.id]);
      expect(await found('zhiyu')).toEqual([newer.id]);
      expect(await found('danxiongxin')).toEqual([newer.id]);
      expect(await found(older.caseNumber.slice(-4))).toContain(older.id);
      expect((await findEnterprises(db, 'zysk')).map((hit) => hit.enterprise.name)).toEqual(['四川智宇顺科技有限公司']);
      expect(await db.outbox.toArray()).toEqual(beforeDrafts.outbox);
      const clerkId = beforeDrafts.clerkId!;
      expect(await db.intakeDrafts.count()).toBe(0);
      await saveIntakeDraft(db, clerkId, { queueTicket: 'A001' });
      expect(await readIntakeDraft(db, clerkId, z.object({ queueTicket: z.string() }))).toMatchObject({ kind: 'restorable', values: { queueTicket: 'A001' } });
      expect(await db.checklistItems.toArray()).toEqual(beforeCommitments.records);
      expect(await db.checklistItems.where('status').equals('received').count()).toBe(1);
      expect(await db.commitmentChecks.count()).toBe(0);
    },
  },
  {
    // Version 7 only indexes the audit log (by time, and by clerk, action or subject in time order):
    // every entry stays as it was and is found through the new indexes.
    from: 6,
    seed: async (db) => {
      await db.auditLog.add(auditEntryV6);
    },
    verify: async (db) => {
      expect(await db.auditLog.get(1)).toEqual(auditEntryV6);
      expect(await db.auditLog.where('[action+at+seq]').between(['clerk.signInFailed', '', 0], ['clerk.signInFailed', '\uffff', 9]).count()).toBe(1);
      expect(await db.auditLog.where('[at+seq]').above(['', 0]).count()).toBe(1);
    },
  },
  {
    // Search keys version 4: the upgrade leaves every row as it was (plain keys) and records that their
    // keys are older; the background re-key then replaces them by keyed ones in the index they are in, after
    // which no plain fragment is left in either index and every kind of search finds the rows.
    from: 7,
    seed: async (db) => {
      await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
      const clerk = await addAccount(db, 'clerk', '吴受理');
      const input = startUpInput({ enterprise: { kind: 'new', name: '四川智宇顺科技有限公司', uscc: existingUscc, address: null } });
      const taken = await createDraftCase(db, { ...input, applicant: { ...input.applicant, name: '单雄信', phone: applicantPhone } }, { clerk });
      if (!taken.ok) throw new Error(taken.message);
      await db.cases.toCollection().modify((row) => {
        Object.assign(row, rekeyed(row, caseSearchKeys(row, plainKeyer)));
      });
      await db.enterprises.toCollection().modify((row) => {
        Object.assign(row, rekeyed(row, enterpriseSearchKeys(row, plainKeyer)));
      });
      keyedPlain.case = await db.cases.get(taken.value.id);
      keyedPlain.enterprises = await db.enterprises.toArray();
      expect(keysOf(keyedPlain.case!)).toContain(`N:单雄信`);
    },
    verify: async (db) => {
      const before = keyedPlain.case!;
      expect(await db.cases.get(before.id)).toEqual(before);
      expect(await db.enterprises.toArray()).toEqual(keyedPlain.enterprises);
      expect(await readRekeyProgress(db)).toEqual({ done: 0, total: 1 + keyedPlain.enterprises!.length });
      while ((await rekeyStaleRows(db)).more);
      expect(await readRekeyProgress(db)).toBeNull();
      const row = (await db.cases.get(before.id))!;
      expect(withoutKeys(row)).toEqual(withoutKeys(before));
      expect(tierOf(row)).toBe(tierOf(before));
      expect(new Set(keysOf(row))).toEqual(new Set(caseSearchKeys(row)));
      for (const enterprise of await db.enterprises.toArray()) expect(new Set(keysOf(enterprise))).toEqual(new Set(enterpriseSearchKeys(enterprise)));
      const plainFragments = ['单雄信', '智宇', applicantPhone.slice(-4), applicantId.slice(-6), existingUscc.slice(8, 16), 'zhiyu'];
      const everyKey = [...(await db.cases.orderBy('searchKeys').keys()), ...(await db.cases.orderBy('freshKeys').keys()), ...(await db.enterprises.orderBy('searchKeys').keys()), ...(await db.enterprises.orderBy('freshKeys').keys())].map(String);
      for (const fragment of plainFragments) expect(everyKey.filter((key) => key.includes(fragment)), fragment).toEqual([]);
      const found = async (query: string) => (await searchCases(db, query)).hits.map((hit) => hit.case.id);
      for (const query of ['单雄信', '智宇顺', 'zysk', 'danxiongxin', applicantPhone.slice(-4), applicantId.slice(-6), existingUscc.slice(8, 16), row.caseNumber.slice(-4)]) {
        expect(await found(query), query).toEqual([row.id]);
      }
      expect((await findEnterprises(db, '智宇')).map((hit) => hit.enterprise.name)).toEqual(['四川智宇顺科技有限公司']);
    },
  },
  {
    // Version 9 seals personal data at rest: the upgrade touches no row, it records the background pass
    // (data/crypto/sealPlainRows.ts); rows stored before read as they were meanwhile.
    from: 8,
    seed: async (db) => {
      await db.auditLog.add(auditEntryV6);
    },
    verify: async (db) => {
      expect(await db.auditLog.get(1)).toEqual(auditEntryV6);
      expect(await db.meta.get(rowSealingStateKey)).toEqual({ key: rowSealingStateKey, value: { pass: 'start' } });
      expect(await readSealingProgress(db)).toEqual({ done: 0, total: 0 });
    },
  },
  {
    // Version 10 reshapes no row: scans, archived PDFs and drafts stored plain stay as they were, readable,
    // and a mark is left for the background sealing (data/sealStoredBlobs.ts) counting what it will walk.
    from: 9,
    seed: async (db) => {
      await db.blobs.add({ sha256: 'c'.repeat(64), data: new Blob(['%PDF-1.7 scan']), mediaType: 'application/pdf', size: 13, uploaded: 0 });
      await db.intakeDrafts.add({ clerkId: 'clerk-1' as ClerkId, values: { applicantName: '王小明' }, savedAt: '2026-12-07T09:00:00.000+08:00' });
    },
    verify: async (db) => {
      expect(await (await db.blobs.get('c'.repeat(64)))?.data?.text()).toBe('%PDF-1.7 scan');
      expect(await db.blobs.get('c'.repeat(64))).not.toHaveProperty('sealed');
      expect(await readIntakeDraft(db, 'clerk-1' as ClerkId, z.object({ applicantName: z.string() }))).toMatchObject({ kind: 'restorable', values: { applicantName: '王小明' } });
      expect(await readBlobSealingProgress(db)).toEqual({ done: 0, total: 2 });
    },
  },
  {
    // Version 11 adds the 督办台账's stores and reshapes nothing: what was there stays, the new stores start
    // empty and take items found by the ledger's indexes.
    from: 10,
    seed: async (db) => {
      await db.auditLog.add(auditEntryV6);
    },
    verify: async (db) => {
      expect(await db.auditLog.get(1)).toEqual(auditEntryV6);
      expect(await db.ledgerItems.count()).toBe(0);
      expect(await db.ledgerFollowUps.count()).toBe(0);
      const caseId = newCaseId();
      const id = ledgerItemIdOf('overdue', caseId);
      const at = '2026-12-08T09:00:00.000+08:00';
      await db.ledgerItems.add({ id, source: 'overdue', caseId, subject: null, owner: null, dueDate: '2026-12-07', reason: null, status: 'open', result: null, createdAt: at, updatedAt: at, previous: null, ownerDepartment: '', greenCard: 1, hqVersion: null });
      await db.ledgerFollowUps.add({ id: 'f-1', itemId: id, at, by: '周专员', text: '已督促', clerkId: 'clerk-1', deskCode: '03', recordedAt: at });
      expect(await db.ledgerItems.where('[greenCard+status+dueDate]').between([1, 'open', ''], [1, 'open', '2026-12-08']).primaryKeys()).toEqual([id]);
      expect(await db.ledgerItems.where('[status+dueDate]').equals(['open', '2026-12-07']).count()).toBe(1);
      expect(await db.ledgerFollowUps.where('itemId').equals(id).count()).toBe(1);
    },
  },
  {
    // Version 12 (the figures' per-case facts): the upgrade only marks a
    // pass; the cases stored before get their facts lines from it, in the background.
    from: 11,
    seed: async (db) => {
      await db.cases.add(caseRow());
    },
    verify: async (db) => {
      expect(await db.cases.count()).toBe(1);
      expect(await readCaseFactsPass(db)).toEqual({ after: null, done: 0, total: 1 });
      expect(await db.table(caseFactsStore).count()).toBe(0);
      expect(await writeStoredCaseFacts(db)).toBe(false);
      expect(await db.table(caseFactsStore).count()).toBe(1);
    },
  },
];

describe('schema versions', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(schemaVersions.map((_, i) => i + 1));
  });

  it('have a migration test for every upgrade', () => {
    expect(shippedMigrations.map((m) => m.from)).toEqual(schemaVersions.slice(0, -1).map((v) => v.version));
  });

  it.each(shippedMigrations)('version $from opens under the next with its data intact', async (step) => {
    await runMigration(step);
  });

  it('a version-2 desk opened by the latest version finds its case and enterprise by every kind of search', async () => {
    const name = 'upgrade-2-to-latest';
    const old = new DeskDatabase(name, { upToVersion: 2 });
    await old.open();
    await seedKeyedByV1(old);
    old.close();
    const db = new DeskDatabase(name);
    try {
      const row = keyedByV1.case!;
      const found = async (query: string) => (await searchCases(db, query)).hits.map((hit) => hit.case.id);
      for (const query of [applicantPhone.slice(-4), applicantId.slice(-6), existingUscc.slice(8, 16), '星辰科技', '科技有限', row.caseNumber]) {
        expect(await found(query), query).toEqual([row.id]);
      }
      const enterprise = keyedByV1.enterprise!;
      expect((await findEnterprises(db, existingUscc.slice(-6))).map((hit) => hit.enterprise.id)).toEqual([enterprise.id]);
      expect((await findEnterprises(db, '星辰')).map((hit) => hit.enterprise.id)).toEqual([enterprise.id]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('reopens the latest version with its data intact', async () => {
    const db = new DeskDatabase('reopen-latest');
    await db.meta.put({ key: 'firstRunDone', value: true });
    db.close();
    const again = new DeskDatabase('reopen-latest');
    expect(await again.meta.get('firstRunDone')).toEqual({ key: 'firstRunDone', value: true });
    expect(again.verno).toBe(latestSchemaVersion);
    again.close();
  });
});

describe('migration harness', () => {
  const versions: SchemaVersion[] = [
    { version: 1, stores: { meta: 'key', notes: '++id' } },
    {
      version: 2,
      stores: { meta: 'key', notes: '++id, author' },
      upgrade: (tx) => tx.table('notes').toCollection().modify((note: { text: string; author?: string }) => {
        note.author = note.text.split(':')[0];
      }),
    },
  ];

  it('carries data across an upgrade that reshapes rows', async () => {
    await runMigration(
      {
        from: 1,
        seed: async (db) => {
          await db.table('notes').add({ text: '张三:收件' });
        },
        verify: async (db) => {
          expect(await db.table('notes').where('author').equals('张三').count()).toBe(1);
        },
      },
      versions,
    );
  });

  it('catches an upgrade that loses data', async () => {
    const lossy: SchemaVersion[] = [versions[0]!, { version: 2, stores: { meta: 'key', notes: '++id' }, upgrade: (tx) => tx.table('notes').clear() }];
    await expect(
      runMigration(
        {
          from: 1,
          seed: async (db) => {
            await db.table('notes').add({ text: '张三:收件' });
          },
          verify: async (db) => {
            expect(await db.table('notes').count()).toBe(1);
          },
        },
        lossy,
      ),
    ).rejects.toThrow();
  });
});
