import { uuidv7 } from 'uuidv7';
import { isoDateSchema } from '../domain/chineseDate';
import type { CaseId } from '../domain/cases/caseId';
import { checklistItemStatuses, type DecisionChecklistItem } from '../domain/cases/decisionChecklist';
import {
  buildChecklist,
  checklistProgress,
  initialItemStatus,
  materialNameForKey,
  type ChecklistItemKey,
  type ChecklistProgress,
} from '../domain/catalogue/checklist';
import { materialForms, type Catalogue } from '../domain/catalogue/schema';
import type { CatalogueSelection } from '../domain/catalogue/selection';
import { cleanText } from '../domain/text';
import { actingClerk, caseSubject, checkIntake, requireCase, requireChecklistOpen, runCaseWrite, touchCase, type CaseChange, type WriteContext } from './caseWrite';
import { activeCatalogue, catalogueOfVersion } from './catalogueStore';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { IntakeField } from './intakeInput';
import { dataMessages } from './messages';
import { appendOps, type OpDraft } from './outbox';
import type { AttachmentRow, CaseRow, ChecklistEntry, ChecklistItemRow, ChecklistRecordRow } from './records';
import { Refusal } from './refusal';
import { currentWriteTransaction } from './transaction';

/**
 * A case's checklist is rebuilt, whenever it is needed, from the catalogue version the case was taken in
 * under, its selection and its answers (`buildChecklist` is pure); only what clerks record is stored, one
 * row per item and only once something is recorded. Taking a case in therefore writes no item rows, and
 * an item that changed answers drop and bring back finds its record under the same key.
 */

const m = dataMessages.cases;

export function selectionOf(row: Pick<CaseRow, 'bundleCode' | 'matterCodes'>): CatalogueSelection {
  return row.bundleCode === null ? { kind: 'matters', matterCodes: row.matterCodes } : { kind: 'bundle', bundleCode: row.bundleCode };
}

/** A catalogue loaded for a case, with the case's catalogue version it was loaded for. */
export interface CaseCatalogue {
  forVersion: string;
  catalogue: Catalogue;
}

/**
 * The catalogue a case's checklist is built from: its own version, or the one in use when this desk never
 * had that version (a case another desk took in under a newer catalogue).
 */
export async function catalogueForCase(db: DeskDatabase, row: Pick<CaseRow, 'catalogueVersion'>): Promise<CaseCatalogue> {
  const catalogue = (await catalogueOfVersion(db, row.catalogueVersion)) ?? (await activeCatalogue(db)).data;
  return { forVersion: row.catalogueVersion, catalogue };
}

/** The current checklist of a case, in order, each item with what was recorded for it. Pure. */
export function checklistView(row: CaseRow, catalogue: Catalogue, records: readonly ChecklistRecordRow[]): ChecklistItemRow[] {
  const built = buildChecklist(catalogue, selectionOf(row), row.answers);
  // Matters the catalogue no longer knows leave the case without a checklist here rather than failing.
  if (!built.ok) return [];
  const byKey = new Map(records.map((record) => [record.key, record]));
  return built.checklist.items.map((item, position): ChecklistItemRow => {
    const record = byKey.get(item.key);
    return {
      caseId: row.id,
      key: item.key,
      position,
      item,
      status: record?.status ?? initialItemStatus(item),
      form: record?.form ?? null,
      copies: record?.copies ?? 0,
      pages: record?.pages ?? 0,
      deferredUntil: record?.deferredUntil ?? null,
      note: record?.note ?? null,
      attachmentIds: record?.attachmentIds ?? [],
      checkedBy: record?.checkedBy ?? null,
      checkedAt: record?.checkedAt ?? null,
    };
  });
}

/** An item something was recorded for that the case's checklist no longer holds, since its intake was corrected. */
export interface DroppedItemRow {
  key: ChecklistItemKey;
  /** The material's name in the case's catalogue, or its key when that catalogue does not know it. */
  name: string;
  record: ChecklistRecordRow;
}

/**
 * Records whose items the current answers and matters no longer call for, in the order they were
 * recorded. They are kept (answers changed back bring the item back with its record) and shown as no
 * longer needed, so a clerk who already took the paper in knows it is not part of the case any more. Pure.
 */
