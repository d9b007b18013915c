import { describe, expect, it } from 'vitest';
import { applyCaseCommand } from '../../../../../renderer/src/domain/cases/caseStateMachine';
import { withdrawableStatusCodes } from '../../../../../renderer/src/domain/cases/caseStatus';
import { withdrawalEffects, withdrawalRequestBytes, type WithdrawalRequest } from '../../../../../renderer/src/domain/cases/withdrawal';
import { AT, DUE, checklistWith, clerk, contextFor, signedWithdrawalRequest, stateIn, statusIn } from './caseFixtures';

const scanned: WithdrawalRequest = {
  kind: 'scan',
  scan: { sha256: 'd'.repeat(64), fileName: '撤回申请书.pdf', mediaType: 'application/pdf', size: 20_480 },
};

describe('withdrawing a case (撤回)', () => {
  it.each(withdrawableStatusCodes)('is allowed from %s on the applicant’s written request, which the timeline keeps', (code) => {
    const result = applyCaseCommand(stateIn(code), { type: 'withdraw', reason: '暂缓设立', request: scanned }, contextFor(clerk));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.state.status).toMatchObject({ code: 'withdrawn', from: code, withdrawnAt: AT, reason: '暂缓设立' });
    expect(result.events).toEqual([expect.objectContaining({ type: 'withdrawn', from: code, reason: '暂缓设立', request: scanned })]);
  });

  it('is refused without a written request, saying what the counter must have', () => {
    const result = applyCaseCommand(stateIn('accepted'), { type: 'withdraw', reason: '口头撤回' } as never, contextFor(clerk));
    expect(result).toEqual({ ok: false, error: { kind: 'invalidInput', message: expect.stringContaining('书面撤回申请') } });
  });

  it('is refused on a printed 撤回申请 the applicant has not signed', () => {
    const unsigned = { ...signedWithdrawalRequest, signedAtCounter: false } as never;
    const result = applyCaseCommand(stateIn('accepted'), { type: 'withdraw', request: unsigned }, contextFor(clerk));
    expect(result).toEqual({ ok: false, error: { kind: 'invalidInput', message: '打印的撤回申请须由申请人当场签字后才能撤回' } });
  });

  it('is refused once a decision is made', () => {
    for (const code of ['approved', 'awaitingIssuance', 'completed', 'denied', 'refused', 'withdrawn'] as const) {
      const result = applyCaseCommand(stateIn(code), { type: 'withdraw', request: signedWithdrawalRequest }, contextFor(clerk));
      expect(result.ok, code).toBe(false);
    }
  });

  it('names the bytes the request is kept as, for HQ to hold', () => {
    expect(withdrawalRequestBytes(scanned)).toBe('d'.repeat(64));
    expect(withdrawalRequestBytes(signedWithdrawalRequest)).toBe('c'.repeat(64));
  });
});

describe('withdrawalEffects', () => {
  const receipt = { kind: 'receipt', documentNumber: '绵市监企收字〔2026〕第MY01-0001号' } as const;
  const notice = { kind: 'deferralAcceptanceNotice', documentNumber: '绵市监企容受字〔2026〕第MY01-0001号' } as const;

  it('lists the printed documents that become void, the 容缺 materials no longer owed, and the promise that ends', () => {
    expect(withdrawalEffects(statusIn.acceptedWithDeferral, checklistWith({ lease: 'deferred' }), [notice, receipt])).toEqual([
      { kind: 'documentVoided', document: notice },
      { kind: 'documentVoided', document: receipt },
      { kind: 'deferredClosed', names: ['房屋租赁合同'] },
      { kind: 'promiseEnds', dueDate: DUE },
    ]);
  });

  it('says a case in review leaves it', () => {
    expect(withdrawalEffects(statusIn.underReview, checklistWith(), [])).toEqual([{ kind: 'promiseEnds', dueDate: DUE }, { kind: 'reviewStops' }]);
  });

  it('has nothing to list for a case not yet decided at the counter', () => {
    expect(withdrawalEffects(statusIn.drafting, checklistWith({ lease: 'missing' }), [])).toEqual([]);
  });
});
