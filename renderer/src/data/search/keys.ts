import { parseCaseNumber } from '../../domain/cases/caseNumber';
import { searchKeyerNow } from '../crypto/deskKeys';
import { kindLength, type KeyShape, type SearchKeyer } from '../crypto/searchKeyer';
import type { CaseRow, EnterpriseRow } from '../records';
import { pinyinStarts, type NameKind, type PinyinStart } from './pinyinKeys';

/**
 * The `searchKeys` a case or enterprise is indexed under (a multiEntry index), so that every search is a
 * few short key-range reads and never a scan of the table:
 *
 * - `n:` + each bigram of a name (enterprise, applicant, agent) without its legal form (有限公司…, which
 *   nearly every enterprise shares): a fragment of two or more characters is found through its bigrams,
 *   then checked against the name itself.
 * - `N:` + each whole name: a one-character query finds names starting with it (a surname), and a whole
 *   name ranks as exact.
 * - `p:` + the initials and `q:` + the full pinyin of a name from each of its first syllables (see
 *   `pinyinKeys.ts`): `zysk`, `zhiyushunke` and `zhiyu` are prefixes of keys of 四川智宇顺科技有限公司.
 * - `r:` + each identifier reversed (USCC, ID numbers — the legal representative's and natural-person
 *   shareholders' too —, mobiles): the last four or more characters (尾号)
 *   are a prefix of it, so a tail is one short `startsWith` range and needs no checking.
 * - `i:` + each identifier, and for codes of `middleIndexedLength` or more characters also its suffixes
 *   from every third position: the start of an identifier is a prefix of the first, and a fragment of
 *   `minMiddleFragment` or more characters from anywhere has one of its first three suffixes start at
 *   such a position (then at least four characters long: the fragment is checked against each row found).
 *   Fragments of four or five characters from the middle are not found: a four-character fragment may
 *   start at any of three positions, so finding it would need twice the identifier keys.
 * - `c:` + the case number's day and sequence (`20261128-0003`), for a case number typed without the
 *   desk's prefix; the full number uses the case-number index itself.
 * - `s:` + the case number's sequence (`0003`), for its tail: the cases of one sequence share the key, so
 *   the index holds them oldest first and is read from the end.
 *
 * The index holds each of these keyed (`data/crypto/searchKeyer.ts`): the kind as it is, each character of
 * the rest replaced by a unit of an HMAC under the desk's search key, so the keyed form of a prefix is a
 * prefix of the keyed key and every range read above still works, on keyed probes (`candidates.ts`).
 *
 * Every key costs on each write and every key a probe reads costs on each search (in Chromium, roughly
 * 0.3 ms per key written and 60 µs per key read on a 200,000-case database), so keys are few. Without
 * pinyin a typical case has about 30 and a long company name with its USCC, applicant and agent each with
 * ID and mobile about 40; pinyin adds two per syllable start of each name — about 20 for a typical case,
 * at most `2 × maxStarts` for an enterprise name and 8 for a three-character person's name read two ways.
 * Intake writes them into the small fresh index (see `keyTiers.ts`), where each costs little.
 * Keying a case costs one HMAC per payload character: about 700 for a typical case (figures in
 * ARCHITECTURE.md, "Search keys: keyed").
 * Changing what goes in here changes stored rows: bump `searchKeysVersion` and re-key in a migration.
 * Version 4 keyed them (version 3's keys were plain).
 */
export const searchKeysVersion = 4;

export const keyPrefixes = {
  bigram: 'n:',
  name: 'N:',
  initials: 'p:',
  pinyin: 'q:',
  identifier: 'i:',
  tail: 'r:',
  caseDay: 'c:',
  caseSequence: 's:',
} as const;
type KeyKind = keyof typeof keyPrefixes;

/** The start or the end (尾号) of an identifier is found from this many characters. */
export const minIdentifierFragment = 4;
/** A fragment from the middle of an 18-character code is found from this many characters. */
export const minMiddleFragment = 6;
export const middleStride = 3;
/** Identifiers at least this long get middle keys (USCC and resident ID are 18). */
const middleIndexedLength = 15;

/** Pinyin keys shorter than a pinyin query (two letters) would only be read by a range that cannot use them. */
const minPinyinKey = 2;
/** A case number's day part, the shortest case-day query (`20261128`). */
const caseDayLength = 8;

