import { Alert, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { requestPersistentStorage, type StorageStatus } from '../../data/storage';
import { callDesk, type ChannelOutput } from '../../platform/desk';
import { ClerkSettings } from '../clerks/ClerkSettings';
import { HqConnectionSection } from '../sync/HqConnectionSection';
import { DeskIdentitySection } from './DeskIdentitySection';
import { formatBytes } from './formatBytes';
import { PrintingSettings } from './PrintingSettings';
import { settingsMessages as m } from './messages';

type AppInfo = ChannelOutput<'appInfo'>;

export function SettingsPage() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);

  useEffect(() => {
    callDesk('appInfo').then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    void requestPersistentStorage().then(setStorage);
  }, []);

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1} size="h2">
        {m.title}
      </Title>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {m.appInfoTitle}
        </Title>
        {error && <Alert color="red">{error}</Alert>}
        {!info && !error && <Text>{m.loading}</Text>}
        {info && (
          <Table aria-label={m.appInfoTitle}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{m.version}</Table.Th>
                <Table.Td>{info.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.dataFolder}</Table.Th>
                <Table.Td>{info.dataFolder}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.platform}</Table.Th>
                <Table.Td>{m.platforms[info.platform]}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.runtime}</Table.Th>
                <Table.Td>{info.runtime}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {m.storageTitle}
        </Title>
        {storage && (
          <Stack gap="xs">
            <Text c={storage.persisted ? undefined : 'orange'}>{storage.persisted ? m.persisted : m.notPersisted}</Text>
            <Text>
              {storage.usageBytes !== null && storage.quotaBytes !== null
                ? m.usage(formatBytes(storage.usageBytes), formatBytes(storage.quotaBytes))
                : m.unknownUsage}
            </Text>
          </Stack>
        )}
      </Card>
      <DeskIdentitySection />
      <HqConnectionSection />
      <ClerkSettings />
      <PrintingSettings />
    </Stack>
  );
}
