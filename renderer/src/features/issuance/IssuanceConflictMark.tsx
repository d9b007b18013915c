import { Alert, Badge, Stack, Text } from '@mantine/core';
import type { CaseRow } from '../../data/records';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { isOwnIssuanceConflict } from '../../domain/cases/issuanceConflict';
import { useSyncControls } from '../sync/SyncEngineProvider';
import { issuanceMessages } from './messages';

const m = issuanceMessages.conflict;

/** The 重复发证 badge, beside a case's number in lists. */
export function IssuanceConflictBadge(props: { row: CaseRow }) {
  if (props.row.issuanceConflict == null) return null;
  return (
    <Badge color="red" variant="filled" size="sm" data-testid="issuance-conflict-badge">
      {m.mark}
    </Badge>
  );
}

/**
 * On the case: HQ found its licence issued by two windows. Every window sees which one came second and
 * what it must do; that window is told it is its task.
 */
export function IssuanceConflictMark(props: { row: CaseRow }) {
  const conflict = props.row.issuanceConflict;
  const deskCode = useSyncControls().config?.enrolment?.deskCode ?? null;
  if (conflict == null) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={m.markTitle} data-testid="issuance-conflict">
      <Stack gap={4}>
        <Text size="sm">{m.markBody(conflict.deskCode, formatChineseDateTime(conflict.at))}</Text>
        {isOwnIssuanceConflict(conflict, deskCode) ? (
          <Text size="sm" fw={600}>
            {m.markOwn}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
