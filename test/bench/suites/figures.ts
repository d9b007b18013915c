import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertChromium } from '../../e2e/chromium';
import { builtRendererDir } from '../../e2e/harness/rendererServer';
import { anchorOf, round, summarise } from '../stats';
import type { BenchResult, BenchSuite } from '../types';
import { benchPage, buildBenchPage, caller, ensureSeeded, launch, port, serve, total } from './cases';

/**
 * The hall's figures (统计) on the `cases` suite's seeded desk (BENCH_CASES cases, its profile): a 30-day and
 * a 365-day range, hall-wide, through the facts index (`readFigures`), each run with its anchor in the same
 * moment — the same numbers computed by opening every case of the range (`readFiguresByScan`). A run whose
 * two answers differ fails. Targets (issue 13): 30 days ≤ 300 ms, a year ≤ 1 s.
 */
const runs = Number(process.env['BENCH_FIGURES_RUNS'] ?? 7);
const label = `${(total / 1000).toLocaleString('en')}k cases`;
const ranges: Array<{ days: number; max: number }> = [
  { days: 30, max: 300 },
  { days: 365, max: 1_000 },
];

export const figuresSuite: BenchSuite = {
  name: 'figures',
  async run() {
    assertChromium();
    if (!existsSync(resolve(builtRendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
    await buildBenchPage();
    const server = await serve(port);
    const results: BenchResult[] = [];
    try {
      const context = await launch();
      try {
        const call = caller(await benchPage(context));
        await ensureSeeded(call, 'sealed');
        await call('prepare', 'sealed');
        for (const { days, max } of ranges) {
          const index: number[] = [];
          const anchor: number[] = [];
          let cases = 0;
          for (let run = 0; run < runs; run += 1) {
            const timing = await call('figures', days);
            if (!timing.same) throw new Error(`figures for ${timing.range.from}–${timing.range.to}: the index and the full scan disagree`);
            if (timing.backfill.cases > 0) console.log(`  facts pass: ${timing.backfill.cases} cases in ${round(timing.backfill.ms)} ms before the first run`);
            index.push(timing.ms);
            anchor.push(timing.anchorMs);
            cases = timing.cases;
          }
          results.push({
            suite: 'figures',
            name: `figures for ${days} days (${cases.toLocaleString('en')} cases taken in), hall-wide, at ${label}`,
            unit: 'ms',
            ...summarise(index),
            ...anchorOf(index, 'the same figures by opening every case of the range (full scan)', anchor),
            target: { stat: 'p95', max },
          });
        }
      } finally {
        await context.close();
      }
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
    return results;
  },
};
