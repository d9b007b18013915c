import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Reading a Chromium profile's files for text that should not be there (personal data resting plain):
 * shared by the rows-at-rest e2e test (one case, where each occurrence is) and the `cases` bench (thousands
 * of seeded values over a large profile, which of them occur).
 */

/** Every file under `dir`, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The profile's IndexedDB files (LevelDB tables and logs, blob files), its lock files left out; only those
 * of `origin` (`http://127.0.0.1:8000`) when given: each origin's databases share one LevelDB of their own.
 */
export async function indexedDbFiles(profileDir: string, origin?: string): Promise<string[]> {
  const root = join(profileDir, 'Default', 'IndexedDB');
  const originDir = origin === undefined ? null : `${new URL(origin).protocol.slice(0, -1)}_${new URL(origin).hostname}_${new URL(origin).port}.indexeddb.`;
  return (await filesUnder(root)).filter((file) => !file.endsWith('LOCK') && (originDir === null || relative(root, file).startsWith(originDir)));
}

/** `text` as Chromium may store it: Latin-1/UTF-8 and UTF-16LE (values), UTF-16BE (index keys). */
export function encodings(text: string): Buffer[] {
  const utf16le = Buffer.from(text, 'utf16le');
  return [Buffer.from(text, 'utf8'), utf16le, Buffer.from(utf16le).swap16()];
}

export function holds(bytes: Buffer, text: string): boolean {
  return encodings(text).some((encoded) => bytes.includes(encoded));
}

/** Where `text` occurs in `bytes`, in any of its encodings. */
export function occurrences(bytes: Buffer, text: string): number[] {
  const found: number[] = [];
  for (const encoded of encodings(text)) {
    for (let at = bytes.indexOf(encoded); at !== -1; at = bytes.indexOf(encoded, at + 1)) found.push(at);
  }
  return found;
}

/**
 * `bytes` read as text every way `encodings` stores it: UTF-8, and UTF-16 in both byte orders at both
 * alignments (a string may start at an odd offset). Bytes that are not text turn into replacement
 * characters, which belong to no value.
 */
function readings(bytes: Buffer): string[] {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const odd = bytes.subarray(1, 1 + ((bytes.length - 1) & ~1));
  return [bytes.toString('utf8'), even.toString('utf16le'), odd.toString('utf16le'), Buffer.from(even).swap16().toString('utf16le'), Buffer.from(odd).swap16().toString('utf16le')];
}

const escapeForClass = (char: string) => char.replace(/[\\\]^-]/g, '\\$&');

/**
 * Which of `values` occur in `bytes`, in any of the encodings of `encodings`. One pass per reading however
 * many values there are: runs of the values' own characters are cut out, and each window of a value's
 * length looked up, so a large profile is scanned for thousands of values in seconds.
 */
export function valuesIn(bytes: Buffer, values: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (values.size === 0) return found;
  const chars = new Set<string>();
  const lengths = new Set<number>();
  for (const value of values) {
    for (const char of value) chars.add(char);
    lengths.add(value.length);
  }
  const shortest = Math.min(...lengths);
  const runs = new RegExp(`[${[...chars].map(escapeForClass).join('')}]{${shortest},}`, 'gu');
  for (const text of readings(bytes)) {
    for (const [run] of text.matchAll(runs)) {
      for (const length of lengths) {
        for (let at = 0; at + length <= run.length; at += 1) {
          const window = run.slice(at, at + length);
          if (values.has(window)) found.add(window);
        }
      }
    }
  }
  return found;
}

/** Which of `values` occur in any of `files`, read one at a time (a 200,000-case profile is gigabytes). */
export async function valuesInFiles(files: readonly string[], values: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of files) for (const value of valuesIn(await readFile(file), values)) found.add(value);
  return found;
}
