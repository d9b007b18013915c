import type { LedgerFilter, LedgerPageSample } from '../page/benchApi';
import { endOfSeeding } from '../page/caseFactory';
import { anchorOf, median, round, summarise } from '../stats';
import type { BenchResult, BenchSuite } from '../types';
import { benchPage, buildBenchPageOnApp, caller, ensureSeeded, launch, port, serve, total, type Call } from './cases';

/**
 * 督办台账 at BENCH_CASES cases (issue #13's figures), on the `cases` suite's seeded profile and bench page:
 * the derived items made from the seeded cases by `refreshDerivedItems`, then the screen's first page
 * (all, overdue, green card) through `readLedgerPage` against the same page by a full scan, and the
 * `.xlsx` export of a 5,000-row ledger.
 *
 * The ledger runs on the last seeded day (`endOfSeeding`): the cases of the seed's last weeks still run,
 * some past their promised date and some within a working day of it, as on a working day of the hall.
 */
const label = `${(total / 1000).toLocaleString('en')}k cases`;
const today = endOfSeeding;
// 200 runs, so that a p95 takes ten samples, not one stall of the shared machine (see `cases.ts`).
const pageRuns = 200;
/** The full scan opens every case: seconds a run at 200,000, so a few runs give its median. */
const anchorRuns = 3;
const exportRows = 5_000;
const exportRuns = 10;
/** One case in this many served after acceptance has its enterprise on the bench's green-card list. */
const greenCardEvery = 4;

const firstPages: Array<[LedgerFilter, string]> = [
  ['all', 'opening the ledger (all open items, first page of 20)'],
  ['overdue', 'the ledger filtered to overdue items, first page of 20'],
  ['greenCard', 'the ledger filtered to green-card items, first page of 20'],
];

/**
 * A group of figures measured on the prepared ledger, with its own calls on the bench page. The figures
 * screen's lines (issue #13: a 30-day range ≤ 300 ms, a year ≤ 1 s, each against the same figures by a
 * full scan) come as one more group here, with their page calls beside `ledgerBench.ts`'s, once
 * `data/figures/` exists.
 */
export interface LedgerFigureGroup {
  run(call: Call, context: { today: string; label: string }): Promise<BenchResult[]>;
}

const figureGroups: LedgerFigureGroup[] = [];

function samePage(ours: LedgerPageSample, scan: LedgerPageSample): boolean {
  return ours.total === scan.total && ours.ids.length === scan.ids.length && ours.ids.every((id, i) => id === scan.ids[i]);
}

async function firstPageFigures(call: Call): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [filter, title] of firstPages) {
    // Warm the code paths (zod, the calendar, IndexedDB's pages) before timing.
    await call('ledgerFirstPage', filter, today, 5);
    const ours = await call('ledgerFirstPage', filter, today, pageRuns);
    const scan = await call('ledgerFullScan', filter, today, anchorRuns);
    // The anchor must answer the same question, or its ratio says nothing.
    if (!samePage(ours.page, scan.page)) {
      throw new Error(`ledger ${filter}: readLedgerPage and the full scan disagree (${ours.page.total} vs ${scan.page.total} items; first ${ours.page.ids.slice(0, 3).join(', ')} vs ${scan.page.ids.slice(0, 3).join(', ')})`);
    }
    console.log(`  ledger ${filter}: ${ours.page.total} matching items, ${ours.page.ids.length} on the first page, the same as the full scan's`);
    results.push({
      suite: 'ledger',
      name: `${title} at ${label}, ${ours.page.total} matching`,
      unit: 'ms',
      ...summarise(ours.ms),
      ...anchorOf(ours.ms, 'the same first page by a full scan (every item and case read, filtered, sorted, paged)', scan.ms),
      target: { stat: 'p95', max: 150 },
    });
  }
  return results;
}

/** Prepares the ledger on the seeded desk, makes its items, and measures every figure on them. */
async function ledgerFigures(call: Call): Promise<BenchResult[]> {
  await ensureSeeded(call, 'sealed');
  await call('prepare', 'sealed');
  const prepared = await call('prepareLedger', today, greenCardEvery);
  console.log(
    `  ledger on ${today}: cleared ${prepared.clearedItems} items of an earlier run; ${prepared.cards} green cards (one in ${greenCardEvery} of ${prepared.servedCases} cases' enterprises served after acceptance), ` +
      `${prepared.greenCases} green-card cases (${prepared.newlyMarked} marked now)`,
  );

  const refresh = await call('refreshLedger', today);
  const bySource = Object.entries(refresh.bySource).map(([source, count]) => `${source} ${count}`).join(', ');
  console.log(`  refreshDerivedItems: ${refresh.created} items created, ${refresh.closed} closed in ${round(refresh.ms)} ms; by source: ${bySource}`);
  // The seed is made before any ledger item can be: a desk with none has nothing to measure.
  if (refresh.items === 0) throw new Error('refreshDerivedItems made no item: no seeded case calls for one on the ledger day');
  const results: BenchResult[] = [{ suite: 'ledger', name: `refreshDerivedItems, first refresh making ${refresh.created} items (${bySource}) at ${label}`, unit: 'ms', ...summarise([refresh.ms]) }];

  results.push(...(await firstPageFigures(call)));

  await call('ledgerExport', exportRows, today, 1);
  const exported = await call('ledgerExport', exportRows, today, exportRuns);
  console.log(
    `  export: ${exportRows} rows (${exported.distinct} distinct items${exported.distinct < exportRows ? ', repeated to the size' : ''}), ${round(exported.bytes / 1024)} KiB; ` +
      `building the rows median ${round(median(exported.buildMs))} ms, ledgerWorkbook median ${round(median(exported.workbookMs))} ms`,
  );
  results.push({ suite: 'ledger', name: `export of a ${exportRows.toLocaleString('en')}-row ledger to .xlsx (rows built, ledgerWorkbook) at ${label}`, unit: 'ms', ...summarise(exported.ms), target: { stat: 'median', max: 2_000 } });

  for (const group of figureGroups) results.push(...(await group.run(call, { today, label })));
  return results;
}

export const ledgerSuite: BenchSuite = {
  name: 'ledger',
  async run() {
    await buildBenchPageOnApp();
    const server = await serve(port);
    try {
      const context = await launch();
      try {
        return await ledgerFigures(caller(await benchPage(context)));
      } finally {
        await context.close();
      }
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  },
};
