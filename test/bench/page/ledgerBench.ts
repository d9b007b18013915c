/**
 * The `ledger` suite's part of the bench page (`casesEntry.ts` puts it on `window.__bench` beside the
 * cases suite's calls): the ledger's own data layer and exports, run on the cases suite's seeded desk.
 */
import { installReference } from '../../../renderer/src/data/catalogueStore';
import type { DeskDatabase } from '../../../renderer/src/data/db';
import { readLedgerPage, type LedgerPageQuery, type LedgerRow } from '../../../renderer/src/data/ledger/ledgerQueries';
import type { LedgerItemRow } from '../../../renderer/src/data/ledger/ledgerRows';
import { refreshDerivedItems } from '../../../renderer/src/data/ledger/refreshDerivedItems';
import type { CaseRow } from '../../../renderer/src/data/records';
import { ledgerWorkbook } from '../../../renderer/src/documents/ledgerWorkbook';
import type { SignedInClerk } from '../../../renderer/src/domain/clerks/account';
import { servedAfterAcceptance } from '../../../renderer/src/domain/ledger/deriveItems';
import { ledgerSourceLabels, ledgerSources, ledgerStatusLabels } from '../../../renderer/src/domain/ledger/ledgerItem';
import type { LedgerReportRow } from '../../../renderer/src/domain/ledger/ledgerReport';
import { mobile } from '../../fixtures/identities';
import type { LedgerBenchApi, LedgerFilter, LedgerPageSample } from './benchApi';

/** The screen's first page: what `LedgerPage.tsx` asks for on opening (active items, by due date, 20). */
const pageSize = 20;
const firstPageQuery = (filter: LedgerFilter, today: string): LedgerPageQuery => ({
  status: 'active',
  sort: 'dueDate',
  page: 1,
  pageSize,
  today,
  ...(filter === 'overdue' ? { overdueOnly: true } : {}),
  ...(filter === 'greenCard' ? { greenCardOnly: true } : {}),
});

/** Cases the full scan reads at once. */
const scanChunk = 5_000;

/** The exports' page size: the most `readLedgerPage` gives at once. */
const exportPageSize = 200;

/** The 3 p.m. of the hall's `today`: the instant the refresh and the exports say they ran at. */
const afternoonOf = (today: string) => new Date(Date.parse(`${today}T15:00:00+08:00`)).toISOString();

/**
 * A report row of a listed line, as the screen would hand it to the exports; null for a line whose case
 * this desk does not hold (none on a seeded desk).
 */
function reportRowOf(row: LedgerRow): LedgerReportRow | null {
  if (row.caseNumber === null || row.enterpriseName === null) return null;
  return {
    caseNumber: row.caseNumber,
    enterpriseName: row.enterpriseName,
    greenCard: row.greenCard,
    sourceLabel: ledgerSourceLabels[row.source],
    owner: row.owner?.department ?? null,
    liaison: row.owner?.liaisonName == null ? null : { name: row.owner.liaisonName, phone: row.owner.liaisonPhone },
    dueDate: row.dueDate,
    workingDaysLeft: row.workingDaysLeft,
    statusLabel: ledgerStatusLabels[row.status],
    latestFollowUp: null,
  };
}

