import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeCatalogue } from '../../../../renderer/src/data/catalogueStore';
import { flaggedCases } from '../../../../renderer/src/data/issuanceConflicts';
import type { IssuanceConflict } from '../../../../renderer/src/domain/cases/caseRecord';
import type { PullResponse } from '../../../../renderer/src/protocol/pull';
import { applyPullPage } from '../../../../renderer/src/sync/applyPullPage';
import { pullChanges } from '../../../../renderer/src/sync/pullChanges';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { licenceData } from '../../../hq/support/fixtures';
import { HqHarness } from '../../../hq/support/harness';
import { closeDatabases } from '../data/dataFixtures';
import { acceptedCase, enrolledDesk, type SyncDesk } from './syncFixtures';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

const conflict: IssuanceConflict = { deskCode: '02', at: '2026-11-26T11:00:00.000+08:00' };

/** HQ's latest page for the desk, with its case at the next `bump` versions carrying (or not) HQ's flag. */
async function caseVersion(desk: SyncDesk, bump: number, flag: IssuanceConflict | undefined): Promise<PullResponse> {
  const page = await desk.hq.pull({ cursor: 0, limit: 500 });
  if (!page.ok) throw new Error(page.failure.message);
  const latest = page.value.changes.filter((change) => change.entity === 'case').at(-1);
  if (latest?.entity !== 'case' || latest.op !== 'upsert') throw new Error('no case in the page');
  const { issuanceConflict: _ignored, ...data } = latest.data;
  return { ...page.value, changes: [{ ...latest, version: latest.version + bump, data: flag === undefined ? data : { ...data, issuanceConflict: flag } }] };
}

describe('HQ\'s 重复发证 flag in pull', () => {
  it('is stored on the case and among the flagged cases, and cleared by a later version without it', async () => {
    const desk = await enrolledDesk(hq);
    const row = await acceptedCase(desk);
    await pushOutbox(desk.ctx);
    await hq.operator.approve(row.id, licenceData());
    await pullChanges(desk.ctx, desk.deskId);
    expect((await desk.db.cases.get(row.id))?.issuanceConflict).toBeNull();
    const context = { deskId: desk.deskId, catalogue: (await activeCatalogue(desk.db)).data };

    await applyPullPage(desk.db, await caseVersion(desk, 1, conflict), context);
    expect((await desk.db.cases.get(row.id))?.issuanceConflict).toEqual(conflict);
    expect((await flaggedCases(desk.db)).map((flagged) => flagged.id)).toEqual([row.id]);

    await applyPullPage(desk.db, await caseVersion(desk, 2, undefined), context);
    expect((await desk.db.cases.get(row.id))?.issuanceConflict).toBeNull();
    expect(await flaggedCases(desk.db)).toEqual([]);
  });

  it('comes with a case first seen at another window of the hall', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const row = await acceptedCase(intake);
    await pushOutbox(intake.ctx);
    const page = await caseVersion(intake, 1, conflict);
    await applyPullPage(other.db, page, { deskId: other.deskId, catalogue: (await activeCatalogue(other.db)).data });
    expect((await other.db.cases.get(row.id))?.issuanceConflict).toEqual(conflict);
    expect((await flaggedCases(other.db)).map((flagged) => flagged.id)).toEqual([row.id]);
  });
});
