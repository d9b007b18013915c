import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import bundledCatalogue from '../../../../resources/catalogue/default.json';
import {
  activateStagedReference,
  activeCalendar,
  activeCatalogue,
  activeGreenCards,
  greenCardFor,
  installReference,
  referenceVersions,
  stageReference,
} from '../../../../renderer/src/data/catalogueStore';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import { defaultCalendar } from '../../../../renderer/src/domain/calendar';
import { uscc } from '../../../fixtures/identities';
import { closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

const fromHq = (hqVersion: number) => ({ source: 'hq' as const, hqVersion });
const withVersion = (version: string) => ({ ...structuredClone(bundledCatalogue), version });
const cardHolder = uscc('510703', '12345678');
const card = { uscc: cardHolder, enterpriseName: '四川长虹电器股份有限公司', liaisonName: '周专员', liaisonPhone: '13990001111', validUntil: null, priority: 1 };

describe('catalogue', () => {
  it('installs the catalogue shipped with the app on first start', async () => {
    const db = freshDatabase();
    const active = await activeCatalogue(db);
    expect(active).toMatchObject({ version: bundledCatalogue.version, source: 'bundled', hqVersion: null });
    expect(active.data.bundles.map((bundle) => bundle.name)).toContain('企业开办');
    expect(await db.referenceData.get(['catalogue', 'active'])).toMatchObject({ version: bundledCatalogue.version });
  });

  it('swaps in a valid catalogue from HQ whole, and reports its publication number', async () => {
    const db = freshDatabase();
    await activeCatalogue(db);
    expect(await installReference(db, 'catalogue', withVersion('2026.12.1'), fromHq(7))).toEqual({ ok: true, version: '2026.12.1' });
    expect(await activeCatalogue(db)).toMatchObject({ version: '2026.12.1', source: 'hq' });
    expect((await referenceVersions(db)).catalogue).toBe(7);
    expect(await db.referenceData.get(['catalogue', 'staged'])).toBeUndefined();
  });

  it('refuses a catalogue with a bad entry whole, names the entry, and keeps the previous one in use', async () => {
    const db = freshDatabase();
    await activeCatalogue(db);
    const broken = withVersion('2026.12.2');
    broken.matters[0]!.materials[0]!.copies = 0;
    const result = await installReference(db, 'catalogue', broken, fromHq(8));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('事项目录未更新') });
    expect(result.ok ? '' : result.message).toContain(bundledCatalogue.matters[0]!.materials[0]!.name);
    expect((await activeCatalogue(db)).version).toBe(bundledCatalogue.version);
    expect(await db.referenceData.get(['catalogue', 'staged'])).toBeUndefined();
    // A new reader (another window, the next start) sees the previous one too.
    const reopened = new DeskDatabase(db.name);
    expect((await activeCatalogue(reopened)).version).toBe(bundledCatalogue.version);
    reopened.close();
  });

  it('never uses a staged version before it is activated', async () => {
    const db = freshDatabase();
    await stageReference(db, 'catalogue', withVersion('2026.12.3'), fromHq(9));
    expect((await activeCatalogue(db)).version).toBe(bundledCatalogue.version);
    expect(await activateStagedReference(db, 'catalogue')).toEqual({ ok: true, version: '2026.12.3' });
    expect(await activateStagedReference(db, 'catalogue')).toMatchObject({ ok: false, message: '没有待启用的事项目录' });
  });

  it('falls back to the shipped catalogue when the stored one is damaged', async () => {
    const db = freshDatabase();
    await installReference(db, 'catalogue', withVersion('2026.12.1'), fromHq(7));
    await db.referenceData.update(['catalogue', 'active'], { data: { version: '2026.12.1', matters: 'gone' } });
    const reopened = new DeskDatabase(db.name);
    expect(await activeCatalogue(reopened)).toMatchObject({ version: bundledCatalogue.version, source: 'bundled' });
    reopened.close();
  });

  it('replaces a shipped catalogue when an app update ships another, but never one HQ sent', async () => {
    const db = freshDatabase();
    await db.referenceData.put({ kind: 'catalogue', slot: 'active', version: '2025.1.1', hqVersion: null, source: 'bundled', data: withVersion('2025.1.1'), storedAt: '2026-01-01T00:00:00.000+08:00' });
    expect((await activeCatalogue(db)).version).toBe(bundledCatalogue.version);

    const other = freshDatabase();
    await other.referenceData.put({ kind: 'catalogue', slot: 'active', version: '2025.1.1', hqVersion: 3, source: 'hq', data: withVersion('2025.1.1'), storedAt: '2026-01-01T00:00:00.000+08:00' });
    expect((await activeCatalogue(other)).version).toBe('2025.1.1');
  });
});

describe('calendar', () => {
  it('starts from the chinese-days default', async () => {
    expect((await activeCalendar(freshDatabase())).version).toBe(defaultCalendar().version);
  });

  it('refuses a calendar whose make-up working day is not a weekend, keeping the default', async () => {
    const db = freshDatabase();
    const result = await installReference(db, 'calendar', { version: 'hq-2027', years: { '2027': { holidays: ['2027-01-01'], workdays: ['2027-01-04'] } } }, fromHq(2));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('不是周六或周日') });
    expect((await activeCalendar(db)).version).toBe(defaultCalendar().version);
  });
});

describe('green cards', () => {
  it('start empty, and a list from HQ shows the card with its liaison and priority', async () => {
    const db = freshDatabase();
    expect((await activeGreenCards(db)).data.cards).toEqual([]);
    expect(await installReference(db, 'greencards', { version: '2026-11', cards: [card] }, fromHq(4))).toEqual({ ok: true, version: '2026-11' });
    expect(await greenCardFor(db, cardHolder.toLowerCase(), '2026-11-28')).toMatchObject({ liaisonName: '周专员', priority: 1 });
  });

  it('ignore an expired card', async () => {
    const db = freshDatabase();
    await installReference(db, 'greencards', { version: '2026-11', cards: [{ ...card, validUntil: '2026-06-30' }] }, fromHq(4));
    expect(await greenCardFor(db, cardHolder, '2026-11-28')).toBeNull();
  });

  it('refuse a list with a bad USCC or one enterprise twice', async () => {
    const db = freshDatabase();
    expect(await installReference(db, 'greencards', { version: 'x', cards: [{ ...card, uscc: '91510703MA6XXXXXX0' }] }, fromHq(5))).toMatchObject({ ok: false });
    expect(await installReference(db, 'greencards', { version: 'x', cards: [card, card] }, fromHq(5))).toMatchObject({ ok: false, message: expect.stringContaining('重复') });
    expect((await activeGreenCards(db)).data.cards).toEqual([]);
  });
});
