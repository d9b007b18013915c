import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeCalendar, activeCatalogue, activeGreenCards } from '../../../../renderer/src/data/catalogueStore';
import { readSyncStatus } from '../../../../renderer/src/data/syncState';
import { addWorkingDaysOn } from '../../../../renderer/src/domain/calendar';
import { refreshReference } from '../../../../renderer/src/sync/referenceRefresh';
import defaultCatalogue from '../../../../resources/catalogue/default.json';
import { validUscc } from '../../../hq/support/fixtures';
import { HqHarness } from '../../../hq/support/harness';
import { closeDatabases } from '../data/dataFixtures';
import { enrolledDesk } from './syncFixtures';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

const card = { uscc: validUscc, enterpriseName: '绵阳市星河科技有限公司', liaisonName: '刘专员', liaisonPhone: '0816-2345678', validUntil: null };

describe('refreshReference', () => {
  it('keeps the shipped data while HQ has published nothing', async () => {
    const desk = await enrolledDesk(hq);
    expect(await refreshReference(desk.ctx)).toBeNull();
    expect((await activeCatalogue(desk.db)).source).toBe('bundled');
    expect((await activeCalendar(desk.db)).source).toBe('bundled');
  });

  it('installs HQ\'s calendar over the shipped years, so due dates follow HQ\'s arrangement', async () => {
    const desk = await enrolledDesk(hq);
    // HQ declares 2027-06-14 (a Monday) a day off.
    await hq.operator.publish('calendar', [{ year: 2027, holidays: ['2027-01-01', '2027-06-14'], workdays: [] }]);
    expect(await refreshReference(desk.ctx)).toBeNull();
    const calendar = await activeCalendar(desk.db);
    expect(calendar).toMatchObject({ source: 'hq', hqVersion: 1, version: 'HQ-1' });
    expect(addWorkingDaysOn(calendar.data, '2027-06-11', 1)).toBe('2027-06-15');
    // Years HQ did not list keep their known arrangement.
    expect(addWorkingDaysOn(calendar.data, '2026-09-30', 1)).toBe('2026-10-08');
  });

  it('installs HQ\'s catalogue and green cards, each card with a priority', async () => {
    const desk = await enrolledDesk(hq);
    await hq.operator.publish('catalogue', [{ ...defaultCatalogue, version: '2026.12.1' }]);
    await hq.operator.publish('greencards', [card, { ...card, uscc: '91510700MA62QH3T4P', priority: 1 }]);
    expect(await refreshReference(desk.ctx)).toBeNull();
    expect(await activeCatalogue(desk.db)).toMatchObject({ source: 'hq', version: '2026.12.1', hqVersion: 1 });
    expect((await activeGreenCards(desk.db)).data.cards.map((c) => c.priority)).toEqual([3, 1]);
  });

  it('refuses a catalogue that fails validation, keeps the one in use and does not fetch it again', async () => {
    const desk = await enrolledDesk(hq);
    await hq.operator.publish('catalogue', [{ ...defaultCatalogue, version: '2026.12.2', matters: [] }]);
    expect(await refreshReference(desk.ctx)).toBeNull();
    expect((await activeCatalogue(desk.db)).source).toBe('bundled');
    const status = await readSyncStatus(desk.db);
    expect(status.refusedReference.catalogue).toMatchObject({ version: 1, message: expect.stringContaining('事项目录（第 1 版）未通过校验') });
    expect(await desk.db.referenceData.get(['catalogue', 'staged'])).toBeUndefined();
  });

  it('never uses a download that was cut off', async () => {
    const desk = await enrolledDesk(hq);
    await hq.operator.publish('calendar', [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    await hq.operator.setFaults({ truncateNext: { route: 'reference', count: 1 } });
    expect(await refreshReference(desk.ctx)).toMatchObject({ kind: 'failed' });
    expect((await activeCalendar(desk.db)).source).toBe('bundled');
    expect(await refreshReference(desk.ctx)).toBeNull();
    expect((await activeCalendar(desk.db)).source).toBe('hq');
  });
});
