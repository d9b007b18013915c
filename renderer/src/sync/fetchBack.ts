import { attachmentContent } from '../data/attachments';
import { guardStorage } from '../data/dataError';
import type { DeskDatabase } from '../data/db';
import { archivedPdf } from '../data/documentArchive/archive';
import type { DocumentRow } from '../data/records';
import { sha256Hex } from '../domain/sha256';
import { syncMessages } from './messages';
import type { SyncTransport } from './transport';

const m = syncMessages.fetchBack;

/**
 * The plain bytes of a stored scan or archived PDF, or why they cannot be shown: `offline` (purged here,
 * HQ unreachable: it opens once the network is back), `missing` (neither here nor at HQ) or `refused`
 * (HQ's answer was not the document).
 */
export type OpenedBytes = { ok: true; bytes: Uint8Array; fetched: boolean } | { ok: false; reason: 'offline' | 'missing' | 'refused'; message: string };

/**
 * Bytes purged after the retention period, asked of HQ (DESIGN §4 "Blobs back"). Kept in memory only:
 * the desk does not grow back what it purged. Checked against the address here as well as in the main
 * process, so no path into the page can hand over another document.
 */
async function fetchBack(transport: SyncTransport, sha256: string): Promise<OpenedBytes> {
  const answer = await transport.getBlob({ sha256 });
  if (!answer.ok) {
    const kind = answer.failure.kind;
    if (kind === 'network' || kind === 'timeout' || kind === 'serverError' || kind === 'tooManyRequests') return { ok: false, reason: 'offline', message: m.offline };
    return { ok: false, reason: 'refused', message: m.refused(answer.failure.message) };
  }
  if (!answer.value.found) return { ok: false, reason: 'missing', message: m.notAtHq };
  if ((await sha256Hex(answer.value.bytes)) !== sha256) return { ok: false, reason: 'refused', message: m.wrongBytes };
  return { ok: true, bytes: answer.value.bytes, fetched: true };
}

/** A scan by its content address: from this desk while it keeps the bytes, else from HQ. */
export async function openScan(db: DeskDatabase, transport: SyncTransport, sha256: string): Promise<OpenedBytes> {
  const local = await attachmentContent(db, sha256);
  if (local !== undefined) return { ok: true, bytes: new Uint8Array(await local.arrayBuffer()), fetched: false };
  const row = await guardStorage(() => db.blobs.get(sha256));
  if (row?.purgedAt === undefined) return { ok: false, reason: 'missing', message: m.notHere };
  return fetchBack(transport, sha256);
}

/** An archived PDF: exactly the printed bytes, from this desk while it keeps them, else from HQ. */
export async function openArchivedPdf(transport: SyncTransport, row: DocumentRow): Promise<OpenedBytes> {
  const local = await archivedPdf(row);
  if (local !== null) return { ok: true, bytes: local, fetched: false };
  return fetchBack(transport, row.sha256);
}
