/**
 * The rows the desk database holds, one type per table (see `schema.ts` for the tables and indexes).
 * Rows are plain structured-clone values: ISO 8601 strings for times (always written at +08:00 so they
 * sort as text), `null` for "nothing", Blobs for bytes.
 */
import { z } from 'zod';
import type { CaseRecordEvent } from '../domain/cases/caseHistory';
import type { CaseId } from '../domain/cases/caseId';
import type { CaseNumber } from '../domain/cases/caseNumber';
import type { CaseField, FieldAuthor, FieldAuthors, IssuanceConflict } from '../domain/cases/caseRecord';
import type { CaseState } from '../domain/cases/caseState';
import type { CaseStatusCode } from '../domain/cases/caseStatus';
import type { CommitmentCheckPayload } from '../domain/cases/commitments';
import type { ChecklistItemStatus } from '../domain/cases/decisionChecklist';
import type { HqDecision, LicenceData } from '../domain/cases/hqDecision';
import type { LicenceCopyMark } from '../domain/cases/licenceCopies';
import type { QueueService } from '../domain/cases/queueService';
import type { LegalRepresentative, Person, Shareholder } from '../domain/cases/parties';
import type { AnswerValue } from '../domain/catalogue/answers';
import type { ChecklistItem, ChecklistItemKey } from '../domain/catalogue/checklist';
import type { BundleCode, CatalogueVersion, MaterialForm, MatterCode } from '../domain/catalogue/schema';
import type { ClerkId } from '../domain/clerks/clerkId';
import type { DocumentKind } from '../domain/documentEvents';
import type { OpId, SyncEntity, SyncOp } from '../protocol/ops';
import type { OpResultStatus, PushResult } from '../protocol/push';
import type { ReferenceKind } from '../protocol/reference';

export interface MetaRow {
  key: string;
  value: unknown;
}

// ---------------------------------------------------------------------------------------------
// Enterprises

/** An enterprise's local id (UUIDv7 made on the desk); the USCC comes later for a company being founded. */
export const enterpriseIdSchema = z.uuid({ version: 'v7' }).brand<'EnterpriseId'>();
export type EnterpriseId = z.infer<typeof enterpriseIdSchema>;

export interface EnterpriseRow {
  id: EnterpriseId;
  name: string;
  /** Null until HQ assigns one (a company being founded); unique when set. */
  uscc: string | null;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  /** See `search/keys.ts` and, for which of the two holds them, `search/keyTiers.ts`. */
  searchKeys: string[];
  freshKeys?: string[];
}

// ---------------------------------------------------------------------------------------------
// Cases

/** A person on a case (applicant or agent) exactly as the sync protocol carries it. */
export type PartyRecord = Person;

/** The enterprise as taken in for a case, in the sync protocol's shape (`enterpriseSchema`). */
export interface CaseEnterprise {
  name: string;
  /** Check digits verified; null for a company being founded. */
  uscc: string | null;
  address: string | null;
  /** Held a 服务绿卡 when the case was taken in. */
  greenCard: boolean;
}

/**
 * A field both the desk and HQ changed: HQ's value stands on the case, the desk's is kept here beside it
 * until the clerk looks at it (ARCHITECTURE.md, "The sync contract").
 */
export interface CaseConflict {
  field: CaseField;
  deskValue: unknown;
  hqValue: unknown;
  /** When this window's clerk made the change (the op's time). */
  at: string;
  /** Who at this window made it; absent on marks kept before it was recorded. */
  clerkId?: ClerkId;
  /** Who set HQ's value (another window, or HQ itself), once the desk knows it. */
  hqBy?: FieldAuthor;
}

