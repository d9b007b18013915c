import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { approveOfflineIssuance, offlineApprovalOf } from '../../../../renderer/src/data/issuanceApproval';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { closeDatabases } from './dataFixtures';
import { acceptedCase, awaitingIssuance, chiefLogin, clerkLogin, issuingDesk, unwrapResult } from './issuanceFixtures';

afterEach(closeDatabases);

const at = '2026-11-02T10:30:00+08:00';

describe('approveOfflineIssuance (HQ unreachable: the chief approves issuing at this window)', () => {
  it('refuses a wrong chief password and a clerk\'s own credentials: nothing on the timeline, nothing for HQ, each refusal audited', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const outbox = await desk.db.outbox.count();
    const wrong = await approveOfflineIssuance(desk.db, row.id, { ...chiefLogin, password: 'Nope#2026desk' }, { clerk: desk.clerk, at });
    expect(wrong).toEqual({ ok: false, message: '首席代表登录名或密码不正确' });
    expect(await approveOfflineIssuance(desk.db, row.id, clerkLogin, { clerk: desk.clerk, at })).toEqual({ ok: false, message: '“张三”不是首席代表，不能批准此操作' });
    const stored = (await desk.db.cases.get(row.id))!;
    expect(stored.state.timeline).toEqual(row.state.timeline);
    expect(offlineApprovalOf(stored, '01')).toBeUndefined();
    expect(await desk.db.outbox.count()).toBe(outbox);
    const refusals = (await desk.db.auditLog.toArray()).filter((entry) => entry.action === 'approval.refused').map((entry) => entry.details);
    expect(refusals).toEqual([
      expect.objectContaining({ forAction: 'licence.issueOffline', reason: 'wrongCredentials' }),
      expect.objectContaining({ forAction: 'licence.issueOffline', reason: 'notPermitted' }),
    ]);
  });

  it('records the chief\'s approval on the timeline with the chief\'s name and the window, for HQ and the audit log', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const outbox = await desk.db.outbox.count();
    const approved = unwrapResult(await approveOfflineIssuance(desk.db, row.id, chiefLogin, { clerk: desk.clerk, at }));
    const event = { type: 'offlineIssuanceApproved', seq: row.state.timeline.length + 1, at: expect.stringMatching(/^2026-11-02T10:30:00/), clerkId: desk.clerk.id, approvedBy: '李首席', deskCode: '01' };
    expect(approved.state.timeline.at(-1)).toEqual(event);
    expect(await desk.db.cases.get(row.id)).toMatchObject({ statusCode: 'awaitingIssuance', state: { timeline: approved.state.timeline } });
    expect(offlineApprovalOf(approved, '01')).toEqual(event);
    // Another window's approval does not let this one print.
    expect(offlineApprovalOf(approved, '02')).toBeUndefined();

    const ops = (await desk.db.outbox.orderBy('seq').toArray()).slice(outbox).map((stored) => syncOpSchema.parse(stored.op));
    expect(ops).toEqual([expect.objectContaining({ entity: 'caseEvent', clerkId: desk.clerk.id, payload: { caseId: row.id, event } })]);
    const audit = (await desk.db.auditLog.toArray()).filter((entry) => entry.action === 'issuance.offlineApproval');
    expect(audit).toEqual([expect.objectContaining({ clerkId: desk.clerk.id, subject: `case:${row.id}`, details: { approvedBy: desk.chief.id } })]);

    // Approved once: asking again records nothing more.
    unwrapResult(await approveOfflineIssuance(desk.db, row.id, chiefLogin, { clerk: desk.clerk, at }));
    expect((await desk.db.cases.get(row.id))!.state.timeline.filter((entry) => entry.type === 'offlineIssuanceApproved')).toHaveLength(1);
  });

  it('is only for a case waiting for its licence', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    expect(await approveOfflineIssuance(desk.db, row.id, chiefLogin, { clerk: desk.clerk, at })).toEqual({ ok: false, message: '办件已受理，不在待出证状态，无须批准离线发证' });
  });
});
