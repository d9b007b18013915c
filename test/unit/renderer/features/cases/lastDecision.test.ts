import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { lastDecision } from '../../../../../renderer/src/features/cases/lastDecision';

const clerkId = '019a0000-0000-7000-8000-000000000001' as ClerkId;
const at = '2026-09-30T09:30:00.000+08:00';
const opened: CaseEvent = { seq: 1, at, clerkId, type: 'opened' };
const notice: CaseEvent = {
  seq: 2,
  at,
  clerkId,
  type: 'correctionNoticeIssued',
  visit: 1,
  items: [{ materialKey: 'a', name: '申请书', problem: null }],
  documents: [{ kind: 'correctionNotice' }],
};
const returned: CaseEvent = { seq: 3, at, clerkId, type: 'applicantReturned', visit: 2 };
const accepted: CaseEvent = { seq: 4, at, clerkId, type: 'accepted', visit: 2, dueDate: '2026-10-15', documents: [{ kind: 'acceptanceNotice' }, { kind: 'receipt' }] };

describe('lastDecision', () => {
  it('is null while nothing has been decided', () => {
    expect(lastDecision([opened])).toBeNull();
  });

  it('is the newest event that calls for documents, not a later event without any', () => {
    expect(lastDecision([opened, notice, returned])).toBe(notice);
    expect(lastDecision([opened, notice, returned, accepted])).toBe(accepted);
  });
});
