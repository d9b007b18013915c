import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../../../renderer/src/data/records';
import { newCaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { opNote, opSummary, shortTime } from '../../../../../renderer/src/features/sync/opSummary';
import { opIdSchema, syncOpSchema, type SyncOpInput } from '../../../../../renderer/src/protocol/ops';

const caseId = newCaseId();
const clerkId = newClerkId();
const at = '2026-11-28T09:30:00.000+08:00';

function row(op: Omit<SyncOpInput, 'opId' | 'seq' | 'clerkId' | 'at'>, extra: Partial<OutboxRow> = {}): OutboxRow {
  const parsed = syncOpSchema.parse({ ...op, opId: uuidv7(), seq: 7, clerkId, at });
  return {
    seq: 7,
    opId: parsed.opId,
    entity: parsed.entity,
    entityId: parsed.entityId,
    op: parsed,
    state: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: at,
    sentAt: null,
    result: null,
    ...extra,
  };
}

describe('opSummary', () => {
  it('names a case change by its case number and the fields it carries', () => {
    const change = row({ entity: 'case', type: 'upsert', entityId: caseId, payload: { queueTicket: 'A012', visits: 2 } });
    expect(opSummary({ row: change, caseNumber: 'MY01-20261128-0003', materialName: null })).toBe('MY01-20261128-0003 更新：排队号、到场次数');
    expect(opSummary({ row: change, caseNumber: null, materialName: null })).toBe('办件 更新：排队号、到场次数');
  });

  it('names a checklist record by its material and what was found', () => {
    const record = row({
      entity: 'checklistEvent',
      type: 'append',
      entityId: uuidv7(),
      payload: { caseId, materialKey: '510700-0009/food-application', required: true, status: 'deferred', form: null, copies: 0, pages: 0, deferredUntil: '2026-12-01', note: null, attachments: [] },
    });
    expect(opSummary({ row: record, caseNumber: 'MY01-20261128-0003', materialName: '食品经营许可申请书' })).toBe('MY01-20261128-0003 · 食品经营许可申请书：容缺');
    expect(opSummary({ row: record, caseNumber: 'MY01-20261128-0003', materialName: null })).toContain('510700-0009/food-application');
  });
});

describe('opNote', () => {
  it('prefers HQ\'s reason to the last delivery problem', () => {
    const op = { entity: 'case', type: 'upsert', entityId: caseId, payload: { visits: 2 } } as const;
    expect(opNote(row(op))).toBe('');
    expect(opNote(row(op, { lastError: '无法连接市级系统' }))).toBe('无法连接市级系统');
    const rejected = row(op, { state: 'rejected', lastError: '办件不存在', result: { opId: opIdSchema.parse(uuidv7()), seq: 7, status: 'rejected', reason: '市级系统中没有该办件' } });
    expect(opNote(rejected)).toBe('市级系统中没有该办件');
  });

  it('names the fields of a conflict in Chinese, whatever names HQ\'s reason uses', () => {
    const op = { entity: 'case', type: 'upsert', entityId: caseId, payload: { visits: 2 } } as const;
    const result = { opId: opIdSchema.parse(uuidv7()), seq: 7, status: 'conflict', reason: '以市级系统为准：status、applicant' } as const;
    const conflict = row(op, { state: 'conflict', result: { ...result, conflictFields: ['applicant', 'status', 'somethingNew'] } });
    expect(opNote(conflict)).toBe('以下内容以市级系统为准（本窗口的值已另存）：状态、申请人');
    expect(opNote(conflict)).not.toMatch(/[a-z]/);
  });

  it('keeps HQ\'s reason for a conflict that names no case field', () => {
    const op = { entity: 'case', type: 'upsert', entityId: caseId, payload: { visits: 2 } } as const;
    const result = { opId: opIdSchema.parse(uuidv7()), seq: 7, status: 'conflict', reason: '该办件已由 02 号窗口发证' } as const;
    expect(opNote(row(op, { state: 'conflict', result }))).toBe('该办件已由 02 号窗口发证');
    expect(opNote(row(op, { state: 'conflict', result: { ...result, conflictFields: ['unknownField'] } }))).toBe('该办件已由 02 号窗口发证');
  });
});

describe('shortTime', () => {
  it('shows the clock alone for today and the date too for other days', () => {
    const now = new Date('2026-11-28T15:00:00+08:00');
    expect(shortTime('2026-11-28T09:05:00.000+08:00', now)).toBe('09:05');
    expect(shortTime('2026-11-27T23:50:00.000+08:00', now)).toBe('2026年11月27日 23:50');
  });
});
