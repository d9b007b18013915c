import { clerkMessages } from './messages';

/** An unexpected failure (storage, a damaged row) in words for the clerk; refusals never get here. */
export function unexpectedErrorText(error: unknown): string {
  return clerkMessages.unexpected(error instanceof Error ? error.message : String(error));
}