export function droppedItems(row: CaseRow, catalogue: Catalogue, records: readonly ChecklistRecordRow[]): DroppedItemRow[] {
  const built = buildChecklist(catalogue, selectionOf(row), row.answers);
  if (!built.ok) return [];
  const current = new Set(built.checklist.items.map((item) => item.key));
  return records
    .filter((record) => !current.has(record.key))
    .map((record) => ({ key: record.key, name: materialNameForKey(catalogue, record.key) ?? record.key, record }))
    .sort((a, b) => (a.record.checkedAt < b.record.checkedAt ? -1 : a.record.checkedAt > b.record.checkedAt ? 1 : 0));
}

/** What was recorded for a case's items (inside a transaction too). */
export function checklistRecords(db: DeskDatabase, caseId: CaseId): Promise<ChecklistRecordRow[]> {
  return db.checklistItems.where('caseId').equals(caseId).toArray();
}

/** What a case's checklist is worked out from: the case, its catalogue and what was recorded; null for an unknown case. */
async function checklistSources(db: DeskDatabase, caseId: CaseId): Promise<{ row: CaseRow; catalogue: Catalogue; records: ChecklistRecordRow[] } | null> {
  const row = await guardStorage(() => db.cases.get(caseId));
  if (row === undefined) return null;
  const [loaded, records] = await Promise.all([catalogueForCase(db, row), guardStorage(() => checklistRecords(db, caseId))]);
  return { row, catalogue: loaded.catalogue, records };
}

/** The case's current checklist in order, with what was recorded; empty for an unknown case. */
export async function caseChecklist(db: DeskDatabase, caseId: CaseId): Promise<ChecklistItemRow[]> {
  const sources = await checklistSources(db, caseId);
  return sources === null ? [] : checklistView(sources.row, sources.catalogue, sources.records);
}

/** The case's current checklist, and the recorded items it no longer holds (see `droppedItems`). */
export async function caseChecklistWithDropped(db: DeskDatabase, caseId: CaseId): Promise<{ items: ChecklistItemRow[]; dropped: DroppedItemRow[] }> {
  const sources = await checklistSources(db, caseId);
  if (sources === null) return { items: [], dropped: [] };
  const { row, catalogue, records } = sources;
  return { items: checklistView(row, catalogue, records), dropped: droppedItems(row, catalogue, records) };
}

/** Items in checklist order (the view holds only current items; kept for callers that mix sources). */
export function currentItems(rows: readonly ChecklistItemRow[]): ChecklistItemRow[] {
  return [...rows].sort((a, b) => a.position - b.position);
}

/** "x / y 必交材料已收" for these items (see the domain's `checklistProgress`). */
export function progressOf(rows: readonly ChecklistItemRow[]): ChecklistProgress {
  return checklistProgress(
    rows.map((row) => row.item),
    new Map(rows.map((row) => [row.key, row.status])),
  );
}

/** What the case state machine needs of the checklist. */
export function decisionItems(rows: readonly ChecklistItemRow[]): DecisionChecklistItem[] {
  return currentItems(rows).map((row) => ({
    materialKey: row.key,
    name: row.item.name,
    required: row.item.required,
    deferrable: row.item.deferrable,
    ...(row.item.deferralDays === undefined ? {} : { deferralDays: row.item.deferralDays }),
    status: row.status,
  }));
}

/**
 * Inside a write: the case's checklist, built from the catalogue the caller loaded before the transaction
 * (`catalogueForCase`). If the case moved to another catalogue version meanwhile (its intake was changed
 * in another window), the write is refused rather than judged on the wrong list.
 */
export async function checklistWithin(db: DeskDatabase, row: CaseRow, loaded: CaseCatalogue): Promise<ChecklistItemRow[]> {
  if (row.catalogueVersion !== loaded.forVersion) throw new Refusal(m.changedMeanwhile);
  return checklistView(row, loaded.catalogue, await checklistRecords(db, row.id));
}

/** The append-only op telling HQ what is now recorded for an item (with its scans). */
export function checklistEventOp(row: ChecklistItemRow, attachments: readonly AttachmentRow[], context: { clerkId: string; at: string }): OpDraft {
  return {
    entity: 'checklistEvent',
    entityId: uuidv7(),
    payload: {
      caseId: row.caseId,
      materialKey: row.key,
      required: row.item.required,
      status: row.status,
      form: row.form,
      copies: row.copies,
      pages: row.pages,
      deferredUntil: row.deferredUntil,
      note: row.note,
      attachments: attachments.map(({ sha256, fileName, mediaType, size }) => ({ sha256, fileName, mediaType, size })),
    },
    clerkId: context.clerkId,
    at: context.at,
  };
}

