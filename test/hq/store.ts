import type Database from 'better-sqlite3';
import type { FieldAuthor, IssuanceConflict } from '../../renderer/src/domain/cases/caseRecord';
import type { HqDecision, LicenceData } from '../../renderer/src/domain/cases/hqDecision';
import type { DeskId } from '../../renderer/src/domain/desk';
import type { SyncEntity } from '../../renderer/src/protocol/ops';
import type { FirstOpResultStatus } from '../../renderer/src/protocol/push';
import type { ReferenceKind } from '../../renderer/src/protocol/reference';

export interface DeskRecord {
  deskId: DeskId;
  hallCode: string;
  deskCode: string;
  lastSeq: number;
  enrolledAt: string;
}

/** An operator-issued enrolment code as HQ keeps it (the code itself only as its hash). */
export interface EnrolmentCodeRecord {
  /** Increasing in the order codes were issued. */
  id: number;
  hallCode: string;
  deskCode: string;
  expiresMs: number;
  usedAt: string | null;
}

/** A token's standing: `expired` by the operator, `revoked` by the desk's next enrolment. */
export type TokenState = 'live' | 'expired' | 'revoked';

/** Who last changed a case field and in which version: `hq`, or the desk's id. */
export interface FieldStamp {
  version: number;
  by: string;
  /** Who did it, as the hall is told (`fieldAuthors` in pull); absent on stamps stored before it was kept. */
  author?: FieldAuthor;
}

export interface StoredCase {
  id: string;
  hallCode: string;
  originDeskId: string;
  version: number;
  /** The desk-owned fields as parsed by the protocol schema (status included). */
  fields: Record<string, unknown>;
  stamps: Record<string, FieldStamp>;
  hqCaseNumber: string | null;
  decision: HqDecision | null;
  licence: LicenceData | null;
  updatedAt: string;
  /** Another desk's issuance after the one that stands, until its sheets are voided. */
  issuanceConflict: IssuanceConflict | null;
}

/** A 督办台账 item: its hall, its case, HQ's version and the item as last written. */
export interface StoredLedgerItem {
  hallCode: string;
  caseId: string;
  version: number;
  data: unknown;
}

/** Who holds (or last held) a case's issuance claim, with its expiry in epoch milliseconds. */
export interface IssuanceClaimRow {
  caseId: string;
  claimId: string;
  deskId: string;
  clerkName: string;
  claimedAt: string;
  expiresMs: number;
}

export interface IssuanceRow {
  deskId: string;
  clerkName: string;
  issuedAt: string;
}

/** Why HQ raised an audit alert: an anchor whose hash differs from the head HQ holds, or a head gone backwards. */
export type AuditAlertReason = 'anchorMismatch' | 'headBackwards';

export interface AuditAlertRow {
  deskId: string;
  deskCode: string;
  reason: AuditAlertReason;
  /** The seq compared: the anchor's, or that of the head HQ received last. */
  seq: number;
  /** HQ's hash at that seq. */
  storedHash: string;
  /** What the desk sent. */
  receivedSeq: number;
  receivedHash: string;
  at: string;
}

interface AuditAlertRowData {
  desk_id: string;
  desk_code: string;
  reason: string;
  seq: number;
  stored_hash: string;
  received_seq: number;
  received_hash: string;
  at: string;
}

export interface IssuanceConflictRow {
  caseId: string;
  deskId: string;
  deskCode: string;
  at: string;
  resolvedAt: string | null;
}

export interface StoredOpResult {
  opId: string;
  status: FirstOpResultStatus;
  serverVersion: number | null;
  reason: string | null;
  conflictFields: string[] | null;
}

export interface OpRow extends StoredOpResult {
  deskId: string;
  seq: number;
  entity: string;
  entityId: string;
  type: string;
  baseVersion: number | null;
  clerkId: string;
  at: string;
  businessDate: string;
  /** The payload as sent, serialised. */
  payload: string;
  receivedAt: string;
}

export interface ChangeRow {
  seq: number;
  entity: SyncEntity;
  entityId: string;
  version: number;
  op: 'upsert' | 'delete';
  /** Serialised JSON, or null for a delete. */
  data: string | null;
}

