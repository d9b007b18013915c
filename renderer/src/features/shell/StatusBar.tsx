import { Badge, Group, Text } from '@mantine/core';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity } from '../../data/desk';
import { ClerkStatus } from '../clerks/ClerkStatus';
import { SyncStatus } from '../sync/SyncStatus';
import { readyValue, useStoredData } from '../common/useStoredData';
import { shellMessages } from './messages';
import { useOnline } from './useOnline';

const readIdentity = () => readDeskIdentity(deskDatabase());

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
        <SyncStatus />
        <Badge color={online ? 'teal' : 'orange'} variant="dot" role="status">
          {online ? m.online : m.offline}
        </Badge>
      </Group>
    </Group>
  );
}
