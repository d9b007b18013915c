import { Badge, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { deskDatabase } from '../../data/db';
import { syncOverview, type SyncOverview } from '../../sync/outboxView';
import { syncMessages } from './messages';
import { OutboxDrawer } from './OutboxDrawer';
import { shortTime } from './opSummary';
import { retryCountdown, secondsUntil, shortReason } from './statusText';
import { useSyncControls } from './SyncEngineProvider';
import { readyValue, useStoredData } from '../common/useStoredData';

const m = syncMessages.status;
/** What keeps its full width when the bar is short of room (only the error's reason gives way). */
const keep = { flexShrink: 0 };
const loadOverview = () => syncOverview(deskDatabase());

function headline(overview: SyncOverview, enrolled: boolean): { text: string; color: string } {
  const { counts, status } = overview;
  const unsent = counts.pending + counts.sending;
  if (!enrolled) return { text: m.notEnrolled, color: 'gray' };
  if (status.paused) return { text: m.paused, color: 'red' };
  if (status.lastError) return { text: m.error, color: 'orange' };
  if (unsent > 0) return { text: m.pending(unsent), color: 'blue' };
  return { text: m.synced, color: 'teal' };
}

/** The time now, ticking each second while `ticking` (a countdown is on screen). */
function useNow(ticking: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(new Date());
    const handle = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(handle);
  }, [ticking]);
  return now;
}

/** Why the last pass failed (cut short, in full on hover) and when the loop tries again. */
function SyncError({ message, nextAttemptAt }: { message: string; nextAttemptAt: string | null }) {
  const now = useNow(nextAttemptAt !== null);
  const seconds = secondsUntil(nextAttemptAt, now);
  return (
    <>
      <Text size="sm" c="orange.8" title={message} data-testid="sync-error" truncate="end" style={{ minWidth: '4em' }}>
        {shortReason(message)}
      </Text>
      <Text size="sm" c="dimmed" data-testid="sync-retry" style={{ ...keep, whiteSpace: 'nowrap' }}>
        {seconds === null ? m.retrying : retryCountdown(seconds)}
      </Text>
    </>
  );
}

/** The status bar's sync part: where sync stands, how much waits, when it last worked; opens the outbox. */
export function SyncStatus() {
  const { config } = useSyncControls();
  const overview = readyValue(useStoredData(loadOverview, []));
  const [opened, { open, close }] = useDisclosure(false);
  if (overview === null || config === null) return null;
  const enrolled = config.enrolment !== null && config.tokenAvailable;
  const { text, color } = headline(overview, enrolled);
  const unsent = overview.counts.pending + overview.counts.sending;
  return (
    <Group gap="xs" aria-label={m.label} role="group" wrap="nowrap" style={{ minWidth: 0 }}>
      <Badge color={color} variant="light" data-testid="sync-state" style={keep}>
        {text}
      </Badge>
      {enrolled && !overview.status.paused && overview.status.lastError && (
        <SyncError message={overview.status.lastError.message} nextAttemptAt={overview.status.nextAttemptAt} />
      )}
      {unsent > 0 && text !== m.pending(unsent) && (
        <Text size="sm" style={{ ...keep, whiteSpace: 'nowrap' }}>
          {m.pending(unsent)}
        </Text>
      )}
      {overview.waitingRejections > 0 && (
        <Badge color="red" variant="filled" style={keep}>
          {m.rejected(overview.waitingRejections)}
        </Badge>
      )}
      {overview.counts.conflict > 0 && (
        <Badge color="orange" variant="filled" style={keep}>
          {m.conflicts(overview.counts.conflict)}
        </Badge>
      )}
      {enrolled && (
        <Text size="sm" c="dimmed" style={{ ...keep, whiteSpace: 'nowrap' }}>
          {overview.status.lastSyncAt ? m.lastSync(shortTime(overview.status.lastSyncAt)) : m.neverSynced}
        </Text>
      )}
      <Button size="compact-sm" variant="subtle" onClick={open} style={keep}>
        {m.openOutbox}
      </Button>
      <OutboxDrawer opened={opened} onClose={close} />
    </Group>
  );
}
