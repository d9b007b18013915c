/** One measured figure, as `npm run bench -- --json FILE` writes it. */
export interface BenchResult {
  suite: string;
  name: string;
  /** Times, or the peak memory a run used (`backup`). */
  unit: 'ms' | 'MB';
  median: number;
  p95: number;
  n: number;
  /** The same work done the plain way in the same run, since this machine is noisy. */
  anchor?: { name: string; median: number };
  ratio?: number;
  /** The same figure in the same run with encryption at rest off (`cases`), and ours over it (medians). */
  unencrypted?: { median: number; p95: number; ratio: number };
  /** The figure we hold ourselves to (ARCHITECTURE.md, "Figures"), when there is one. */
  target?: { stat: 'median' | 'p95'; max: number };
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}
