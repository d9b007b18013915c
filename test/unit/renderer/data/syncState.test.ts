import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  initialSyncStatus,
  keepWaitingEvents,
  readPullCursor,
  readSyncStatus,
  takeWaitingEvents,
  updateSyncStatus,
  writePullCursor,
} from '../../../../renderer/src/data/syncState';
import { closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

describe('sync status', () => {
  it('starts fresh, keeps what the engine notes, and reads a damaged row as a fresh start', async () => {
    const db = freshDatabase();
    expect(await readSyncStatus(db)).toEqual(initialSyncStatus);
    await updateSyncStatus(db, (status) => ({ ...status, lastSyncAt: '2026-11-28T10:00:00.000+08:00', hqLastSeq: 12 }));
    expect(await readSyncStatus(db)).toMatchObject({ lastSyncAt: '2026-11-28T10:00:00.000+08:00', hqLastSeq: 12 });
    await db.meta.put({ key: 'sync.status', value: { lastSyncAt: 'yesterday' } });
    expect(await readSyncStatus(db)).toEqual(initialSyncStatus);
  });

  it('refuses to store a status that breaks its schema', async () => {
    const db = freshDatabase();
    await expect(updateSyncStatus(db, (status) => ({ ...status, hqLastSeq: -1 }))).rejects.toThrow();
    expect(await readSyncStatus(db)).toEqual(initialSyncStatus);
  });
});

describe('pull cursor', () => {
  it('belongs to the desk id it was saved for', async () => {
    const db = freshDatabase();
    expect(await readPullCursor(db, 'desk-a')).toBe(0);
    await db.transaction('rw', db.meta, () => writePullCursor(db, 'desk-a', 42));
    expect(await readPullCursor(db, 'desk-a')).toBe(42);
    expect(await readPullCursor(db, 'desk-b')).toBe(0);
  });
});

describe('events waiting for their case', () => {
  it('hands over exactly the events of the cases asked for, in id order, once', async () => {
    const db = freshDatabase();
    await db.transaction('rw', db.meta, () =>
      keepWaitingEvents(db, [
        { caseId: 'case-1', eventId: 'event-2', event: { n: 2 } },
        { caseId: 'case-1', eventId: 'event-1', event: { n: 1 } },
        { caseId: 'case-10', eventId: 'event-3', event: { n: 3 } },
        { caseId: 'case-2', eventId: 'event-4', event: { n: 4 } },
      ]),
    );
    const take = (caseIds: string[]) => db.transaction('rw', db.meta, () => takeWaitingEvents(db, caseIds));
    expect(await take(['case-1', 'case-3'])).toEqual(
      new Map([
        [
          'case-1',
          [
            { caseId: 'case-1', eventId: 'event-1', event: { n: 1 } },
            { caseId: 'case-1', eventId: 'event-2', event: { n: 2 } },
          ],
        ],
      ]),
    );
    expect(await take(['case-1'])).toEqual(new Map());
    expect(await take(['case-10', 'case-2'])).toEqual(
      new Map([
        ['case-10', [{ caseId: 'case-10', eventId: 'event-3', event: { n: 3 } }]],
        ['case-2', [{ caseId: 'case-2', eventId: 'event-4', event: { n: 4 } }]],
      ]),
    );
  });
});
