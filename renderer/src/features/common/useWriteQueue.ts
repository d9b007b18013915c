import { useState } from 'react';
import { createWriteQueue, type WriteQueue } from './writeQueue';

/** One write queue for the life of the component (see `writeQueue.ts`). */
export function useWriteQueue(): WriteQueue {
  const [queue] = useState(createWriteQueue);
  return queue;
}