/**
 * Past this many characters a prefix is not keyed: a longer fragment is read by its first
 * `longestKeyedPrefix` characters (twelve characters of a code or a pinyin are already rare) and each row
 * found is checked. It halves the MACs of an identifier's keys and bounds those of a long name's pinyin.
 */
export const longestKeyedPrefix = 12;

/**
 * Which prefixes of each kind of key a probe reads (see `query.ts`), so only those get a unit of the keyed
 * form (`searchKeyer.ts`): bigrams and sequences are read whole, names by their first character or whole,
 * the other kinds from their shortest query on.
 */
const keyShapes: Record<KeyKind, KeyShape> = {
  bigram: { shortest: 0, longest: 0, whole: true },
  name: { shortest: 1, longest: 1, whole: true },
  initials: { shortest: minPinyinKey, longest: longestKeyedPrefix, whole: false },
  pinyin: { shortest: minPinyinKey, longest: longestKeyedPrefix, whole: false },
  identifier: { shortest: minIdentifierFragment, longest: longestKeyedPrefix, whole: false },
  tail: { shortest: minIdentifierFragment, longest: longestKeyedPrefix, whole: false },
  caseDay: { shortest: caseDayLength, longest: Infinity, whole: false },
  caseSequence: { shortest: 0, longest: 0, whole: true },
};
const shapeOfPrefix = new Map(Object.entries(keyPrefixes).map(([kind, prefix]) => [prefix as string, keyShapes[kind as KeyKind]]));

/**
 * The keyed form of a plain key (kind + payload) as stored, or (`asPrefix`) as a probe reading the keys it
 * starts: without the whole-key unit, so it is a prefix of theirs.
 */
export function keyedKey(plainKey: string, keyer: SearchKeyer, asPrefix = false): string {
  const shape = shapeOfPrefix.get(plainKey.slice(0, kindLength));
  if (shape === undefined) throw new RangeError(`search key of no kind: ${plainKey.slice(0, kindLength)}`);
  return keyer.keyed(plainKey, asPrefix ? { ...shape, whole: false } : shape);
}

