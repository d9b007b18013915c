import { bigrams, keyPrefixes, middleStride, minIdentifierFragment, minMiddleFragment, normaliseIdentifier, normaliseName, probedNamePart, reversed } from './keys';

/**
 * How a search box query is looked up. One query can mean several things — `20261128` is the day part of
 * a case number and also the birth date inside an ID number — so a plan holds every reading that
 * applies and the search unions them.
 */
export interface SearchPlan {
  /** Normalised name fragment (letters and digits, lower case); null when the query has no name reading. */
  name: string | null;
  /** Normalised identifier fragment of at least `minIdentifierFragment` capitals/digits. */
  identifier: string | null;
  /** A case number typed from its start (`MY01-2026…`), upper-cased. */
  caseNumberPrefix: string | null;
  /** A case number typed without the desk prefix (`20261128-0003`, or just the day). */
  caseDayPrefix: string | null;
  /** The sequence a case number ends with (`0003`, typed with or without its dash). */
  caseSequence: string | null;
  /** Lower-case letters read as pinyin initials or full pinyin (`zysk`, `zhiyu`): two or more, separators dropped. */
  pinyin: string | null;
}

const hasHan = /\p{Script=Han}/u;
const hasLatin = /[a-z]/i;

export function planSearch(query: string): SearchPlan {
  const plan: SearchPlan = { name: null, identifier: null, caseNumberPrefix: null, caseDayPrefix: null, caseSequence: null, pinyin: null };
  const text = query.normalize('NFKC').trim();
  if (text === '') return plan;
  const name = normaliseName(text);
  if (hasHan.test(text)) return { ...plan, name: name === '' ? null : name };

  const compact = text.toUpperCase().replace(/\s+/g, '');
  if (/^[0-9A-Z]{2,6}\d{2}-[0-9-]*$/.test(compact)) plan.caseNumberPrefix = compact;
  if (/^20\d{6}(-\d*)?$/.test(compact)) plan.caseDayPrefix = compact;
  // Four digits, five once a desk's day passes 9999 cases.
  if (/^-?\d{4,5}$/.test(compact)) plan.caseSequence = compact.replace('-', '');
  const identifier = normaliseIdentifier(compact);
  if (identifier.length >= minIdentifierFragment && identifier === compact.replace(/-/g, '')) plan.identifier = identifier;
  // Latin letters alone may be part of a name (ABC科技 typed as "abc"); with digits they are a code.
  if (hasLatin.test(text) && !/\d/.test(text) && Array.from(name).length >= 2) plan.name = name;
  // Pinyin typed with separators ("zhi yu", "xi'an") matches as one run of letters.
  const letters = text.toLowerCase().replace(/[\s'’·-]/g, '');
  if (/^[a-z]{2,}$/.test(letters)) plan.pinyin = letters;
  return plan;
}

/** One index read: keys equal to `key`, or (`prefix`) starting with it. */
export interface Probe {
  key: string;
  prefix: boolean;
}

/**
 * The probes for a name fragment. Two or more characters: each distinct bigram must be among the keys
 * (the caller then checks the name itself contains the fragment). One character: names starting with it.
 */
export function nameProbes(name: string): Probe[] {
  const grams = [...new Set(bigrams(probedNamePart(name)))];
  if (grams.length === 0) return [{ key: keyPrefixes.name + name, prefix: true }];
  return grams.map((gram) => ({ key: keyPrefixes.bigram + gram, prefix: false }));
}

/** Whole names equal to the query: ranked first. */
export function exactNameProbe(name: string): Probe {
  return { key: keyPrefixes.name + name, prefix: false };
}

/** Identifiers ending with the fragment (尾号): exact, ranked first. */
export function tailProbe(identifier: string): Probe {
  return { key: keyPrefixes.tail + reversed(identifier), prefix: true };
}

/**
 * Identifiers containing the fragment: starting with it, or (from `minMiddleFragment` characters) having
 * it anywhere — one of its first `middleStride` suffixes starts where a middle key does. Rows found by a
 * shortened probe may not contain the whole fragment; the caller checks each row.
 */
export function containsProbes(identifier: string): Probe[] {
  const probes: Probe[] = [{ key: keyPrefixes.identifier + identifier, prefix: true }];
  if (identifier.length >= minMiddleFragment) {
    for (let skip = 1; skip < middleStride; skip += 1) probes.push({ key: keyPrefixes.identifier + identifier.slice(skip), prefix: true });
  }
  return probes;
}

/**
 * Names whose pinyin from one of their keyed starts begins with the query: as initials or as full pinyin.
 * Exact: the key holds the rest of the name, so a row found is a match.
 */
export function pinyinProbes(pinyin: string): Probe[] {
  return [
    { key: keyPrefixes.initials + pinyin, prefix: true },
    { key: keyPrefixes.pinyin + pinyin, prefix: true },
  ];
}

/** Case numbers ending with the sequence: ranked first, like a 尾号. */
export function caseSequenceProbe(sequence: string): Probe {
  return { key: keyPrefixes.caseSequence + sequence, prefix: false };
}

/** Case numbers typed without the desk prefix. */
export function caseDayProbe(prefix: string): Probe {
  return { key: keyPrefixes.caseDay + prefix, prefix: true };
}
