import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { createClerk, listClerks, setClerkActive } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import type { ClerkAccount } from '../../domain/clerks/account';
import { formatChineseDate } from '../../domain/chineseDate';
import { clerkRoleLabel } from '../../domain/clerks/roles';
import { useStoredData } from '../common/useStoredData';
import { useClerk } from './ClerkContext';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';
import { NewAccountForm } from './NewAccountForm';
import { ResetPasswordModal } from './ResetPasswordModal';

const s = m.settings;

/** The admin's list of accounts: open one, disable or re-enable one, reset a forgotten password. */
export function AccountsSection() {
  const admin = useClerk();
  const db = deskDatabase();
  // The accounts as stored: one opened, disabled or re-enabled (here or in another window) shows at once.
  const accounts = useStoredData(() => listClerks(db), [db]);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState<ClerkAccount | null>(null);

  const toggle = async (account: ClerkAccount) => {
    try {
      const result = await setClerkActive(db, admin, account.id, !account.active);
      if (result.ok) setNotice({ ok: true, text: (result.value.active ? s.enabledDone : s.disabledDone)(account.displayName) });
      else setNotice({ ok: false, text: result.message });
    } catch (error) {
      setNotice({ ok: false, text: unexpectedErrorText(error) });
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="accounts-title">
      <Title id="accounts-title" order={2} size="h4" mb="sm">
        {s.accountsTitle}
      </Title>
      <Stack gap="md">
        {notice !== null && (
          <Alert color={notice.ok ? 'teal' : 'red'} role={notice.ok ? 'status' : 'alert'} withCloseButton onClose={() => setNotice(null)}>
            {notice.text}
          </Alert>
        )}
        {accounts.state === 'failed' && (
          <Alert color="red" role="alert">
            {accounts.message}
          </Alert>
        )}
        {accounts.state === 'ready' && (
          <Table aria-label={s.accountsTable} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.columns.loginName}</Table.Th>
                <Table.Th>{s.columns.displayName}</Table.Th>
                <Table.Th>{s.columns.role}</Table.Th>
                <Table.Th>{s.columns.state}</Table.Th>
                <Table.Th>{s.columns.createdAt}</Table.Th>
                <Table.Th>{s.columns.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.value.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>{account.loginName}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{account.displayName}</Text>
                      {account.id === admin.id && (
                        <Badge size="xs" variant="light">
                          {s.self}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{clerkRoleLabel(account.role)}</Table.Td>
                  <Table.Td>
                    <Badge color={account.active ? 'teal' : 'gray'} variant="light">
                      {account.active ? s.active : s.disabled}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatChineseDate(account.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {account.id !== admin.id && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={account.active ? 'orange' : 'teal'}
                          aria-label={`${account.active ? s.disable : s.enable} ${account.displayName}`}
                          onClick={() => void toggle(account)}
                        >
                          {account.active ? s.disable : s.enable}
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`${s.resetPassword} ${account.displayName}`}
                        onClick={() => setResetting(account)}
                      >
                        {s.resetPassword}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={3} size="h5">
          {s.addTitle}
        </Title>
        <div style={{ maxWidth: 420 }}>
          <NewAccountForm
            submitLabel={s.addSubmit}
            onSubmit={async (draft) => {
              const result = await createClerk(db, admin, draft);
              if (result.ok) setNotice({ ok: true, text: s.added(result.value.displayName, clerkRoleLabel(result.value.role)) });
              return result;
            }}
          />
        </div>
      </Stack>
      {resetting !== null && (
        <ResetPasswordModal
          account={resetting}
          onClose={() => setResetting(null)}
          onDone={(text) => {
            setResetting(null);
            setNotice({ ok: true, text });
          }}
        />
      )}
    </Card>
  );
}
