import { Alert, Box, Card, Group, NavLink, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { requestPersistentStorage, type StorageStatus } from '../../data/storage';
import { callDesk, type ChannelOutput } from '../../platform/desk';
import { can } from '../../domain/clerks/permissions';
import { AuditLogViewer } from '../audit/AuditLogViewer';
import { AuditCheckSection } from '../clerks/AuditCheckSection';
import { useClerk } from '../clerks/ClerkContext';
import { ClerkSettings } from '../clerks/ClerkSettings';
import { partFromHash } from '../shell/sections';
import { HqConnectionSection } from '../sync/HqConnectionSection';
import { BackupSection } from './backup/BackupSection';
import { DeskIdentitySection } from './DeskIdentitySection';
import { formatBytes } from './formatBytes';
import { KeyProtectionSection } from './KeyProtectionSection';
import { retentionMessages } from '../retention/messages';
import { RetentionSection } from '../retention/RetentionSection';
import { storageLevel } from '../../domain/retention/retention';
import { PrintingSettings, seesPrintingSettings } from './PrintingSettings';
import { settingsMessages as m } from './messages';

type AppInfo = ChannelOutput<'appInfo'>;

export function SettingsPage() {
  const { role } = useClerk();
  const parts: SettingsPart[] = [
    'desk',
    'hq',
    'clerks',
    ...(seesPrintingSettings(role) ? (['printing'] as const) : []),
    ...(can(role, 'settings.manage') ? (['backup'] as const) : []),
    ...(can(role, 'audit.view') ? (['audit'] as const) : []),
  ];
  const active = useAddressedPart(parts);

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack gap="lg" maw={760} style={{ flex: 1 }}>
        <Title order={1} size="h2">
          {m.title}
        </Title>
        <Part id="desk">
          <MachineCards />
          <KeyProtectionSection />
          <RetentionSection />
          <DeskIdentitySection />
        </Part>
        <Part id="hq">
          <HqConnectionSection />
        </Part>
        <Part id="clerks">
          <ClerkSettings />
        </Part>
        {parts.includes('printing') ? (
          <Part id="printing">
            <PrintingSettings />
          </Part>
        ) : null}
        {parts.includes('backup') ? (
          <Part id="backup">
            <BackupSection />
          </Part>
        ) : null}
        {parts.includes('audit') ? (
          <Part id="audit">
            <AuditCheckSection />
            <AuditLogViewer />
          </Part>
        ) : null}
      </Stack>
      <Box component="nav" aria-label={m.partsLabel} w={180} style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0rem) + var(--mantine-spacing-lg))' }}>
        {parts.map((part) => (
          <NavLink key={part} href={`#/settings/${part}`} label={m.parts[part]} active={active === part} aria-current={active === part ? 'location' : undefined} />
        ))}
      </Box>
    </Group>
  );
}

/** What this machine runs and how much it stores. */
function MachineCards() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);

  useEffect(() => {
    callDesk('appInfo').then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    void requestPersistentStorage().then(setStorage);
  }, []);

  return (
    <>
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
            <StorageWarning storage={storage} />
          </Stack>
        )}
      </Card>
    </>
  );
}

/** From 80 % of the quota: what to do before the desk runs out of room. */
function StorageWarning(props: { storage: StorageStatus }) {
  const level = storageLevel(props.storage.usageBytes, props.storage.quotaBytes);
  if (!level.known || !level.warn) return null;
  return (
    <Alert color="orange" role="alert" title={retentionMessages.storageWarningTitle}>
      {retentionMessages.storageWarning(retentionMessages.percent(level.ratio))}
    </Alert>
  );
}

type SettingsPart = keyof typeof m.parts;

const partElementId = (part: SettingsPart) => `settings-${part}`;

/** One part of 设置, the place its link in the sub-navigation leads to. */
function Part(props: { id: SettingsPart; children: ReactNode }) {
  return (
    <Stack gap="lg" id={partElementId(props.id)} tabIndex={-1} style={{ outline: 'none' }}>
      {props.children}
    </Stack>
  );
}

/**
 * The part the address names (`#/settings/printing`), brought into view with the focus on it, so the
 * sub-navigation, a bookmark and the back key all lead there. Null on the bare `#/settings`.
 */
function useAddressedPart(parts: readonly SettingsPart[]): SettingsPart | null {
  const addressed = () => {
    const part = partFromHash(window.location.hash);
    return parts.find((known) => known === part) ?? null;
  };
  const [active, setActive] = useState<SettingsPart | null>(addressed);
  useEffect(() => {
    const follow = () => setActive(addressed());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  });
  useEffect(() => {
    if (active !== null) document.getElementById(partElementId(active))?.focus();
  }, [active]);
  return active;
}
