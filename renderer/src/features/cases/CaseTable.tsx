import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { CaseRow } from '../../data/records';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { dueStatus, runningDueDate } from '../../domain/cases/dueStatus';
import type { CounterReference } from '../common/reference';
import { openRejectionsByCase } from '../../data/caseRejections';
import { deskDatabase } from '../../data/db';
import { readyValue, useStoredData } from '../common/useStoredData';
import { ConflictBadge } from './CaseConflictMark';
import { RejectionBadge } from './CaseRejectionMark';
import { CaseStatusBadge, DueBadge } from './CaseStatusBadge';
import { bundleName, matterNames } from './CaseSummary';
import { casesMessages } from './messages';

const m = casesMessages.table;

const rowTint = { overdue: 'var(--mantine-color-red-0)', nearDue: 'var(--mantine-color-orange-0)' } as const;

/**
 * Cases in a table; the case number opens the case (Tab to it, Enter). Overdue rows are tinted red and
 * near-due ones orange, with a badge beside the due date.
 */
export function CaseTable(props: {
  label: string;
  rows: readonly CaseRow[];
  reference: CounterReference;
  clerkNames: ReadonlyMap<string, string>;
  today: string;
  onOpen: (row: CaseRow) => void;
}) {
  const { reference, today } = props;
  const rejected = readyValue(useStoredData(() => openRejectionsByCase(deskDatabase()), []));
  return (
    <Table aria-label={props.label} verticalSpacing={6} highlightOnHover layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={190}>{m.caseNumber}</Table.Th>
          <Table.Th>{m.enterprise}</Table.Th>
          <Table.Th w={90}>{m.applicant}</Table.Th>
          <Table.Th>{m.matters}</Table.Th>
          <Table.Th w={90}>{m.status}</Table.Th>
          <Table.Th w={150}>{m.due}</Table.Th>
          <Table.Th w={70}>{m.clerk}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => {
          const due = safeDueStatus(row, today, reference);
          const running = runningDueDate(row.state.status);
          const bundle = bundleName(reference.catalogue, row.bundleCode);
          return (
            <Table.Tr key={row.id} style={due === 'overdue' || due === 'nearDue' ? { background: rowTint[due] } : undefined} data-due={due}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => props.onOpen(row)} aria-label={m.open(row.caseNumber)}>
                    {row.caseNumber}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatChineseDateTime(row.createdAt)}
                    {row.queueTicket !== null ? ` · ${row.queueTicket}` : ''}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {row.enterprise.name}
                </Text>
                {/* Why a case leads the queue: green-card cases come first. */}
                {row.enterprise.greenCard ? (
                  <Badge color="green" variant="light" size="xs">
                    {casesMessages.greenCard}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.applicant.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {bundle ?? matterNames(reference.catalogue, row.matterCodes).join('、')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <CaseStatusBadge code={row.statusCode} size="sm" />
                  <ConflictBadge row={row} />
                  <RejectionBadge count={rejected?.get(row.id)?.length ?? 0} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{running === null ? casesMessages.due.notRunning : formatChineseDate(running)}</Text>
                  <DueBadge due={due} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{props.clerkNames.get(row.clerkId) ?? ''}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function safeDueStatus(row: CaseRow, today: string, reference: CounterReference) {
  try {
    return dueStatus(row.state, today, reference.addWorkingDays);
  } catch {
    return 'none' as const;
  }
}
