import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayTotalsOf, type DayTotals } from '../../renderer/src/domain/dayClose/dayTotals';
import { closeDayResponseSchema } from '../../renderer/src/protocol/closeDay';
import type { SyncOpInput } from '../../renderer/src/protocol/ops';
import { acceptedStatus, at, documentPayload, Outbox } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;
let outbox: Outbox;
let sent: SyncOpInput[];

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
  outbox = new Outbox();
  const caseId = uuidv7();
  sent = [
    outbox.newCase(desk, 1, {}, caseId),
    outbox.op('case', caseId, { status: acceptedStatus() }, { baseVersion: 1 }),
    outbox.newCase(desk, 2),
    outbox.op('documentEvent', uuidv7(), documentPayload({ caseId })),
    outbox.op('licenceSheetEvent', uuidv7(), { serial: 'YZ-000010', action: 'used', caseId, documentNumber: null, reason: null, approvedBy: null }),
    outbox.op('documentEvent', uuidv7(), documentPayload({ caseId: null, kind: 'calibrationSheet' }), { at: at('09:00:00', '2026-11-27') }),
  ];
  expect((await desk.push(sent)).status).toBe(200);
});
afterEach(() => hq.dispose());

/** The desk's own totals of the 28th, computed from what it sent, as the desk engine would. */
function deskTotals(): DayTotals {
  return { ...dayTotalsOf(sent.filter((op) => op.at.startsWith('2026-11-28'))), casesByMatter: { 'QYKB-SLDJ': 2 }, oneVisitShare: 1 };
}

const close = async (body: Record<string, unknown>) => {
  const answer = await desk.closeDay(body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return closeDayResponseSchema.parse(answer.body);
};

describe('POST /v1/sync/close-day', () => {
  it("reconciles a day whose totals and lastSeq match HQ's, counting only that business date", async () => {
    const totals = deskTotals();
    expect(totals).toMatchObject({ ops: 5, casesByStatus: { accepted: 1, drafting: 1 }, documents: { printed: 1 }, licenceSheets: { used: ['YZ-000010'] } });
    expect(await close({ businessDate: '2026-11-28', lastSeq: 6, totals })).toEqual({ status: 'reconciled' });
  });

  it("reports a mismatch naming the seqs HQ is missing when the desk's lastSeq is ahead", async () => {
    const response = await close({ businessDate: '2026-11-28', lastSeq: 9, totals: deskTotals() });
    expect(response).toMatchObject({
      status: 'mismatch',
      missing: { fromSeq: 7, toSeq: 9 },
      differences: [{ field: 'lastSeq', desk: 9, hq: 6 }],
    });
  });

  it('reports each figure that differs', async () => {
    const totals = deskTotals();
    const response = await close({
      businessDate: '2026-11-28',
      lastSeq: 6,
      totals: { ...totals, casesByStatus: { accepted: 2, drafting: 1 }, licenceSheets: { used: [], voided: ['YZ-000010'] } },
    });
    expect(response.status).toBe('mismatch');
    expect(response.missing).toBeUndefined();
    expect(response.differences).toEqual([
      { field: 'casesByStatus.accepted', desk: 2, hq: 1 },
      { field: 'licenceSheets.used', desk: [], hq: ['YZ-000010'] },
      { field: 'licenceSheets.voided', desk: ['YZ-000010'], hq: [] },
    ]);
  });

  it('reconciles an earlier business date on its own ops', async () => {
    const totals = dayTotalsOf(sent.filter((op) => op.at.startsWith('2026-11-27')));
    expect(await close({ businessDate: '2026-11-27', lastSeq: 6, totals })).toEqual({ status: 'reconciled' });
  });

  it('answers 403 for another desk, 422 for malformed totals, and 401 without a token', async () => {
    const other = await hq.enrol('FC', '04');
    expect((await other.closeDay({ deskId: desk.deskId, businessDate: '2026-11-28', lastSeq: 6, totals: deskTotals() })).status).toBe(403);
    expect((await desk.closeDay({ businessDate: '2026-11-28', lastSeq: 6, totals: { ops: -1 } })).status).toBe(422);
    expect((await desk.closeDay({ businessDate: '28/11/2026', lastSeq: 6, totals: deskTotals() })).status).toBe(422);
    expect((await hq.call('POST', '/v1/sync/close-day', { json: { deskId: desk.deskId } })).status).toBe(401);
  });
});
