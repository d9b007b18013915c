import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

/**
 * Keyed search keys: what the `searchKeys`/`freshKeys` indexes hold instead of names and identity
 * fragments (see `data/search/keys.ts`). A plain key is a kind (`n:`, `r:`… — two characters, kept
 * plain so each kind stays one key range) and a payload. Its keyed form is the kind followed by units:
 * for each prefix length a probe may read, one character standing for HMAC-SHA-256(search key, kind +
 * payload up to there); then, for a key also read whole, two characters for the MAC of the whole payload
 * and an end mark. So the keyed form of a probed prefix is a prefix of the keyed key (a `startsWith` range
 * still finds every key a typed fragment starts), and no character of a name, ID number or phone is in
 * the index.
 *
 * A unit keeps 15 bits of its MAC, as one UTF-16 character from U+4000 to U+BFFF (no surrogates, never a
 * digit or Latin letter); the whole-key unit keeps 30. A fragment differing from a stored key only in
 * its last character falls into that key's range with a chance of 1 in 32,768; every row a range yields
 * is checked against the row itself (`data/search/candidates.ts`), so a false match costs a row read,
 * never a wrong hit. What the index still tells who reads it: which keys share a probed prefix, and how
 * many prefixes each has (the equality pattern prefix search needs, nothing of the characters).
 *
 * HMAC here is synchronous (@noble/hashes): keys are computed inside Dexie transactions, which commit on
 * any await that is not IndexedDB's. The key's pads are hashed once; the payload is fed once, and each
 * unit finishes a copy of the running state: one copy and two SHA-256 blocks.
 */
export interface SearchKeyer {
  /** The keyed form of a plain search key (kind + payload), with units for the prefixes `shape` says. */
  keyed(plainKey: string, shape: KeyShape): string;
}

/**
 * Which prefixes of a kind of key get a unit: the prefixes from `shortest` to `longest` characters (a
 * shorter payload gets one, for its whole length), and the whole payload when `whole` (keys read by
 * equality). `shortest` 0: no prefix is read.
 */
export interface KeyShape {
  shortest: number;
  longest: number;
  whole: boolean;
}

/** The plain kind every key starts with (`n:`). */
export const kindLength = 2;
const unitBits = 15;
const unitMask = (1 << unitBits) - 1;
const unitBase = 0x4000;
/** Ends the whole payload's MAC input: no payload holds it (names and codes are letters and digits). */
const endMark = new Uint8Array([0]);

/**
 * The keys as search keys version 3 stored them, plain (the same keys, unkeyed): what rows an upgrade
 * left to the background re-key still carry, and what search also probes with until it is done
 * (`data/search/rekey.ts`, `probeKeyers`).
 */
export const plainSearchKeys: SearchKeyer = { keyed: (plainKey) => plainKey };

/** A keyer holding `keyBytes` only as HMAC state; the caller overwrites its copy of the bytes. */
export function searchKeyer(keyBytes: Uint8Array): SearchKeyer {
  const initial = hmac.create(sha256, keyBytes);
  const running = initial.clone();
  const finishing = initial.clone();
  const mac = new Uint8Array(32);
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(4);
  const unit = (offset: number) => String.fromCharCode(unitBase + (((mac[offset]! << 8) | mac[offset + 1]!) & unitMask));
  const finish = () => running._cloneInto(finishing).digestInto(mac);
  return {
    keyed(plainKey, shape) {
      initial._cloneInto(running);
      const kind = plainKey.slice(0, kindLength);
      const chars = Array.from(plainKey.slice(kindLength));
      const first = shape.shortest === 0 ? Infinity : Math.min(shape.shortest, chars.length);
      const last = Math.min(shape.longest, chars.length);
      let out = kind;
      running.update(encoder.encode(kind));
      // Past the longest prefix only a key read whole needs the rest of the payload.
      const fed = shape.whole ? chars.length : last;
      for (let length = 1; length <= fed; length += 1) {
        const { written } = encoder.encodeInto(chars[length - 1]!, bytes);
        running.update(bytes.subarray(0, written));
        if (length < first || length > last) continue;
        finish();
        out += unit(0);
      }
      if (!shape.whole) return out;
      running.update(endMark);
      finish();
      return out + unit(0) + unit(2);
    },
  };
}
