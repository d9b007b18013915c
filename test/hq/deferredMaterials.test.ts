import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { HqOperatorError } from './operatorClient';
import { at, licenceData, Outbox } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let intakeDesk: TestDesk;
let otherDesk: TestDesk;

beforeEach(async () => {
  hq = await new HqHarness().start();
  intakeDesk = await hq.enrol('FC', '03');
  otherDesk = await hq.enrol('FC', '05');
});
afterEach(() => hq.dispose());

const lease = { materialKey: '510700-0001/premises-owner-title', name: '出租（出借）方的房屋产权证明', deadline: '2026-11-30' };
const deferredStatus = {
  code: 'acceptedWithDeferral' as const,
  acceptance: { acceptedAt: at('10:00:00'), dueDate: '2026-12-01', deferral: { undertaking: '本人承诺按期补交。', materials: [lease] } },
};

async function refusal(promise: Promise<unknown>): Promise<HqOperatorError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HqOperatorError)) throw new Error('expected the operator call to be refused');
  return error;
}

describe('补交 of 容缺 materials on HQ', () => {
  it('takes the 补交 entry from any window of the hall, relays it to the others, and approves only once nothing is owed', async () => {
    const caseId = uuidv7();
    const intake = new Outbox();
    expect((await intakeDesk.push([intake.newCase(intakeDesk, 1, { status: deferredStatus }, caseId)])).status).toBe(200);

    const owed = await refusal(hq.operator.approve(caseId, licenceData()));
    expect(owed).toMatchObject({ status: 409, body: { error: 'not_decidable', message: `以下容缺材料尚未补齐，不能准予：「${lease.name}」。` } });

    const other = new Outbox();
    const eventId = uuidv7();
    const supplement = other.op('caseEvent', eventId, {
      caseId,
      event: {
        type: 'deferredMaterialsReceived',
        seq: 3,
        at: at('11:00:00', '2026-12-01'),
        clerkId: other.clerkId,
        materials: [{ ...lease, late: true }],
        documents: [{ kind: 'supplementaryReceipt' }],
      },
    });
    const pushed = pushResponseSchema.parse((await otherDesk.push([supplement])).body);
    expect(pushed.results.map((result) => result.status)).toEqual(['applied']);

    const pulled = pullResponseSchema.parse((await intakeDesk.pull('?cursor=0&limit=500')).body).changes;
    expect(pulled.find((change) => change.entityId === eventId)).toMatchObject({
      entity: 'caseEvent',
      data: { caseId, deskCode: '05', event: { type: 'deferredMaterialsReceived', materials: [{ materialKey: lease.materialKey, late: true }] } },
    });

    const approved = await hq.operator.approve(caseId, licenceData());
    expect(approved.status).toMatchObject({ code: 'awaitingIssuance' });
  });
});
