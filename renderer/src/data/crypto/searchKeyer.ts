import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

/**
 * Keyed search keys: what the `searchKeys`/`freshKeys` indexes hold instead of names and identity
 * fragments (see `data/search/keys.ts`). A plain key is a kind (`n:`, `r:`… — two characters, kept
 * plain so each kind stays one key range) and a payload; its keyed form is the kind followed by one
 * character per payload character, character i standing for HMAC-SHA-256(search key, kind + payload[0..i]).
 * So the keyed form of a prefix is a prefix of the keyed form (a `startsWith` range still finds every
 * key a typed fragment starts), and no character of a name, ID number or phone is in the index.
 *
 * A unit keeps 15 bits of its MAC, as one UTF-16 character from U+4000 to U+BFFF (no surrogates, never a
 * digit or Latin letter): a stored key the same length as the plain one. A fragment differing from a
 * stored key only in its last character falls into its range with a chance of 1 in 32,768 per such key;
 * every row a range yields is checked against the row itself (`candidates.ts`), so a false match costs a
 * row read, never a wrong hit. What the index still tells who reads it: which keys share a prefix, and
 * how long each is (the equality pattern a prefix search needs, and nothing of the characters).
 *
 * HMAC here is synchronous (@noble/hashes): keys are computed inside Dexie transactions, which commit on
 * any await that is not IndexedDB's. The key's inner and outer pads are hashed once; each unit clones the
 * running state, so a unit costs one clone and two SHA-256 blocks (a few µs).
 */
export interface SearchKeyer {
  /** The keyed form of a plain search key (kind + payload). */
  keyed(plainKey: string): string;
}

/** The plain kind every key starts with (`n:`). */
export const kindLength = 2;
const unitBits = 15;
const unitMask = (1 << unitBits) - 1;
const unitBase = 0x4000;

/** A keyer holding `keyBytes` only as HMAC state; the caller overwrites its copy of the bytes. */
export function searchKeyer(keyBytes: Uint8Array): SearchKeyer {
  const initial = hmac.create(sha256, keyBytes);
  const running = initial.clone();
  const unit = initial.clone();
  const mac = new Uint8Array(32);
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(4);
  return {
    keyed(plainKey) {
      initial._cloneInto(running);
      let out = plainKey.slice(0, kindLength);
      running.update(encoder.encode(out));
      for (const char of plainKey.slice(kindLength)) {
        const { written } = encoder.encodeInto(char, bytes);
        running.update(bytes.subarray(0, written));
        running._cloneInto(unit).digestInto(mac);
        out += String.fromCharCode(unitBase + (((mac[0]! << 8) | mac[1]!) & unitMask));
      }
      return out;
    },
  };
}
