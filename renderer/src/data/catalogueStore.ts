import { z } from 'zod';
import { defaultCalendar, workingCalendarSchema, type WorkingCalendar } from '../domain/calendar';
import { parseCatalogue } from '../domain/catalogue/parseCatalogue';
import type { Catalogue } from '../domain/catalogue/schema';
import type { ReferenceKind } from '../protocol/reference';
import { chinaIso } from './clock';
import { DataError, guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { greenCardListSchema, noGreenCards, type GreenCard, type GreenCardList } from './greenCards';
import { dataMessages } from './messages';
import type { ReferenceRow, ReferenceSource } from './records';

/**
 * Reference data (ARCHITECTURE.md, "Reference data"): the catalogue, the working-day calendar and the green-card list. Each
 * kind has one `active` row in use and at most one `staged` row being received. A staged version becomes
 * active only after it validates whole; a refused one is dropped and the active one stays, so a clerk
 * never works from a half-downloaded or broken catalogue. On first start (and when an app update ships a
 * newer default) the version shipped with the app is installed the same way.
 */

interface DataOf {
  catalogue: Catalogue;
  calendar: WorkingCalendar;
  greencards: GreenCardList;
}

export interface ActiveReference<T> {
  data: T;
  version: string;
  /** `since` for the next HQ request; null while the shipped default is in use. */
  hqVersion: number | null;
  source: ReferenceSource;
}

export interface ReferenceOrigin {
  source: ReferenceSource;
  hqVersion: number | null;
}

export type ReferenceInstallResult = { ok: true; version: string } | { ok: false; message: string; problems: readonly string[] };

type Checked<T> = { ok: true; data: T; version: string } | { ok: false; message: string; problems: readonly string[] };

const chineseErrors = z.locales.zhCN();

function checkWithSchema<T>(schema: z.ZodType<T>, raw: unknown, versionOf: (data: T) => string): Checked<T> {
  const parsed = schema.safeParse(raw, { error: chineseErrors.localeError });
  if (parsed.success) return { ok: true, data: parsed.data, version: versionOf(parsed.data) };
  const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message));
  return { ok: false, message: problems[0]!, problems };
}

interface KindSpec<T> {
  check(raw: unknown): Checked<T>;
  /** What the app ships (the catalogue is loaded on demand, so start-up does not parse it). */
  bundled(): Promise<unknown>;
}

const specs: { [K in ReferenceKind]: KindSpec<DataOf[K]> } = {
  catalogue: {
    check(raw) {
      const result = parseCatalogue(raw);
      return result.ok ? { ok: true, data: result.catalogue, version: result.catalogue.version } : result;
    },
    bundled: async () => (await import('../../../resources/catalogue/default.json')).default,
  },
  calendar: {
    check: (raw) => checkWithSchema(workingCalendarSchema, raw, (calendar) => calendar.version),
    bundled: async () => defaultCalendar(),
  },
  greencards: {
    check: (raw) => checkWithSchema(greenCardListSchema, raw, (list) => list.version),
    bundled: async () => noGreenCards,
  },
};

const kindLabel = (kind: ReferenceKind) => dataMessages.reference.kindLabels[kind];

/** The version a document states about itself, read without validating it. */
function statedVersion(raw: unknown): string {
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '';
}

// Parsed active data per database and kind; a promise so that concurrent first readers share one load.
const cache = new WeakMap<DeskDatabase, Map<ReferenceKind, Promise<ActiveReference<unknown>>>>();

function cacheOf(db: DeskDatabase): Map<ReferenceKind, Promise<ActiveReference<unknown>>> {
  let map = cache.get(db);
  if (map === undefined) cache.set(db, (map = new Map()));
  return map;
}

/** Receives a version (from HQ, or the app's default) into the staged slot; nothing uses it yet. */
export async function stageReference(db: DeskDatabase, kind: ReferenceKind, raw: unknown, origin: ReferenceOrigin): Promise<void> {
  const row: ReferenceRow = { kind, slot: 'staged', version: statedVersion(raw), ...origin, data: raw, storedAt: chinaIso() };
  await guardStorage(() => db.referenceData.put(row));
}

/**
 * Validates a version whole and, when it passes, makes it the active one in one transaction (dropping
 * the staged row it came from, if any). A refused version changes nothing that is in use.
 */
async function swapIn(db: DeskDatabase, kind: ReferenceKind, raw: unknown, origin: ReferenceOrigin, fromStaged: boolean): Promise<ReferenceInstallResult> {
  const checked = specs[kind].check(raw);
  if (!checked.ok) {
    if (fromStaged) await guardStorage(() => db.referenceData.delete([kind, 'staged']));
    return { ok: false, message: dataMessages.reference.refused(kindLabel(kind), checked.message), problems: checked.problems };
  }
  const active: ActiveReference<unknown> = { data: checked.data, version: checked.version, ...origin };
  await guardStorage(() =>
    db.transaction('rw', db.referenceData, async () => {
      const row: ReferenceRow = { kind, slot: 'active', version: checked.version, ...origin, data: checked.data, storedAt: chinaIso() };
      await db.referenceData.put(row);
      // Cases keep the catalogue version they were taken in under; keep every version that was in use.
      if (kind === 'catalogue') await db.referenceData.put({ ...row, slot: `archive:${checked.version}` });
      if (fromStaged) await db.referenceData.delete([kind, 'staged']);
    }),
  );
  cacheOf(db).set(kind, Promise.resolve(active));
  return { ok: true, version: checked.version };
}

/**
 * Validates the staged version whole and swaps it in. A refused version is dropped and the message (in
 * Chinese, naming the first bad entry) comes back; the previous version stays in use.
 */
