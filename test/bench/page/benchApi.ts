/** What the `cases` bench page exposes on `window.__bench` (the suite drives it through Playwright). */
export interface SearchSample {
  query: string;
  ms: number;
  /** The case the query was made from was among the hits. */
  found: boolean;
  hits: number;
}

export interface SeedStatus {
  count: number;
  format: string | null;
  total: number | null;
  /** The data layer's schema version of the stored database; null when there is none. */
  schemaVersion: number | null;
}

/** Where a seed's time went. Sealing happens inside the write (the middleware); a sample sealed apart tells its share. */
export interface SeedTiming {
  ms: number;
  /** Rows written: cases and enterprises. */
  rows: number;
  /** Making the rows (generator). */
  generateMs: number;
  /** Computing their keyed search keys (HMAC units). */
  keysMs: number;
  /** The transactions: sealing (middleware) and IndexedDB. */
  writeMs: number;
  /** Sealing a sample of the rows apart, and how many. */
  sealSampleMs: number;
  sealSampleRows: number;
}

/**
 * Which data layer a call works on: the app's (rows sealed, search keys keyed), or the same one with
 * encryption off, in a second database of the same profile (the side-by-side column; bench page only).
 */
export type DataLayer = 'sealed' | 'unencrypted';

export type SearchKind = 'name' | 'pinyin' | 'idNumber' | 'uscc' | 'phone' | 'caseNumber';

export interface CasesBenchApi {
  /**
   * Cases seeded so far, whether they were made by the current generator, and the database's schema
   * version; read through IndexedDB itself, since opening the database with the data layer would first
   * run the upgrades of a profile seeded by an older build.
   */
  status(layer: DataLayer): Promise<SeedStatus>;
  /** Deletes the layer's database (a seed from an older generator). */
  reset(layer: DataLayer): Promise<void>;
  /** Seeds cases [from, to) of `total` (and, from 0, the hall's enterprises), in chunks; returns where the time went. */
  seed(layer: DataLayer, from: number, to: number, total: number): Promise<SeedTiming>;
  /** Desk identity, a clerk, the catalogue and calendar: what intake needs before the first case. */
  prepare(layer: DataLayer): Promise<void>;
  /**
   * Moves every fresh search key into the settled index in batches of `batchRows`, as the app does while
   * the desk is quiet; times each batch and counts the rows moved.
   */
  settle(layer: DataLayer, batchRows: number): Promise<{ rows: number; batchMs: number[] }>;
  /**
   * Marks `n` seeded cases from the middle of the table as keyed by the previous search keys version (the
   * keys it lacked removed, as an upgrade leaves them) and re-keys them as the app does in the background;
   * times each batch and counts the rows it re-keyed.
   */
  rekeySlice(n: number): Promise<{ batchMs: number[]; batchRows: number[] }>;
  /**
   * Times `n` intakes through the real `createDraftCase` (case + checklist + outbox + audit), each followed
   * by the anchor: a bare IndexedDB transaction of the same shape on the same database (as many reads, then
   * as many writes, of tiny rows), so both see the same moment of a noisy machine.
   */
  intake(layer: DataLayer, n: number, total: number): Promise<{ intake: number[]; anchor: number[] }>;
  /** Times `n` searches of a kind through `searchCases`, each made from a seeded case. */
  search(layer: DataLayer, kind: SearchKind, n: number, total: number, salt: number): Promise<SearchSample[]>;
  /** The naive anchor: the same query by a Dexie `filter` over every case. */
  fullScan(kind: SearchKind, total: number, salt: number): Promise<SearchSample>;
  /** From navigation start to the database open and the day's queue plus one search answered. */
  firstQuery(): Promise<number>;
  /**
   * Times `writeBackup` of the desk's database, its bytes handed to `window.__benchSinkWrite` (base64: the
   * suite appends them to a file, as the main process does); returns how long and how many bytes.
   */
  backup(passphrase: string): Promise<{ ms: number; bytes: number }>;
  /**
   * The hall's figures (统计) for the `rangeDays` days ending on the last seeded day, hall-wide: first the facts
   * of cases stored before schema version 12 are written (the background pass, run to its end and timed), then
   * the figures are timed through the facts index (`readFigures`, key-only) and by the anchor, the same numbers
   * computed by opening every case taken in over those days (`readFiguresByScan`); `same` says they agree.
   */
  figures(rangeDays: number): Promise<FiguresTiming>;
  /** The anchor: a plain `dexie-export-import` export of the same database as it rests, through the same sink. */
  exportAnchor(): Promise<{ ms: number; bytes: number }>;
  /**
   * Times `restoreBackup` into this profile's (empty) database, reading the file through
   * `window.__benchSourceRead`; `firstWriteMs` is when its first batch of rows was written (the passphrase,
   * the verifying pass and that batch before it).
   */
  restore(passphrase: string): Promise<{ ms: number; rows: number; firstWriteMs: number }>;
}

