import { describe, expect, it } from 'vitest';
import { caseHistory, paperEventOf, type CaseHistoryInput, type CaseRecordEvent } from '../../../../../renderer/src/domain/cases/caseHistory';
import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import { newCaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { deskIdSchema } from '../../../../../renderer/src/domain/desk';
import { documentNumberSchema } from '../../../../../renderer/src/domain/documentNumber';

const caseId = newCaseId();
const here = newClerkId();
const other = newClerkId();
const hqClerk = newClerkId();
const noticeNumber = documentNumberSchema.parse('绵市监企受字〔2026〕第MY01-0001号');
const licenceNumber = documentNumberSchema.parse('绵市监企照字〔2026〕第MY02-0001号');
const sha256 = 'a'.repeat(64);

const opened: CaseEvent = { seq: 1, at: '2026-11-28T09:00:00+08:00', clerkId: here, type: 'opened' };
const accepted: CaseEvent = {
  seq: 2,
  at: '2026-11-28T09:20:00+08:00',
  clerkId: here,
  type: 'accepted',
  visit: 1,
  dueDate: '2026-12-04',
  documents: [{ kind: 'acceptanceNotice' }, { kind: 'receipt' }],
};
const approved: CaseEvent = { seq: 3, at: '2026-11-30T10:00:00+08:00', clerkId: hqClerk, type: 'approved', note: null, decidedBy: '市局审批处 赵六' };
const completed: CaseEvent = {
  seq: 4,
  at: '2026-11-30T15:00:00+08:00',
  clerkId: other,
  type: 'completed',
  collector: { name: '王小明', idNumber: '11010519491231002X' },
};

function documentEvent(id: string, at: string, action: 'printed' | 'reprinted' | 'voided', deskCode: string | null, clerkId: string = here): CaseRecordEvent {
  return {
    id,
    at,
    clerkId,
    deskCode,
    entity: 'documentEvent',
    payload: {
      caseId,
      documentNumber: noticeNumber,
      kind: 'acceptanceNotice',
      action,
      sha256,
      templateVersion: 'acceptanceNotice/1',
      copies: action === 'voided' ? 0 : 1,
      printerName: null,
      licenceSheetSerial: null,
      reason: action === 'printed' ? null : '申请人姓名打错',
    },
  };
}

const sheetUsed: CaseRecordEvent = {
  id: '0193a000-0000-7000-8000-000000000010',
  at: '2026-11-30T14:50:00+08:00',
  clerkId: other,
  clerkName: '李四',
  deskCode: '02',
  entity: 'licenceSheetEvent',
  payload: { serial: 'ZB-0000123', action: 'used', caseId, documentNumber: licenceNumber, reason: null, approvedBy: null },
};
const handover: CaseRecordEvent = {
  id: '0193a000-0000-7000-8000-000000000020',
  at: completed.at,
  clerkId: other,
  clerkName: '李四',
  deskCode: '02',
  entity: 'handover',
  payload: { caseId, collectorName: '王小明', collectorIdNumber: '11010519491231002X', collectorRole: 'applicant', documentNumbers: [licenceNumber] },
};

const input = (overrides: Partial<CaseHistoryInput> = {}): CaseHistoryInput => ({
  timeline: [opened, accepted, approved, completed],
  records: [],
  deskCode: '01',
  ownClerkNames: new Map([[here, '张三']]),
  otherClerkNames: new Map([[other, '李四']]),
  otherClerkDesks: new Map([[other, '02']]),
  ...overrides,
});

describe('caseHistory', () => {
  it('merges the timeline with every window’s paper events in time order, each with who did it and where', () => {
    const printed = documentEvent('0193a000-0000-7000-8000-000000000001', '2026-11-28T09:21:00+08:00', 'printed', '01');
    const voided = documentEvent('0193a000-0000-7000-8000-000000000002', '2026-11-28T09:40:00+08:00', 'voided', '01');
    const reprinted = documentEvent('0193a000-0000-7000-8000-000000000003', '2026-11-28T09:30:00+08:00', 'reprinted', '01');
    const history = caseHistory(input({ records: [handover, voided, sheetUsed, printed, reprinted] }));
    expect(history.map((entry) => [entry.kind === 'caseEvent' ? entry.event.type : `${entry.record.entity}`, entry.actorName, entry.window])).toEqual([
      ['opened', '张三', { kind: 'here' }],
      ['accepted', '张三', { kind: 'here' }],
      ['documentEvent', '张三', { kind: 'here' }],
      ['documentEvent', '张三', { kind: 'here' }],
      ['documentEvent', '张三', { kind: 'here' }],
      ['approved', '市局审批处 赵六', { kind: 'hq' }],
      ['licenceSheetEvent', '李四', { kind: 'desk', deskCode: '02' }],
      ['completed', '李四', { kind: 'desk', deskCode: '02' }],
      ['handover', '李四', { kind: 'desk', deskCode: '02' }],
    ]);
    const actions = history.flatMap((entry) => (entry.kind === 'record' && entry.record.entity === 'documentEvent' ? [entry.record.payload.action] : []));
    expect(actions).toEqual(['printed', 'reprinted', 'voided']);
  });

  it('orders by the instant, not by how each desk wrote the time', () => {
    const utc = documentEvent('0193a000-0000-7000-8000-000000000004', '2026-11-28T01:10:00Z', 'printed', '01');
    const history = caseHistory(input({ timeline: [opened, accepted], records: [utc] }));
    expect(history.map((entry) => entry.key)).toEqual(['event:1', `record:${utc.id}`, 'event:2']);
  });

  it('names a clerk of another window by the name their event came with, and says when neither window nor name is known', () => {
    const stranger = newClerkId();
    const theirs = documentEvent('0193a000-0000-7000-8000-000000000005', '2026-11-28T10:00:00+08:00', 'printed', '03', stranger);
    const unnamed = documentEvent('0193a000-0000-7000-8000-000000000006', '2026-11-28T10:05:00+08:00', 'printed', null, stranger);
    const corrected: CaseEvent = { seq: 5, at: '2026-11-28T10:10:00+08:00', clerkId: stranger, type: 'reviewStarted' };
    const history = caseHistory(input({ timeline: [corrected], records: [{ ...theirs, clerkName: '王五' }, unnamed] }));
    expect(history.map((entry) => [entry.actorName, entry.window])).toEqual([
      ['王五', { kind: 'desk', deskCode: '03' }],
      [null, { kind: 'otherDesk' }],
      [null, { kind: 'otherDesk' }],
    ]);
  });

  it('treats a paper event stamped with this window’s code as this window’s, and lists an event known twice once', () => {
    const printed = documentEvent('0193a000-0000-7000-8000-000000000007', '2026-11-28T09:21:00+08:00', 'printed', '01');
    const history = caseHistory(input({ timeline: [], records: [printed, printed] }));
    expect(history).toEqual([{ key: `record:${printed.id}`, at: printed.at, window: { kind: 'here' }, actorName: '张三', kind: 'record', record: printed }]);
  });

  it('keeps any timeline entry as it is, whatever its type, for the screen to label', () => {
    const history = caseHistory(input({ timeline: [completed, opened] }));
    expect(history.map((entry) => (entry.kind === 'caseEvent' ? entry.event : null))).toEqual([opened, completed]);
  });
});

describe('paperEventOf', () => {
  it('keeps a pulled record’s own fields as the payload, and its clerk, window and time beside them', () => {
    const deskId = deskIdSchema.parse('0193a000-0000-7000-8000-0000000000ff');
    const { id, at, payload } = handover as Extract<CaseRecordEvent, { entity: 'handover' }>;
    expect(paperEventOf({ entity: 'handover', data: { ...payload, id, at, clerkId: other, clerkName: '李四', deskCode: '02', deskId } })).toEqual(handover);
    const withoutWindow = paperEventOf({ entity: 'handover', data: { ...payload, id, at, clerkId: other, deskId } });
    expect(withoutWindow).toEqual({ ...handover, clerkName: undefined, deskCode: null });
  });
});
