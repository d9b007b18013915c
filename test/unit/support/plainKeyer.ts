import { plainSearchKeys } from '../../../renderer/src/data/crypto/searchKeyer';

/**
 * A keyer that leaves keys plain, whatever their shape: what `caseSearchKeys` builds before keying, for
 * tests of which keys a row gets, and the keys search keys version 3 stored (the same keys, plain).
 */
export const plainKeyer = plainSearchKeys;
