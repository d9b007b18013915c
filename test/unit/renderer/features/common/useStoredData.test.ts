import 'fake-indexeddb/auto';
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../../../../renderer/src/data/dataError';
import { MissingRecord, watchStoredData, type StoredData, type StoredDataWatch } from '../../../../../renderer/src/features/common/useStoredData';

interface Note {
  id: string;
  caseId: string;
  text: string;
}

class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  flags!: EntityTable<{ key: string; on: boolean }, 'key'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ notes: 'id, caseId', flags: 'key' });
  }
}

let counter = 0;
let databases: NotesDatabase[] = [];
let watches: StoredDataWatch[] = [];

function freshDatabase(): NotesDatabase {
  const db = new NotesDatabase(`stored-data-${process.pid}-${++counter}`);
  databases.push(db);
  return db;
}

beforeEach(() => {
  // Failures are logged for the developer; the tests read what the clerk is shown.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const watch of watches) watch.stop();
  watches = [];
  for (const db of databases) await db.delete();
  databases = [];
});

/** Watches `read`, recording every state it shows. */
function watch<T>(read: () => Promise<T>): { shown: StoredData<T>[]; stop: () => void } {
  const shown: StoredData<T>[] = [];
  const started = watchStoredData(read, (data) => shown.push(data));
  watches.push(started);
  return { shown, stop: () => started.stop() };
}

/** Waits until `check` holds (live queries answer on their own schedule), failing after two seconds. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the watch');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const texts = (data: StoredData<Note[]> | undefined) => (data?.state === 'ready' ? data.value.map((note) => note.text) : null);

describe('watchStoredData', () => {
  it('shows a new answer when a row the read touched is written, without being asked to read again', async () => {
    const db = freshDatabase();
    await db.notes.add({ id: 'n1', caseId: 'A', text: '收件' });
    let reads = 0;
    const { shown } = watch(() => {
      reads += 1;
      return db.notes.where('caseId').equals('A').sortBy('id');
    });
    await until(() => shown.length === 1);
    expect(texts(shown[0])).toEqual(['收件']);

    await db.notes.add({ id: 'n2', caseId: 'A', text: '准予许可' });
    await until(() => shown.length === 2);
    expect(texts(shown[1])).toEqual(['收件', '准予许可']);

    // Another case's notes and another table are outside what the read looked at.
    const readsBefore = reads;
    await db.notes.add({ id: 'n3', caseId: 'B', text: '另一办件' });
    await db.flags.put({ key: 'x', on: true });
    await settle();
    expect(reads).toBe(readsBefore);
    expect(shown).toHaveLength(2);
  });

  it('follows reads that also await work outside Dexie (a main-process call), observing the Dexie reads after it', async () => {
    const db = freshDatabase();
    const mainProcess = () => new Promise<string>((resolve) => setTimeout(() => resolve('DeskPDF'), 5));
    const { shown } = watch(async () => {
      const printer = await mainProcess();
      const flag = await db.flags.get('urgent');
      return `${printer}:${flag?.on === true ? '加急' : '普通'}`;
    });
    await until(() => shown.length === 1);
    expect(shown[0]).toEqual({ state: 'ready', value: 'DeskPDF:普通' });

    await db.flags.put({ key: 'urgent', on: true });
    await until(() => shown.length === 2);
    expect(shown[1]).toEqual({ state: 'ready', value: 'DeskPDF:加急' });
  });

  it('runs a read that opens its own read transaction across nested awaits, as the day close does, passed as a plain function', async () => {
    const db = freshDatabase();
    await db.notes.add({ id: 'n1', caseId: 'A', text: '收件' });
    // As the data layer's reads are written: every read wrapped in an async guard, the transaction too.
    const guarded = async <T>(work: () => Promise<T>): Promise<T> => await work();
    const isUrgent = async () => (await guarded(() => db.flags.get('urgent')))?.on === true;
    const snapshot = async () =>
      guarded(() =>
        db.transaction('r', [db.notes, db.flags], async () => {
          let count = 0;
          await db.notes.each(() => void (count += 1));
          const urgent = await isUrgent();
          const ofA = await db.notes.where('caseId').anyOf(['A']).count();
          return { count, urgent, ofA };
        }),
      );
    const { shown } = watch(() => snapshot());
    await until(() => shown.length === 1);
    expect(shown[0]).toEqual({ state: 'ready', value: { count: 1, urgent: false, ofA: 1 } });

    await db.flags.put({ key: 'urgent', on: true });
    await until(() => shown.length === 2);
    expect(shown[1]).toEqual({ state: 'ready', value: { count: 1, urgent: true, ofA: 1 } });
  });

  it('drops the answer of a watch stopped because its inputs changed, and shows the new inputs\' answer', async () => {
    const db = freshDatabase();
    await db.notes.bulkAdd([
      { id: 'n1', caseId: 'A', text: '甲' },
      { id: 'n2', caseId: 'B', text: '乙' },
    ]);
    const shown: StoredData<Note[]>[] = [];
    let releaseA = () => {};
    const gateA = new Promise<void>((resolve) => (releaseA = resolve));
    // As the hook does when its deps change: stop the watch for case A, start one for case B.
    const forA = watchStoredData(async () => {
      await gateA;
      return db.notes.where('caseId').equals('A').toArray();
    }, (data) => shown.push(data));
    await settle();
    forA.stop();
    const forB = watchStoredData(() => db.notes.where('caseId').equals('B').toArray(), (data) => shown.push(data));
    watches.push(forB);
    await until(() => shown.length === 1);

    releaseA();
    await settle();
    // Nor does a later write to what A read start anything.
    await db.notes.add({ id: 'n3', caseId: 'A', text: '甲二' });
    await settle();
    expect(shown.map(texts)).toEqual([['乙']]);
  });

  it('fails with a message for the clerk: a missing record or a storage failure as stated, any other fault named in Chinese', async () => {
    const missing = watch(() => Promise.reject(new MissingRecord('本机没有这个办件')));
    const storage = watch(() => Promise.reject(new DataError('数据库正被另一个窗口占用，请关闭其他一窗通窗口后重试。')));
    const fault = watch(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'row')");
    });
    await until(() => missing.shown.length === 1 && storage.shown.length === 1 && fault.shown.length === 1);
    expect(missing.shown).toEqual([{ state: 'failed', message: '本机没有这个办件' }]);
    expect(storage.shown).toEqual([{ state: 'failed', message: '数据库正被另一个窗口占用，请关闭其他一窗通窗口后重试。' }]);
    expect(fault.shown).toEqual([{ state: 'failed', message: "读取本机数据失败：Cannot read properties of undefined (reading 'row')" }]);
  });

  it('fails rather than writing when a read tries to change stored data', async () => {
    const db = freshDatabase();
    const { shown } = watch(async () => {
      await db.flags.put({ key: 'seen', on: true });
      return db.flags.count();
    });
    await until(() => shown.length === 1);
    expect(shown[0]).toMatchObject({ state: 'failed', message: expect.stringMatching(/^读取本机数据失败：/) });
    expect(await db.flags.get('seen')).toBeUndefined();
  });
});
