import type { Collection, Table } from 'dexie';
import { searchKeyerNow } from '../crypto/deskKeys';
import type { SearchKeyer } from '../crypto/searchKeyer';
import { keyIndexes, keysOf, type KeyIndex, type Keyed } from './keyTiers';
import { keyedKey, namePinyinStarts, normaliseIdentifier, normaliseName } from './keys';
import { matchPinyin } from './pinyinKeys';
import { caseDayProbe, caseSequenceProbe, containsProbes, exactNameProbe, nameProbes, pinyinProbes, tailProbe, type Probe, type SearchPlan } from './query';

/**
 * Finding rows through the key indexes (`searchKeys` and `freshKeys`, see `keyTiers.ts`), shared by case
 * and enterprise search. Every read is an index range capped at `probeCap` keys — in Chromium each key a
 * range yields costs a lookup of its row's record, so a long range is slow — and a query costs about the
 * same at 2,000 rows and at 200,000. A probe reads its range in both indexes at once (at most twice the
 * cap; the fresh one rarely holds more than a few keys). A fragment common enough to fill the cap is
 * answered newest-first from one of its ranges instead of being intersected. A range of one key holds its
 * rows in primary-key order, oldest first, so it is read from the end: a capped read keeps the newest.
 */
export const probeCap = 200;

interface Searchable extends Keyed {
  id: string;
}

/** Ids (primary keys) found for a plan; `complete` is false when some range had more than the cap or was not read. */
export interface Candidates {
  /**
   * Rows matching most strongly, to be ranked before any other: the whole name, or an identifier ending
   * with the fragment (its reversed `r:` key starts with the reversed fragment: exactly the 尾号 matches).
   */
  preferred: Set<string>;
  ids: Set<string>;
  complete: boolean;
  /**
   * Ranges too common to read whole — a name fragment all of whose bigrams are common, a pinyin
   * prefix of a few letters — each to be read from its end, checking each row.
   */
  streamProbes: Probe[];
}

/**
 * The keyed form of a probe's key, as the index holds keys (see `keys.ts`): the keyed form of a fragment
 * is a prefix of the keyed keys it starts. The last few are kept per keyer, since a search keys the same
 * probes for each of its ranges and each row it checks (`planForRow`).
 */
const keyedProbeKeys = new WeakMap<SearchKeyer, Map<string, string>>();
const keptProbeKeys = 64;

export function keyedProbeKey(probe: Probe, keyer: SearchKeyer = searchKeyerNow()): string {
  let kept = keyedProbeKeys.get(keyer);
  if (kept === undefined) keyedProbeKeys.set(keyer, (kept = new Map()));
  const plain = (probe.prefix ? '^' : '=') + probe.key;
  const known = kept.get(plain);
  if (known !== undefined) return known;
  const keyed = keyedKey(probe.key, keyer, probe.prefix);
  if (kept.size >= keptProbeKeys) kept.clear();
  kept.set(plain, keyed);
  return keyed;
}

/**
 * The forms a search probes each key in: the desk's keyed form, and while a background re-key is pending
 * the plain form too, which the rows it has not reached still carry (see `probeKeyers` in `rekey.ts`).
 * A row carries one form, so the ranges of the forms hold different rows.
 */
export type ProbeKeyers = readonly [SearchKeyer, ...SearchKeyer[]];

function probeRange<T extends Searchable>(table: Table<T, string>, index: KeyIndex, probe: Probe, keyer: SearchKeyer): Collection<T, string> {
  const clause = table.where(index);
  const key = keyedProbeKey(probe, keyer);
  return probe.prefix ? clause.startsWith(key) : clause.equals(key).reverse();
}

/** The probe read in both key indexes and in each form at once; a row's keys are in one index and one form, so the ids do not repeat. */
async function probeIds<T extends Searchable>(table: Table<T, string>, probe: Probe, keyers: ProbeKeyers): Promise<{ ids: string[]; complete: boolean }> {
  const ranges = keyers.flatMap((keyer) => keyIndexes.map((index) => probeRange(table, index, probe, keyer)));
  const found = await Promise.all(ranges.map((range) => range.limit(probeCap + 1).primaryKeys()));
  const ids = found.flat();
  return { ids, complete: ids.length <= probeCap };
}