export async function activateStagedReference(db: DeskDatabase, kind: ReferenceKind): Promise<ReferenceInstallResult> {
  const staged = await guardStorage(() => db.referenceData.get([kind, 'staged']));
  if (staged === undefined) return { ok: false, message: dataMessages.reference.nothingStaged(kindLabel(kind)), problems: [] };
  return swapIn(db, kind, staged.data, { source: staged.source, hqVersion: staged.hqVersion }, true);
}

/** Stages and activates in one call, for a version that arrived whole (HQ sends each kind in one answer). */
export async function installReference(db: DeskDatabase, kind: ReferenceKind, raw: unknown, origin: ReferenceOrigin): Promise<ReferenceInstallResult> {
  await stageReference(db, kind, raw, origin);
  return activateStagedReference(db, kind);
}

/** The app's own version goes straight in, leaving alone anything HQ is staging meanwhile. */
async function installBundled(db: DeskDatabase, kind: ReferenceKind, raw: unknown): Promise<ActiveReference<unknown>> {
  const result = await swapIn(db, kind, raw, { source: 'bundled', hqVersion: null }, false);
  if (!result.ok) throw new DataError(dataMessages.reference.bundledBroken(kindLabel(kind), result.message));
  return cacheOf(db).get(kind)!;
}

async function loadActive(db: DeskDatabase, kind: ReferenceKind): Promise<ActiveReference<unknown>> {
  const row = await guardStorage(() => db.referenceData.get([kind, 'active']));
  if (row !== undefined && row.source === 'bundled') {
    const bundled = await specs[kind].bundled();
    // The app was updated with a newer default; HQ-sent versions are never replaced this way.
    if (statedVersion(bundled) !== row.version) return installBundled(db, kind, bundled);
  }
  if (row !== undefined) {
    // Read back through the same validation: a damaged row must not drive checklists or due dates.
    const checked = specs[kind].check(row.data);
    if (checked.ok) return { data: checked.data, version: checked.version, hqVersion: row.hqVersion, source: row.source };
  }
  return installBundled(db, kind, await specs[kind].bundled());
}

async function activeReference<K extends ReferenceKind>(db: DeskDatabase, kind: K): Promise<ActiveReference<DataOf[K]>> {
  const map = cacheOf(db);
  let pending = map.get(kind);
  if (pending === undefined) {
    pending = loadActive(db, kind);
    map.set(kind, pending);
    pending.catch(() => map.delete(kind));
  }
  return (await pending) as ActiveReference<DataOf[K]>;
}

/** The catalogue in use (installing the shipped one on first start). Throws DataError if none can be. */
export function activeCatalogue(db: DeskDatabase): Promise<ActiveReference<Catalogue>> {
  return activeReference(db, 'catalogue');
}

const archivedCatalogues = new WeakMap<DeskDatabase, Map<string, Promise<Catalogue | null>>>();

/**
 * The catalogue of a given version: the one in use, or an archived one (every version that was ever
 * active is kept). Null when this desk never had that version (a case another desk took in under a
 * catalogue not received here yet).
 */
export async function catalogueOfVersion(db: DeskDatabase, version: string): Promise<Catalogue | null> {
  const active = await activeCatalogue(db);
  if (active.version === version) return active.data;
  let byVersion = archivedCatalogues.get(db);
  if (byVersion === undefined) archivedCatalogues.set(db, (byVersion = new Map()));
  let pending = byVersion.get(version);
  if (pending === undefined) {
    pending = guardStorage(() => db.referenceData.get(['catalogue', `archive:${version}`])).then((row) => {
      if (row === undefined) return null;
      const checked = specs.catalogue.check(row.data);
      return checked.ok ? checked.data : null;
    });
    byVersion.set(version, pending);
    pending.catch(() => byVersion.delete(version));
  }
  return pending;
}

/** The working-day calendar in use (the `chinese-days` default until HQ sends one). */
export function activeCalendar(db: DeskDatabase): Promise<ActiveReference<WorkingCalendar>> {
  return activeReference(db, 'calendar');
}

export function activeGreenCards(db: DeskDatabase): Promise<ActiveReference<GreenCardList>> {
  return activeReference(db, 'greencards');
}

const cardsByUscc = new WeakMap<GreenCardList, ReadonlyMap<string, GreenCard>>();

/** The card of this USCC in the list, unless it expired before `today` (`YYYY-MM-DD`). */
export function greenCardIn(list: GreenCardList, uscc: string, today: string): GreenCard | null {
  let byUscc = cardsByUscc.get(list);
  if (byUscc === undefined) cardsByUscc.set(list, (byUscc = new Map(list.cards.map((card) => [card.uscc, card]))));
  const card = byUscc.get(uscc.trim().toUpperCase());
  return card !== undefined && (card.validUntil === null || card.validUntil >= today) ? card : null;
}

/** The enterprise's green card in the list in use, if it holds one (and it has not expired by `today`). */
export async function greenCardFor(db: DeskDatabase, uscc: string, today: string): Promise<GreenCard | null> {
  return greenCardIn((await activeGreenCards(db)).data, uscc, today);
}

/** HQ's publication number of each kind in use, for the `since` of reference requests. */
export async function referenceVersions(db: DeskDatabase): Promise<Record<ReferenceKind, number | null>> {
  const [catalogue, calendar, greencards] = await Promise.all([activeCatalogue(db), activeCalendar(db), activeGreenCards(db)]);
  return { catalogue: catalogue.hqVersion, calendar: calendar.hqVersion, greencards: greencards.hqVersion };
}