export interface CaseRow {
  id: CaseId;
  caseNumber: CaseNumber;
  hallCode: string;
  deskCode: string;
  /** Status, timeline, visits and promised limit: changed only through the case state machine. */
  state: CaseState;
  /** `state.status.code`, copied out for the index. */
  statusCode: CaseStatusCode;
  /** The running promised due date (`YYYY-MM-DD`), '' when no clock runs, so the index can range over it. */
  dueDate: string;
  /** The local enterprise row; null for a case pulled from HQ whose enterprise this desk has not seen. */
  enterpriseId: EnterpriseId | null;
  /** The enterprise as taken in for this case (what HQ receives). */
  enterprise: CaseEnterprise;
  applicant: PartyRecord;
  agent: PartyRecord | null;
  /** What the agent is authorised to do and by which document (授权委托书); set exactly when there is an agent. */
  agentAuthorisation: string | null;
  matterCodes: MatterCode[];
  bundleCode: BundleCode | null;
  answers: Record<string, AnswerValue>;
  catalogueVersion: CatalogueVersion;
  queueTicket: string | null;
  /** How many 副本 the company asked for; absent (one) on cases from before it was asked. */
  licenceCopies?: number;
  /** The 法定代表人 of a company being founded, as taken in; absent or null when none was. */
  legalRepresentative?: LegalRepresentative | null;
  /** The natural-person shareholders of a company being founded; absent on cases taken in without any. */
  shareholders?: Shareholder[];
  /** The called ticket the case was taken in on, with its times; absent or null when the ticket was typed (offline) or there was none. */
  queueService?: QueueService | null;
  /** Who took the case in. */
  clerkId: ClerkId;
  /**
   * Names of the other windows' clerks who acted on the case, by clerk id, as HQ relayed them with their
   * events (this desk's own clerks are named from its accounts). Absent on rows from before names travelled.
   */
  otherClerkNames?: Record<string, string>;
  /** The windows (desk codes) of those clerks, by clerk id, when HQ said. */
  otherClerkDesks?: Record<string, string>;
  /**
   * What became of the case's paper at the other windows (documents, licence sheets, handover), as HQ
   * relayed it; this desk's own are its outbox ops. Absent until one arrives.
   */
  otherPaperEvents?: CaseRecordEvent[];
  createdAt: string;
  updatedAt: string;
  /** See `search/keys.ts` and, for which of the two holds them, `search/keyTiers.ts`. */
  searchKeys: string[];
  freshKeys?: string[];
  /** HQ-owned fields (ARCHITECTURE.md, "The sync contract"); null until HQ sends them. */
  hqCaseNumber: string | null;
  decision: HqDecision | null;
  licence: LicenceData | null;
  /** The case version HQ last sent (the `baseVersion` of the next op); null before the first pull. */
  hqVersion: number | null;
  /** Fields where HQ kept another value than this window's: the case is marked until a clerk acknowledges it. */
  conflicts: CaseConflict[];
  /**
   * HQ-owned: another window issued this case's licence too, as HQ flags it in pull until the window named
   * (the second to issue) has voided its sheets. Absent on rows pulled before HQ sent it.
   */
  issuanceConflict?: IssuanceConflict | null;
  /** Who set each field's value on HQ, as the last pull said (HQ-owned); absent when HQ did not say. */
  fieldAuthors?: FieldAuthors;
}

/** What a clerk recorded about one checklist item. */
export interface ChecklistEntry {
  status: ChecklistItemStatus;
  /** The form actually handed in, when something was. */
  form: MaterialForm | null;
  copies: number;
  pages: number;
  /** The deadline a 容缺 material is promised by (`YYYY-MM-DD`); set exactly when deferred. */
  deferredUntil: string | null;
  note: string | null;
}

/**
 * What a clerk recorded about one checklist item, stored only once something is recorded. A checklist is
 * a pure function of (catalogue version, selection, answers), so item definitions are never copied into
 * the database: they are rebuilt from the case's catalogue version (see `caseChecklist.ts`), and what was
 * recorded stays with its key when changed answers drop an item and bring it back.
 */
export interface ChecklistRecordRow extends ChecklistEntry {
  caseId: CaseId;
  key: ChecklistItemKey;
  attachmentIds: AttachmentId[];
  checkedBy: ClerkId;
  checkedAt: string;
}

/** A checklist item as screens and decisions see it: its definition, with what was recorded (if anything). */
export interface ChecklistItemRow extends ChecklistEntry {
  caseId: CaseId;
  key: ChecklistItemKey;
  /** Place in the case's current checklist. */
  position: number;
  /** The item as the case's catalogue version defines it for the case's answers. */
  item: ChecklistItem;
  attachmentIds: AttachmentId[];
  /** Null until a clerk records something about the item. */
  checkedBy: ClerkId | null;
  checkedAt: string | null;
}

/**
 * A 核查 result of a committed item, recorded at this window (`deskCode` this desk's) or pulled from
 * another (its window, and the clerk's name as that desk sent it).
 */
export interface CommitmentCheckRow extends CommitmentCheckPayload {
  /** The event's id: the op's entityId, HQ's record id. */
  id: string;
  clerkId: string;
  clerkName?: string;
  deskCode: string | null;
  at: string;
}

export type AttachmentId = string & z.$brand<'AttachmentId'>;

export interface AttachmentRow {
  id: AttachmentId;
  caseId: CaseId;
  itemKey: ChecklistItemKey;
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** A small JPEG for the checklist, for images where the runtime can draw one; else null. Sealed when `sealed` is 1. */
  thumbnail: Blob | null;
  addedBy: ClerkId;
  addedAt: string;
  /** 1 once the thumbnail is sealed (data/sealedBlobs.ts); absent on rows stored before. */
  sealed?: 1;
}

