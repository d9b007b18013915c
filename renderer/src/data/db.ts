import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AuditEntry } from '../domain/audit/auditEntry';
import type { ClerkAccount } from '../domain/clerks/account';
import type {
  AttachmentRow,
  BlobRow,
  CaseRow,
  ChecklistRecordRow,
  CommitmentCheckRow,
  CounterRow,
  DocumentRow,
  EnterpriseRow,
  IntakeDraftRow,
  LicenceSheetRow,
  MetaRow,
  OutboxRow,
  ReferenceRow,
} from './records';
import { sealedRows } from './crypto/sealedRows';
import type { LedgerFollowUpRow, LedgerItemRow } from './ledger/ledgerRows';
import { caseFactsIndex } from './figures/caseFactsIndex';
import { recoverInFlight } from './outboxFlight';
import { outboxGuard } from './outboxGuard';
import { latestSchemaVersion, schemaVersions, type SchemaVersion } from './schema';

export const defaultDatabaseName = 'yichuangtong-desk';

export interface DeskDatabaseOptions {
  /** Open as the build that knew only versions up to this one (migration tests). */
  upToVersion?: number;
  /** The version list; only the migration harness's own tests pass another. */
  versions?: readonly SchemaVersion[];
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The desk's one database. */
export class DeskDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  clerks!: EntityTable<ClerkAccount, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;
  referenceData!: Table<ReferenceRow, [ReferenceRow['kind'], ReferenceRow['slot']]>;
  enterprises!: EntityTable<EnterpriseRow, 'id'>;
  cases!: EntityTable<CaseRow, 'id'>;
  checklistItems!: Table<ChecklistRecordRow, [ChecklistRecordRow['caseId'], ChecklistRecordRow['key']]>;
  attachments!: EntityTable<AttachmentRow, 'id'>;
  blobs!: EntityTable<BlobRow, 'sha256'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  licenceSheets!: EntityTable<LicenceSheetRow, 'serial'>;
  counters!: EntityTable<CounterRow, 'name'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  intakeDrafts!: EntityTable<IntakeDraftRow, 'clerkId'>;
  commitmentChecks!: EntityTable<CommitmentCheckRow, 'id'>;
  ledgerItems!: EntityTable<LedgerItemRow, 'id'>;
  ledgerFollowUps!: EntityTable<LedgerFollowUpRow, 'id'>;

  constructor(name: string = defaultDatabaseName, options: DeskDatabaseOptions = {}) {
    const { upToVersion = latestSchemaVersion, versions = schemaVersions, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const step of versions) {
      if (step.version > upToVersion) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    // Personal data rests sealed; every reader and writer sees plain rows (crypto/sealedRows.ts).
    this.use(sealedRows());
    // Every case write writes the case's plain facts for the figures in the same transaction (figures/caseFactsIndex.ts).
    this.use(caseFactsIndex());
    // Ops are never edited once written (ARCHITECTURE.md, "The sync contract"): enforced under Dexie's API, for every way of writing.
    if (this.tables.some((table) => table.name === 'outbox')) {
      this.use(outboxGuard());
      // Ops a push left in flight when the page went away show as sent-but-unanswered from the start. A
      // failure here must not keep the database closed: the next push recovers them too.
      if (this.tables.some((table) => table.name === 'meta')) this.on('ready', (vip) => recoverInFlight(vip as DeskDatabase).catch(() => undefined), true);
    }
  }
}

let shared: DeskDatabase | undefined;

/** The database the app uses; opened lazily so start-up does not wait on it. */
export function deskDatabase(): DeskDatabase {
  shared ??= new DeskDatabase();
  return shared;
}
