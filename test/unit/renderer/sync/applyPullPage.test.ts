import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { activeCatalogue } from '../../../../renderer/src/data/catalogueStore';
import { applyCommand } from '../../../../renderer/src/data/cases';
import { updateIntake } from '../../../../renderer/src/data/intakeCorrection';
import { readPullCursor } from '../../../../renderer/src/data/syncState';
import { applyPullPage, hqClerkId, unknownClerkId } from '../../../../renderer/src/sync/applyPullPage';
import { pullChanges } from '../../../../renderer/src/sync/pullChanges';
import { keysOf, tierOf } from '../../../../renderer/src/data/search/keyTiers';
import { searchCases } from '../../../../renderer/src/data/search/searchCases';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { pullResponseSchema } from '../../../../renderer/src/protocol/pull';
import { licenceData } from '../../../hq/support/fixtures';
import { HqHarness } from '../../../hq/support/harness';
import { closeDatabases, startUpInput } from '../data/dataFixtures';
import { acceptedCase, draftCase, enrolledDesk } from './syncFixtures';
import { signedWithdrawalRequest } from '../domain/cases/caseFixtures';
import { searchKeyerNow } from '../../../../renderer/src/data/crypto/deskKeys';
import { keyedKey } from '../../../../renderer/src/data/search/keys';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

/** A draft taken in at window 01 and pushed, and the first page of the hall's changes as window 02 pulls it. */
async function draftSeenFromAnotherWindow() {
  const intake = await enrolledDesk(hq, '01');
  const other = await enrolledDesk(hq, '02');
  const row = await draftCase(intake);
  await pushOutbox(intake.ctx);
  const pulled = await other.hq.pull({ cursor: 0, limit: 500 });
  if (!pulled.ok) throw new Error(pulled.failure.message);
  return { intake, other, row, page: pulled };
}

