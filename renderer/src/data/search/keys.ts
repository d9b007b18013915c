import { parseCaseNumber } from '../../domain/cases/caseNumber';
import type { CaseRow, EnterpriseRow } from '../records';

/**
 * The `searchKeys` a case or enterprise is indexed under (a multiEntry index), so that every search is a
 * few short key-range reads and never a scan of the table:
 *
 * - `n:` + each bigram of a name (enterprise, applicant, agent) without its legal form (有限公司…, which
 *   nearly every enterprise shares): a fragment of two or more characters is found through its bigrams,
 *   then checked against the name itself.
 * - `N:` + each whole name: a one-character query finds names starting with it (a surname), and a whole
 *   name ranks as exact.
 * - `r:` + each identifier reversed (USCC, ID numbers, mobiles): the last four or more characters (尾号)
 *   are a prefix of it, so a tail is one short `startsWith` range and needs no checking.
 * - `i:` + each identifier, and for 18-character codes also its suffixes from every third position: the
 *   start of an identifier is a prefix of the first, and a fragment of `minMiddleFragment` or more
 *   characters from anywhere has one of its first three suffixes start at such a position.
 * - `c:` + the case number's day and sequence (`20261128-0003`), for a case number typed without the
 *   desk's prefix; the full number uses the case-number index itself.
 *
 * Every key costs on each write and every key a probe reads costs on each search (in Chromium, roughly
 * 0.3 ms per key written and 60 µs per key read on a 200,000-case database), so keys are few: about 30
 * for a typical case, at most about 40 (a long company name with its USCC, applicant and agent each with
 * ID and mobile) — half of what indexing every suffix of every identifier took.
 * Changing what goes in here changes stored rows: bump `searchKeysVersion` and re-key in a migration.
 */
export const searchKeysVersion = 2;

export const keyPrefixes = { bigram: 'n:', name: 'N:', identifier: 'i:', tail: 'r:', caseDay: 'c:' } as const;

/** The start or the end (尾号) of an identifier is found from this many characters. */
export const minIdentifierFragment = 4;
/** A fragment from the middle of an 18-character code is found from this many characters. */
export const minMiddleFragment = 7;
export const middleStride = 3;
/** Identifiers at least this long get middle keys (USCC and resident ID are 18). */
const middleIndexedLength = 15;

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

function nameKeys(name: string, into: Set<string>): void {
  const normalised = normaliseName(name);
  if (normalised === '') return;
  into.add(keyPrefixes.name + normalised);
  for (const gram of bigrams(indexedNamePart(normalised))) into.add(keyPrefixes.bigram + gram);
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

/** `20261128-0003` of `MY01-20261128-0003`. */
export function caseDayPart(caseNumber: string): string | null {
  const parts = parseCaseNumber(caseNumber);
  return parts === null ? null : caseNumber.slice(caseNumber.indexOf('-') + 1);
}

export function caseSearchKeys(row: Pick<CaseRow, 'caseNumber' | 'enterprise' | 'applicant' | 'agent' | 'licence'>): string[] {
  const keys = new Set<string>();
  nameKeys(row.enterprise.name, keys);
  identifierKeys(row.enterprise.uscc, keys);
  // A new company has no USCC at intake; HQ assigns it with the approval, and the clerk handing the
  // licence over may look the case up by it.
  identifierKeys(row.licence?.uscc ?? null, keys);
  for (const person of [row.applicant, row.agent]) {
    if (person === null) continue;
    nameKeys(person.name, keys);
    identifierKeys(person.idNumber, keys);
    identifierKeys(person.phone, keys);
  }
  const day = caseDayPart(row.caseNumber);
  if (day !== null) keys.add(keyPrefixes.caseDay + day);
  return [...keys];
}

export function enterpriseSearchKeys(row: Pick<EnterpriseRow, 'name' | 'uscc'>): string[] {
  const keys = new Set<string>();
  nameKeys(row.name, keys);
  identifierKeys(row.uscc, keys);
  return [...keys];
}