export interface CaseFilter {
  hallCode?: string | undefined;
  statusCode?: string | undefined;
  originDeskId?: string | undefined;
  decided?: boolean | undefined;
  limit: number;
  offset: number;
}

interface CaseRowData {
  case_id: string;
  hall_code: string;
  origin_desk_id: string;
  version: number;
  status_code: string;
  fields: string;
  field_stamps: string;
  hq_case_number: string | null;
  decision: string | null;
  licence: string | null;
  updated_at: string;
  issuance_conflict: string | null;
}

interface DeskRowData {
  desk_id: string;
  hall_code: string;
  desk_code: string;
  last_seq: number;
  enrolled_at: string;
  enrolled_after_code: number;
}

interface OpRowData {
  desk_id: string;
  seq: number;
  op_id: string;
  entity: string;
  entity_id: string;
  type: string;
  base_version: number | null;
  clerk_id: string;
  at: string;
  business_date: string;
  payload: string;
  status: string;
  server_version: number | null;
  reason: string | null;
  conflict_fields: string | null;
  received_at: string;
}

const toDesk = (row: DeskRowData): DeskRecord => ({
  deskId: row.desk_id as DeskId,
  hallCode: row.hall_code,
  deskCode: row.desk_code,
  lastSeq: row.last_seq,
  enrolledAt: row.enrolled_at,
});

const toCase = (row: CaseRowData): StoredCase => ({
  id: row.case_id,
  hallCode: row.hall_code,
  originDeskId: row.origin_desk_id,
  version: row.version,
  fields: JSON.parse(row.fields) as Record<string, unknown>,
  stamps: JSON.parse(row.field_stamps) as Record<string, FieldStamp>,
  hqCaseNumber: row.hq_case_number,
  decision: row.decision === null ? null : (JSON.parse(row.decision) as HqDecision),
  licence: row.licence === null ? null : (JSON.parse(row.licence) as LicenceData),
  updatedAt: row.updated_at,
  issuanceConflict: row.issuance_conflict === null ? null : (JSON.parse(row.issuance_conflict) as IssuanceConflict),
});

const toOp = (row: OpRowData): OpRow => ({
  deskId: row.desk_id,
  seq: row.seq,
  opId: row.op_id,
  entity: row.entity,
  entityId: row.entity_id,
  type: row.type,
  baseVersion: row.base_version,
  clerkId: row.clerk_id,
  at: row.at,
  businessDate: row.business_date,
  payload: row.payload,
  status: row.status as FirstOpResultStatus,
  serverVersion: row.server_version,
  reason: row.reason,
  conflictFields: row.conflict_fields === null ? null : (JSON.parse(row.conflict_fields) as string[]),
  receivedAt: row.received_at,
});

function caseParams(stored: StoredCase) {
  const status = stored.fields['status'] as { code?: unknown } | undefined;
  return {
    case_id: stored.id,
    hall_code: stored.hallCode,
    origin_desk_id: stored.originDeskId,
    version: stored.version,
    status_code: typeof status?.code === 'string' ? status.code : '',
    fields: JSON.stringify(stored.fields),
    field_stamps: JSON.stringify(stored.stamps),
    hq_case_number: stored.hqCaseNumber,
    decision: stored.decision === null ? null : JSON.stringify(stored.decision),
    licence: stored.licence === null ? null : JSON.stringify(stored.licence),
    updated_at: stored.updatedAt,
    issuance_conflict: stored.issuanceConflict === null ? null : JSON.stringify(stored.issuanceConflict),
  };
}

