import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import type { CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import { followUpRejection, openRejections } from '../../../../../renderer/src/domain/cases/rejectionFollowUp';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';

const clerkId = '019a4b2c-0000-7000-8000-0000000000c1' as ClerkId;
const at = '2026-11-02T09:30:00.000+08:00';
const opened: CaseEvent = { seq: 1, at, clerkId, type: 'opened' };
const state: CaseState = { promisedWorkingDays: 3, visits: 1, status: { code: 'drafting' }, timeline: [opened] };

describe('rejections followed up', () => {
  it('are open until a timeline entry names their op', () => {
    const handled: CaseEvent = { seq: 2, at, clerkId, type: 'rejectionHandled', opSeq: 7, action: 'resent', reason: null };
    expect(openRejections([9, 7, 3, 9], [opened, handled])).toEqual([3, 9]);
  });

  it('append one entry after the last, which closes the op', () => {
    const followed = followUpRejection(state, { opSeq: 7, action: 'dismissed', reason: ' 已与市级系统核对 ' }, { clerkId, at });
    expect(followed).toMatchObject({ ok: true, event: { seq: 2, type: 'rejectionHandled', opSeq: 7, action: 'dismissed', reason: '已与市级系统核对' } });
    if (!followed.ok) return;
    expect(openRejections([7], followed.state.timeline)).toEqual([]);
    expect(followUpRejection(followed.state, { opSeq: 7, action: 'resent', reason: null }, { clerkId, at })).toEqual({ ok: false, message: '这条被退回的数据已处理过' });
  });

  it('refuse to give an op up without a reason', () => {
    expect(followUpRejection(state, { opSeq: 7, action: 'dismissed', reason: null }, { clerkId, at })).toEqual({ ok: false, message: '不再发送须写明原因' });
  });
});
