/**
 * Runs writes one after another, in the order they were asked for. A clerk marking items with R R R and
 * then pressing Ctrl+Enter must have the decision see every mark: the decision waits behind the marks
 * rather than racing them. A failed write does not stop the ones queued after it; its caller sees the
 * failure.
 */
export type WriteQueue = <T>(work: () => Promise<T>) => Promise<T>;

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T,>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}
