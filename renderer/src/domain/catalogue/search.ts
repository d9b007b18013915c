import { pinyin } from 'pinyin-pro';
import type { BundleCode, Catalogue, MatterCode } from './schema';

/**
 * Finding a matter or bundle at intake by Chinese, full pinyin, initials or any mix of them
 * (`qykb`, `qiyekaiban` and `qiyekb` all find 企业开办), ranked exact > prefix > contains.
 * `buildCatalogueIndex` does the pinyin conversion once per catalogue; a search is then a few string
 * comparisons per entry.
 */

export type SearchRank = 'exact' | 'prefix' | 'contains';

/** What a search can find: a bundle (一件事) or a single matter. */
export type CatalogueSearchTarget =
  | { readonly kind: 'bundle'; readonly code: BundleCode; readonly name: string }
  | { readonly kind: 'matter'; readonly code: MatterCode; readonly name: string; readonly department: string };

export type CatalogueSearchHit = CatalogueSearchTarget & { readonly rank: SearchRank };

interface IndexedName {
  /** NFKC-normalised, lower-cased text, for Chinese or literal (code, Latin alias) matching. */
  readonly text: string;
  /** Toneless pinyin per Han character (ü as v); empty when the name has no Han characters. */
  readonly syllables: readonly string[];
}

interface IndexEntry {
  readonly target: CatalogueSearchTarget;
  readonly names: readonly IndexedName[];
}

export interface CatalogueIndex {
  /** Bundles first, then matters, each in catalogue order: the order ties are broken in. */
  readonly entries: readonly IndexEntry[];
}

export function buildCatalogueIndex(catalogue: Catalogue): CatalogueIndex {
  const bundles: IndexEntry[] = catalogue.bundles.map((bundle) => ({
    target: { kind: 'bundle', code: bundle.code, name: bundle.name },
    names: [bundle.name, bundle.code, ...bundle.aliases].map(indexName),
  }));
  const matters: IndexEntry[] = catalogue.matters.map((matter) => ({
    target: { kind: 'matter', code: matter.code, name: matter.name, department: matter.department },
    names: [matter.name, matter.code, ...matter.aliases].map(indexName),
  }));
  return { entries: [...bundles, ...matters] };
}

const rankOrder: Record<SearchRank, number> = { exact: 0, prefix: 1, contains: 2 };

/** Matches best first; an empty query matches nothing. */
export function searchCatalogue(index: CatalogueIndex, query: string, limit = 20): CatalogueSearchHit[] {
  const text = normalise(query).replace(/\s+/g, '');
  if (text === '') return [];
  // Pinyin typed with separators ("qi'ye kai ban") matches as one run of letters.
  const letters = text.replace(/['’]/g, '');
  const pinyinQuery = /^[a-z]+$/.test(letters) ? letters : null;

  const hits: Array<{ hit: CatalogueSearchHit; order: number }> = [];
  index.entries.forEach((entry, order) => {
    let best: SearchRank | undefined;
    for (const name of entry.names) {
      best = better(best, rankText(name.text, text));
      if (pinyinQuery !== null) best = better(best, rankSyllables(name.syllables, pinyinQuery));
      if (best === 'exact') break;
    }
    if (best !== undefined) hits.push({ hit: { ...entry.target, rank: best }, order });
  });
  hits.sort((a, b) => rankOrder[a.hit.rank] - rankOrder[b.hit.rank] || a.order - b.order);
  return hits.slice(0, limit).map(({ hit }) => hit);
}

function indexName(name: string): IndexedName {
  const text = normalise(name);
  const syllables = /\p{Script=Han}/u.test(name)
    ? pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    : [];
  return { text, syllables };
}

/** Full-width letters from a Chinese IME in full-width mode match like ordinary ones. */
function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase().trim();
}

function better(current: SearchRank | undefined, candidate: SearchRank | undefined): SearchRank | undefined {
  if (candidate === undefined) return current;
  if (current === undefined) return candidate;
  return rankOrder[candidate] < rankOrder[current] ? candidate : current;
}

function rankText(haystack: string, needle: string): SearchRank | undefined {
  if (haystack === needle) return 'exact';
  if (haystack.startsWith(needle)) return 'prefix';
  if (haystack.includes(needle)) return 'contains';
  return undefined;
}

/**
 * The query matches a run of consecutive syllables when each syllable in the run gives a non-empty
 * prefix of itself (its initial, a few letters, or all of it) and together they spell the query. The
 * run starting at the first syllable and reaching the last is exact; starting at the first, a prefix.
 */
function rankSyllables(syllables: readonly string[], query: string): SearchRank | undefined {
  if (syllables.length === 0) return undefined;
  if (spells(syllables, 0, query, true)) return 'exact';
  if (spells(syllables, 0, query, false)) return 'prefix';
  for (let start = 1; start < syllables.length; start += 1) {
    if (spells(syllables, start, query, false)) return 'contains';
  }
  return undefined;
}

function spells(syllables: readonly string[], start: number, query: string, toTheEnd: boolean): boolean {
  // Positions already known to fail, as "syllable:offset", keep the backtracking linear.
  const failed = new Set<string>();
  const from = (syllableIndex: number, offset: number): boolean => {
    const syllable = syllables[syllableIndex];
    if (syllable === undefined) return false;
    const state = `${syllableIndex}:${offset}`;
    if (failed.has(state)) return false;
    for (let length = Math.min(syllable.length, query.length - offset); length >= 1; length -= 1) {
      if (!query.startsWith(syllable.slice(0, length), offset)) continue;
      const next = offset + length;
      if (next === query.length) {
        if (!toTheEnd || syllableIndex === syllables.length - 1) return true;
      } else if (from(syllableIndex + 1, next)) {
        return true;
      }
    }
    failed.add(state);
    return false;
  };
  return from(start, 0);
}
