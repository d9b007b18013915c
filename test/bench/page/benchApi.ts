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

export type SearchKind = 'name' | 'pinyin' | 'idNumber' | 'uscc' | 'phone' | 'caseNumber';

export interface CasesBenchApi {
  /**
   * Cases seeded so far, whether they were made by the current generator, and the database's schema
   * version; read through IndexedDB itself, since opening the database with the data layer would first
   * run the upgrades of a profile seeded by an older build.
   */
  status(): Promise<SeedStatus>;
  /** Deletes the database (a seed from an older generator). */
  reset(): Promise<void>;
  /** Seeds cases [from, to) of `total` (and, from 0, the hall's enterprises), in chunks; returns where the time went. */
  seed(from: number, to: number, total: number): Promise<SeedTiming>;
  /** Desk identity, a clerk, the catalogue and calendar: what intake needs before the first case. */
  prepare(): Promise<void>;
  /**
   * Moves every fresh search key into the settled index in batches of `batchRows`, as the app does while
   * the desk is quiet; times each batch and counts the rows moved.
   */
  settle(batchRows: number): Promise<{ rows: number; batchMs: number[] }>;
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
  intake(n: number, total: number): Promise<{ intake: number[]; anchor: number[] }>;
  /** Times `n` searches of a kind through `searchCases`, each made from a seeded case. */
  search(kind: SearchKind, n: number, total: number, salt: number): Promise<SearchSample[]>;
  /** The naive anchor: the same query by a Dexie `filter` over every case. */
  fullScan(kind: SearchKind, total: number, salt: number): Promise<SearchSample>;
  /** From navigation start to the database open and the day's queue plus one search answered. */
  firstQuery(): Promise<number>;
}
