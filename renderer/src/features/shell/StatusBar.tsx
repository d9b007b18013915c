import { Badge, Group, Text } from '@mantine/core';
import { readSealingProgress as readRowSealingProgress } from '../../data/crypto/sealPlainRows';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity } from '../../data/desk';
import { readSealingProgress as readBlobSealingProgress } from '../../data/sealStoredBlobs';
import { readRekeyProgress } from '../../data/search/rekey';
import { can } from '../../domain/clerks/permissions';
import { ClerkStatus } from '../clerks/ClerkStatus';
import { useClerk } from '../clerks/ClerkContext';
import { StorageHint } from '../retention/StorageHint';
import { SyncStatus } from '../sync/SyncStatus';
import { readyValue, useStoredData } from '../common/useStoredData';
import { shellMessages } from './messages';
import { useOnline } from './useOnline';

const readIdentity = () => readDeskIdentity(deskDatabase());
const readRekey = () => readRekeyProgress(deskDatabase());
const readRowSealing = () => readRowSealingProgress(deskDatabase());
const readBlobSealing = () => readBlobSealingProgress(deskDatabase());

interface BackgroundWorkProps {
  /** A module-level reader (a live query keyed on it): null once the work is done. */
  read: () => Promise<{ done: number; total: number } | null>;
  text: (done: number, total: number) => string;
  testId: string;
}

/**
 * Shown only while a background pass runs: the re-key (`useSearchIndexUpkeep`), the sealing of rows stored
 * plain before sealing (the same upkeep), the sealing of scans and archives stored plain (`useBlobSealing`).
 */
function BackgroundWork({ read, text, testId }: BackgroundWorkProps) {
  const progress = readyValue(useStoredData(read, [read]));
  // A pass that has not counted its rows yet says nothing rather than 0 / 0.
  if (progress === null || progress.total === 0) return null;
  return (
    <Text size="sm" c="dimmed" role="status" data-testid={testId} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
      {text(progress.done, progress.total)}
    </Text>
  );
}

/** The storage warning of 设置, for whoever may act on it. */
function AdminStorageHint() {
  const { role } = useClerk();
  return can(role, 'settings.manage') ? <StorageHint /> : null;
}

export function StatusBar() {
  const online = useOnline();
  const identity = readyValue(useStoredData(readIdentity, []));
  const m = shellMessages.status;
  return (
    // One line whatever sync has to say: only the sync error's reason gives way (cut short, in full on hover).
    <Group component="footer" aria-label={m.statusBarLabel} h="100%" px="md" gap="xl" justify="space-between" wrap="nowrap">
      <Group gap="xl" wrap="nowrap" style={{ flexShrink: 0 }}>
        <ClerkStatus />
        <Text size="sm">
          {m.desk}：{identity ? `${identity.hallCode}-${identity.deskCode}` : m.deskNotSet}
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <AdminStorageHint />
        <BackgroundWork read={readRowSealing} text={m.rowsSealing} testId="row-sealing-status" />
        <BackgroundWork read={readBlobSealing} text={m.blobSealing} testId="blob-sealing-status" />
        <BackgroundWork read={readRekey} text={m.searchIndexUpdating} testId="search-index-status" />
        <SyncStatus />
        <Badge color={online ? 'teal' : 'orange'} variant="dot" role="status">
          {online ? m.online : m.offline}
        </Badge>
      </Group>
    </Group>
  );
}
