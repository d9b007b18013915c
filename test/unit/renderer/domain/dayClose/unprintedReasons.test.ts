import { describe, expect, it } from 'vitest';
import type { UnprintedDocument } from '../../../../../renderer/src/domain/dayClose/pendingWork';
import { explainUnprinted, maxUnprintedReasonLength } from '../../../../../renderer/src/domain/dayClose/unprintedReasons';

const notice: UnprintedDocument = { caseId: 'c1', caseNumber: 'MY01-20261128-0001', eventSeq: 2, kind: 'acceptanceNotice' };
const correction: UnprintedDocument = { caseId: 'c2', caseNumber: 'MY01-20261128-0002', eventSeq: 3, kind: 'correctionNotice' };
const reason = (document: UnprintedDocument, text: string) => ({ caseId: document.caseId, eventSeq: document.eventSeq, kind: document.kind, reason: text });

describe('explainUnprinted', () => {
  it('lets a day with every document printed be signed with no reasons', () => {
    expect(explainUnprinted([], [])).toEqual({ ok: true, explained: [] });
  });

  it('blocks the signature while a document the day’s decisions asked for is unprinted, naming each', () => {
    const check = explainUnprinted([notice, correction], [reason(notice, '申请人已离开，改为邮寄送达')]);
    expect(check).toEqual({
      ok: false,
      unexplained: [correction],
      message: '当日已作出决定的文书尚有 1 份未打印（MY01-20261128-0002 一次性告知书）：请先打印，或由首席代表逐份填写未打印的原因后再签字。',
    });
  });

  it('lets the day pass once the chief records a reason for each, kept trimmed with the document', () => {
    const check = explainUnprinted([notice, correction], [reason(correction, '  申请人当场拒收  '), reason(notice, '打印机故障，次日补发')]);
    expect(check).toEqual({
      ok: true,
      explained: [
        { ...notice, reason: '打印机故障，次日补发' },
        { ...correction, reason: '申请人当场拒收' },
      ],
    });
  });

  it('refuses an empty or blank reason as no reason', () => {
    for (const blank of ['', '   ', '\u3000']) {
      expect(explainUnprinted([notice], [reason(notice, blank)])).toMatchObject({ ok: false, unexplained: [notice] });
    }
  });

  it('refuses a reason longer than the record keeps', () => {
    const check = explainUnprinted([notice], [reason(notice, '因'.repeat(maxUnprintedReasonLength + 1))]);
    expect(check).toEqual({ ok: false, unexplained: [notice], message: `MY01-20261128-0001 受理通知书未打印的原因不能超过 ${maxUnprintedReasonLength} 个字。` });
  });

  it('matches a reason to its document by case, decision and kind, and ignores reasons for documents printed meanwhile', () => {
    const otherDecision = { ...reason(notice, '原因'), eventSeq: 5 };
    const otherKind = { ...reason(notice, '原因'), kind: 'receipt' as const };
    expect(explainUnprinted([notice], [otherDecision, otherKind])).toMatchObject({ ok: false });
    expect(explainUnprinted([], [reason(notice, '已补打')])).toEqual({ ok: true, explained: [] });
  });
});
