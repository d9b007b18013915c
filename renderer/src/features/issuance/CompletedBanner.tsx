import { Alert, Stack, Text } from '@mantine/core';
import { intakeToHandoverMinutes } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { formatElapsed } from './elapsed';
import { issuanceMessages as m } from './messages';

/** The case's headline once handed over: 全程用时 from intake to handover, who collected it, when. */
export function CompletedBanner(props: { row: CaseRow }) {
  const { row } = props;
  const minutes = intakeToHandoverMinutes(row);
  const status = row.state.status;
  if (minutes === null || status.code !== 'completed') return null;
  return (
    <Alert color="teal" title={m.completed.title} role="status" aria-label={m.completed.title}>
      <Stack gap={4}>
        <Text fw={700} size="xl" data-testid="elapsed-from-intake">
          {m.completed.elapsed(formatElapsed(minutes))}
        </Text>
        <Text size="sm">{m.completed.collector(status.collector.name, formatChineseDateTime(status.completedAt))}</Text>
      </Stack>
    </Alert>
  );
}
