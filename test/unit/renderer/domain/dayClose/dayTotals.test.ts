import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { dayStatusesOf, dayTotalsOf } from '../../../../../renderer/src/domain/dayClose/dayTotals';

describe('dayTotalsOf', () => {
  const caseOp = (seq: number, entityId: string, code: string) => ({ seq, entity: 'case', entityId, payload: { status: { code } } });

  it("counts each case once by the last status the day's ops set, in seq order", () => {
    const a = uuidv7();
    const b = uuidv7();
    const totals = dayTotalsOf([caseOp(3, a, 'accepted'), caseOp(1, a, 'drafting'), caseOp(2, b, 'drafting'), { seq: 4, entity: 'case', entityId: b, payload: { visits: 2 } }]);
    expect(totals.casesByStatus).toEqual({ accepted: 1, drafting: 1 });
    expect(totals.ops).toBe(4);
    // The same per-case statuses the day report lists beside each case; a case op without a status sets none.
    expect(dayStatusesOf([caseOp(3, a, 'accepted'), caseOp(1, a, 'drafting'), caseOp(2, b, 'drafting')])).toEqual(new Map([[a, 'accepted'], [b, 'drafting']]));
    expect(dayStatusesOf([{ seq: 1, entity: 'case', entityId: b, payload: { visits: 2 } }]).size).toBe(0);
  });

  it('counts documents by action, licence sheets by serial once each, and handovers, ignoring unreadable payloads', () => {
    const totals = dayTotalsOf([
      { seq: 1, entity: 'documentEvent', entityId: uuidv7(), payload: { action: 'printed' } },
      { seq: 2, entity: 'documentEvent', entityId: uuidv7(), payload: { action: 'reprinted' } },
      { seq: 3, entity: 'documentEvent', entityId: uuidv7(), payload: { action: 'shredded' } },
      { seq: 4, entity: 'licenceSheetEvent', entityId: uuidv7(), payload: { serial: 'YZ-2', action: 'used' } },
      { seq: 5, entity: 'licenceSheetEvent', entityId: uuidv7(), payload: { serial: 'YZ-1', action: 'used' } },
      { seq: 6, entity: 'licenceSheetEvent', entityId: uuidv7(), payload: { serial: 'YZ-1', action: 'used' } },
      { seq: 7, entity: 'licenceSheetEvent', entityId: uuidv7(), payload: { serial: 'YZ-1', action: 'voided' } },
      { seq: 8, entity: 'handover', entityId: uuidv7(), payload: null },
    ]);
    expect(totals).toEqual({
      ops: 8,
      casesByStatus: {},
      documents: { printed: 1, reprinted: 1, voided: 0 },
      licenceSheets: { used: ['YZ-1', 'YZ-2'], voided: ['YZ-1'] },
      handovers: 1,
    });
  });
});
