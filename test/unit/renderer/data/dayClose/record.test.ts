import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError } from '../../../../../renderer/src/data/dataError';
import { readDayCloseRecord, storeDayCloseRecordWithin, type DayCloseRecord } from '../../../../../renderer/src/data/dayClose/record';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { closeDatabases, freshDatabase } from '../dataFixtures';
import { issuingDesk, unwrapResult } from '../issuanceFixtures';
import { day, reconcile, workedDay } from './dayCloseFixtures';

afterEach(closeDatabases);

describe('the closed-day record', () => {
  it('reads nothing for a day no close was tried on, and what a reconciliation stored for its own day', async () => {
    const desk = await issuingDesk();
    expect(await readDayCloseRecord(desk.db, day)).toBeNull();
    await workedDay(desk);
    const record = unwrapResult(await reconcile(desk, await readDaySnapshot(desk.db, day), 'mismatch'));
    expect(await readDayCloseRecord(desk.db, day)).toEqual(record);
    expect(await readDayCloseRecord(desk.db, '2026-11-03')).toBeNull();
  });

  it('refuses a damaged closed-day record rather than reading it as never closed', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: `dayClose:${day}`, value: { status: 'closed', businessDate: day } });
    await expect(readDaySnapshot(db, day)).rejects.toThrow();
    await expect(readDayCloseRecord(db, day)).rejects.toBeInstanceOf(DataError);
  });

  it('stores only a record its schema accepts', async () => {
    const db = freshDatabase();
    const damaged = { status: 'closed', businessDate: day } as unknown as DayCloseRecord;
    await expect(db.transaction('rw', db.meta, () => storeDayCloseRecordWithin(db, damaged))).rejects.toThrow();
    expect(await db.meta.get(`dayClose:${day}`)).toBeUndefined();
  });
});
