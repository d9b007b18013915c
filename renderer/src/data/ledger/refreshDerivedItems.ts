import { addWorkingDaysOn, type WorkingCalendar } from '../../domain/calendar';
import type { CaseId } from '../../domain/cases/caseId';
import { openAcceptance, outstandingDeferred } from '../../domain/cases/deferredMaterials';
import { businessDateOf } from '../../domain/chineseDate';
import { deriveLedgerItems, isDerivedSource, type DerivedLedgerItem, type DerivedLedgerSource, type LedgerCaseFacts } from '../../domain/ledger/deriveItems';
import type { LedgerItemId } from '../../domain/ledger/ledgerItem';
import { ledgerMessages } from '../../domain/ledger/messages';
import { activeCalendar, activeGreenCards, greenCardIn } from '../catalogueStore';
import { chinaIso } from '../clock';
import { commitmentCasesOf } from '../commitments';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { deferralSources } from '../deferredSupplement';
import type { GreenCardList } from '../greenCards';
import type { CaseRow, ChecklistRecordRow } from '../records';
import { actingClerk, type WriteContext } from '../caseWrite';
import { currentWriteTransaction } from '../transaction';
import { appendOps, type OpDraft } from '../outbox';
import { ledgerItemOp, runLedgerWrite, type LedgerChange } from './ledgerCommands';
import { ledgerRowOf, type LedgerItemRow } from './ledgerRows';

/** What a refresh did: items created, and items closed because they no longer apply. */
export interface LedgerRefreshResult {
  created: number;
  closed: number;
}

/** Items written per transaction: a first refresh on a big desk writes many, and no transaction should hold the desk long. */
const BATCH = 100;

/**
 * Brings the ledger up to date with the cases this desk holds (every case of the hall it has pulled) on
 * `today`: creates the derived items (overdue, deferred, commitment, green card) that are missing, and
 * closes, with an automatic result naming why, the derived items that no longer apply (the case was
 * decided, the material brought in, the check recorded, the case finished) — but only those still 待督办:
 * an item someone acts on (督办中: an owner assigned or a follow-up recorded) is left as it is for the
 * chief to close with a real result. Escalations are never touched. Idempotent: ids are made from what the
 * item is about, so an item that exists (made here or pulled from another desk) is not made again, and a
 * second run on the same day changes nothing. Each batch is a write with its ops and audit entry; any
 * signed-in person may run it (it records what the cases already say).
 */
export async function refreshDerivedItems(db: DeskDatabase, context: WriteContext): Promise<LedgerChange<LedgerRefreshResult>> {
  const at = context.at ?? chinaIso();
  const today = businessDateOf(at);
  const [calendar, cards] = await Promise.all([activeCalendar(db), activeGreenCards(db)]);
  const { desired, closable } = await guardStorage(() => plan(db, today, calendar.data, cards.data));

  // Items already here (made here or pulled) are not made again; keys only, no row is opened.
  const held = new Set(await guardStorage(() => db.ledgerItems.where(':id').anyOf([...desired.keys()]).primaryKeys()));
  const creates = [...desired.values()].filter((entry) => !held.has(entry.item.id));
  const closes = closable;
  const result: LedgerRefreshResult = { created: 0, closed: 0 };
  // Nothing to do writes nothing (no audit entry either): the refresh may run as often as the desk likes.
  for (let start = 0; start < Math.max(creates.length, closes.length); start += BATCH) {
    const batchCreates = creates.slice(start, start + BATCH);
    const batchCloses = closes.slice(start, start + BATCH);
    const audit = { at, clerkId: context.clerk.id, action: 'ledger.refresh', subject: 'ledger', details: { derived: batchCreates.length, noLongerApplying: batchCloses.length } };
    const done = await runLedgerWrite(db, audit, async () => {
      // Any active account: the refresh records what the cases already say, it decides nothing.
      const clerk = await actingClerk(db, context.clerk);
      const existing = await db.ledgerItems.bulkGet([...batchCreates.map((entry) => entry.item.id), ...batchCloses.map((entry) => entry.id)]);
      const known = new Map(existing.filter((row): row is LedgerItemRow => row !== undefined).map((row) => [row.id, row]));
      const rows: LedgerItemRow[] = [];
      for (const { item, greenCard } of batchCreates) {
        if (known.has(item.id)) continue;
        rows.push(ledgerRowOf({ ...item, reason: null, status: 'open', result: null, createdAt: at, updatedAt: at, previous: null }, greenCard, null));
      }
      const created = rows.length;
      for (const { id, source } of batchCloses) {
        const row = known.get(id);
        // Read again in this transaction: someone may have acted on it since the plan was made.
        if (row === undefined || row.status !== 'open') continue;
        rows.push({
          ...row,
          status: 'closed',
          result: ledgerMessages.autoClosedResult(ledgerMessages.noLongerApplies[source]),
          updatedAt: at,
          previous: { owner: row.owner, dueDate: row.dueDate, status: row.status },
        });
      }
      const ops: OpDraft[] = rows.map((row, index) => ledgerItemOp(row, clerk, at, index < created ? 'create' : 'change'));
      await Promise.all([db.ledgerItems.bulkPut(rows), appendOps(currentWriteTransaction(), ops)]);
      return { created, closed: rows.length - created };
    });
    if (!done.ok) return done;
    result.created += done.value.created;
    result.closed += done.value.closed;
  }
  return { ok: true, value: result };
}