/**
 * Up to `limit` rows of the probe's ranges that `accept` takes, for a fragment too common to intersect:
 * the fresh index first (rows written lately, mostly the newest), then the settled one, each newest
 * first, until enough rows pass. The result says it is truncated, so the clerk types more.
 */
export async function streamRows<T extends Searchable>(
  table: Table<T, string>,
  probe: Probe,
  limit: number,
  keyers: ProbeKeyers,
  accept: (row: T) => boolean = () => true,
): Promise<T[]> {
  const rows: T[] = [];
  for (const keyer of keyers) {
    for (const index of keyIndexes) {
      if (rows.length >= limit) return rows;
      const range = probeRange(table, index, probe, keyer);
      rows.push(...(await (probe.prefix ? range.reverse() : range).filter(accept).limit(limit - rows.length).toArray()));
    }
  }
  return rows;
}

/** Rows carrying every bigram of the name: intersect the ranges that are complete, smallest first. */
async function nameCandidates<T extends Searchable>(table: Table<T, string>, name: string, keyers: ProbeKeyers): Promise<Candidates> {
  const probes = nameProbes(name);
  const found = await Promise.all(probes.map((probe) => probeIds(table, probe, keyers)));
  const complete = found.filter((result) => result.complete).sort((a, b) => a.ids.length - b.ids.length);
  if (complete.length === 0) return { preferred: new Set(), ids: new Set(), complete: false, streamProbes: [probes[0]!] };
  let ids = new Set(complete[0]!.ids);
  for (const other of complete.slice(1)) {
    const members = new Set(other.ids);
    ids = new Set([...ids].filter((id) => members.has(id)));
  }
  return { preferred: new Set(), ids, complete: true, streamProbes: [] };
}

/** Rows whose names read as the pinyin: the union of the initials and full-pinyin ranges; one too long to read is streamed. */
async function pinyinCandidates<T extends Searchable>(table: Table<T, string>, pinyin: string, keyers: ProbeKeyers): Promise<Candidates> {
  const probes = pinyinProbes(pinyin);
  const found = await Promise.all(probes.map((probe) => probeIds(table, probe, keyers)));
  return {
    preferred: new Set(),
    ids: new Set(found.flatMap((result) => (result.complete ? result.ids : []))),
    complete: found.every((result) => result.complete),
    streamProbes: probes.filter((_, i) => !found[i]!.complete),
  };
}

/**
 * The ids every reading of the plan finds through the key indexes (the case-number index is the caller's).
 *
 * The preferred probes (whole name, 尾号) are read first: when they alone find more than `enough` rows,
 * those rows outrank anything the other probes could add, so the others are not read and the result is
 * incomplete. A 尾号 of four digits is shared by a hundred or more identifiers at 200,000 cases, and the
 * same four digits start many middle keys: reading both ranges cost twice what the answer needs, since
 * in Chromium each key a range yields costs a lookup of its row's record. A caller that filters rows
 * after reading them cannot know how many will pass, and leaves `enough` unbounded.
 */
