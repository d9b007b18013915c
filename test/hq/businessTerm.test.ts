import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { acceptedStatus, licenceData, Outbox } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;
let outbox: Outbox;

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
  outbox = new Outbox();
});
afterEach(() => hq.dispose());

/** Approves a new accepted case with `licence` and answers the case as the hall's next desk pulls it. */
async function approvedAndPulled(licence: Parameters<HqHarness['operator']['approve']>[1]) {
  const caseId = uuidv7();
  await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]);
  const cursor = pullResponseSchema.parse((await desk.pull('?cursor=0')).body).nextCursor;
  await hq.operator.approve(caseId, licence);
  const answer = await desk.pull(`?cursor=${cursor}`);
  return { body: answer.body, parsed: pullResponseSchema.parse(answer.body).changes[0]?.data };
}

describe('营业期限 on the wire', () => {
  it('passes HQ’s 营业期限 through to the hall, 长期 or fixed', async () => {
    expect((await approvedAndPulled(licenceData())).parsed).toMatchObject({ licence: { businessTerm: { kind: 'longTerm' } } });
    const fixed = { kind: 'fixed', from: '2026-12-01', until: '2046-11-30' } as const;
    expect((await approvedAndPulled(licenceData({ businessTerm: fixed }))).parsed).toMatchObject({ licence: { businessTerm: fixed } });
  });

  it('parses an approval from an HQ that sends no 营业期限, leaving the term unknown rather than 长期', async () => {
    const { businessTerm: _none, ...older } = licenceData();
    const { body, parsed } = await approvedAndPulled(older);
    expect(JSON.stringify(body)).not.toContain('businessTerm');
    expect(parsed).toMatchObject({ licence: { uscc: older.uscc } });
    expect(parsed).not.toHaveProperty('licence.businessTerm');
  });
});