/** One figures measurement (see `CasesBenchApi.figures`). */
export interface FiguresTiming {
  range: { from: string; to: string };
  /** Through the facts index, and by opening every case (the anchor), in ms. */
  ms: number;
  anchorMs: number;
  /** Whether both gave the same figures, and how many cases the range holds. */
  same: boolean;
  cases: number;
  /** The facts pass run first: cases it wrote facts for, and how long it took (0 when nothing was due). */
  backfill: { cases: number; ms: number };
}

/** What the backup suite exposes to the page: the sink appends base64 bytes to the file; the source reads 1 MiB at an offset ('' at the end). */
export interface BackupBenchBindings {
  __benchSinkWrite(base64: string): Promise<void>;
  __benchSourceRead(offset: number): Promise<string>;
}

/** Which first page the `ledger` suite opens: the screen's default, or one of its filters. */
export type LedgerFilter = 'all' | 'overdue' | 'greenCard';

/** The page a call ended with: its items in order and how many matched, so two ways of reading it can be compared. */
export interface LedgerPageSample {
  ids: string[];
  total: number;
}

/** What the `ledger` suite adds to `window.__bench` (`ledgerBench.ts`); `today` is the hall's business date. */
export interface LedgerBenchApi {
  /**
   * Clears the previous run's ledger items (and their queued ops), names the enterprise of one in
   * `greenCardEvery` cases served after acceptance on a green-card list and marks those enterprises' cases as green-card.
   */
  prepareLedger(today: string, greenCardEvery: number): Promise<{ clearedItems: number; cards: number; greenCases: number; newlyMarked: number; servedCases: number }>;
  /** Times `refreshDerivedItems` on `today`; counts the items it left, by source. */
  refreshLedger(today: string): Promise<{ ms: number; created: number; closed: number; bySource: Record<string, number>; items: number }>;
  /** Times `n` reads of the screen's first page (20 active items by due date) through `readLedgerPage`. */
  ledgerFirstPage(filter: LedgerFilter, today: string, n: number): Promise<{ ms: number[]; page: LedgerPageSample }>;
  /** The anchor: the same first page by reading every item and case, filtering, sorting and paging in memory. */
  ledgerFullScan(filter: LedgerFilter, today: string, n: number): Promise<{ ms: number[]; page: LedgerPageSample }>;
  /**
   * Times `n` exports of `rows` ledger rows to `.xlsx`: the rows built from `readLedgerPage` (repeated when
   * the desk holds fewer items), then `ledgerWorkbook`.
   */
  ledgerExport(rows: number, today: string, n: number): Promise<{ ms: number[]; buildMs: number[]; workbookMs: number[]; bytes: number; distinct: number }>;
}

/** Everything the bench page exposes on `window.__bench`. */
export type BenchPageApi = CasesBenchApi & LedgerBenchApi;
