import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { caseDocuments, isLicenceKind } from '../../data/documentArchive/archive';
import type { PrintableKind } from '../../data/printSettings';
import type { DocumentRow } from '../../data/records';
import { formatChineseDateTime } from '../../domain/chineseDate';
import type { CaseId } from '../../domain/cases/caseId';
import { useStoredData } from '../common/useStoredData';
import { printingMessages as m } from './messages';
import { PrintDialog } from './PrintDialog';
import { printableKindLabels } from './printKinds';
import { VoidDocumentDialog } from './VoidDocumentDialog';

const statusColours = { printed: 'teal', voided: 'red', superseded: 'gray' } as const;

/**
 * The documents archived for a case: 文号, kind, when and where printed, status; 重印 prints a notice's
 * stored bytes again, 作废 (with the chief) voids a document and a licence's sheet. The list follows the
 * archive as stored, whichever screen or window printed or voided.
 */
export function CaseDocumentsPanel(props: {
  caseId: CaseId;
  /** The licences were handed over (case completed): they are no longer voided at the desk. */
  licencesHandedOver?: boolean;
}) {
  const { caseId } = props;
  const documents = useStoredData(() => caseDocuments(deskDatabase(), caseId), [caseId]);
  const [reprinting, setReprinting] = useState<DocumentRow | null>(null);
  const [voiding, setVoiding] = useState<DocumentRow | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`documents-${caseId}`}>
      <Title id={`documents-${caseId}`} order={2} size="h4" mb="sm">
        {m.documents.title}
      </Title>
      {documents.state === 'failed' ? <Text c="red">{documents.message}</Text> : null}
      {documents.state === 'ready' && documents.value.length === 0 ? <Text size="sm" c="dimmed">{m.documents.empty}</Text> : null}
      {documents.state === 'ready' && documents.value.length > 0 ? (
        <Table aria-label={m.documents.title} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{m.documents.columns.kind}</Table.Th>
              <Table.Th>{m.documents.columns.number}</Table.Th>
              <Table.Th>{m.documents.columns.printedAt}</Table.Th>
              <Table.Th>{m.documents.columns.printer}</Table.Th>
              <Table.Th>{m.documents.columns.status}</Table.Th>
              <Table.Th>{m.documents.columns.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.value.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  {printableKindLabels[row.kind as PrintableKind] ?? row.kind}
                  {row.licenceCopy != null && row.licenceCopy.of > 1 ? ` ${row.licenceCopy.number}/${row.licenceCopy.of}` : ''}
                  {row.licenceSheetSerial !== null ? (
                    <Text size="xs" ff="monospace" c="dimmed">
                      {row.licenceSheetSerial}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ff="monospace">{row.documentNumber}</Table.Td>
                <Table.Td>{formatChineseDateTime(row.printedAt)}</Table.Td>
                <Table.Td>{row.printerName}</Table.Td>
                <Table.Td>
                  <Badge color={statusColours[row.status]} variant="light" title={row.voidReason ?? undefined}>
                    {m.documents.statusLabels[row.status]}
                  </Badge>
                  {row.voidReason !== null ? <Text size="xs">{m.documents.voided(row.voidReason)}</Text> : null}
                </Table.Td>
                <Table.Td>
                  {row.status === 'printed' && !(isLicenceKind(row.kind) && props.licencesHandedOver === true) ? (
                    <Group gap={4} wrap="nowrap">
                      {!isLicenceKind(row.kind) ? (
                        <Button size="compact-xs" variant="default" onClick={() => setReprinting(row)} aria-label={`${m.reprint} ${row.documentNumber}`}>
                          {m.reprint}
                        </Button>
                      ) : null}
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setVoiding(row)} aria-label={`${m.documents.voidAction} ${row.documentNumber}`}>
                        {m.documents.voidAction}
                      </Button>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {reprinting !== null ? <PrintDialog opened onClose={() => setReprinting(null)} source={{ mode: 'archived', row: reprinting }} /> : null}
      <VoidDocumentDialog
        row={voiding}
        onClose={() => setVoiding(null)}
        onVoided={() => setVoiding(null)}
      />
    </Paper>
  );
}
