import type { Transaction } from 'dexie';
import { markPlainRows } from './crypto/plainRows';
import { caseFactsSchema, caseFactsStore } from './figures/caseFactsIndex';
import { markCaseFactsPass } from './figures/caseFactsMark';
import { markBlobsForSealing } from './sealingPass';
import { markSearchRowsStale, rekeySearchRows } from './search/staleKeys';

/**
 * The database's versions, oldest first. A version is never edited once shipped: a change is a new
 * entry with the full store list and, when rows must be reshaped, an `upgrade`.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * The stores of versions 7 to 10: version 7 added the audit log's indexes; 8 (keyed search keys), 9 (sealed
 * rows) and 10 (sealed blobs) reshape rows in the background and change no store.
 */
const storesSinceVersion7: Record<string, string> = {
  meta: 'key',
  clerks: 'id, &loginName',
  auditLog: 'seq, [at+seq], [clerkId+at+seq], [action+at+seq], [subject+at+seq]',
  referenceData: '[kind+slot]',
  enterprises: 'id, &uscc, *searchKeys, *freshKeys',
  cases: 'id, &caseNumber, statusCode, createdAt, clerkId, dueDate, enterpriseId, *matterCodes, *searchKeys, *freshKeys',
  checklistItems: '[caseId+key], caseId, status',
  attachments: 'id, caseId, sha256',
  blobs: 'sha256, uploaded',
  documents: 'id, caseId, &documentNumber, kind',
  licenceSheets: 'serial, kind, state',
  counters: 'name',
  outbox: 'seq, &opId, [state+seq], entityId',
  intakeDrafts: 'clerkId',
  commitmentChecks: 'id, caseId',
};

/**
 * Version 11 adds the 督办台账 (data/ledger/): items by id (their id starts with their source, so a
 * source is a key range of ids), by status and due date (the ledger's page is a range of
 * `[greenCard+status+dueDate]`, green-card items first, read as keys before any row is opened), by case,
 * and by owner department (the filter); follow-ups by item.
 */
