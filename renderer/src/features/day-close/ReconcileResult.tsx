import { Alert, List, Stack, Table, Text } from '@mantine/core';
import { formatChineseDateTime } from '../../domain/chineseDate';
import type { DayCloseRecord } from '../../data/dayClose/record';
import { differenceLabel, differenceValue } from './dayCloseText';
import { dayCloseMessages } from './messages';

const m = dayCloseMessages.reconcile;

/**
 * HQ's last answer for the day: the differences, HQ's reasons and missing seqs of a mismatch (pointing to the
 * licences this window must void when HQ flags its issuance), or that it reconciled.
 */
export function ReconcileResult(props: { record: DayCloseRecord; issuanceConflictsOpen: boolean }) {
  const { record } = props;
  if (record.status === 'reconciled') {
    return (
      <Alert color="green" role="status">
        {m.reconciled(formatChineseDateTime(record.attempt.at))}
      </Alert>
    );
  }
  if (record.status !== 'mismatch') return null;
  return (
    <Alert color="orange" title={m.mismatchTitle} role="alert">
      <Stack gap="xs">
        <Text size="sm">{m.mismatchAt(formatChineseDateTime(record.attempt.at))}</Text>
        {record.differences.length > 0 ? (
          <Table aria-label={m.mismatchTitle} verticalSpacing={2} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.differenceColumns.field}</Table.Th>
                <Table.Th>{m.differenceColumns.desk}</Table.Th>
                <Table.Th>{m.differenceColumns.hq}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.differences.map((difference) => (
                <Table.Tr key={difference.field}>
                  <Table.Td>{differenceLabel(difference.field)}</Table.Td>
                  <Table.Td>{differenceValue(difference.desk)}</Table.Td>
                  <Table.Td>{differenceValue(difference.hq)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {(record.reasons ?? []).length > 0 ? (
          <List size="sm" aria-label={m.reasonsLabel}>
            {(record.reasons ?? []).map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        ) : null}
        {props.issuanceConflictsOpen ? (
          <Text size="sm" fw={600}>
            {m.issuanceConflictsHint}
          </Text>
        ) : null}
        {record.missing !== null ? (
          <List size="sm">
            <List.Item>{m.missing(record.missing.fromSeq, record.missing.toSeq)}</List.Item>
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}
