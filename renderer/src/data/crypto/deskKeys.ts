import { dataKeyLength, type DataKeyProblem, type KeyProtection } from '../../domain/dataKey';
import { DataError } from '../dataError';
import { dataMessages } from '../messages';
import { searchKeyer, type SearchKeyer } from './searchKeyer';

/** The desk's working keys: nothing in the page can read their bytes back. */
export interface DeskKeys {
  /** AES-GCM (256 bits), non-extractable: personal data in rows, scans and archived PDFs. */
  readonly encryption: CryptoKey;
  /**
   * HMAC-SHA-256 of search keys (`searchKeyer.ts`), so no index holds a plain name or identity fragment.
   * Synchronous, for keys computed inside transactions: its key lives only as HMAC state in this closure.
   */
  readonly search: SearchKeyer;
}

/** What the main process hands over (its `dataKey` answer). */
export type RawDeskKey = { state: 'ready'; key: Uint8Array; protection: KeyProtection } | { state: 'unavailable'; problem: DataKeyProblem };

/** The keys of this page load, or why there are none (`notHanded`: the main process could not be asked). */
export type DeskKeyState =
  | { state: 'ready'; keys: DeskKeys; protection: KeyProtection }
  | { state: 'unavailable'; problem: DataKeyProblem | 'notHanded' };

// Changing either label changes every stored ciphertext and search key: a new label is a new key.
const encryptionInfo = new TextEncoder().encode('yichuangtong/desk-data/aes-gcm/v1');
const searchInfo = new TextEncoder().encode('yichuangtong/search-keys/hmac-sha256/v1');

/**
 * Derives the two working keys from the raw data key with HKDF-SHA-256 (one key per purpose, never the
 * same bytes for AES and HMAC), then overwrites the raw bytes, and the HMAC key's once it is HMAC state,
 * so they do not linger in the page's memory.
 */
export async function importDeskKeys(raw: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<DeskKeys> {
  try {
    // HKDF would take any length, even none: a short key is a broken hand-over, never a key.
    if (raw.byteLength !== dataKeyLength) throw new RangeError(`data key of ${raw.byteLength} bytes`);
    const master = await subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey', 'deriveBits']);
    const hkdf = (info: Uint8Array<ArrayBuffer>): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info });
    const [encryption, searchBits] = await Promise.all([
      subtle.deriveKey(hkdf(encryptionInfo), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      subtle.deriveBits(hkdf(searchInfo), master, 256),
    ]);
    const searchBytes = new Uint8Array(searchBits);
    try {
      return { encryption, search: searchKeyer(searchBytes) };
    } finally {
      searchBytes.fill(0);
    }
  } finally {
    raw.fill(0);
  }
}

let unlocking: Promise<DeskKeyState> | null = null;
let protection: KeyProtection | null = null;
let search: SearchKeyer | null = null;

/**
 * Asks the main process for the data key once per page load (it refuses a second ask) and keeps the
 * working keys for this page. Call first thing at start; every later call answers the same.
 */
export function unlockDeskKeys(askMainProcess: () => Promise<RawDeskKey>): Promise<DeskKeyState> {
  unlocking ??= askMainProcess()
    .then(
      async (answer): Promise<DeskKeyState> => {
        if (answer.state !== 'ready') return answer;
        const keys = await importDeskKeys(answer.key);
        protection = answer.protection;
        search = keys.search;
        return { state: 'ready', keys, protection: answer.protection };
      },
    )
    .catch((): DeskKeyState => ({ state: 'unavailable', problem: 'notHanded' }));
  return unlocking;
}

/**
 * Makes `raw` (a restored backup's data key, which the main process has just adopted) this page's key, so
 * the rows the restore writes next are sealed, and their search keys computed, under the key the restored
 * scans and PDFs are sealed with and the next page load is handed. Refused when the page has no keys (it
 * could not seal the rows either). Overwrites `raw`.
 */
export async function replaceDeskKeys(raw: Uint8Array): Promise<void> {
  const current = await deskKeyState();
  if (current.state !== 'ready') {
    raw.fill(0);
    throw new DataError(dataMessages.crypto.keysUnavailable);
  }
  const keys = await importDeskKeys(raw);
  search = keys.search;
  unlocking = Promise.resolve({ state: 'ready', keys, protection: current.protection });
}

/** This page's keys once `unlockDeskKeys` has settled; `notHanded` when it was never called. */
export function deskKeyState(): Promise<DeskKeyState> {
  return unlocking ?? Promise.resolve({ state: 'unavailable', problem: 'notHanded' });
}

/**
 * This page's keys for work that stores or reads personal data; a DataError in Chinese when there are none
 * (the key store refused, or the page was never handed the key): nothing is stored unencrypted instead.
 */
export async function requireDeskKeys(): Promise<DeskKeys> {
  const answer = await deskKeyState();
  if (answer.state !== 'ready') throw new DataError(dataMessages.crypto.keysUnavailable);
  return answer.keys;
}

/**
 * How this page's key is protected, read without waiting (inside a transaction nothing else may be
 * awaited); null until the keys are in, or when there are none.
 */
export function keyProtectionNow(): KeyProtection | null {
  return protection;
}

/**
 * This page's search keyer, read without waiting (search keys are computed inside transactions); a
 * DataError in Chinese when the page has no keys: no plain search key is stored or looked up instead.
 */
export function searchKeyerNow(): SearchKeyer {
  if (search === null) throw new DataError(dataMessages.crypto.keysUnavailable);
  return search;
}
