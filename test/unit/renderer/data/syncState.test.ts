import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  initialSyncStatus,
  keepWaitingEvent,
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
  it('hands over exactly the events of the case asked for, once', async () => {
    const db = freshDatabase();
    await db.transaction('rw', db.meta, async () => {
      await keepWaitingEvent(db, 'case-1', 'event-1', { n: 1 });
      await keepWaitingEvent(db, 'case-1', 'event-2', { n: 2 });
      await keepWaitingEvent(db, 'case-10', 'event-3', { n: 3 });
    });
    expect(await db.transaction('rw', db.meta, () => takeWaitingEvents(db, 'case-1'))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await db.transaction('rw', db.meta, () => takeWaitingEvents(db, 'case-1'))).toEqual([]);
    expect(await db.transaction('rw', db.meta, () => takeWaitingEvents(db, 'case-10'))).toEqual([{ n: 3 }]);
  });
});
