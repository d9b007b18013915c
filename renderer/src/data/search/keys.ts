import { parseCaseNumber } from '../../domain/cases/caseNumber';
import type { CaseRow, EnterpriseRow } from '../records';

/**
 * The `searchKeys` a case or enterprise is indexed under (a multiEntry index), so that every search is a
 * few key-range reads and never a scan of the table:
 *
 * - `n:` + every bigram of each name (enterprise, applicant, agent): a name fragment of two or more
 *   characters is found through its bigrams, then checked against the name itself.
 * - `N:` + each whole name: a one-character query finds names starting with it (a surname), and a
 *   whole name ranks as exact.
 * - `i:` + every suffix of four or more characters of each identifier (USCC, ID numbers, mobiles): any
 *   fragment of four or more characters — the last six of an ID, the middle of a USCC, a phone's last
 *   four — is a prefix of one of them, so it is one `startsWith` range and needs no checking.
 * - `c:` + the case number's day and sequence (`20261128-0003`), for a case number typed without the
 *   desk's prefix; the full number uses the case-number index itself.
 *
 * Cost, per case: about 2 keys per name character and 15 per 18-character identifier; a typical case
 * (company name of 12 characters, applicant and agent with ID and mobile, enterprise USCC) has about 75.
 * Changing what goes in here changes stored rows: bump `searchKeysVersion` and re-key in a migration.
 */
export const searchKeysVersion = 1;

export const keyPrefixes = { bigram: 'n:', name: 'N:', identifier: 'i:', caseDay: 'c:' } as const;

/** Fragments shorter than this are not indexed: too many matches to be useful, too many keys to store. */
export const minIdentifierFragment = 4;

/** Names compare on letters and digits only, full-width folded, Latin lower-cased: `（绵阳）ABC` ~ `绵阳abc`. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Identifiers compare as capitals and digits only: `5107 0319…x` ~ `510703…X`, `138-0000-1234` ~ `13800001234`. */
export function normaliseIdentifier(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Bigrams by character (code point), so 𠮷 counts as one. */
export function bigrams(normalisedName: string): string[] {
  const chars = Array.from(normalisedName);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

function nameKeys(name: string, into: Set<string>): void {
  const normalised = normaliseName(name);
  if (normalised === '') return;
  into.add(keyPrefixes.name + normalised);
  for (const gram of bigrams(normalised)) into.add(keyPrefixes.bigram + gram);
}

function identifierKeys(identifier: string | null, into: Set<string>): void {
  if (identifier === null) return;
  const normalised = normaliseIdentifier(identifier);
  for (let start = 0; normalised.length - start >= minIdentifierFragment; start += 1) {
    into.add(keyPrefixes.identifier + normalised.slice(start));
  }
}

/** `20261128-0003` of `MY01-20261128-0003`. */
export function caseDayPart(caseNumber: string): string | null {
  const parts = parseCaseNumber(caseNumber);
  return parts === null ? null : caseNumber.slice(caseNumber.indexOf('-') + 1);
}

export function caseSearchKeys(row: Pick<CaseRow, 'caseNumber' | 'enterprise' | 'applicant' | 'agent'>): string[] {
  const keys = new Set<string>();
  nameKeys(row.enterprise.name, keys);
  identifierKeys(row.enterprise.uscc, keys);
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
