import { afterEach, describe, expect, it } from 'vitest';
import { referenceResponseSchema } from '../../renderer/src/protocol/reference';
import { HqOperatorError } from './operatorClient';
import { validUscc } from './support/fixtures';
import { HqHarness } from './support/harness';

const catalogue = { version: '2026.11.1', matters: [{ code: 'QYKB-SLDJ', name: '有限责任公司设立登记' }], bundles: [] };
const calendar2026 = { year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-09-27'] };
const greenCard = { uscc: validUscc, enterpriseName: '绵阳市星河科技有限公司', liaisonName: '王专员', liaisonPhone: '0816-2222222', validUntil: '2027-12-31' };

let hq: HqHarness;
afterEach(() => hq.dispose());

describe('GET /v1/reference/{kind}', () => {
  it('sends the whole list when the desk has another version, and nothing when it has the latest', async () => {
    hq = await new HqHarness().start();
    const desk = await hq.enrol();
    expect(await hq.operator.publish('calendar', [calendar2026])).toBe(1);
    const first = referenceResponseSchema.parse((await desk.reference('calendar')).body);
    expect(first).toEqual({ kind: 'calendar', version: 1, full: true, items: [calendar2026] });
    expect((await desk.reference('calendar', '?since=1')).body).toEqual({ kind: 'calendar', version: 1, full: false, items: [] });

    const calendar2027 = { year: 2027, holidays: ['2027-01-01'], workdays: [] };
    expect(await hq.operator.publish('calendar', [calendar2026, calendar2027])).toBe(2);
    const second = referenceResponseSchema.parse((await desk.reference('calendar', '?since=1')).body);
    expect(second).toMatchObject({ version: 2, full: true, items: [calendar2026, calendar2027] });
  });

  it('answers version 0 without items for a kind never published, so the desk keeps its default', async () => {
    hq = await new HqHarness().start();
    const desk = await hq.enrol();
    expect((await desk.reference('greencards')).body).toEqual({ kind: 'greencards', version: 0, full: false, items: [] });
  });

  it('publishes the catalogue, calendar and green cards given at start as version 1, once', async () => {
    hq = await new HqHarness({ catalogue: [catalogue], calendar: [calendar2026], greencards: [greenCard] }).start();
    const desk = await hq.enrol();
    for (const kind of ['catalogue', 'calendar', 'greencards']) {
      expect(referenceResponseSchema.parse((await desk.reference(kind)).body)).toMatchObject({ version: 1, full: true, items: [expect.any(Object)] });
    }
    await hq.stop();
    await hq.start();
    expect((await desk.reference('catalogue', '?since=1')).body).toMatchObject({ version: 1, full: false });
  });

  it('refuses to publish items that break their schema, keeping the published version', async () => {
    hq = await new HqHarness().start();
    await hq.operator.publish('greencards', [greenCard]);
    const error = await hq.operator.publish('greencards', [{ ...greenCard, uscc: '91350100M000100Y44' }]).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HqOperatorError);
    expect(error).toMatchObject({ status: 422 });
    const badCalendar = await hq.operator.publish('calendar', [{ year: 2026, holidays: ['2027-01-01'], workdays: [] }]).catch((reason: unknown) => reason);
    expect(badCalendar).toMatchObject({ status: 422 });
    const desk = await hq.enrol();
    expect((await desk.reference('greencards')).body).toMatchObject({ version: 1 });
  });

  it('answers 404 for an unknown kind, 400 for an unreadable since, and 401 without a token', async () => {
    hq = await new HqHarness().start();
    const desk = await hq.enrol();
    expect((await desk.reference('holidays')).status).toBe(404);
    expect((await desk.reference('calendar', '?since=latest')).status).toBe(400);
    expect((await hq.call('GET', '/v1/reference/calendar')).status).toBe(401);
  });
});
