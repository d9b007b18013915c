/**
 * The version of the wire contract between a desk and HQ. It changes when the contract does, and only
 * then: never with the desk's local database (whose versions are `data/schema.ts`'s). It continues the
 * numbers desks have sent so far (5), so a minimum an HQ has already set keeps its meaning.
 */
export const protocolVersion = 5;

/**
 * A desk states its `protocolVersion` on every request in this header (and as `schemaVersion` in the
 * bodies of push and close-day); HQ answers 426 `desk_too_old` below its minimum. The names on the wire
 * stay as the contract first defined them.
 */
export const schemaVersionHeader = 'X-Desk-Schema-Version';
