import type { ReferenceKind } from '../../renderer/src/protocol/reference';
import type { HqStore } from './store';

/** Publishes a whole new list of a kind as the next version; returns that version. */
export function publishReference(store: HqStore, kind: ReferenceKind, items: readonly unknown[], nowIso: string): number {
  return store.transaction(() => {
    const version = (store.latestReference(kind)?.version ?? 0) + 1;
    store.insertReference(kind, version, JSON.stringify(items), nowIso);
    return version;
  });
}

/**
 * The reply to `GET /v1/reference/{kind}?since=V`: the whole list whenever the desk's version differs
 * from the latest, else nothing. With nothing published, version 0 and no items: the desk keeps the
 * default it ships with.
 */
export function referenceReply(store: HqStore, kind: ReferenceKind, since: number | undefined): string {
  const latest = store.latestReference(kind);
  const version = latest?.version ?? 0;
  const full = latest !== undefined && since !== version;
  return `{"kind":${JSON.stringify(kind)},"version":${version},"full":${full},"items":${full ? latest.items : '[]'}}`;
}