const storesSinceVersion11: Record<string, string> = {
  ...storesSinceVersion7,
  ledgerItems: 'id, status, dueDate, source, caseId, ownerDepartment, [status+dueDate], [greenCard+status+dueDate]',
  ledgerFollowUps: 'id, itemId',
};

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Desk-wide facts: first-run marker, desk identity, settings. Keyed by name.
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      meta: 'key',
      // Local accounts; login names are unique (stored lower-cased).
      clerks: 'id, &loginName',
      // Append-only, hash-chained; the head (seq + hash) is kept in meta so a cut tail is noticed.
      auditLog: 'seq',
      // Reference data (catalogue, calendar, green cards): `active` rows are in use, `staged` ones are
      // being downloaded and are swapped in whole.
      referenceData: '[kind+slot]',
      // Enterprises the hall has seen, found by USCC or name fragment.
      enterprises: 'id, &uscc, *searchKeys',
      // Cases. `searchKeys` holds name bigrams and identifier prefixes/suffixes (see data/search).
      // `createdAt` is always written at +08:00 so it sorts as text; `dueDate` is '' when no clock runs.
      cases: 'id, &caseNumber, statusCode, createdAt, clerkId, dueDate, enterpriseId, *matterCodes, *searchKeys',
      // What was recorded per case and checklist item (material, or shared key in a bundle); an item
      // nothing was recorded for has no row (definitions are rebuilt from the case's catalogue version).
      checklistItems: '[caseId+key], caseId',
      // Scans attached to checklist items; bytes live in `blobs`, content-addressed.
      attachments: 'id, caseId, sha256',
      // `uploaded` is 0 until HQ has the bytes (PUT /v1/blobs), so the sync engine finds what to send.
      blobs: 'sha256, uploaded',
      // Printed documents with their archived PDF bytes.
      documents: 'id, caseId, &documentNumber, kind',
      // Pre-numbered licence paper by serial.
      licenceSheets: 'serial, kind, state',
      // Per-desk sequences (case numbers per day, document numbers per year, outbox seq).
      counters: 'name',
      // Ops for HQ, written in the same transaction as their data; `seq` is contiguous per desk.
      // [state+seq] gives the unsent ops in seq order (and serves `where('state')` as its prefix).
      outbox: 'seq, &opId, [state+seq]',
    },
  },
  {
    // Search keys version 2 (data/search/keys.ts): identifiers keyed by start, reversed tail and every
    // third position instead of every suffix, legal forms (有限公司…) no longer bigram-indexed. Stores are
    // unchanged; every case and enterprise is re-keyed so the new probes find rows written before. Unlike
    // version 6 this stays in the upgrade: version-1 keys have no reversed tails, so until re-keyed a row
    // would not be found by its 尾号, and desks this old are the small early ones.
    version: 3,
    stores: {
      meta: 'key',
      clerks: 'id, &loginName',
      auditLog: 'seq',
      referenceData: '[kind+slot]',
      enterprises: 'id, &uscc, *searchKeys',
      cases: 'id, &caseNumber, statusCode, createdAt, clerkId, dueDate, enterpriseId, *matterCodes, *searchKeys',
      checklistItems: '[caseId+key], caseId',
      attachments: 'id, caseId, sha256',
      blobs: 'sha256, uploaded',
      documents: 'id, caseId, &documentNumber, kind',
      licenceSheets: 'serial, kind, state',
      counters: 'name',
      outbox: 'seq, &opId, [state+seq]',
    },
    upgrade: rekeySearchRows,
  },
  {
    // The outbox indexed by entityId (a case op's entityId is its case's id): the sync engine finds a
    // case's unacknowledged ops by key instead of scanning every pending op per push batch and pull
    // page. Only an index is added; IndexedDB builds it from the rows already there, so nothing is
    // reshaped and no op is touched (ops are never edited once written).
    version: 4,
    stores: {
      meta: 'key',
      clerks: 'id, &loginName',
      auditLog: 'seq',
      referenceData: '[kind+slot]',
      enterprises: 'id, &uscc, *searchKeys',
      cases: 'id, &caseNumber, statusCode, createdAt, clerkId, dueDate, enterpriseId, *matterCodes, *searchKeys',
      checklistItems: '[caseId+key], caseId',
      attachments: 'id, caseId, sha256',
      blobs: 'sha256, uploaded',
      documents: 'id, caseId, &documentNumber, kind',
      licenceSheets: 'serial, kind, state',
      counters: 'name',
      outbox: 'seq, &opId, [state+seq], entityId',
    },
  },
  {
    // The fresh key index (data/search/keyTiers.ts): a case or enterprise a clerk has just written is
    // indexed in `freshKeys`, small and cheap to write, until the desk is quiet and its keys settle into
    // `searchKeys`. Only indexes are added; rows stored before have no `freshKeys` and count as settled.
    version: 5,
    stores: {
      meta: 'key',
      clerks: 'id, &loginName',
      auditLog: 'seq',
      referenceData: '[kind+slot]',
      enterprises: 'id, &uscc, *searchKeys, *freshKeys',
      cases: 'id, &caseNumber, statusCode, createdAt, clerkId, dueDate, enterpriseId, *matterCodes, *searchKeys, *freshKeys',
      checklistItems: '[caseId+key], caseId',
      attachments: 'id, caseId, sha256',
      blobs: 'sha256, uploaded',
      documents: 'id, caseId, &documentNumber, kind',
      licenceSheets: 'serial, kind, state',
      counters: 'name',
      outbox: 'seq, &opId, [state+seq], entityId',
    },
  },
  {
    // Search keys version 3 (data/search/keys.ts): names keyed by pinyin (initials and full pinyin), case
    // numbers by their sequence, middle fragments of codes found from six characters. Rows taken in before
    // are re-keyed in the background (data/search/rekey.ts), so they are found by pinyin too once it is done.
    // This upgrade re-keyed them itself when it shipped; a 200,000-case desk then stayed closed for over
    // half an hour. Only the upgrade function changed since: the stores are the same, and a desk that ran
    // the old one already has every row keyed and no mark, so it has nothing to re-key.
    // Intake drafts (data/intakeDrafts.ts): the half-typed intake form of each clerk, kept so a crash,
    // a lock or a restart loses nothing. Local only: never synced, one row per clerk.
    // 告知承诺: checklist records indexed by status, so the committed items still to be checked (核查) are
    // found without reading every case's records; and the check results of every window, by case. Only an
    // index and a table are added: no row is reshaped.
    version: 6,
    stores: {
      meta: 'key',
      clerks: 'id, &loginName',
      auditLog: 'seq',
      referenceData: '[kind+slot]',
      enterprises: 'id, &uscc, *searchKeys, *freshKeys',
      cases: 'id, &caseNumber, statusCode, createdAt, clerkId, dueDate, enterpriseId, *matterCodes, *searchKeys, *freshKeys',
      checklistItems: '[caseId+key], caseId, status',
      attachments: 'id, caseId, sha256',
      blobs: 'sha256, uploaded',
      documents: 'id, caseId, &documentNumber, kind',
      licenceSheets: 'serial, kind, state',
      counters: 'name',
      outbox: 'seq, &opId, [state+seq], entityId',
      intakeDrafts: 'clerkId',
      commitmentChecks: 'id, caseId',
    },
    upgrade: markSearchRowsStale,
  },
  {
    // The audit log viewer (data/auditLogQuery.ts): entries by time, and by clerk, action or subject in
    // time order, so a filtered page is read from an index instead of the whole log. Only indexes are added.
    version: 7,
    stores: storesSinceVersion7,
  },
  {
    // Search keys version 4 (data/search/keys.ts): every key keyed by the desk's search key (HMAC), so no
    // index holds a plain name or identity fragment. Rows are re-keyed in the background, as for version 6.
    version: 8,
    stores: storesSinceVersion7,
    upgrade: markSearchRowsStale,
  },
  {
    // Personal data rests sealed (data/crypto/sealedRows.ts). Stores are unchanged; the rows stored plain
    // before are sealed in the background (data/crypto/sealPlainRows.ts), not in the upgrade.
    version: 9,
    stores: storesSinceVersion7,
    upgrade: markPlainRows,
  },
  {
    // Scans, thumbnails, archived PDFs and intake drafts are stored sealed (data/sealedBlobs.ts). Rows stored
    // before are sealed in place in the background (data/sealStoredBlobs.ts), walked from the mark this
    // upgrade leaves; a new database has nothing plain and gets no mark. Stores are unchanged.
    version: 10,
    stores: storesSinceVersion7,
    upgrade: markBlobsForSealing,
  },
  {
    // The 督办台账's items and follow-ups (data/ledger/). New stores only: no row is reshaped.
    version: 11,
    stores: storesSinceVersion11,
  },
  {
    // The hall's figures (data/figures/): each case's plain, non-personal facts as one sortable line, the key
    // of `caseFacts`, written with the case by a middleware (figures/caseFactsIndex.ts), so a range of days is
    // read with one key-only request instead of opening every case. Cases stored before get theirs in the
    // background (figures/caseFactsPass.ts); until then the figures open the cases themselves.
    version: 12,
    stores: { ...storesSinceVersion11, [caseFactsStore]: caseFactsSchema },
    upgrade: markCaseFactsPass,
  },
];

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]!.version;
