import Dexie, { type Table, type Transaction } from 'dexie';
import type { DeskDatabase } from './db';

/**
 * The read-write transaction the caller is running in. Functions that must be part of a caller's
 * atomic write (counters, outbox) take it explicitly, and refuse to run outside one: a sequence number
 * taken in a transaction of its own would leave a gap when the caller's write then failed.
 */
export function currentWriteTransaction(): Transaction {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite') throw new Error('must run inside a read-write Dexie transaction');
  return tx;
}

type TableNames = { [K in keyof DeskDatabase]: DeskDatabase[K] extends Table ? K : never }[keyof DeskDatabase];

/** A table of the desk database bound to `tx` (Dexie throws if the transaction does not cover it). */
export function boundTable<N extends TableNames>(tx: Transaction, name: N): DeskDatabase[N] {
  if (tx.mode !== 'readwrite') throw new Error(`${name}: needs a read-write transaction`);
  return tx.table(name) as unknown as DeskDatabase[N];
}
