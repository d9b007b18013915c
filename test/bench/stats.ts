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

/** Summarises samples into the result fields; `ratio` is median over the anchor's median. */
export function summarise(samples: readonly number[], anchorSamples?: readonly number[]) {
  const med = median(samples);
  const base = { median: round(med), p95: round(percentile(samples, 95)), n: samples.length };
  if (!anchorSamples) return base;
  const anchorMedian = median(anchorSamples);
  return { ...base, anchorMedian: round(anchorMedian), ratio: round(med / anchorMedian, 3) };
}