export async function keyCandidates<T extends Searchable>(table: Table<T, string>, plan: SearchPlan, keyers: ProbeKeyers, enough = Infinity): Promise<Candidates> {
  const preferredProbes: Probe[] = [];
  const probes: Probe[] = [];
  if (plan.name !== null) preferredProbes.push(exactNameProbe(plan.name));
  if (plan.identifier !== null) {
    preferredProbes.push(tailProbe(plan.identifier));
    probes.push(...containsProbes(plan.identifier));
  }
  if (plan.caseSequence !== null) preferredProbes.push(caseSequenceProbe(plan.caseSequence));
  if (plan.caseDayPrefix !== null) probes.push(caseDayProbe(plan.caseDayPrefix));
  const preferred = await Promise.all(preferredProbes.map((probe) => probeIds(table, probe, keyers)));
  const preferredIds = new Set(preferred.flatMap((result) => result.ids));
  if (preferredIds.size > enough) return { preferred: preferredIds, ids: new Set(), complete: false, streamProbes: [] };
  const [byName, byPinyin, found] = await Promise.all([
    plan.name === null ? null : nameCandidates(table, plan.name, keyers),
    plan.pinyin === null ? null : pinyinCandidates(table, plan.pinyin, keyers),
    Promise.all(probes.map((probe) => probeIds(table, probe, keyers))),
  ]);
  const readings = [byName, byPinyin].filter((reading) => reading !== null);
  const parts = [...readings.map((reading) => reading.ids), ...found.map((result) => result.ids)];
  return {
    preferred: preferredIds,
    ids: new Set(parts.flatMap((ids) => [...ids])),
    complete: readings.every((reading) => reading.complete) && [...preferred, ...found].every((result) => result.complete),
    streamProbes: readings.flatMap((reading) => reading.streamProbes),
  };
}

/**
 * The plan to check a row against: without its pinyin reading when none of the row's keys starts with it,
 * so the names of rows found another way are not converted to pinyin (about 50 µs a name).
 */
export function planForRow(plan: SearchPlan, row: Keyed, keyers: ProbeKeyers): SearchPlan {
  const pinyin = plan.pinyin;
  if (pinyin === null) return plan;
  const probeKeys = keyers.flatMap((keyer) => pinyinProbes(pinyin).map((probe) => keyedProbeKey(probe, keyer)));
  return keysOf(row).some((key) => probeKeys.some((probeKey) => key.startsWith(probeKey))) ? plan : { ...plan, pinyin: null };
}

export type MatchKind = 'exact' | 'prefix' | 'suffix' | 'contains';

/**
 * How strongly a match speaks for the row: a whole identifier beats a whole name beats a fragment, and
 * a name typed in Chinese beats the same name typed as pinyin, which other names may share.
 */
const scores = {
  identifier: { exact: 100, suffix: 80, prefix: 70, contains: 50 },
  name: { exact: 90, prefix: 70, suffix: 60, contains: 60 },
  pinyin: { exact: 75, prefix: 65, contains: 55 },
} as const;

export interface FieldMatch<F extends string> {
  field: F;
  kind: MatchKind;
  score: number;
}

/**
 * A value to test, labelled with the field it came from and how it compares: an enterprise's name, a
 * person's (whose pinyin is read differently, see `pinyinKeys.ts`), or an identifier.
 */
export type Matchable<F extends string> = readonly [field: F, value: string | null, as: 'name' | 'personName' | 'identifier'];

/** The best way the plan matches one of the values, or null when none does (a false candidate). */
export function bestMatch<F extends string>(plan: SearchPlan, values: readonly Matchable<F>[]): FieldMatch<F> | null {
  let best: FieldMatch<F> | null = null;
  const consider = (field: F, kind: MatchKind, score: number) => {
    if (best === null || score > best.score) best = { field, kind, score };
  };
  for (const [field, value, as] of values) {
    if (value === null) continue;
    if (as === 'identifier') {
      const kind = plan.identifier === null ? null : compare(normaliseIdentifier(value), plan.identifier);
      if (kind !== null) consider(field, kind, scores.identifier[kind]);
      continue;
    }
    const kind = plan.name === null ? null : compare(normaliseName(value), plan.name);
    if (kind !== null) consider(field, kind, scores.name[kind]);
    const byPinyin = plan.pinyin === null ? null : matchPinyin(namePinyinStarts(value, as === 'name' ? 'enterprise' : 'person'), plan.pinyin);
    if (byPinyin !== null) consider(field, byPinyin, scores.pinyin[byPinyin]);
  }
  return best;
}

export function compare(text: string, fragment: string): MatchKind | null {
  if (text === fragment) return 'exact';
  if (text.startsWith(fragment)) return 'prefix';
  if (text.endsWith(fragment)) return 'suffix';
  return text.includes(fragment) ? 'contains' : null;
}
