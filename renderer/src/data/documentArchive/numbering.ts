import { toChinaCalendarDate } from '../../domain/chineseDate';
import { formatDocumentNumber, type DocumentNumber } from '../../domain/documentNumber';
import type { DocumentKind } from '../../domain/documentEvents';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { requireDeskIdentity } from '../desk';
import { agencyCodeFor, requireIssuingAgency } from '../issuingAgency';
import { refusalsAsResults, type ChangeResult } from '../refusal';
import { nextDocumentSeq } from '../sequences';
import { currentWriteTransaction } from '../transaction';

/**
 * 文号 are unique per desk without a server: the number is the desk's per-year sequence for the kind's
 * 机关代字, taken in the transaction that archives the document. The PDF must carry its number, so it is
 * drawn first with the number the sequence will give next (`nextDocumentNumber`); if another print took
 * that number in between, the archive refuses (field `documentNumber`) and the caller draws again.
 */

/** Inside a write: the next 文号 of this kind for the instant `at` (takes the sequence number). */
export async function takeDocumentNumber(db: DeskDatabase, kind: DocumentKind, at: string): Promise<DocumentNumber> {
  const [desk, agency] = await Promise.all([requireDeskIdentity(db), requireIssuingAgency(db)]);
  const year = toChinaCalendarDate(at).year;
  const agencyCode = agencyCodeFor(agency, kind);
  const sequence = await nextDocumentSeq(currentWriteTransaction(), year, agencyCode);
  return formatDocumentNumber({ agencyCode, year, deskTag: `${desk.hallCode}${desk.deskCode}`, sequence });
}

/** Thrown to roll back the transaction that only looked at the next number. */
class Peeked {
  constructor(readonly number: DocumentNumber) {}
}

/**
 * The 文号 the next archived document of this kind will get, to draw into the PDF before it is archived.
 * Nothing is taken: the sequence is advanced in a transaction that is then rolled back.
 */
export async function nextDocumentNumber(db: DeskDatabase, kind: DocumentKind, at: string = chinaIso()): Promise<ChangeResult<DocumentNumber>> {
  return refusalsAsResults(() =>
    guardStorage(async () => {
      try {
        await db.transaction('rw', [db.meta, db.counters], async () => {
          throw new Peeked(await takeDocumentNumber(db, kind, chinaIso(at)));
        });
      } catch (error) {
        if (error instanceof Peeked) return error.number;
        throw error;
      }
      throw new Error('nextDocumentNumber: the peek transaction did not roll back');
    }),
  );
}
