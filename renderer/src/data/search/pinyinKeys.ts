import { pinyin } from 'pinyin-pro';

/**
 * How names are found by pinyin: the clerk types the initials (`zysk`) or the full pinyin (`zhiyushunke`,
 * or its start, `zhiyu`) of a run of the name's characters, starting at one of them.
 *
 * A name is read as tokens: one toneless syllable per Han character (ü as v), each run of Latin letters or
 * of digits as one token, and `_` for a character pinyin-pro has no reading for (𠮷), which no query
 * matches across. From each start position it is keyed twice: by the initials of the tokens from there to
 * the end, and by their full pinyin run together; a query is a prefix of one of them. A start needs two
 * tokens after it (one syllable alone, like one Chinese character, only finds names starting with it),
 * and at most `maxStarts` starts are keyed, so a name costs at most twice that many keys. An enterprise
 * name is not keyed from inside the places it starts with (绵阳市涪城区…): clerks type its trade name,
 * and the places would take most of the starts of long names.
 *
 * Heteronyms (多音字): a character is read as pinyin-pro reads it in its name (银行 hang, 重庆 chong), a
 * person's surname as a surname (单 shan, 曾 zeng, 解 xie). A person whose surname's first character reads
 * otherwise alone (单 dan, 曾 ceng, 解 jie) is keyed by that reading too: clerks type what they hear or what
 * they would read, and get both wrong. Only that second reading, and only for persons: a reading adds up to
 * twice its starts in keys, every character's other readings would multiply them, and pinyin-pro reads
 * a given name's and an enterprise name's words from their context.
 */
export const maxStarts = 8;

/** Places an enterprise name starts with: two or three characters and 省, 市, 区, 县 or 州, one or more. */
const leadingPlaces = /^(?:\p{Script=Han}{2,3}?[省市区县州])+/u;

/** Whose name it is: a person's surname is read as a surname and their names get a second reading. */
export type NameKind = 'enterprise' | 'person';

/** One keyed start: the initials and the full pinyin of the tokens from it to the end of the name. */
export interface PinyinStart {
  /** Position of the start among the name's tokens; 0 is the start of the name. */
  at: number;
  initials: string;
  full: string;
}

const letters = /^[a-z]+$/;
const hanCharacter = /^\p{Script=Han}$/u;
const readingOptions = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;

/** The name's tokens in one reading (see above); the name is already normalised (`normaliseName`). */
function tokensOf(readings: readonly string[]): string[] {
  return readings.flatMap((reading) => {
    const text = reading.toLowerCase();
    if (letters.test(text)) return [text];
    // Non-Han runs come back whole: split letters from digits, anything else cannot be typed as pinyin.
    return (text.match(/[a-z]+|[0-9]+|[^a-z0-9]/gu) ?? []).map((piece) => (/^[a-z0-9]+$/.test(piece) ? piece : '_'));
  });
}

function readingsOf(normalisedName: string, kind: NameKind): string[][] {
  if (kind === 'enterprise') return [tokensOf(pinyin(normalisedName, readingOptions))];
  const asSurname = tokensOf(pinyin(normalisedName, { ...readingOptions, surname: 'head' }));
  // The first character read alone: one character costs a fraction of a name's second conversion.
  const first = Array.from(normalisedName)[0];
  if (first === undefined || !hanCharacter.test(first)) return [asSurname];
  const alone = pinyin(first, readingOptions)[0];
  return alone === undefined || alone === asSurname[0] || !letters.test(alone) ? [asSurname] : [asSurname, [alone, ...asSurname.slice(1)]];
}

/** The tokens a name's starts after the first may be at: past its leading places (Han characters, one token each). */
function innerStartOf(normalisedName: string, kind: NameKind): number {
  const places = kind === 'enterprise' ? leadingPlaces.exec(normalisedName) : null;
  return places === null ? 1 : Array.from(places[0]).length;
}

function startsOf(tokens: readonly string[], innerStart: number): PinyinStart[] {
  const starts: PinyinStart[] = [];
  for (let at = 0; at < tokens.length && starts.length < maxStarts; at = Math.max(at + 1, innerStart)) {
    if (!/^[a-z]/.test(tokens[at]!) || (at > 0 && tokens.length - at < 2)) continue;
    const rest = tokens.slice(at);
    starts.push({ at, initials: rest.map((token) => token[0]!).join(''), full: rest.join('') });
  }
  return starts;
}

/** Converting is about 50 µs a name; a search checks the same enterprise names again and again. */
const remembered = new Map<string, PinyinStart[]>();
const rememberedLimit = 4096;

/**
 * Every keyed start of every reading of a normalised name (empty when nothing in it reads as pinyin); an
 * enterprise name comes without its legal form, which nearly every enterprise shares.
 */
export function pinyinStarts(normalisedName: string, kind: NameKind): PinyinStart[] {
  const key = `${kind}:${normalisedName}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const innerStart = innerStartOf(normalisedName, kind);
  // Readings differ in the surname only: their later starts are the same.
  const all = readingsOf(normalisedName, kind).flatMap((tokens) => startsOf(tokens, innerStart));
  const starts = [...new Map(all.map((start) => [`${start.at}:${start.initials}:${start.full}`, start])).values()];
  if (remembered.size >= rememberedLimit) remembered.clear();
  remembered.set(key, starts);
  return starts;
}

export type PinyinMatch = 'exact' | 'prefix' | 'contains';

/**
 * How a pinyin query (lower-case letters) matches a name, by the starts its keys come from:
 * the whole name's initials or full pinyin (exact), their start (prefix), or a later start's (contains).
 */
export function matchPinyin(starts: readonly PinyinStart[], query: string): PinyinMatch | null {
  let best: PinyinMatch | null = null;
  for (const start of starts) {
    const texts = [start.initials, start.full];
    if (start.at === 0 && texts.includes(query)) return 'exact';
    if (!texts.some((text) => text.startsWith(query))) continue;
    if (start.at === 0) best = 'prefix';
    else best ??= 'contains';
  }
  return best;
}