/** Names compare on letters and digits only, full-width folded, Latin lower-cased: `（绵阳）ABC` ~ `绵阳abc`. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Identifiers compare as capitals and digits only: `5107 0319…x` ~ `510703…X`, `138-0000-1234` ~ `13800001234`. */
export function normaliseIdentifier(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Legal forms ending an enterprise name, longest first: indexing them would put most enterprises under the same keys. */
export const legalForms = [
  '股份有限公司',
  '有限责任公司',
  '农民专业合作社',
  '个人独资企业',
  '普通合伙企业',
  '有限合伙企业',
  '有限公司',
  '合伙企业',
  '分公司',
  '合作社',
] as const;

/**
 * The part of a normalised name its bigrams are taken from: without a legal form at its end, except the
 * form's first character, so the bigram across the boundary (技有 of 科技有限公司) is still indexed.
 */
export function indexedNamePart(normalisedName: string): string {
  const form = legalForms.find((candidate) => normalisedName.endsWith(candidate) && normalisedName.length > candidate.length + 1);
  return form === undefined ? normalisedName : normalisedName.slice(0, normalisedName.length - form.length + 1);
}

/** A normalised enterprise name without the legal form it ends with, if any. */
export function withoutLegalForm(normalisedName: string): string {
  const form = legalForms.find((candidate) => normalisedName.endsWith(candidate) && normalisedName.length > candidate.length);
  return form === undefined ? normalisedName : normalisedName.slice(0, normalisedName.length - form.length);
}

/** The pinyin starts of a name as typed: what its `p:` and `q:` keys hold, and what a pinyin query is checked against. */
export function namePinyinStarts(name: string, kind: NameKind): PinyinStart[] {
  const normalised = normaliseName(name);
  return pinyinStarts(kind === 'enterprise' ? withoutLegalForm(normalised) : normalised, kind);
}

/**
 * The part of a normalised query to probe bigrams of: a query ending inside a legal form (科技有限, 科技有限公司)
 * is cut back to the form's first character, matching `indexedNamePart`; the whole query is still checked
 * against each name found.
 */
export function probedNamePart(normalisedQuery: string): string {
  for (let cut = Math.min(normalisedQuery.length - 1, 7); cut >= 2; cut -= 1) {
    const tail = normalisedQuery.slice(-cut);
    if (legalForms.some((form) => form.startsWith(tail))) return normalisedQuery.slice(0, normalisedQuery.length - cut + 1);
  }
  return normalisedQuery;
}

/** Bigrams by character (code point), so 𠮷 counts as one. */
export function bigrams(normalisedName: string): string[] {
  const chars = Array.from(normalisedName);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

export function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

function nameKeys(name: string, kind: NameKind, into: Set<string>): void {
  const normalised = normaliseName(name);
  if (normalised === '') return;
  into.add(keyPrefixes.name + normalised);
  for (const gram of bigrams(indexedNamePart(normalised))) into.add(keyPrefixes.bigram + gram);
  for (const start of namePinyinStarts(name, kind)) {
    if (start.initials.length >= minPinyinKey) into.add(keyPrefixes.initials + start.initials);
    if (start.full.length >= minPinyinKey) into.add(keyPrefixes.pinyin + start.full);
  }
}

function identifierKeys(identifier: string | null, into: Set<string>): void {
  if (identifier === null) return;
  const normalised = normaliseIdentifier(identifier);
  if (normalised.length < minIdentifierFragment) return;
  into.add(keyPrefixes.identifier + normalised);
  into.add(keyPrefixes.tail + reversed(normalised));
  if (normalised.length < middleIndexedLength) return;
  const shortestProbe = minMiddleFragment - (middleStride - 1);
  for (let start = middleStride; normalised.length - start >= shortestProbe; start += middleStride) {
    into.add(keyPrefixes.identifier + normalised.slice(start));
  }
}

/** `0003` of `MY01-20261128-0003`. */
export function caseSequencePart(caseNumber: string): string | null {
  return parseCaseNumber(caseNumber) === null ? null : caseNumber.slice(caseNumber.lastIndexOf('-') + 1);
}

/** `20261128-0003` of `MY01-20261128-0003`. */
export function caseDayPart(caseNumber: string): string | null {
  const parts = parseCaseNumber(caseNumber);
  return parts === null ? null : caseNumber.slice(caseNumber.indexOf('-') + 1);
}

/** The keys as stored: keyed under this page's search key (or `keyer`), in no particular order. */
function keyedAll(plainKeys: Set<string>, keyer: SearchKeyer): string[] {
  return Array.from(plainKeys, (key) => keyedKey(key, keyer));
}

export function caseSearchKeys(
  row: Pick<CaseRow, 'caseNumber' | 'enterprise' | 'applicant' | 'agent' | 'licence' | 'legalRepresentative' | 'shareholders'>,
  keyer: SearchKeyer = searchKeyerNow(),
): string[] {
  const keys = new Set<string>();
  nameKeys(row.enterprise.name, 'enterprise', keys);
  identifierKeys(row.enterprise.uscc, keys);
  // A new company has no USCC at intake; HQ assigns it with the approval, and the clerk handing the
  // licence over may look the case up by it.
  identifierKeys(row.licence?.uscc ?? null, keys);
  for (const person of [row.applicant, row.agent]) {
    if (person === null) continue;
    nameKeys(person.name, 'person', keys);
    identifierKeys(person.idNumber, keys);
    identifierKeys(person.phone, keys);
  }
  // The company's people by their document numbers only: a clerk looks a founding up by the number on a
  // legal representative's or shareholder's document, and names would add keys to every such case.
  for (const person of [row.legalRepresentative ?? null, ...(row.shareholders ?? [])]) {
    if (person !== null) identifierKeys(person.idNumber, keys);
  }
  const day = caseDayPart(row.caseNumber);
  if (day !== null) keys.add(keyPrefixes.caseDay + day);
  const sequence = caseSequencePart(row.caseNumber);
  if (sequence !== null) keys.add(keyPrefixes.caseSequence + sequence);
  return keyedAll(keys, keyer);
}

export function enterpriseSearchKeys(row: Pick<EnterpriseRow, 'name' | 'uscc'>, keyer: SearchKeyer = searchKeyerNow()): string[] {
  const keys = new Set<string>();
  nameKeys(row.name, 'enterprise', keys);
  identifierKeys(row.uscc, keys);
  return keyedAll(keys, keyer);
}
