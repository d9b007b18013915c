import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import type { CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import {
  acknowledgeConflicts,
  isSuperseded,
  standingDecision,
  supersededDecisionOf,
} from '../../../../../renderer/src/domain/cases/standingDecision';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';

const zhang = '019a0000-0000-7000-8000-000000000001' as ClerkId;
const wang = '019a0000-0000-7000-8000-000000000002' as ClerkId;
const openedAt = '2026-11-26T09:00:00.000+08:00';
const acceptedAt = '2026-11-26T10:00:00.000+08:00';
const noticeAt = '2026-11-26T10:05:00.000+08:00';

const opened: CaseEvent = { seq: 1, at: openedAt, clerkId: zhang, type: 'opened' };
const acceptedByZhang: CaseEvent = { seq: 2, at: acceptedAt, clerkId: zhang, type: 'accepted', visit: 1, dueDate: '2026-12-10', documents: [{ kind: 'acceptanceNotice' }, { kind: 'receipt' }] };
const noticeByWang: CaseEvent = {
  seq: 3,
  at: noticeAt,
  clerkId: wang,
  type: 'correctionNoticeIssued',
  visit: 1,
  items: [{ materialKey: 'a', name: '申请书', problem: null }],
  documents: [{ kind: 'correctionNotice' }],
};

const awaitingCorrection: CaseState = {
  promisedWorkingDays: 10,
  visits: 1,
  status: { code: 'awaitingCorrection', noticeIssuedAt: noticeAt },
  timeline: [opened, acceptedByZhang, noticeByWang],
};
const accepted: CaseState = {
  ...awaitingCorrection,
  status: { code: 'accepted', acceptance: { acceptedAt, dueDate: '2026-12-10', deferral: null } },
};

describe('which of two windows’ decisions stands', () => {
  it('is the one the status came from, whichever the timeline lists last', () => {
    expect(standingDecision(awaitingCorrection)).toBe(noticeByWang);
    expect(isSuperseded(acceptedByZhang, awaitingCorrection)).toBe(true);
    expect(isSuperseded(noticeByWang, awaitingCorrection)).toBe(false);

    expect(standingDecision(accepted)).toBe(acceptedByZhang);
    expect(isSuperseded(noticeByWang, accepted)).toBe(true);
  });

  it('keeps an acceptance standing through HQ’s later statuses, which carry it', () => {
    const approved: CaseState = {
      ...accepted,
      timeline: [opened, acceptedByZhang],
      status: { code: 'awaitingIssuance', acceptance: { acceptedAt, dueDate: '2026-12-10', deferral: null }, decidedAt: '2026-11-27T09:00:00.000+08:00' },
    };
    expect(standingDecision(approved)).toBe(acceptedByZhang);
  });

  it('never supersedes a notice of an earlier visit: the applicant came back and the case was accepted', () => {
    const returned: CaseEvent = { seq: 3, at: '2026-11-27T09:00:00.000+08:00', clerkId: zhang, type: 'applicantReturned', visit: 2 };
    const later: CaseEvent = { ...acceptedByZhang, seq: 4, at: '2026-11-27T09:10:00.000+08:00', visit: 2 };
    const state: CaseState = {
      promisedWorkingDays: 10,
      visits: 2,
      status: { code: 'accepted', acceptance: { acceptedAt: later.at, dueDate: '2026-12-11', deferral: null } },
      timeline: [opened, { ...noticeByWang, seq: 2 }, returned, later],
    };
    expect(isSuperseded(state.timeline[1]!, state)).toBe(false);
    expect(standingDecision(state)).toBe(later);
  });

  it('supersedes an acceptance when another window withdrew the case, and then no decision stands', () => {
    const withdrawn: CaseState = {
      ...awaitingCorrection,
      timeline: [opened, acceptedByZhang],
      status: { code: 'withdrawn', withdrawnAt: noticeAt, from: 'drafting', acceptance: null, reason: null },
    };
    expect(isSuperseded(acceptedByZhang, withdrawn)).toBe(true);
    expect(standingDecision(withdrawn)).toBeNull();
  });

  it('finds this window’s lost decision by its clerk and time, and nothing for the decision that stands', () => {
    expect(supersededDecisionOf(awaitingCorrection, zhang, '2026-11-26T02:00:00.000Z')).toBe(acceptedByZhang);
    expect(supersededDecisionOf(awaitingCorrection, wang, noticeAt)).toBeNull();
    expect(supersededDecisionOf(awaitingCorrection, wang, acceptedAt)).toBeNull();
  });
});

describe('acknowledgeConflicts', () => {
  it('appends who saw which fields, after the last entry, and changes nothing else', () => {
    const at = '2026-11-26T11:00:00.000+08:00';
    const { state, event } = acknowledgeConflicts(awaitingCorrection, ['status', 'status', 'queueTicket'], { clerkId: zhang, at });
    expect(event).toEqual({ seq: 4, at, clerkId: zhang, type: 'conflictAcknowledged', fields: ['status', 'queueTicket'] });
    expect(state).toEqual({ ...awaitingCorrection, timeline: [...awaitingCorrection.timeline, event] });
  });
});
