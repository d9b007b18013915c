import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { caseChecklist, catalogueForCase } from '../../data/caseChecklist';
import { activeGreenCards } from '../../data/catalogueStore';
import { getCase } from '../../data/cases';
import { listClerks } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import { caseLiaison } from '../../data/greenCardPriority';
import { caseDocuments } from '../../data/documentArchive/archive';
import { readIssuingAgency } from '../../data/issuingAgency';
import { isPrintableKind } from '../../data/printSettings';
import type { DocumentRow } from '../../data/records';
import type { CaseDocumentKind } from '../../domain/cases/caseDocuments';
import type { CaseId } from '../../domain/cases/caseId';
import type { DocumentNumber } from '../../domain/documentNumber';
import { hallToday } from '../common/hallClock';
import { useStoredData } from '../common/useStoredData';
import { caseDocumentRequest, type CaseDocumentSources } from './caseDocumentRequests';
import { printingMessages as m } from './messages';
import { PrintOrReprint } from './PrintOrReprint';
import type { DocumentSource } from './usePrintDocument';

/** Reads what a case's documents are drawn from; refuses (throws, in Chinese) when the agency is not set. */
async function loadSources(caseId: CaseId, eventSeq: number): Promise<CaseDocumentSources> {
  const db = deskDatabase();
  const row = await getCase(db, caseId);
  if (row === undefined) throw new Error(m.caseNotFound);
  const [items, loaded, agency, clerks, cards] = await Promise.all([caseChecklist(db, caseId), catalogueForCase(db, row), readIssuingAgency(db), listClerks(db), activeGreenCards(db)]);
  if (agency === null) throw new Error(m.agencyNotSet);
  const decidedBy = row.state.timeline.find((event) => event.seq === eventSeq)?.clerkId;
  const clerkName = clerks.find((clerk) => clerk.id === decidedBy)?.displayName ?? m.unknownClerk;
  // The 专员 as the list in force names them when the receipt is drawn (a reprint keeps the archived bytes).
  const greenCardLiaison = caseLiaison(row, cards.data, hallToday());
  return { row, items, catalogue: loaded.catalogue, agency, clerkName, greenCardLiaison };
}

export interface PrintCaseDocumentProps {
  caseId: CaseId;
  /** The timeline event (a counter decision) that asked for the document. */
  eventSeq: number;
  kind: CaseDocumentKind;
}

/**
 * 打印 for one document a case decision calls for, or 重印 once it is archived (the stored bytes,
 * byte for byte). Drop it wherever a decision's documents are listed.
 */
export function PrintCaseDocument(props: PrintCaseDocumentProps) {
  const { caseId, eventSeq, kind } = props;
  const archive = useStoredData(() => caseDocuments(deskDatabase(), caseId), [caseId]);
  const printed: DocumentRow | undefined =
    archive.state === 'ready' ? archive.value.find((row) => row.kind === kind && row.eventSeq === eventSeq && row.status === 'printed') : undefined;

  const source = useMemo<DocumentSource | null>(() => {
    if (!isPrintableKind(kind)) return null;
    if (printed !== undefined) return { mode: 'archived', row: printed };
    return {
      mode: 'new',
      kind,
      caseId,
      eventSeq,
      licenceSheetSerial: null,
      draw: async (documentNumber: DocumentNumber, issuedAt: string) => {
        const request = caseDocumentRequest(kind, eventSeq, await loadSources(caseId, eventSeq), documentNumber, issuedAt);
        if (!request.ok) throw new Error(request.message);
        return request.request;
      },
    };
  }, [kind, printed, caseId, eventSeq]);

  if (source === null) {
    return (
      <Text size="xs" c="dimmed">
        {m.noTemplate}
      </Text>
    );
  }
  return (
    <PrintOrReprint
      source={source}
      printed={printed}
      ready={archive.state === 'ready'}
      labels={m}
      documentLabel={m.kindLabels[kind as keyof typeof m.kindLabels]}
      size="compact-xs"
    />
  );
}
