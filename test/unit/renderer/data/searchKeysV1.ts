import type { CaseRow, EnterpriseRow } from '../../../../renderer/src/data/records';
import { caseDayPart, normaliseIdentifier, normaliseName } from '../../../../renderer/src/data/search/keys';

/**
 * The `searchKeys` rows were written with under `searchKeysVersion` 1 (schema versions 1–2), kept here
 * as shipped so migration tests can seed a database the way those builds left it: `n:` every bigram of
 * the whole name, `N:` the whole name, `i:` every suffix of four or more characters of each identifier,
 * `c:` the case number's day part.
 */
function nameKeys(name: string, into: Set<string>): void {
  const normalised = normaliseName(name);
  if (normalised === '') return;
  into.add(`N:${normalised}`);
  const chars = Array.from(normalised);
  for (let i = 0; i + 1 < chars.length; i += 1) into.add(`n:${chars[i]!}${chars[i + 1]!}`);
}

function identifierKeys(identifier: string | null, into: Set<string>): void {
  if (identifier === null) return;
  const normalised = normaliseIdentifier(identifier);
  for (let start = 0; normalised.length - start >= 4; start += 1) into.add(`i:${normalised.slice(start)}`);
}

export function caseSearchKeysV1(row: Pick<CaseRow, 'caseNumber' | 'enterprise' | 'applicant' | 'agent'>): string[] {
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
  if (day !== null) keys.add(`c:${day}`);
  return [...keys];
}

export function enterpriseSearchKeysV1(row: Pick<EnterpriseRow, 'name' | 'uscc'>): string[] {
  const keys = new Set<string>();
  nameKeys(row.name, keys);
  identifierKeys(row.uscc, keys);
  return [...keys];
}
