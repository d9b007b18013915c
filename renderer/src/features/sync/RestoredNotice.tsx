import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { markRestoreNoticeSeen, readRestoredFrom } from '../../data/backup/restoreBackup';
import { deskDatabase } from '../../data/db';
import { readyValue, useStoredData } from '../common/useStoredData';
import { backupUiMessages } from '../settings/backup/messages';

/**
 * After a restore, once the sync has found where HQ stands: what was kept, what HQ gave back and which
 * unsynced work could not be recovered, until a clerk presses 知道了.
 */
export function RestoredNotice() {
  const db = deskDatabase();
  const restored = readyValue(useStoredData(() => readRestoredFrom(db), [db]));
  if (restored === null || restored.notice === null || restored.noticeSeen === true) return null;
  return (
    <Alert color="orange" title={backupUiMessages.restoredNoticeTitle} role="status" mb="md">
      <Stack gap="xs">
        <Text size="sm">{restored.notice}</Text>
        <Group>
          <Button size="xs" variant="default" onClick={() => void markRestoreNoticeSeen(db)}>
            {backupUiMessages.restoredNoticeSeen}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
