import type { SearchKeyer } from '../../../renderer/src/data/crypto/searchKeyer';
import { searchKeyerNow as deskSearchKeyerNow } from '../../../renderer/src/data/crypto/deskKeys';
import { plainKeyer } from '../../unit/support/plainKeyer';

/**
 * The bench page's `data/crypto/deskKeys`: the `cases` suite's Vite build hands this module to every
 * importer of that one (never in the app's build), so the side-by-side run can measure the same data
 * layer with search keys left plain. Everything else is the desk's own.
 */
export * from '../../../renderer/src/data/crypto/deskKeys';

let plain = false;

/** Search keys from now on: plain (the unencrypted column) or keyed under the desk's key. */
export function keySearchesPlain(on: boolean): void {
  plain = on;
}

export function searchKeyerNow(): SearchKeyer {
  return plain ? plainKeyer : deskSearchKeyerNow();
}
