import type { Transaction } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { CaseId } from '../domain/cases/caseId';
import type { SignedInClerk } from '../domain/clerks/account';
import type { DocumentNumber } from '../domain/documentNumber';
import { writeWithAudit } from './audit';
import { requireApprover, requireReason, verifyChiefApproval, type ChiefCredentials } from './chiefApproval';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { issuanceDataMessages } from './issuanceMessages';
import { appendOps, type OpDraft } from './outbox';
import type { LicenceSheetRow, LicenceSheetState } from './records';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';
import { boundTable, currentWriteTransaction } from './transaction';

const m = issuanceDataMessages.stock;

/**
 * Pre-printed, serial-numbered licence paper (空白证书). Sheets are received in ranges per kind, and every
 * sheet ends either used (a licence printed on it) or voided with a reason the chief approved; none is
 * ever deleted. The count received is also kept apart from the rows (a counter per kind, written with
 * each receipt), so the stock report's balance — received = used + voided + in stock — would show a
 * sheet that went missing.
 */

export type LicenceSheetKind = LicenceSheetRow['kind'];
export const licenceSheetKinds = ['original', 'copy'] as const satisfies readonly LicenceSheetKind[];
export const licenceSheetKindLabels: Readonly<Record<LicenceSheetKind, string>> = m.kindLabels;

/** At most this many sheets in one receipt (a packet is 100–500); larger ranges are almost always typos. */
export const MAX_SHEETS_PER_RECEIPT = 2000;

/**
 * The serial as printed on the sheet, however it was scanned or typed (full-width, lower case, spaces).
 * 6–20 capitals or digits: what the licence template records and the sync protocol carries.
 */
export const sheetSerialSchema = z
  .string()
  .transform((raw) => raw.normalize('NFKC').replace(/\s+/gu, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{6,20}$/, { error: m.serialInvalid }));

function parseSerial(raw: string): string {
  const parsed = sheetSerialSchema.safeParse(raw);
  if (!parsed.success) throw new Refusal(m.serialInvalid);
  return parsed.data;
}

/** A serial as prefix + number of fixed width: A51070026001234 → A + 51070026001234 (14 digits). */
function splitSerial(serial: string): { prefix: string; number: bigint; width: number } {
  const match = /^(.*?)(\d+)$/.exec(serial);
  if (match === null) throw new Refusal(m.rangeShape);
  return { prefix: match[1]!, number: BigInt(match[2]!), width: match[2]!.length };
}

/** Every serial from `first` to `last` inclusive; both must share the prefix and the width of their number. */
export function serialRange(firstRaw: string, lastRaw: string): string[] {
  const first = splitSerial(parseSerial(firstRaw));
  const last = splitSerial(parseSerial(lastRaw));
  if (first.prefix !== last.prefix || first.width !== last.width) throw new Refusal(m.rangeShape);
  if (last.number < first.number) throw new Refusal(m.rangeOrder);
  if (last.number - first.number + 1n > BigInt(MAX_SHEETS_PER_RECEIPT)) throw new Refusal(m.rangeTooLarge(MAX_SHEETS_PER_RECEIPT));
  const serials: string[] = [];
  for (let n = first.number; n <= last.number; n += 1n) serials.push(`${first.prefix}${n.toString().padStart(first.width, '0')}`);
  return serials;
}

const receivedCounter = (kind: LicenceSheetKind) => `licenceSheets:received:${kind}`;

export interface SheetReceipt {
  kind: LicenceSheetKind;
  firstSerial: string;
  lastSerial: string;
}

type ReceiptSummary = { kind: LicenceSheetKind; first: string; last: string; count: number };

/**
 * Receives a range of blank sheets into stock (the chief, who answers for the paper as for its voids).
 * Refused whole if any serial of the range is already known, of either kind.
 */
export async function receiveSheets(db: DeskDatabase, receipt: SheetReceipt, actor: SignedInClerk, now: Date = new Date()): Promise<ChangeResult<ReceiptSummary>> {
  return writeReceipt(db, receipt, actor, actor, now);
}

/**
 * Receives sheets at any clerk's desk with the chief's login and password typed in, as for a void: the
 * clerk who counts the packet records it, the chief approves it without signing in.
 */
export async function receiveSheetsApproved(
  db: DeskDatabase,
  receipt: SheetReceipt,
  credentials: ChiefCredentials,
  clerk: SignedInClerk,
  now: Date = new Date(),
): Promise<ChangeResult<ReceiptSummary>> {
  const checked = await refusalsAsResults(async () => serialRange(receipt.firstSerial, receipt.lastSerial));
  if (!checked.ok) return checked;
  const approval = await verifyChiefApproval(db, credentials, { action: 'licence.void', requestedBy: clerk, now });
  if (!approval.ok) return approval;
  return writeReceipt(db, receipt, clerk, approval.value, now);
}

