import { Badge, Stack, Text } from '@mantine/core';
import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import { formatChineseDate } from '../../domain/chineseDate';
import { checklistMessages as m } from './messages';

const colors: Record<ChecklistItemStatus, string> = {
  received: 'teal',
  missing: 'red',
  deferred: 'yellow',
  exempt: 'cyan',
  notApplicable: 'gray',
  committed: 'grape',
};

/** The item's status; a 容缺 item carries the day it must be brought by on a line of its own. */
export function StatusBadge(props: { status: ChecklistItemStatus; deadline?: string | null | undefined }) {
  const badge = (
    <Badge color={colors[props.status]} variant={props.status === 'missing' ? 'outline' : 'light'} style={{ textTransform: 'none' }}>
      {m.statusLabels[props.status]}
    </Badge>
  );
  if (props.status !== 'deferred' || !props.deadline) return badge;
  return (
    <Stack gap={2} align="flex-start">
      {badge}
      <Text size="xs" c="yellow.9">
        {m.deferredUntil(formatChineseDate(props.deadline))}
      </Text>
    </Stack>
  );
}
