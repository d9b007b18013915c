import { Refusal } from './refusal';
import { describeStorageError } from './storage';

/**
 * A write or read the storage could not carry out (full disk, database blocked, a damaged row…). The
 * message is for the clerk, in Chinese; `cause` keeps the original error for the log. Refusals (a rule
 * said no) are not DataErrors: they come back as `ChangeResult`s.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
}

/** Runs storage work, letting refusals through and turning every other failure into a DataError. */
export async function guardStorage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal || error instanceof DataError) throw error;
    throw new DataError(describeStorageError(error), { cause: error });
  }
}