export interface BlobRow {
  sha256: string;
  /** Null once purged: HQ holds the bytes and gives them back when opened (data/retention). */
  data: Blob | null;
  mediaType: string;
  size: number;
  /** 1 once HQ holds the bytes. */
  uploaded: 0 | 1;
  /** 1 once `data` is sealed (data/sealedBlobs.ts); absent on rows stored before. `size` is the plain size. */
  sealed?: 1;
  /** When the bytes were purged after the retention period (then `data` is null). */
  purgedAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Documents and licence paper (written by the documents feature)

export type DocumentStatus = 'printed' | 'voided' | 'superseded';

export interface DocumentRow {
  id: string;
  /** Null for documents of no case (calibration sheet, day report). */
  caseId: CaseId | null;
  /** The timeline event that asked for the document, when a case decision did. */
  eventSeq: number | null;
  documentNumber: string;
  kind: DocumentKind;
  templateVersion: string;
  /** Exactly the bytes that were printed, sealed when `sealed` is 1 (open with `openDocumentPdf`); null once purged (HQ holds them, see data/retention). */
  pdf: Blob | null;
  /** Of the plain bytes. */
  sha256: string;
  /** 1 once HQ holds the PDF as a blob (absent before). */
  uploaded?: 1;
  /** When the PDF was purged after the retention period (then `pdf` is null). */
  purgedAt?: string;
  copies: number;
  printerName: string | null;
  licenceSheetSerial: string | null;
  /** Which 副本 a `licenceCopy` is (副本 2/3); absent on other kinds and on 副本 printed before copies were numbered. */
  licenceCopy?: LicenceCopyMark | null;
  status: DocumentStatus;
  voidReason: string | null;
  printedBy: ClerkId;
  printedAt: string;
  /** 1 once `pdf` is sealed (data/sealedBlobs.ts); absent on rows stored before. */
  sealed?: 1;
}

export type LicenceSheetState = 'inStock' | 'used' | 'voided';

export interface LicenceSheetRow {
  serial: string;
  /** 正本 or 副本 paper. */
  kind: 'original' | 'copy';
  state: LicenceSheetState;
  caseId: CaseId | null;
  documentNumber: string | null;
  reason: string | null;
  /** The chief who approved a void. */
  approvedBy: ClerkId | null;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Counters, outbox, reference data

export interface CounterRow {
  name: string;
  value: number;
  /** For a day's case numbers: the prefix (`MY01-20261128-`) the value counts under. */
  prefix?: string;
}

/** pending → sending → applied | duplicate | conflict | rejected; a failed send goes back to pending. */
export type OutboxState = 'pending' | 'sending' | OpResultStatus;
export const outboxStates = ['pending', 'sending', 'applied', 'duplicate', 'conflict', 'rejected'] as const satisfies readonly OutboxState[];

export interface OutboxRow {
  seq: number;
  opId: OpId;
  entity: SyncEntity;
  entityId: string;
  /** The op exactly as it is (and will again be) sent; never changed once written. */
  op: SyncOp;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** When it was last handed to the sync engine. */
  sentAt: string | null;
  /** HQ's answer, once there is one. */
  result: PushResult | null;
}

/** `archive:<version>` keeps every catalogue version that was ever active, for the cases built on it. */
export type ReferenceSlot = 'active' | 'staged' | `archive:${string}`;
export type ReferenceSource = 'bundled' | 'hq';

export interface ReferenceRow {
  kind: ReferenceKind;
  slot: ReferenceSlot;
  /** The version the data states (catalogue 2026.11.1, chinese-days@1.5.7, …). */
  version: string;
  /** HQ's publication number (`since` of the next request); null for data shipped with the app. */
  hqVersion: number | null;
  source: ReferenceSource;
  /** Validated before it becomes active, and again when read back (storage is a boundary too). */
  data: unknown;
  storedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Intake drafts

/**
 * A clerk's half-typed intake form, kept locally (never synced) until it is taken in or discarded: sealed
 * (the values' JSON, data/sealedBlobs.ts), or plain as stored before sealing.
 */
export type IntakeDraftRow =
  | {
      clerkId: ClerkId;
      /** The form's values as the intake form defines them; parsed by its schema when read back. */
      values: unknown;
      savedAt: string;
      sealed?: undefined;
    }
  | { clerkId: ClerkId; values: Blob; savedAt: string; sealed: 1 };