describe('pulling HQ\'s changes', () => {
  it('turns an approved case into 待出证 with its licence data and HQ case number', async () => {
    const desk = await enrolledDesk(hq);
    const row = await acceptedCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    await hq.operator.approve(row.id, licenceData({ name: '绵阳星辰科技有限公司' }));
    expect(await pullChanges(desk.ctx, desk.deskId)).toBeNull();
    const pulled = await desk.db.cases.get(row.id);
    expect(pulled).toMatchObject({
      statusCode: 'awaitingIssuance',
      dueDate: '',
      licence: { uscc: licenceData().uscc, name: '绵阳星辰科技有限公司' },
      decision: { kind: 'approved' },
      hqCaseNumber: expect.stringMatching(/^HQ-MY-\d{4}-\d{6}$/),
      hqVersion: expect.any(Number),
    });
    expect(pulled?.state.status).toMatchObject({ code: 'awaitingIssuance', acceptance: row.state.status.code === 'accepted' ? row.state.status.acceptance : {} });
    // The clerk's own record of the case is untouched (applicant, timeline); HQ's approval follows it on the timeline.
    expect(pulled?.applicant).toEqual(row.applicant);
    expect(pulled?.state.timeline.slice(0, -1)).toEqual(row.state.timeline);
    expect(pulled?.state.timeline.at(-1)).toEqual({
      type: 'approved',
      seq: row.state.timeline.length + 1,
      at: expect.any(String),
      clerkId: hqClerkId,
      decidedBy: '市场监管局审批科',
      note: null,
    });
    expect(Date.parse(pulled!.state.timeline.at(-1)!.at)).toBe(Date.parse(pulled!.decision!.decidedAt));
    expect(await readPullCursor(desk.db, desk.deskId)).toBeGreaterThan(0);
  });

  it('indexes the USCC of the licence HQ approved, keeping the case in the key index it was in', async () => {
    const desk = await enrolledDesk(hq);
    const row = await acceptedCase(desk);
    expect(tierOf(row)).toBe('fresh');
    await pushOutbox(desk.ctx);
    await hq.operator.approve(row.id, licenceData());
    await pullChanges(desk.ctx, desk.deskId);
    const pulled = (await desk.db.cases.get(row.id))!;
    expect(tierOf(pulled)).toBe('fresh');
    expect(pulled.freshKeys).toEqual(expect.arrayContaining([...keysOf(row), keyedKey(`i:${licenceData().uscc}`, searchKeyerNow())]));
    expect((await searchCases(desk.db, licenceData().uscc)).hits.map((hit) => hit.case.id)).toEqual([row.id]);
  });

  it('turns a denied case into 不予许可 with HQ\'s reason, legal basis, decider and time, and records it on the timeline once', async () => {
    const desk = await enrolledDesk(hq);
    const row = await acceptedCase(desk);
    await pushOutbox(desk.ctx);
    const onHq = await hq.operator.deny(row.id, '经营范围涉及禁止类项目', { legalBasis: '《市场准入负面清单》禁止准入类第3项', decidedBy: '审批科 王五' });
    await pullChanges(desk.ctx, desk.deskId);
    const pulled = await desk.db.cases.get(row.id);
    expect(pulled).toMatchObject({
      statusCode: 'denied',
      state: { status: { code: 'denied', reason: '经营范围涉及禁止类项目' } },
      decision: { kind: 'denied', reason: '经营范围涉及禁止类项目', legalBasis: '《市场准入负面清单》禁止准入类第3项', decidedBy: '审批科 王五', decidedAt: onHq.decision!.decidedAt },
    });
    const denials = pulled!.state.timeline.filter((event) => event.type === 'denied');
    // HQ serves its decision itself: the entry asks the desk to print nothing.
    expect(denials).toEqual([
      {
        type: 'denied',
        seq: row.state.timeline.length + 1,
        at: expect.any(String),
        clerkId: hqClerkId,
        decidedBy: '审批科 王五',
        reason: '经营范围涉及禁止类项目',
        legalBasis: '《市场准入负面清单》禁止准入类第3项',
        documents: [],
      },
    ]);
    expect(Date.parse(denials[0]!.at)).toBe(Date.parse(onHq.decision!.decidedAt));
    // A later version of the case carrying the same decision does not record it again.
    const page = await desk.hq.pull({ cursor: 0, limit: 500 });
    if (!page.ok) throw new Error(page.failure.message);
    const latest = page.value.changes.filter((change) => change.entity === 'case').at(-1)!;
    await applyPullPage(desk.db, { ...page.value, changes: [{ ...latest, version: latest.version + 1 }] }, { deskId: desk.deskId, catalogue: (await activeCatalogue(desk.db)).data });
    expect((await desk.db.cases.get(row.id))!.hqVersion).toBe(latest.version + 1);
    expect((await desk.db.cases.get(row.id))!.state.timeline).toEqual(pulled!.state.timeline);
  });

  it('records HQ\'s denial on the timeline of a case first seen in the same pull, at a desk that did not take it in', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const row = await acceptedCase(intake);
    await pushOutbox(intake.ctx);
    await hq.operator.deny(row.id, '材料不实');
    await pullChanges(other.ctx, other.deskId);
    const there = await other.db.cases.get(row.id);
    expect(there?.state.timeline.map((event) => event.type)).toEqual([...row.state.timeline.map((event) => event.type), 'denied']);
    expect(there?.state.timeline.at(-1)).toMatchObject({ clerkId: hqClerkId, reason: '材料不实', decidedBy: '市场监管局审批科' });
  });

  it('brings another desk\'s cases of the hall, with checklist and timeline, so this window can issue the licence', async () => {
    const intake = await enrolledDesk(hq, '01');
    const issuing = await enrolledDesk(hq, '02');
    const row = await acceptedCase(intake);
    await pushOutbox(intake.ctx);
    await hq.operator.approve(row.id, licenceData());
    expect(await pullChanges(issuing.ctx, issuing.deskId)).toBeNull();
    const there = await issuing.db.cases.get(row.id);
    expect(there).toMatchObject({
      caseNumber: row.caseNumber,
      hallCode: 'MY',
      deskCode: '01',
      statusCode: 'awaitingIssuance',
      licence: { uscc: licenceData().uscc },
      clerkId: intake.clerk.id,
      enterprise: row.enterprise,
      matterCodes: row.matterCodes,
    });
    expect(there?.state.timeline.map((event) => event.type)).toEqual([...row.state.timeline.map((event) => event.type), 'approved']);
    expect(there?.state.promisedWorkingDays).toBe(row.state.promisedWorkingDays);
    // Keyed straight into the settled index: a first pull brings more cases than the fresh index is for.
    expect(there).toMatchObject({ freshKeys: [], searchKeys: expect.arrayContaining([...keysOf(row), keyedKey(`i:${licenceData().uscc}`, searchKeyerNow())]) });
    const checklist = await caseChecklist(issuing.db, row.id);
    expect(checklist.map((item) => [item.key, item.status])).toEqual((await caseChecklist(intake.db, row.id)).map((item) => [item.key, item.status]));
  });

  it('applies a page twice without changing anything the second time', async () => {
    const intake = await enrolledDesk(hq, '01');
    const issuing = await enrolledDesk(hq, '02');
    await acceptedCase(intake);
    await pushOutbox(intake.ctx);
    const page = await issuing.hq.pull({ cursor: 0, limit: 500 });
    if (!page.ok) throw new Error(page.failure.message);
    const context = { deskId: issuing.deskId, catalogue: (await activeCatalogue(issuing.db)).data };
    await applyPullPage(issuing.db, page.value, context);
    const once = { cases: await issuing.db.cases.toArray(), items: await issuing.db.checklistItems.toArray() };
    await applyPullPage(issuing.db, page.value, context);
    expect({ cases: await issuing.db.cases.toArray(), items: await issuing.db.checklistItems.toArray() }).toEqual(once);
  });

  it('merges another desk\'s later events into a case this desk took in, once', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const row = await acceptedCase(intake);
    await pushOutbox(intake.ctx);
    await pullChanges(other.ctx, other.deskId);
    // The applicant turns up at window 02, which withdraws the case.
    const withdrawn = await applyCommand(other.db, row.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk: other.clerk });
    if (!withdrawn.ok) throw new Error(withdrawn.message);
    await pushOutbox(other.ctx);
    await pullChanges(intake.ctx, intake.deskId);
    await pullChanges(intake.ctx, intake.deskId);
    const back = await intake.db.cases.get(row.id);
    expect(back?.statusCode).toBe('withdrawn');
    const types = back?.state.timeline.map((event) => event.type);
    expect(types?.filter((type) => type === 'withdrawn')).toHaveLength(1);
    expect(types?.at(-1)).toBe('withdrawn');
  });

  it('keeps the clerk\'s change that HQ has not acknowledged, and takes HQ\'s decision beside it', async () => {
    const desk = await enrolledDesk(hq);
    const row = await draftCase(desk);
    await pushOutbox(desk.ctx);
    // Unsent: a new queue ticket.
    const changed = await updateIntake(desk.db, row.id, { queueTicket: 'B077' }, { clerk: desk.clerk });
    if (!changed.ok) throw new Error(changed.message);
    await pullChanges(desk.ctx, desk.deskId);
    expect((await desk.db.cases.get(row.id))?.queueTicket).toBe('B077');
    await pushOutbox(desk.ctx);
    await pullChanges(desk.ctx, desk.deskId);
    expect((await desk.db.cases.get(row.id))?.queueTicket).toBe('B077');
  });

  it('lets HQ\'s value stand once HQ resolves a kept-back change as a conflict, the clerk\'s value beside it', async () => {
    const origin = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const row = await draftCase(origin);
    await pushOutbox(origin.ctx);
    await pullChanges(origin.ctx, origin.deskId);
    await pullChanges(other.ctx, other.deskId);
    const theirs = await updateIntake(other.db, row.id, { queueTicket: 'B007' }, { clerk: other.clerk });
    expect(theirs.ok).toBe(true);
    await pushOutbox(other.ctx);
    // The clerk at 01 changes the same field before 01 has seen 02's change.
    const ours = await updateIntake(origin.db, row.id, { queueTicket: 'A099' }, { clerk: origin.clerk });
    expect(ours.ok).toBe(true);
    await pullChanges(origin.ctx, origin.deskId);
    expect((await origin.db.cases.get(row.id))?.queueTicket).toBe('A099');
    await pushOutbox(origin.ctx);
    expect(await origin.db.cases.get(row.id)).toMatchObject({
      queueTicket: 'B007',
      conflicts: [{ field: 'queueTicket', deskValue: 'A099', hqValue: 'B007' }],
    });
    expect(await origin.db.meta.where('key').startsWith('sync.hqValues:').count()).toBe(0);
  });

  it('takes another desk\'s checklist record unless it holds a later one', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const row = await draftCase(intake);
    await pushOutbox(intake.ctx);
    await pullChanges(other.ctx, other.deskId);
    const item = (await caseChecklist(other.db, row.id)).find((candidate) => candidate.status === 'missing')!;
    const recorded = await recordChecklistItem(other.db, row.id, item.key, { status: 'received', copies: 1, pages: 3 }, { clerk: other.clerk, at: '2026-11-26T11:00:00+08:00' });
    if (!recorded.ok) throw new Error(recorded.message);
    await pushOutbox(other.ctx);
    await pullChanges(intake.ctx, intake.deskId);
    expect(await intake.db.checklistItems.get([row.id, item.key])).toMatchObject({ status: 'received', pages: 3, checkedBy: other.clerk.id });
  });

  it('keeps another desk\'s events that come before their case (HQ sends each case\'s latest state last) until it arrives', async () => {
    const intake = await enrolledDesk(hq, '01');
    const issuing = await enrolledDesk(hq, '02');
    const row = await acceptedCase(intake, undefined, startUpInput({ queueTicket: 'C001' }));
    await pushOutbox(intake.ctx);
    const first = await issuing.hq.pull({ cursor: 0, limit: 1 });
    if (!first.ok) throw new Error(first.failure.message);
    expect(first.value.changes.map((change) => change.entity)).toEqual(['caseEvent']);
    await applyPullPage(issuing.db, first.value, { deskId: issuing.deskId, catalogue: (await activeCatalogue(issuing.db)).data });
    expect(await issuing.db.cases.get(row.id)).toBeUndefined();
    await pullChanges(issuing.ctx, issuing.deskId);
    const there = await issuing.db.cases.get(row.id);
    expect(there?.clerkId).toBe(intake.clerk.id);
    expect(there?.state.timeline.map((event) => event.type)).toEqual(['opened', 'accepted']);
    expect(await issuing.db.meta.where('key').startsWith('sync.waitingEvent:').count()).toBe(0);
  });

  it('names another window\'s clerks by the names their events came with', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const row = await draftCase(intake);
    const item = (await caseChecklist(intake.db, row.id)).find((candidate) => candidate.status === 'missing')!;
    const recorded = await recordChecklistItem(intake.db, row.id, item.key, { status: 'received', copies: 1, pages: 2 }, { clerk: intake.clerk, at: '2026-11-26T10:05:00+08:00' });
    if (!recorded.ok) throw new Error(recorded.message);
    await pushOutbox(intake.ctx);
    // HQ keeps the name the desk sent with each event.
    const events = (await hq.operator.getCase(row.id)).events.map((event) => event.data as { clerkId: string; clerkName?: string });
    expect(events.length).toBeGreaterThan(1);
    for (const event of events) expect(event).toMatchObject({ clerkId: intake.clerk.id, clerkName: '受理员01' });

    await pullChanges(other.ctx, other.deskId);
    expect((await other.db.cases.get(row.id))?.otherClerkNames).toEqual({ [intake.clerk.id]: '受理员01' });
  });

  it('keeps another window’s document, licence-sheet and handover events on the case with its window and clerk, once, even before the case arrives', async () => {
    const { intake, other, row, page } = await draftSeenFromAnotherWindow();
    const meta = { deskId: intake.deskId, deskCode: '01', clerkId: intake.clerk.id, clerkName: '受理员01', at: '2026-11-26T10:30:00+08:00' };
    const document = {
      caseId: row.id,
      documentNumber: '绵市监企受字〔2026〕第MY01-0001号',
      kind: 'receipt',
      action: 'printed',
      sha256: 'b'.repeat(64),
      templateVersion: 'receipt/1',
      copies: 1,
      printerName: null,
      licenceSheetSerial: null,
      reason: null,
    };
    const change = (seq: number, entity: string, id: string, data: object) => ({ seq, entityId: id, version: 1, entity, op: 'upsert', data: { ...meta, ...data, id } });
    const printedId = '0193a000-0000-7000-8000-000000000101';
    const extra = pullResponseSchema.parse({
      changes: [
        change(900, 'documentEvent', printedId, document),
        // A calibration sheet is no case's: it is in no case's history.
        change(901, 'documentEvent', '0193a000-0000-7000-8000-000000000102', { ...document, caseId: null, kind: 'calibrationSheet', documentNumber: '绵市监企校字〔2026〕第MY01-0001号' }),
        change(902, 'handover', '0193a000-0000-7000-8000-000000000103', {
          caseId: row.id,
          collectorName: '王小明',
          collectorIdNumber: '11010519491231002X',
          collectorRole: 'applicant',
          documentNumbers: ['绵市监企受字〔2026〕第MY01-0001号'],
        }),
      ],
      nextCursor: page.value.nextCursor,
      hasMore: false,
    });
    // The paper events come before the case they belong to (HQ streams each entity's latest state).
    const both = { ...page.value, changes: [...extra.changes, ...page.value.changes] };
    const context = { deskId: other.deskId, catalogue: (await activeCatalogue(other.db)).data };
    await applyPullPage(other.db, both, context);
    await applyPullPage(other.db, both, context);
    const there = (await other.db.cases.get(row.id))!;
    expect(there.otherPaperEvents?.map((event) => [event.entity, event.id, event.deskCode, event.clerkName])).toEqual([
      ['documentEvent', printedId, '01', '受理员01'],
      ['handover', '0193a000-0000-7000-8000-000000000103', '01', '受理员01'],
    ]);
    expect(there.otherPaperEvents?.[0]).toMatchObject({ at: meta.at, clerkId: intake.clerk.id, payload: { kind: 'receipt', action: 'printed', caseId: row.id } });
    expect(there.otherClerkDesks).toEqual({ [intake.clerk.id]: '01' });
    // The reference HQ says which window each event it relays came from.
    const relayed = (await hq.operator.getCase(row.id)).events.map((event) => event.data as { deskCode?: string });
    expect(relayed.length).toBeGreaterThan(0);
    for (const event of relayed) expect(event.deskCode).toBe('01');
  });

  it('keeps no name for an event that came without one (a desk that did not send it), and the case still opens', async () => {
    const { intake, other, row, page } = await draftSeenFromAnotherWindow();
    const unnamed = page.value.changes.map((change) => (change.entity === 'caseEvent' && change.op === 'upsert' ? { ...change, data: { ...change.data, clerkName: undefined } } : change));
    await applyPullPage(other.db, { ...page.value, changes: unnamed }, { deskId: other.deskId, catalogue: (await activeCatalogue(other.db)).data });
    expect(await other.db.cases.get(row.id)).toMatchObject({ clerkId: intake.clerk.id });
    expect((await other.db.cases.get(row.id))?.otherClerkNames).toBeUndefined();
  });

  it('gives a case whose opening it has not seen an unknown clerk, not a wrong one', async () => {
    const intake = await enrolledDesk(hq, '01');
    const issuing = await enrolledDesk(hq, '02');
    const row = await draftCase(intake);
    await pushOutbox(intake.ctx);
    const page = await issuing.hq.pull({ cursor: 0, limit: 500 });
    if (!page.ok) throw new Error(page.failure.message);
    const caseOnly = { ...page.value, changes: page.value.changes.filter((change) => change.entity === 'case') };
    await applyPullPage(issuing.db, caseOnly, { deskId: issuing.deskId, catalogue: (await activeCatalogue(issuing.db)).data });
    expect((await issuing.db.cases.get(row.id))?.clerkId).toBe(unknownClerkId);
  });
});
