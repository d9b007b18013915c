import { openBytes, sealBytes } from './envelope';

/**
 * Which stored rows carry personal data, and which of their fields stay plain. Everything a row holds
 * beyond its plain fields (names, identity numbers, phones, addresses, free text, and anything added
 * later) rests sealed in one envelope, `sealed`, bound to the table and the row's primary key; the plain
 * fields are what the indexes, the sync engine's bookkeeping and the integrity checks need to see without
 * a key. A field missing here is sealed by default, so a new personal field is never left readable.
 */
export const sealedTables = {
  cases: [
    'id',
    'caseNumber',
    'hallCode',
    'deskCode',
    'statusCode',
    'dueDate',
    'enterpriseId',
    'matterCodes',
    'bundleCode',
    'catalogueVersion',
    'queueTicket',
    // Ticket id and times only (叫号): the hall's waiting and service figures read them.
    'queueService',
    'licenceCopies',
    'clerkId',
    'createdAt',
    'updatedAt',
    // Search keys are the search index's to protect (keyed hashes, `search/keys.ts`).
    'searchKeys',
    'freshKeys',
    'hqCaseNumber',
    'hqVersion',
  ],
  // The USCC is a unique index (`&uscc`) and a company's public registration number.
  enterprises: ['id', 'uscc', 'createdAt', 'updatedAt', 'searchKeys', 'freshKeys'],
  // The clerk's free-text note is the personal part.
  checklistItems: ['caseId', 'key', 'status', 'form', 'copies', 'pages', 'deferredUntil', 'attachmentIds', 'checkedBy', 'checkedAt'],
  // The op (its payload carries the case's parties), HQ's answer about it and the last error (HQ's reason
  // can name a party); delivery state stays plain.
  outbox: ['seq', 'opId', 'entity', 'entityId', 'state', 'attempts', 'createdAt', 'sentAt'],
  // Details name enterprises and corrected values; the chain's fields stay plain for its indexes.
  auditLog: ['seq', 'at', 'clerkId', 'action', 'subject', 'prevHash', 'hash'],
  // A ledger item's owner (the liaison's name and phone), reason, result and earlier values are sealed;
  // what the ledger's indexes and page read stays plain (an owner's department is a unit, not a person).
  ledgerItems: ['id', 'source', 'caseId', 'subject', 'status', 'dueDate', 'ownerDepartment', 'greenCard', 'createdAt', 'updatedAt', 'hqVersion'],
  // Who did what (by, text) and the recording clerk's name are sealed.
  ledgerFollowUps: ['id', 'itemId', 'at', 'recordedAt', 'clerkId', 'deskCode'],
} as const satisfies Record<string, readonly string[]>;

export type SealedTableName = keyof typeof sealedTables;

/** The field holding a row's sealed part. */
export const sealedField = 'sealed';

const plainFieldSets = new Map<string, ReadonlySet<string>>(Object.entries(sealedTables).map(([table, fields]) => [table, new Set<string>(fields)]));

export function isSealedTable(table: string): table is SealedTableName {
  return plainFieldSets.has(table);
}

/** The envelope context of a row: its table and primary key, so a sealed part moved to another row does not open. */
export function rowContext(table: SealedTableName, primaryKey: unknown): string {
  return `${table}/${JSON.stringify(primaryKey)}`;
}

type Row = Record<string, unknown>;

/** Whether a stored row has its personal part sealed (rows written before sealing are plain until migrated). */
export function isSealedRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && (row as Row)[sealedField] instanceof Uint8Array;
}

/**
 * Whether a row given to write is already as it rests: a sealed part and plain fields only. The sealing
 * middleware stores it as it is; its sealed part is bound to its table and primary key, so one taken from
 * another row does not open (caught as tampering is), and nothing readable is written.
 */
export function isRestingRow(table: SealedTableName, row: Row): boolean {
  const plainFields = plainFieldSets.get(table)!;
  return isSealedRow(row) && Object.keys(row).every((field) => field === sealedField || plainFields.has(field));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The row as it rests: its plain fields, and every other field in one envelope. A row that already has a
 * sealed part beside fields to seal (a personal field added to a resting row, or one this list no longer
 * keeps plain, as `outbox.lastError` once was) is opened first, the fields beside it winning, so nothing
 * it held is lost and no envelope is sealed inside another.
 */
export async function sealRow(key: CryptoKey, table: SealedTableName, row: Row, primaryKey: unknown): Promise<Row> {
  const plainFields = plainFieldSets.get(table)!;
  const plain: Row = {};
  const personal: Row = {};
  const whole = isSealedRow(row) ? await openRow(key, table, row, primaryKey) : row;
  for (const [field, value] of Object.entries(whole)) {
    if (plainFields.has(field)) plain[field] = value;
    else personal[field] = value;
  }
  plain[sealedField] = await sealBytes(key, encoder.encode(JSON.stringify(personal)), rowContext(table, primaryKey));
  return plain;
}

/**
 * The row as readers know it. A plain row (not yet migrated) is answered as it is; a sealed part that
 * fails to open (another row's, changed, another key) is a DataError in Chinese, never a half row.
 */
export async function openRow<T>(key: CryptoKey, table: SealedTableName, stored: T, primaryKey: unknown): Promise<T> {
  if (!isSealedRow(stored)) return stored;
  const { [sealedField]: sealed, ...plain } = stored as Row;
  const personal = JSON.parse(decoder.decode(await openBytes(key, sealed as Uint8Array, rowContext(table, primaryKey)))) as Row;
  // A field stored readable besides the sealed part is what the row says: a plain value written over a
  // sealed row is seen (and an audit entry changed so is caught by the chain check), never hidden.
  return { ...personal, ...plain } as T;
}
