import { Badge, Group, Text } from '@mantine/core';
import { shellMessages } from './messages';
import { useOnline } from './useOnline';

export function StatusBar() {
  const online = useOnline();
  const m = shellMessages.status;
  return (
    <Group component="footer" aria-label={m.statusBarLabel} h="100%" px="md" gap="xl" justify="space-between">
      <Group gap="xl">
        <Text size="sm">
          {m.clerk}：{m.notSignedIn}
        </Text>
        <Text size="sm">
          {m.desk}：{m.deskNotSet}
        </Text>
      </Group>
      <Badge color={online ? 'teal' : 'orange'} variant="light" role="status">
        {online ? m.online : m.offline}
      </Badge>
    </Group>
  );
}
