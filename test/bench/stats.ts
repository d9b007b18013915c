import type { BenchResult } from './types';

/** Nearest-rank percentile of a sample, in the sample's unit. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The sample fields of a result. */
export function summarise(samples: readonly number[]): Pick<BenchResult, 'median' | 'p95' | 'n'> {
  return { median: round(median(samples)), p95: round(percentile(samples, 95)), n: samples.length };
}

/** The anchor fields of a result: the anchor's median and our median over it. */
export function anchorOf(samples: readonly number[], anchorName: string, anchorSamples: readonly number[]): Pick<BenchResult, 'anchor' | 'ratio'> {
  const anchorMedian = median(anchorSamples);
  return { anchor: { name: anchorName, median: round(anchorMedian) }, ratio: round(median(samples) / anchorMedian, 3) };
}