interface Plan {
  /** Every derived item the cases call for today, by id, with the case's green-card flag. */
  desired: Map<LedgerItemId, { item: DerivedLedgerItem; greenCard: boolean }>;
  /** Open derived items the cases no longer call for. */
  closable: { id: LedgerItemId; source: DerivedLedgerSource }[];
}

/**
 * Reads the cases that may call for an item — through indexes, never all cases: those whose promised date
 * is at most a working day away or past (`dueDate`), those that may owe 容缺 materials (by status), those
 * with committed items (by checklist status), those of green-card enterprises (list → enterprises by
 * USCC → cases by enterprise), and those of the open derived items — and derives each one's items.
 */
async function plan(db: DeskDatabase, today: string, calendar: WorkingCalendar, cards: GreenCardList): Promise<Plan> {
  const nearDue = addWorkingDaysOn(calendar, today, 1);
  const usccs = cards.cards.filter((card) => card.validUntil === null || card.validUntil >= today).map((card) => card.uscc);
  const { rows, records, openItems } = await db.transaction('r', [db.cases, db.checklistItems, db.enterprises, db.ledgerItems], async () => {
    const [dueSoon, deferral, committed, enterprises, open] = await Promise.all([
      // '' (no clock running) sorts before every date, so the range holds running clocks only.
      db.cases.where('dueDate').between('0', nearDue, true, true).toArray(),
      deferralSources(db),
      db.checklistItems.where('status').equals('committed').toArray(),
      usccs.length === 0 ? Promise.resolve([]) : db.enterprises.where('uscc').anyOf(usccs).primaryKeys(),
      db.ledgerItems.where('status').equals('open').toArray(),
    ]);
    const byId = new Map<CaseId, CaseRow>([...dueSoon, ...deferral.cases].map((row) => [row.id, row]));
    const greenCases = enterprises.length === 0 ? [] : await db.cases.where('enterpriseId').anyOf(enterprises).toArray();
    for (const row of greenCases) byId.set(row.id, row);
    const openDerived = open.filter((item) => isDerivedSource(item.source));
    const missing = [...new Set([...committed.map((record) => record.caseId), ...openDerived.map((item) => item.caseId)])].filter((id) => !byId.has(id));
    for (const row of await db.cases.bulkGet(missing)) if (row !== undefined) byId.set(row.id, row);
    const ids = [...byId.keys()];
    const known = new Set(deferral.cases.map((row) => row.id));
    const more = ids.filter((id) => !known.has(id));
    const moreRecords = more.length === 0 ? [] : await db.checklistItems.where('caseId').anyOf(more).toArray();
    return { rows: [...byId.values()], records: [...deferral.records, ...moreRecords], openItems: openDerived };
  });

  const commitments = new Map((await commitmentCasesOf(db, rows)).map((entry) => [entry.caseId, entry]));
  const desired: Plan['desired'] = new Map();
  const derivedFor = new Set<CaseId>();
  for (const row of rows) {
    const facts = factsOf(row, recordsByCase(records).get(row.id) ?? [], commitments.get(row.id), cards, today);
    for (const item of deriveLedgerItems(facts, today, calendar)) desired.set(item.id, { item, greenCard: row.enterprise.greenCard });
    derivedFor.add(row.id);
  }
  const closable = openItems
    // An item of a case this desk does not hold is left alone: nothing here says it stopped applying.
    .filter((item) => derivedFor.has(item.caseId) && !desired.has(item.id))
    .map((item) => ({ id: item.id, source: item.source as DerivedLedgerSource }));
  return { desired, closable };
}

const grouped = new WeakMap<readonly ChecklistRecordRow[], Map<string, ChecklistRecordRow[]>>();
function recordsByCase(records: readonly ChecklistRecordRow[]): Map<string, ChecklistRecordRow[]> {
  let map = grouped.get(records);
  if (map === undefined) {
    map = new Map();
    for (const record of records) map.set(record.caseId, [...(map.get(record.caseId) ?? []), record]);
    grouped.set(records, map);
  }
  return map;
}

/** What derivation needs of one case, from its row, checklist records, 核查 and the green-card list. */
export function factsOf(
  row: CaseRow,
  records: readonly ChecklistRecordRow[],
  commitment: { committed: LedgerCaseFacts['committed']; checks: LedgerCaseFacts['checks'] } | undefined,
  cards: GreenCardList,
  today: string,
): LedgerCaseFacts {
  const statusOf = new Map<string, ChecklistRecordRow['status']>(records.map((record) => [record.key, record.status]));
  const card = row.enterprise.greenCard && row.enterprise.uscc !== null ? greenCardIn(cards, row.enterprise.uscc, today) : null;
  return {
    caseId: row.id,
    status: row.state.status,
    greenCard: row.enterprise.greenCard,
    liaison: card === null ? null : { liaisonName: card.liaisonName, liaisonPhone: card.liaisonPhone },
    outstandingDeferred: outstandingDeferred(openAcceptance(row.state.status), (key) => statusOf.get(key)),
    committed: commitment?.committed ?? [],
    checks: commitment?.checks ?? [],
  };
}