function prepareStatements(db: Database.Database) {
  return {
    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    setSetting: db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    deskByCodes: db.prepare<[string, string], DeskRowData>('SELECT * FROM desks WHERE hall_code = ? AND desk_code = ?'),
    deskById: db.prepare<[string], DeskRowData>('SELECT * FROM desks WHERE desk_id = ?'),
    insertDesk: db.prepare<[string, string, string, string]>(
      'INSERT INTO desks (desk_id, hall_code, desk_code, enrolled_at) VALUES (?, ?, ?, ?)',
    ),
    setLastSeq: db.prepare<[number, string]>('UPDATE desks SET last_seq = ? WHERE desk_id = ?'),
    listDesks: db.prepare<[], DeskRowData>('SELECT * FROM desks ORDER BY hall_code, desk_code'),
    insertToken: db.prepare<[string, string, string]>('INSERT INTO tokens (token_hash, desk_id, issued_at) VALUES (?, ?, ?)'),
    expireTokens: db.prepare<[string]>('UPDATE tokens SET expired = 1 WHERE desk_id = ? AND expired = 0'),
    revokeTokens: db.prepare<[string]>('UPDATE tokens SET revoked = 1 WHERE desk_id = ? AND expired = 0 AND revoked = 0'),
    tokenByHash: db.prepare<[string], { desk_id: string; expired: number; revoked: number }>(
      'SELECT desk_id, expired, revoked FROM tokens WHERE token_hash = ?',
    ),
    insertEnrolmentCode: db.prepare<[string, string, string, string, number]>(
      'INSERT INTO enrolment_codes (code_hash, hall_code, desk_code, issued_at, expires_ms) VALUES (?, ?, ?, ?, ?)',
    ),
    enrolmentCodeByHash: db.prepare<[string], { id: number; hall_code: string; desk_code: string; expires_ms: number; used_at: string | null }>(
      'SELECT id, hall_code, desk_code, expires_ms, used_at FROM enrolment_codes WHERE code_hash = ?',
    ),
    useEnrolmentCode: db.prepare<[string, number]>('UPDATE enrolment_codes SET used_at = ? WHERE id = ? AND used_at IS NULL'),
    newestEnrolmentCodeId: db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM enrolment_codes'),
    setEnrolledAfterCode: db.prepare<[number, string]>('UPDATE desks SET enrolled_after_code = ? WHERE desk_id = ?'),
    insertEnrolmentFailure: db.prepare<[string, string, number]>('INSERT INTO enrolment_failures (hall_code, desk_code, at_ms) VALUES (?, ?, ?)'),
    enrolmentFailuresSince: db.prepare<[string, string, number], { at_ms: number }>(
      'SELECT at_ms FROM enrolment_failures WHERE hall_code = ? AND desk_code = ? AND at_ms > ? ORDER BY at_ms',
    ),
    forgetEnrolmentFailures: db.prepare<[string, string]>('DELETE FROM enrolment_failures WHERE hall_code = ? AND desk_code = ?'),
    pruneEnrolmentFailures: db.prepare<[number]>('DELETE FROM enrolment_failures WHERE at_ms <= ?'),
    opBySeq: db.prepare<[string, number], OpRowData>('SELECT * FROM ops WHERE desk_id = ? AND seq = ?'),
    opById: db.prepare<[string], { desk_id: string; seq: number }>('SELECT desk_id, seq FROM ops WHERE op_id = ? LIMIT 1'),
    insertOp: db.prepare(
      `INSERT INTO ops (desk_id, seq, op_id, entity, entity_id, type, base_version, clerk_id, at, business_date, payload,
         status, server_version, reason, conflict_fields, received_at)
       VALUES (@desk_id, @seq, @op_id, @entity, @entity_id, @type, @base_version, @clerk_id, @at, @business_date, @payload,
         @status, @server_version, @reason, @conflict_fields, @received_at)`,
    ),
    opsOfDay: db.prepare<[string, string], OpRowData>('SELECT * FROM ops WHERE desk_id = ? AND business_date = ? ORDER BY seq'),
    opsAfter: db.prepare<[string, number, number], OpRowData>('SELECT * FROM ops WHERE desk_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    caseById: db.prepare<[string], CaseRowData>('SELECT * FROM cases WHERE case_id = ?'),
    caseHall: db.prepare<[string], { hall_code: string }>('SELECT hall_code FROM cases WHERE case_id = ?'),
    ledgerItem: db.prepare<[string], { hall_code: string; case_id: string; version: number; data: string }>(
      'SELECT hall_code, case_id, version, data FROM ledger_items WHERE item_id = ?',
    ),
    saveLedgerItem: db.prepare<[string, string, string, number, string]>(
      `INSERT INTO ledger_items (item_id, hall_code, case_id, version, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET version = excluded.version, data = excluded.data`,
    ),
    insertCase: db.prepare(
      `INSERT INTO cases (case_id, hall_code, origin_desk_id, version, status_code, fields, field_stamps, hq_case_number,
         decision, licence, updated_at, issuance_conflict)
       VALUES (@case_id, @hall_code, @origin_desk_id, @version, @status_code, @fields, @field_stamps, @hq_case_number,
         @decision, @licence, @updated_at, @issuance_conflict)`,
    ),
    updateCase: db.prepare(
      `UPDATE cases SET version = @version, status_code = @status_code, fields = @fields, field_stamps = @field_stamps,
         hq_case_number = @hq_case_number, decision = @decision, licence = @licence, updated_at = @updated_at,
         issuance_conflict = @issuance_conflict
       WHERE case_id = @case_id`,
    ),
    listCases: db.prepare<Record<string, string | number | null>, CaseRowData>(
      `SELECT * FROM cases
       WHERE (@hall IS NULL OR hall_code = @hall) AND (@status IS NULL OR status_code = @status)
         AND (@desk IS NULL OR origin_desk_id = @desk)
         AND (@decided IS NULL OR (decision IS NOT NULL) = @decided)
       ORDER BY updated_at DESC, case_id LIMIT @limit OFFSET @offset`,
    ),
    countCases: db.prepare<Record<string, string | number | null>, { n: number }>(
      `SELECT count(*) AS n FROM cases
       WHERE (@hall IS NULL OR hall_code = @hall) AND (@status IS NULL OR status_code = @status)
         AND (@desk IS NULL OR origin_desk_id = @desk)
         AND (@decided IS NULL OR (decision IS NOT NULL) = @decided)`,
    ),
    eventExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM events WHERE event_id = ?'),
    insertEvent: db.prepare<[string, string, string | null, string, string, string]>(
      'INSERT INTO events (event_id, entity, case_id, hall_code, desk_id, data) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    eventsOfCase: db.prepare<[string], { entity: string; data: string }>('SELECT entity, data FROM events WHERE case_id = ? ORDER BY rowid'),
    sheetBySerial: db.prepare<[string], { state: string }>('SELECT state FROM licence_sheets WHERE serial = ?'),
    upsertSheet: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO licence_sheets (serial, state, hall_code, desk_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (serial) DO UPDATE SET state = excluded.state, desk_id = excluded.desk_id, updated_at = excluded.updated_at`,
    ),
    dropChange: db.prepare<[string, string]>('DELETE FROM changes WHERE entity = ? AND entity_id = ?'),
    insertChange: db.prepare<[string, string, string, number, string]>(
      `INSERT INTO changes (hall_code, entity, entity_id, version, op, data) VALUES (?, ?, ?, ?, 'upsert', ?)`,
    ),
    changesAfter: db.prepare<[string, number, number], { seq: number; entity: string; entity_id: string; version: number; op: string; data: string | null }>(
      'SELECT seq, entity, entity_id, version, op, data FROM changes WHERE hall_code = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    latestReference: db.prepare<[string], { version: number; items: string }>(
      'SELECT version, items FROM reference_versions WHERE kind = ? ORDER BY version DESC LIMIT 1',
    ),
    insertReference: db.prepare<[string, number, string, string]>(
      'INSERT INTO reference_versions (kind, version, items, published_at) VALUES (?, ?, ?, ?)',
    ),
    saveDayClose: db.prepare(
      `INSERT INTO day_closes (desk_id, business_date, status, desk_last_seq, hq_last_seq, totals, differences, closed_at)
       VALUES (@desk_id, @business_date, @status, @desk_last_seq, @hq_last_seq, @totals, @differences, @closed_at)
       ON CONFLICT (desk_id, business_date) DO UPDATE SET status = excluded.status, desk_last_seq = excluded.desk_last_seq,
         hq_last_seq = excluded.hq_last_seq, totals = excluded.totals, differences = excluded.differences,
         closed_at = excluded.closed_at`,
    ),
    claimOfCase: db.prepare<[string], { case_id: string; claim_id: string; desk_id: string; clerk_name: string; claimed_at: string; expires_ms: number }>(
      'SELECT * FROM issuance_claims WHERE case_id = ?',
    ),
    saveClaim: db.prepare(
      `INSERT INTO issuance_claims (case_id, claim_id, desk_id, clerk_name, claimed_at, expires_ms)
       VALUES (@case_id, @claim_id, @desk_id, @clerk_name, @claimed_at, @expires_ms)
       ON CONFLICT (case_id) DO UPDATE SET claim_id = excluded.claim_id, desk_id = excluded.desk_id,
         clerk_name = excluded.clerk_name, claimed_at = excluded.claimed_at, expires_ms = excluded.expires_ms`,
    ),
    deleteClaim: db.prepare<[string, string]>('DELETE FROM issuance_claims WHERE case_id = ? AND desk_id = ?'),
    issuanceOfCase: db.prepare<[string], { desk_id: string; clerk_name: string; issued_at: string }>(
      'SELECT desk_id, clerk_name, issued_at FROM issuances WHERE case_id = ?',
    ),
    insertIssuance: db.prepare<[string, string, string, string]>(
      'INSERT INTO issuances (case_id, desk_id, clerk_name, issued_at) VALUES (?, ?, ?, ?)',
    ),
    insertConflict: db.prepare<[string, string, string]>(
      'INSERT INTO issuance_conflicts (case_id, desk_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    resolveConflict: db.prepare<[string, string, string]>(
      'UPDATE issuance_conflicts SET resolved_at = ? WHERE case_id = ? AND desk_id = ? AND resolved_at IS NULL',
    ),
    conflicts: db.prepare<Record<string, string | null>, { case_id: string; desk_id: string; desk_code: string; at: string; resolved_at: string | null }>(
      `SELECT c.case_id, c.desk_id, d.desk_code, c.at, c.resolved_at FROM issuance_conflicts c JOIN desks d USING (desk_id)
       WHERE (@case IS NULL OR c.case_id = @case) AND (@desk IS NULL OR c.desk_id = @desk)
         AND (@open IS NULL OR c.resolved_at IS NULL)
       ORDER BY c.at, c.case_id`,
    ),
    usedSheetsOf: db.prepare<[string, string], { serial: string }>(
      `SELECT DISTINCT json_extract(data, '$.serial') AS serial FROM events
       WHERE entity = 'licenceSheetEvent' AND case_id = ? AND desk_id = ? AND json_extract(data, '$.action') = 'used'`,
    ),
    nextCaseCounter: db.prepare<[string, number], { last: number }>(
      `INSERT INTO hq_case_counters (hall_code, year, last) VALUES (?, ?, 1)
       ON CONFLICT (hall_code, year) DO UPDATE SET last = last + 1 RETURNING last`,
    ),
    auditHeadAt: db.prepare<[string, number], { hash: string }>('SELECT hash FROM audit_heads WHERE desk_id = ? AND seq = ? ORDER BY id DESC LIMIT 1'),
    latestAuditHead: db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE desk_id = ? ORDER BY id DESC LIMIT 1'),
    insertAuditHead: db.prepare<[string, number, string, string]>('INSERT INTO audit_heads (desk_id, seq, hash, received_at) VALUES (?, ?, ?, ?)'),
    insertAuditAlert: db.prepare(
      `INSERT INTO audit_alerts (desk_id, reason, seq, stored_hash, received_seq, received_hash, at)
       VALUES (@desk_id, @reason, @seq, @stored_hash, @received_seq, @received_hash, @at)`,
    ),
    auditAlerts: db.prepare<[], AuditAlertRowData>(
      `SELECT a.desk_id, d.desk_code, a.reason, a.seq, a.stored_hash, a.received_seq, a.received_hash, a.at
       FROM audit_alerts a JOIN desks d USING (desk_id) ORDER BY a.id`,
    ),
  };
}

/** Every statement HQ runs, prepared once; callers group them with `transaction`. */
export class HqStore {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Database.Database) {
    this.s = prepareStatements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  setting(key: string): string | undefined {
    return this.s.getSetting.get(key)?.value;
  }

  setSetting(key: string, value: string): void {
    this.s.setSetting.run(key, value);
  }

  deskByCodes(hallCode: string, deskCode: string): DeskRecord | undefined {
    const row = this.s.deskByCodes.get(hallCode, deskCode);
    return row && toDesk(row);
  }

  desk(deskId: string): DeskRecord | undefined {
    const row = this.s.deskById.get(deskId);
    return row && toDesk(row);
  }

  insertDesk(deskId: string, hallCode: string, deskCode: string, at: string): void {
    this.s.insertDesk.run(deskId, hallCode, deskCode, at);
  }

  setLastSeq(deskId: string, lastSeq: number): void {
    this.s.setLastSeq.run(lastSeq, deskId);
  }

  desks(): DeskRecord[] {
    return this.s.listDesks.all().map(toDesk);
  }

  insertToken(tokenHash: string, deskId: string, at: string): void {
    this.s.insertToken.run(tokenHash, deskId, at);
  }

  /** Returns how many live tokens were expired. */
  expireTokens(deskId: string): number {
    return this.s.expireTokens.run(deskId).changes;
  }

  /** Returns how many live tokens were revoked. */
  revokeTokens(deskId: string): number {
    return this.s.revokeTokens.run(deskId).changes;
  }

  token(tokenHash: string): { deskId: string; state: TokenState } | undefined {
    const row = this.s.tokenByHash.get(tokenHash);
    return row && { deskId: row.desk_id, state: row.revoked === 1 ? 'revoked' : row.expired === 1 ? 'expired' : 'live' };
  }

  insertEnrolmentCode(codeHash: string, hallCode: string, deskCode: string, issuedAt: string, expiresMs: number): void {
    this.s.insertEnrolmentCode.run(codeHash, hallCode, deskCode, issuedAt, expiresMs);
  }

  enrolmentCode(codeHash: string): EnrolmentCodeRecord | undefined {
    const row = this.s.enrolmentCodeByHash.get(codeHash);
    return row && { id: row.id, hallCode: row.hall_code, deskCode: row.desk_code, expiresMs: row.expires_ms, usedAt: row.used_at };
  }

  /** Marks the code used; false if it already was. */
  useEnrolmentCode(id: number, at: string): boolean {
    return this.s.useEnrolmentCode.run(at, id).changes === 1;
  }

  /** Remembers that the desk enrolled after every code issued so far. */
  markEnrolled(deskId: string): void {
    this.s.setEnrolledAfterCode.run(this.s.newestEnrolmentCodeId.get()?.id ?? 0, deskId);
  }

  /** The newest code id when the desk last enrolled (0 if it never did since codes were kept). */
  enrolledAfterCode(deskId: string): number {
    return this.s.deskById.get(deskId)?.enrolled_after_code ?? 0;
  }

  /** Records a refused enrolment and drops failures older than `forgetBeforeMs`, of any desk. */
  recordEnrolmentFailure(hallCode: string, deskCode: string, atMs: number, forgetBeforeMs: number): void {
    this.s.pruneEnrolmentFailures.run(forgetBeforeMs);
    this.s.insertEnrolmentFailure.run(hallCode, deskCode, atMs);
  }

  /** Times (epoch ms, oldest first) of the refused enrolments of a hall and desk after `sinceMs`. */
  enrolmentFailuresSince(hallCode: string, deskCode: string, sinceMs: number): number[] {
    return this.s.enrolmentFailuresSince.all(hallCode, deskCode, sinceMs).map((row) => row.at_ms);
  }

  forgetEnrolmentFailures(hallCode: string, deskCode: string): void {
    this.s.forgetEnrolmentFailures.run(hallCode, deskCode);
  }

  op(deskId: string, seq: number): OpRow | undefined {
    const row = this.s.opBySeq.get(deskId, seq);
    return row && toOp(row);
  }

  /** Where an opId was first recorded, if anywhere. */
  opPlace(opId: string): { deskId: string; seq: number } | undefined {
    const row = this.s.opById.get(opId);
    return row && { deskId: row.desk_id, seq: row.seq };
  }

  insertOp(op: OpRow): void {
    this.s.insertOp.run({
      desk_id: op.deskId,
      seq: op.seq,
      op_id: op.opId,
      entity: op.entity,
      entity_id: op.entityId,
      type: op.type,
      base_version: op.baseVersion,
      clerk_id: op.clerkId,
      at: op.at,
      business_date: op.businessDate,
      payload: op.payload,
      status: op.status,
      server_version: op.serverVersion,
      reason: op.reason,
      conflict_fields: op.conflictFields === null ? null : JSON.stringify(op.conflictFields),
      received_at: op.receivedAt,
    });
  }

  opsOfDay(deskId: string, businessDate: string): OpRow[] {
    return this.s.opsOfDay.all(deskId, businessDate).map(toOp);
  }

  opsAfter(deskId: string, afterSeq: number, limit: number): OpRow[] {
    return this.s.opsAfter.all(deskId, afterSeq, limit).map(toOp);
  }

  case(caseId: string): StoredCase | undefined {
    const row = this.s.caseById.get(caseId);
    return row && toCase(row);
  }

  caseHall(caseId: string): string | undefined {
    return this.s.caseHall.get(caseId)?.hall_code;
  }

  /** A 督办台账 item as HQ holds it (`data`: the item, serialised). */
  ledgerItem(itemId: string): StoredLedgerItem | undefined {
    const row = this.s.ledgerItem.get(itemId);
    return row === undefined ? undefined : { hallCode: row.hall_code, caseId: row.case_id, version: row.version, data: JSON.parse(row.data) as unknown };
  }

  saveLedgerItem(itemId: string, item: StoredLedgerItem, serialised: string): void {
    this.s.saveLedgerItem.run(itemId, item.hallCode, item.caseId, item.version, serialised);
  }

  insertCase(stored: StoredCase): void {
    this.s.insertCase.run(caseParams(stored));
  }

  updateCase(stored: StoredCase): void {
    this.s.updateCase.run(caseParams(stored));
  }

  cases(filter: CaseFilter): { cases: StoredCase[]; total: number } {
    const params = {
      hall: filter.hallCode ?? null,
      status: filter.statusCode ?? null,
      desk: filter.originDeskId ?? null,
      decided: filter.decided === undefined ? null : Number(filter.decided),
    };
    return {
      cases: this.s.listCases.all({ ...params, limit: filter.limit, offset: filter.offset }).map(toCase),
      total: this.s.countCases.get(params)?.n ?? 0,
    };
  }

  eventExists(eventId: string): boolean {
    return this.s.eventExists.get(eventId) !== undefined;
  }

  insertEvent(eventId: string, entity: SyncEntity, caseId: string | null, hallCode: string, deskId: string, data: string): void {
    this.s.insertEvent.run(eventId, entity, caseId, hallCode, deskId, data);
  }

  eventsOfCase(caseId: string): { entity: string; data: unknown }[] {
    return this.s.eventsOfCase.all(caseId).map((row) => ({ entity: row.entity, data: JSON.parse(row.data) as unknown }));
  }

  licenceSheetState(serial: string): string | undefined {
    return this.s.sheetBySerial.get(serial)?.state;
  }

  setLicenceSheetState(serial: string, state: string, hallCode: string, deskId: string, at: string): void {
    this.s.upsertSheet.run(serial, state, hallCode, deskId, at);
  }

  /** Records an entity's new state for the hall's pull stream, replacing its previous change. */
  recordChange(hallCode: string, entity: SyncEntity, entityId: string, version: number, data: string): void {
    this.s.dropChange.run(entity, entityId);
    this.s.insertChange.run(hallCode, entity, entityId, version, data);
  }

  changesAfter(hallCode: string, cursor: number, limit: number): ChangeRow[] {
    return this.s.changesAfter.all(hallCode, cursor, limit).map((row) => ({
      seq: row.seq,
      entity: row.entity as SyncEntity,
      entityId: row.entity_id,
      version: row.version,
      op: row.op as ChangeRow['op'],
      data: row.data,
    }));
  }

  latestReference(kind: ReferenceKind): { version: number; items: string } | undefined {
    return this.s.latestReference.get(kind);
  }

  insertReference(kind: ReferenceKind, version: number, items: string, at: string): void {
    this.s.insertReference.run(kind, version, items, at);
  }

  saveDayClose(close: {
    deskId: string;
    businessDate: string;
    status: string;
    deskLastSeq: number;
    hqLastSeq: number;
    totals: string;
    differences: string;
    closedAt: string;
  }): void {
    this.s.saveDayClose.run({
      desk_id: close.deskId,
      business_date: close.businessDate,
      status: close.status,
      desk_last_seq: close.deskLastSeq,
      hq_last_seq: close.hqLastSeq,
      totals: close.totals,
      differences: close.differences,
      closed_at: close.closedAt,
    });
  }

  issuanceClaim(caseId: string): IssuanceClaimRow | undefined {
    const row = this.s.claimOfCase.get(caseId);
    return (
      row && {
        caseId: row.case_id,
        claimId: row.claim_id,
        deskId: row.desk_id,
        clerkName: row.clerk_name,
        claimedAt: row.claimed_at,
        expiresMs: row.expires_ms,
      }
    );
  }

  saveIssuanceClaim(claim: IssuanceClaimRow): void {
    this.s.saveClaim.run({
      case_id: claim.caseId,
      claim_id: claim.claimId,
      desk_id: claim.deskId,
      clerk_name: claim.clerkName,
      claimed_at: claim.claimedAt,
      expires_ms: claim.expiresMs,
    });
  }

  /** Returns whether the desk held a claim on the case. */
  releaseIssuanceClaim(caseId: string, deskId: string): boolean {
    return this.s.deleteClaim.run(caseId, deskId).changes > 0;
  }

  issuance(caseId: string): IssuanceRow | undefined {
    const row = this.s.issuanceOfCase.get(caseId);
    return row && { deskId: row.desk_id, clerkName: row.clerk_name, issuedAt: row.issued_at };
  }

  insertIssuance(caseId: string, issuance: IssuanceRow): void {
    this.s.insertIssuance.run(caseId, issuance.deskId, issuance.clerkName, issuance.issuedAt);
  }

  /** Records a desk's conflicting issuance of a case; a second one of the same desk keeps the first. */
  insertIssuanceConflict(caseId: string, deskId: string, at: string): void {
    this.s.insertConflict.run(caseId, deskId, at);
  }

  resolveIssuanceConflict(caseId: string, deskId: string, at: string): void {
    this.s.resolveConflict.run(at, caseId, deskId);
  }

  issuanceConflicts(filter: { caseId?: string; deskId?: string; openOnly?: boolean } = {}): IssuanceConflictRow[] {
    return this.s.conflicts
      .all({ case: filter.caseId ?? null, desk: filter.deskId ?? null, open: filter.openOnly ? 'open' : null })
      .map((row) => ({ caseId: row.case_id, deskId: row.desk_id, deskCode: row.desk_code, at: row.at, resolvedAt: row.resolved_at }));
  }

  /** The hash of the newest head the desk sent at `seq`. */
  auditHeadAt(deskId: string, seq: number): string | undefined {
    return this.s.auditHeadAt.get(deskId, seq)?.hash;
  }

  /** The head the desk sent last. */
  latestAuditHead(deskId: string): { seq: number; hash: string } | undefined {
    return this.s.latestAuditHead.get(deskId);
  }

  insertAuditHead(deskId: string, head: { seq: number; hash: string }, at: string): void {
    this.s.insertAuditHead.run(deskId, head.seq, head.hash, at);
  }

  insertAuditAlert(alert: Omit<AuditAlertRow, 'deskCode'>): void {
    this.s.insertAuditAlert.run({
      desk_id: alert.deskId,
      reason: alert.reason,
      seq: alert.seq,
      stored_hash: alert.storedHash,
      received_seq: alert.receivedSeq,
      received_hash: alert.receivedHash,
      at: alert.at,
    });
  }

  auditAlerts(): AuditAlertRow[] {
    return this.s.auditAlerts.all().map((row) => ({
      deskId: row.desk_id,
      deskCode: row.desk_code,
      reason: row.reason as AuditAlertReason,
      seq: row.seq,
      storedHash: row.stored_hash,
      receivedSeq: row.received_seq,
      receivedHash: row.received_hash,
      at: row.at,
    }));
  }

  /** The serials of licence sheets the desk used for the case. */
  usedSheets(caseId: string, deskId: string): string[] {
    return this.s.usedSheetsOf.all(caseId, deskId).map((row) => row.serial);
  }

  nextCaseCounter(hallCode: string, year: number): number {
    const row = this.s.nextCaseCounter.get(hallCode, year);
    if (!row) throw new Error('hq_case_counters upsert returned no row');
    return row.last;
  }
}