async function writeReceipt(db: DeskDatabase, receipt: SheetReceipt, clerk: SignedInClerk, approver: SignedInClerk, now: Date): Promise<ChangeResult<ReceiptSummary>> {
  return refusalsAsResults(async () => {
    const serials = serialRange(receipt.firstSerial, receipt.lastSerial);
    const at = chinaIso(now);
    const summary = { kind: receipt.kind, first: serials[0]!, last: serials.at(-1)!, count: serials.length };
    const details = approver.id === clerk.id ? summary : { ...summary, approvedBy: approver.id };
    const audit = { at, clerkId: clerk.id, action: 'licenceSheet.receive', subject: `licenceSheets:${receipt.kind}`, details };
    await guardStorage(() =>
      writeWithAudit(db, [db.clerks, db.licenceSheets, db.counters], audit, async () => {
        await requirePermission(db, approver, 'licence.void', m.notPermitted);
        const clash = (await db.licenceSheets.bulkGet(serials)).find((row) => row !== undefined);
        if (clash !== undefined) throw new Refusal(m.serialTaken(clash.serial));
        const counter = receivedCounter(receipt.kind);
        await db.counters.put({ name: counter, value: ((await db.counters.get(counter))?.value ?? 0) + serials.length });
        await db.licenceSheets.bulkAdd(
          serials.map((serial): LicenceSheetRow => ({
            serial,
            kind: receipt.kind,
            state: 'inStock',
            caseId: null,
            documentNumber: null,
            reason: null,
            approvedBy: null,
            updatedAt: at,
          })),
        );
      }),
    );
    return summary;
  });
}

function requireUsable(row: LicenceSheetRow | undefined, serial: string, kind: LicenceSheetKind): LicenceSheetRow {
  if (row === undefined) throw new Refusal(m.unknownSheet(serial));
  if (row.kind !== kind) throw new Refusal(m.wrongKind(serial, licenceSheetKindLabels[row.kind]));
  if (row.state !== 'inStock') throw new Refusal(m.notInStock(serial, m.stateSentences[row.state]));
  return row;
}

/** For the serial field as it is scanned: the sheet if it may be printed on as `kind`, else why not. */
export async function checkSheetForPrinting(db: DeskDatabase, serial: string, kind: LicenceSheetKind): Promise<ChangeResult<LicenceSheetRow>> {
  return refusalsAsResults(async () => {
    const parsed = parseSerial(serial);
    return requireUsable(await guardStorage(() => db.licenceSheets.get(parsed)), parsed, kind);
  });
}

/**
 * Inside the caller's write (which covers `licenceSheets`, `outbox` and `counters`): marks an in-stock
 * sheet of the right kind used by this case's licence and returns the op telling HQ.
 */
export async function useSheetWithin(
  tx: Transaction,
  use: { serial: string; kind: LicenceSheetKind; caseId: CaseId; documentNumber: DocumentNumber; clerk: SignedInClerk; at: string },
): Promise<{ serial: string; op: OpDraft }> {
  const sheets = boundTable(tx, 'licenceSheets');
  const serial = parseSerial(use.serial);
  const row = requireUsable(await sheets.get(serial), serial, use.kind);
  await sheets.put({ ...row, state: 'used', caseId: use.caseId, documentNumber: use.documentNumber, updatedAt: use.at });
  return {
    serial,
    op: {
      entity: 'licenceSheetEvent',
      entityId: uuidv7(),
      payload: { serial, action: 'used', caseId: use.caseId, documentNumber: use.documentNumber, reason: null, approvedBy: null },
      clerkId: use.clerk.id,
      at: use.at,
    },
  };
}

/**
 * Inside the caller's write: voids a sheet (in stock, or used by a licence being voided) with the reason
 * and the approving chief, and returns the op telling HQ. A sheet already voided stays as it was.
 */
export async function voidSheetWithin(
  tx: Transaction,
  void_: { serial: string; reason: string; approvedBy: SignedInClerk; clerk: SignedInClerk; at: string },
): Promise<OpDraft> {
  const sheets = boundTable(tx, 'licenceSheets');
  const row = await sheets.get(void_.serial);
  if (row === undefined) throw new Refusal(m.unknownSheet(void_.serial));
  if (row.state === 'voided') throw new Refusal(m.notInStock(void_.serial, m.stateSentences.voided));
  await sheets.put({ ...row, state: 'voided', reason: void_.reason, approvedBy: void_.approvedBy.id, updatedAt: void_.at });
  return {
    entity: 'licenceSheetEvent',
    entityId: uuidv7(),
    payload: { serial: row.serial, action: 'voided', caseId: row.caseId, documentNumber: row.documentNumber, reason: void_.reason, approvedBy: void_.approvedBy.id },
    clerkId: void_.clerk.id,
    at: void_.at,
  };
}