export function ledgerBenchApi(database: () => DeskDatabase, clerk: SignedInClerk): LedgerBenchApi {
  return {
    async prepareLedger(today, greenCardEvery) {
      const db = database();
      // Each run times a first refresh: the previous run's items go, with the ops they queued for HQ.
      const previous = (await db.ledgerItems.toCollection().primaryKeys()) as string[];
      await db.transaction('rw', [db.ledgerItems, db.ledgerFollowUps, db.outbox], async () => {
        if (previous.length > 0) await db.outbox.where('entityId').anyOf(previous).delete();
        await db.ledgerItems.clear();
        await db.ledgerFollowUps.clear();
      });
      // The seed has no green card: the hall's list names the enterprise of one in `greenCardEvery` cases
      // being served after acceptance (a known enterprise, with a USCC), and their cases carry the card as
      // intake would have recorded it. The same cases every run, so the profile does not drift.
      const served = (await db.cases.where('statusCode').anyOf([...servedAfterAcceptance]).toArray()).filter((row) => row.enterprise.uscc !== null);
      served.sort((a, b) => a.id.localeCompare(b.id));
      const chosen = new Map<string, CaseRow>();
      served.forEach((row, i) => {
        if (i % greenCardEvery === 0) chosen.set(row.enterprise.uscc!, row);
      });
      // Handed over as HQ would send it: the reference store validates it (USCCs included) before use.
      const list = {
        version: `bench-ledger-${today}-${chosen.size}`,
        cards: [...chosen.values()].map((row, i) => ({
          uscc: row.enterprise.uscc!,
          enterpriseName: row.enterprise.name,
          liaisonName: `专员${String.fromCharCode(0x7532 + (i % 10))}`,
          liaisonPhone: mobile('139', 10_000_000 + i),
          validUntil: null,
          priority: 1 as const,
        })),
      };
      const installed = await installReference(db, 'greencards', list, { source: 'hq', hqVersion: null });
      if (!installed.ok) throw new Error(`green-card list refused: ${installed.message}`);
      const enterpriseIds = [...new Set([...chosen.values()].flatMap((row) => (row.enterpriseId === null ? [] : [row.enterpriseId])))];
      const marked = await db.cases
        .where('enterpriseId')
        .anyOf(enterpriseIds)
        .filter((row) => !row.enterprise.greenCard)
        .modify((row) => {
          row.enterprise.greenCard = true;
        });
      const greenCases = await db.cases.where('enterpriseId').anyOf(enterpriseIds).count();
      return { clearedItems: previous.length, cards: list.cards.length, greenCases, newlyMarked: marked, servedCases: served.length };
    },

    async refreshLedger(today) {
      const db = database();
      const started = performance.now();
      const result = await refreshDerivedItems(db, { clerk, at: afternoonOf(today) });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`refresh refused: ${result.message}`);
      const bySource = Object.fromEntries(await Promise.all(ledgerSources.map(async (source) => [source, await db.ledgerItems.where('source').equals(source).count()] as const)));
      return { ms, created: result.value.created, closed: result.value.closed, bySource, items: await db.ledgerItems.count() };
    },

    async ledgerFirstPage(filter, today, n) {
      const db = database();
      const samples: number[] = [];
      let last: LedgerPageSample | null = null;
      for (let i = 0; i < n; i += 1) {
        const started = performance.now();
        const page = await readLedgerPage(db, firstPageQuery(filter, today));
        samples.push(performance.now() - started);
        last = { ids: page.rows.map((row) => row.id), total: page.total };
      }
      return { ms: samples, page: last ?? { ids: [], total: 0 } };
    },

    async ledgerFullScan(filter, today, n) {
      const db = database();
      const samples: number[] = [];
      let last: LedgerPageSample = { ids: [], total: 0 };
      for (let i = 0; i < n; i += 1) {
        const started = performance.now();
        // Every item and every case read and opened, then filtered, sorted and paged in memory. Cases a
        // chunk at a time (opened together, as a bulk read is), keeping what the page needs of each rather
        // than every row's timeline and keys at once.
        const items = await db.ledgerItems.toArray();
        const caseOf = new Map<string, { caseNumber: string; greenCard: boolean }>();
        for (let after: string | null = null; ; ) {
          const rows: CaseRow[] = await (after === null ? db.cases.orderBy(':id') : db.cases.where(':id').above(after)).limit(scanChunk).toArray();
          for (const row of rows) caseOf.set(row.id, { caseNumber: row.caseNumber, greenCard: row.enterprise.greenCard });
          if (rows.length < scanChunk) break;
          after = rows.at(-1)!.id;
        }
        const matching = items.filter(
          (item: LedgerItemRow) =>
            item.status !== 'closed' && (filter !== 'overdue' || item.dueDate < today) && (filter !== 'greenCard' || caseOf.get(item.caseId)?.greenCard === true),
        );
        matching.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
        const page = matching.slice(0, pageSize).map((item) => ({ id: item.id, caseNumber: caseOf.get(item.caseId)?.caseNumber ?? null }));
        samples.push(performance.now() - started);
        last = { ids: page.map((row) => row.id), total: matching.length };
      }
      return { ms: samples, page: last };
    },

    async ledgerExport(rows, today, n) {
      const db = database();
      const samples = { ms: [] as number[], buildMs: [] as number[], workbookMs: [] as number[] };
      let bytes = 0;
      let distinct = 0;
      for (let i = 0; i < n; i += 1) {
        const started = performance.now();
        // Build the rows as the screen would: every item (all states) a page at a time, as report rows.
        const listed: LedgerReportRow[] = [];
        for (let page = 1; listed.length < rows; page += 1) {
          const read = await readLedgerPage(db, { status: 'all', sort: 'dueDate', page, pageSize: exportPageSize, today });
          for (const row of read.rows) {
            const report = reportRowOf(row);
            if (report !== null && listed.length < rows) listed.push(report);
          }
          if (page * exportPageSize >= read.total) break;
        }
        distinct = listed.length;
        if (distinct === 0) throw new Error('the ledger is empty: nothing to export');
        // A desk smaller than the figure's holds fewer items: its rows repeat up to the size timed.
        const exported = Array.from({ length: rows }, (_, r) => listed[r % distinct]!);
        const built = performance.now();
        const file = await ledgerWorkbook(exported, { hallName: '绵阳市政务服务中心', range: { from: exported.reduce((min, row) => (row.dueDate < min ? row.dueDate : min), today), to: today }, madeAt: afternoonOf(today) });
        const done = performance.now();
        samples.ms.push(done - started);
        samples.buildMs.push(built - started);
        samples.workbookMs.push(done - built);
        bytes = file.byteLength;
      }
      return { ...samples, bytes, distinct };
    },
  };
}
