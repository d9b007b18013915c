import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { issuanceConflictTasks } from '../../data/issuanceConflicts';
import type { PrintableKind } from '../../data/printSettings';
import type { DocumentRow } from '../../data/records';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { useStoredData } from '../common/useStoredData';
import { printableKindLabels } from '../printing/printKinds';
import { VoidDocumentDialog } from '../printing/VoidDocumentDialog';
import { issuanceMessages } from './messages';

const m = issuanceMessages.conflict;

/**
 * The chief's task at the window HQ names as the second to issue a case: its licences of the case, to
 * recover from the applicant and void (with the chief's password), listed until voided; a case whose
 * licences are all voided stays, said to wait for HQ, until the pull clears the flag. Nothing when
 * there is no such case.
 */
export function IssuanceConflictTasks() {
  // Live: a void, or the pull that clears the flag, shows here once stored.
  const loaded = useStoredData(() => issuanceConflictTasks(deskDatabase()), []);
  const [voiding, setVoiding] = useState<DocumentRow | null>(null);
  if (loaded.state === 'failed') return <Text c="red">{loaded.message}</Text>;
  if (loaded.state !== 'ready' || loaded.value.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issuance-conflict-tasks" style={{ borderColor: 'var(--mantine-color-red-5)' }}>
      <Stack gap="sm">
        <Title id="issuance-conflict-tasks" order={2} size="h4" c="red.8">
          {m.tasksTitle}
        </Title>
        <Text size="sm">{m.tasksIntro}</Text>
        {loaded.value.map(({ row, sheets }) => (
          <Stack key={row.id} gap={4} data-testid={`issuance-conflict-task-${row.caseNumber}`}>
            <Text fw={600} size="sm">
              {m.taskCase(row.caseNumber, row.licence?.name ?? row.enterprise.name)}
            </Text>
            {sheets.length === 0 ? (
              <Alert color="teal" variant="light" role="status">
                {m.allVoided}
              </Alert>
            ) : (
              <Table aria-label={m.sheetsLabel(row.caseNumber)} verticalSpacing={4} fz="sm" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{m.sheetColumns.kind}</Table.Th>
                    <Table.Th>{m.sheetColumns.number}</Table.Th>
                    <Table.Th>{m.sheetColumns.serial}</Table.Th>
                    <Table.Th>{m.sheetColumns.printedAt}</Table.Th>
                    <Table.Th>{m.sheetColumns.action}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sheets.map((sheet) => (
                    <Table.Tr key={sheet.id}>
                      <Table.Td>{printableKindLabels[sheet.kind as PrintableKind] ?? sheet.kind}</Table.Td>
                      <Table.Td ff="monospace">{sheet.documentNumber}</Table.Td>
                      <Table.Td ff="monospace">{sheet.licenceSheetSerial ?? '—'}</Table.Td>
                      <Table.Td>{formatChineseDateTime(sheet.printedAt)}</Table.Td>
                      <Table.Td>
                        <Button size="compact-xs" color="red" variant="light" onClick={() => setVoiding(sheet)} aria-label={m.voidLabel(sheet.documentNumber)}>
                          {m.voidAction}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ))}
      </Stack>
      <VoidDocumentDialog row={voiding} onClose={() => setVoiding(null)} onVoided={() => setVoiding(null)} />
    </Paper>
  );
}