/**
 * Voids a blank sheet that never carried a licence (torn, stained, jammed before printing), with the
 * chief's approval and a reason. A sheet with a licence on it is voided with that licence (documentArchive).
 */
export async function voidBlankSheet(
  db: DeskDatabase,
  serialRaw: string,
  reasonRaw: string,
  credentials: ChiefCredentials,
  clerk: SignedInClerk,
  now: Date = new Date(),
): Promise<ChangeResult<LicenceSheetRow>> {
  const checked = await refusalsAsResults(async () => ({ serial: parseSerial(serialRaw), reason: requireReason(reasonRaw) }));
  if (!checked.ok) return checked;
  const approval = await verifyChiefApproval(db, credentials, { action: 'licence.void', requestedBy: clerk, now });
  if (!approval.ok) return approval;
  const { serial, reason } = checked.value;
  const at = chinaIso(now);
  const audit = { at, clerkId: clerk.id, action: 'licenceSheet.void', subject: `licenceSheet:${serial}`, details: { serial, reason, approvedBy: approval.value.id } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, [db.clerks, db.licenceSheets, db.outbox, db.counters], audit, async () => {
        await requireApprover(db, approval.value, 'licence.void');
        const tx = currentWriteTransaction();
        const row = await db.licenceSheets.get(serial);
        if (row === undefined) throw new Refusal(m.unknownSheet(serial));
        if (row.state !== 'inStock') throw new Refusal(m.notInStock(serial, m.stateSentences[row.state]));
        const op = await voidSheetWithin(tx, { serial, reason, approvedBy: approval.value, clerk, at });
        await appendOps(tx, [op]);
        return (await db.licenceSheets.get(serial))!;
      });
      return value;
    }),
  );
}

/** Consecutive serials of one kind in the same state, as the report lists them. */
export interface SheetRun {
  first: string;
  last: string;
  count: number;
  state: LicenceSheetState;
}

export interface KindStock {
  /** As counted at each receipt. */
  received: number;
  used: number;
  voided: number;
  inStock: number;
  /** received = used + voided + inStock: every sheet received is accounted for. */
  balanced: boolean;
  runs: SheetRun[];
  /** Every voided sheet with its reason, for the chief's signature. */
  voidedSheets: { serial: string; reason: string | null }[];
}

export type StockReport = Record<LicenceSheetKind, KindStock>;

function runsOf(rows: readonly LicenceSheetRow[]): SheetRun[] {
  const runs: SheetRun[] = [];
  let previous: { prefix: string; number: bigint; width: number } | null = null;
  for (const row of rows) {
    const parts = splitSerial(row.serial);
    const last = runs.at(-1);
    const follows =
      previous !== null && last !== undefined && last.state === row.state && previous.prefix === parts.prefix && previous.width === parts.width && parts.number === previous.number + 1n;
    if (follows) {
      last.last = row.serial;
      last.count += 1;
    } else {
      runs.push({ first: row.serial, last: row.serial, count: 1, state: row.state });
    }
    previous = parts;
  }
  return runs;
}

/** Received, used, voided and remaining sheets per kind, with the serial runs in each state. */
export async function stockReport(db: DeskDatabase): Promise<StockReport> {
  const { rows, received } = await guardStorage(() =>
    db.transaction('r', [db.licenceSheets, db.counters], async () => ({
      rows: await db.licenceSheets.orderBy('serial').toArray(),
      received: await db.counters.bulkGet(licenceSheetKinds.map(receivedCounter)),
    })),
  );
  const report = {} as StockReport;
  licenceSheetKinds.forEach((kind, index) => {
    const ofKind = rows.filter((row) => row.kind === kind);
    const count = (state: LicenceSheetState) => ofKind.filter((row) => row.state === state).length;
    const [used, voided, inStock] = [count('used'), count('voided'), count('inStock')];
    const receivedCount = received[index]?.value ?? 0;
    report[kind] = {
      received: receivedCount,
      used,
      voided,
      inStock,
      balanced: receivedCount === used + voided + inStock,
      runs: runsOf(ofKind),
      voidedSheets: ofKind.filter((row) => row.state === 'voided').map((row) => ({ serial: row.serial, reason: row.reason })),
    };
  });
  return report;
}
