import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { clerkRoleLabel } from '../../domain/clerks/roles';
import { useClerkSession } from './ClerkContext';
import { clerkMessages as m } from './messages';

/** The status bar's part: who is signed in, and the lock and sign-out buttons. */
export function ClerkStatus() {
  const { clerk, lock, signOut } = useClerkSession();
  const [confirming, setConfirming] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm">
        {m.status.label}：{m.status.who(clerk.displayName, clerkRoleLabel(clerk.role))}
      </Text>
      <Button size="compact-xs" variant="subtle" onClick={lock}>
        {m.status.lock}
      </Button>
      <Popover opened={confirming} onChange={setConfirming} position="top" withArrow trapFocus>
        <Popover.Target>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming((open) => !open)}>
            {m.status.signOut}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" maw={260}>
            <Text size="sm">{m.status.signOutWarning}</Text>
            <Group gap="xs">
              <Button size="xs" color="orange" onClick={signOut}>
                {m.status.confirmSignOut}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {m.lock.cancel}
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
