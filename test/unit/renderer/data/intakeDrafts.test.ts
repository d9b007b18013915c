import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataError } from '../../../../renderer/src/data/dataError';
import { discardIntakeDraft, readIntakeDraft, saveIntakeDraft } from '../../../../renderer/src/data/intakeDrafts';
import { closeDatabases, readyDesk } from './dataFixtures';

/** A stand-in for the intake form's schema: the data layer keeps whatever the form gives it. */
const formSchema = z.object({ applicantName: z.string(), queueTicket: z.string() });
const typed = { applicantName: '王小明', queueTicket: 'A012' };

afterEach(closeDatabases);

describe('intake drafts', () => {
  it('gives a clerk back the form they saved, with when it was saved', async () => {
    const { db, clerk } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, typed, new Date('2026-12-07T09:15:00+08:00'));
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toEqual({ kind: 'restorable', values: typed, savedAt: '2026-12-07T09:15:00.000+08:00' });
  });

  it('keeps one draft per clerk, the latest', async () => {
    const { db, clerk } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, { ...typed, applicantName: '王' });
    await saveIntakeDraft(db, clerk.id, typed);
    expect(await db.intakeDrafts.count()).toBe(1);
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toMatchObject({ kind: 'restorable', values: typed });
  });

  it('never shows one clerk the draft of another', async () => {
    const { db, clerk, chief } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, typed);
    expect(await readIntakeDraft(db, chief.id, formSchema)).toEqual({ kind: 'none' });
    await discardIntakeDraft(db, chief.id);
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toMatchObject({ kind: 'restorable' });
  });

  it('is not sent to HQ and is no act of a case: no outbox op, no audit entry', async () => {
    const { db, clerk } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, typed);
    await discardIntakeDraft(db, clerk.id);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('offers a draft the form can no longer read as lost, never as values', async () => {
    const { db, clerk } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, { applicantName: '王小明', queueTicket: 12 }, new Date('2026-12-07T09:15:00+08:00'));
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toEqual({ kind: 'unreadable', savedAt: '2026-12-07T09:15:00.000+08:00' });
  });

  it('is gone once discarded, and discarding nothing is no error', async () => {
    const { db, clerk } = await readyDesk();
    await saveIntakeDraft(db, clerk.id, typed);
    await discardIntakeDraft(db, clerk.id);
    await discardIntakeDraft(db, clerk.id);
    expect(await readIntakeDraft(db, clerk.id, formSchema)).toEqual({ kind: 'none' });
  });

  it('reports a storage failure as a DataError for the clerk', async () => {
    const { db, clerk } = await readyDesk();
    db.close();
    await expect(saveIntakeDraft(db, clerk.id, typed)).rejects.toBeInstanceOf(DataError);
  });
});