/** The stored record of a view item. */
export function recordOf(row: ChecklistItemRow, checkedBy: ChecklistRecordRow['checkedBy'], checkedAt: string): ChecklistRecordRow {
  const { caseId, key, status, form, copies, pages, deferredUntil, note, attachmentIds } = row;
  return { caseId, key, status, form, copies, pages, deferredUntil, note, attachmentIds, checkedBy, checkedAt };
}

function refuse(field: IntakeField, detail: string): never {
  throw new Refusal<IntakeField>(m.field(m.fieldLabels[field], detail), field);
}

function count(value: number, field: 'copies' | 'pages', max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Refusal<IntakeField>(m.countInvalid(m.fieldLabels[field], max), field);
  return value;
}

/** Checks the changes a clerk makes to an item; text is cleaned, out-of-range numbers refused. */
export function checkEntryChanges(changes: Partial<ChecklistEntry>): Partial<ChecklistEntry> {
  const checked: Partial<ChecklistEntry> = {};
  if (changes.status !== undefined) {
    if (!checklistItemStatuses.includes(changes.status)) throw new Refusal(m.itemNotFound);
    checked.status = changes.status;
  }
  if (changes.form !== undefined) {
    if (changes.form !== null && !materialForms.includes(changes.form)) throw new Refusal(m.itemNotFound);
    checked.form = changes.form;
  }
  if (changes.copies !== undefined) checked.copies = count(changes.copies, 'copies', 99);
  if (changes.pages !== undefined) checked.pages = count(changes.pages, 'pages', 9999);
  if (changes.deferredUntil !== undefined) {
    if (changes.deferredUntil !== null && !isoDateSchema.safeParse(changes.deferredUntil).success) refuse('deferredUntil', '日期格式应为 YYYY-MM-DD');
    checked.deferredUntil = changes.deferredUntil;
  }
  if (changes.note !== undefined) {
    if (changes.note === null) checked.note = null;
    else {
      const note = cleanText(changes.note, { max: 500, multiline: true });
      if (!note.ok) refuse('note', note.error.message);
      checked.note = note.value === '' ? null : note.value;
    }
  }
  return checked;
}

/** The item of the case's current checklist with this key, or a refusal saying it is not (or no longer) there. */
export function requireItem(items: readonly ChecklistItemRow[], key: ChecklistItemKey): ChecklistItemRow {
  const item = items.find((candidate) => candidate.key === key);
  if (item === undefined) throw new Refusal(m.itemNotFound);
  return item;
}

/**
 * Records what the clerk found for one item (status, form, copies, pages, 容缺 deadline, note): the item
 * record, a checklist event for HQ and an audit entry, in one transaction. Fields left out keep their value.
 * A deferred item needs its deadline; any other status clears it. 承诺 only where the catalogue allows it.
 */
export async function recordChecklistItem(
  db: DeskDatabase,
  caseId: CaseId,
  key: ChecklistItemKey,
  changes: Partial<ChecklistEntry>,
  context: WriteContext,
): Promise<CaseChange<ChecklistItemRow>> {
  const at = chinaIso(context.at ?? new Date());
  const input = await checkIntake(async () => checkEntryChanges(changes));
  if (!input.ok) return input;
  const checked = input.value;
  const existing = await guardStorage(() => db.cases.get(caseId));
  if (existing === undefined) return { ok: false, message: m.notFound };
  const catalogue = await catalogueForCase(db, existing);
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'checklist.record',
    subject: caseSubject(caseId),
    details: { key, ...(checked.status === undefined ? {} : { status: checked.status }) },
  };
  return runCaseWrite(db, audit, async () => {
    const [clerk, caseRow] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    requireChecklistOpen(caseRow);
    const before = requireItem(await checklistWithin(db, caseRow, catalogue), key);
    const merged: ChecklistItemRow = { ...before, ...checked, checkedBy: clerk.id, checkedAt: at };
    if (merged.status === 'committed' && !merged.item.commitmentAllowed) throw new Refusal(m.commitmentNotAllowed(merged.item.name));
    if (merged.status !== 'deferred') merged.deferredUntil = null;
    else if (merged.deferredUntil === null) refuse('deferredUntil', m.deferredNeedsDate);
    const attachments = (await db.attachments.bulkGet(merged.attachmentIds)).filter((row) => row !== undefined);
    await Promise.all([
      db.checklistItems.put(recordOf(merged, clerk.id, at)),
      touchCase(db, caseId, at),
      appendOps(currentWriteTransaction(), [checklistEventOp(merged, attachments, { clerkId: clerk.id, at })]),
    ]);
    return merged;
  });
}
