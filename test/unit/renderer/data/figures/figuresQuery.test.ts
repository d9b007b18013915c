import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCommand, createDraftCase } from '../../../../../renderer/src/data/cases';
import { DeskDatabase } from '../../../../../renderer/src/data/db';
import { caseFactsStore, type CaseFactsRow } from '../../../../../renderer/src/data/figures/caseFactsIndex';
import { caseFactsPassKey, readCaseFactsPass, writeStoredCaseFacts } from '../../../../../renderer/src/data/figures/caseFactsPass';
import { readFactsByIndex, readFigures, readFiguresByScan, type FiguresQuery } from '../../../../../renderer/src/data/figures/figuresQuery';
import { restingFormOf } from '../../../../../renderer/src/data/crypto/sealedRows';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import type { CaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { caseFactsOf, decodeCaseFacts, encodeCaseFacts } from '../../../../../renderer/src/domain/figures/caseFacts';
import type { MatterCode } from '../../../../../renderer/src/domain/catalogue/schema';
import { finishQueueService } from '../../../../../renderer/src/data/queueService';
import { caseRow } from '../caseRowFixture';
import { created } from '../caseWorkFixtures';
import { beforeNationalDay, closeDatabases, freshDatabase, readyDesk, startUpInput } from '../dataFixtures';
import { signedWithdrawalRequest } from '../../domain/cases/caseFixtures';
import { holidayCalendar, weekFixture } from '../../domain/figures/fixtures';

afterEach(closeDatabases);

const query: FiguresQuery = { range: { from: '2026-09-28', to: '2026-10-04' }, scope: { kind: 'hall' }, today: '2026-10-09', calendar: holidayCalendar };

/** The week of the domain's hand-computed fixture, as stored case rows. */
function weekRows(): CaseRow[] {
  return weekFixture().rows.map((source, index) =>
    caseRow({
      id: source.id as CaseId,
      caseNumber: `MY${source.deskCode}-20260930-${String(index + 1).padStart(4, '0')}` as CaseRow['caseNumber'],
      createdAt: source.createdAt,
      deskCode: source.deskCode,
      clerkId: source.clerkId as CaseRow['clerkId'],
      matterCodes: source.matterCodes as MatterCode[],
      state: source.state,
      statusCode: source.state.status.code,
      ...(source.queueService == null ? {} : { queueService: source.queueService }),
    }),
  );
}

async function linesOf(db: DeskDatabase): Promise<CaseFactsRow[]> {
  return db.table<CaseFactsRow, string>(caseFactsStore).toArray();
}

describe('the caseFacts index', () => {
  it('is written with every case write, one line per case, replaced when the case changes', async () => {
    const { db, clerk } = await readyDesk();
    const created = await createDraftCase(db, startUpInput(), { clerk, at: beforeNationalDay });
    if (!created.ok) throw new Error(created.message);
    let lines = await linesOf(db);
    expect(lines).toHaveLength(1);
    expect(decodeCaseFacts(lines[0]!.line)).toMatchObject({ caseId: created.value.id, createdDay: '2026-09-29', statusCode: 'drafting', clerkId: clerk.id, deskCode: '01' });

    expect(await applyCommand(db, created.value.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk })).toMatchObject({ ok: true });
    lines = await linesOf(db);
    expect(lines).toHaveLength(1);
    expect(decodeCaseFacts(lines[0]!.line)).toMatchObject({ caseId: created.value.id, statusCode: 'withdrawn' });
  });

  it('holds nothing personal: the line is codes, ids, instants and counts', async () => {
    const { db, clerk } = await readyDesk();
    const created = await createDraftCase(db, startUpInput(), { clerk, at: beforeNationalDay });
    if (!created.ok) throw new Error(created.message);
    const stored = JSON.stringify(await linesOf(db));
    for (const personal of ['王小明', '陈代办', '绵阳星辰', '长虹大道', startUpInput().applicant.idNumber, startUpInput().applicant.phone]) expect(stored).not.toContain(personal);
  });

  it('carries the 叫号 waiting time from intake and the service time once 完成 is pressed', async () => {
    const { db, clerk } = await readyDesk();
    const calledTicket = {
      ticketId: '0192f1a0-0000-4000-8000-000000000023',
      number: 'A023',
      issuedAt: '2026-09-29T09:41:00.000+08:00',
      calledAt: '2026-09-29T09:58:30.000+08:00',
    };
    const row = await created(db, clerk, undefined, { ...startUpInput(), calledTicket });
    const factsOf = async () => (await linesOf(db)).map((line) => decodeCaseFacts(line.line));
    expect(await factsOf()).toEqual([expect.objectContaining({ waitingSeconds: 1050, serviceSeconds: null })]);
    const finished = await finishQueueService(db, row.id, { clerk, at: '2026-09-29T10:12:00.000+08:00' });
    expect(finished.ok).toBe(true);
    expect(await factsOf()).toEqual([expect.objectContaining({ waitingSeconds: 1050, serviceSeconds: 810 })]);
  });

  it('keeps the line when a case is written as it rests (re-key), and drops it with the case', async () => {
    const db = freshDatabase();
    const rows = weekRows();
    await db.cases.bulkPut(rows);
    expect(await linesOf(db)).toHaveLength(rows.length);
    const resting = restingFormOf((await db.cases.get(rows[0]!.id))!);
    await db.cases.put({ ...(resting as CaseRow), searchKeys: ['x'] });
    expect((await linesOf(db)).filter((row) => row.caseId === rows[0]!.id)).toHaveLength(1);
    await db.cases.delete(rows[0]!.id);
    await db.cases.where('createdAt').below('2026-09-30').delete();
    expect((await linesOf(db)).map((row) => row.caseId).sort()).toEqual(rows.slice(1).filter((row) => row.createdAt >= '2026-09-30').map((row) => row.id).sort());
  });
});

describe('readFigures', () => {
  it('gives from the index alone the numbers the full scan gives, and the hand-computed ones', async () => {
    const db = freshDatabase();
    await db.cases.bulkPut(weekRows());
    const answer = await readFigures(db, query);
    expect(answer.source).toBe('index');
    expect(answer.figures).toEqual(await readFiguresByScan(db, query));
    expect(answer.figures.cases).toBe(6);
    expect(answer.desks).toEqual(['01', '02']);
    expect(answer.clerks).toHaveLength(2);
    expect(answer.figures.overdue.trend.map((entry) => entry.overdue)).toEqual([1, 1, 1, 2, 2, 2, 2]);
    // The 叫号 times rest in the line: the index gives the tickets' minutes without opening a case.
    expect(answer.figures.queue).toMatchObject({ ticketed: 3, medianWaitingMinutes: 25, served: 2, medianServiceMinutes: 31.5 });
    const scoped = await readFigures(db, { ...query, scope: { kind: 'desk', deskCode: '02' } });
    expect(scoped.figures.cases).toBe(1);
  });

  it('reads only the range and the overdue look back from the index', async () => {
    const db = freshDatabase();
    await db.cases.bulkPut(weekRows());
    const { facts } = await readFactsByIndex(db, { from: '2026-10-10', to: '2026-10-10' });
    // The look back reaches 90 days before: everything but nothing after 10 Oct.
    expect(facts.map((entry) => entry.createdDay).sort()).toEqual(weekRows().map((row) => row.createdAt.slice(0, 10)).sort());
    const none = await readFactsByIndex(db, { from: '2027-06-01', to: '2027-06-30' });
    expect(none.facts).toEqual([]);
  });

  it('refuses a backwards range', async () => {
    const db = freshDatabase();
    await expect(readFigures(db, { ...query, range: { from: '2026-10-04', to: '2026-09-28' } })).rejects.toThrow();
  });
});

describe('the facts pass of a desk upgraded from version 10', () => {
  it('is marked by the upgrade, figures are scanned meanwhile, and resumes batch by batch to the same numbers', async () => {
    const name = `figures-upgrade-${process.pid}`;
    const old = new DeskDatabase(name, { upToVersion: 10 });
    await old.cases.bulkPut(weekRows());
    old.close();

    const db = new DeskDatabase(name);
    try {
      expect(await readCaseFactsPass(db)).toEqual({ after: null, done: 0, total: 8 });
      expect(await linesOf(db)).toEqual([]);
      const meanwhile = await readFigures(db, query);
      expect(meanwhile.source).toBe('scan');

      // Batches of three: 3, 6, then the last two.
      expect(await writeStoredCaseFacts(db, 3)).toBe(true);
      expect(await readCaseFactsPass(db)).toMatchObject({ done: 3 });
      expect(await linesOf(db)).toHaveLength(3);
      expect(await writeStoredCaseFacts(db, 3)).toBe(true);
      expect(await writeStoredCaseFacts(db, 3)).toBe(false);
      expect(await readCaseFactsPass(db)).toBeNull();
      expect((await db.meta.get(caseFactsPassKey))?.value).toEqual({ pass: null });
      expect(await writeStoredCaseFacts(db, 3)).toBe(false);

      const after = await readFigures(db, query);
      expect(after.source).toBe('index');
      expect(after.figures).toEqual(meanwhile.figures);
      expect((await linesOf(db)).map((row) => row.line).sort()).toEqual(
        weekRows()
          .map((row) => encodeCaseFacts(caseFactsOf(row)))
          .sort(),
      );
    } finally {
      db.close();
      await db.delete();
    }
  });
});
