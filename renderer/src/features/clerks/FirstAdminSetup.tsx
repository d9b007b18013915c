import { Button, Divider, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { createFirstAdmin } from '../../data/clerks';
import type { DeskDatabase } from '../../data/db';
import type { SignedInClerk } from '../../domain/clerks/account';
import { markDataKeyInUse } from '../settings/backup/backupFolder';
import { backupUiMessages } from '../settings/backup/messages';
import { GateFrame } from './GateFrame';
import { RestoreFromBackup } from './RestoreFromBackup';
import { clerkMessages as m } from './messages';
import { NewAccountForm } from './NewAccountForm';

/** The only screen of a desk with no accounts: creates the first admin and signs them in, or restores a backup. */
export function FirstAdminSetup(props: { db: DeskDatabase; onSignedIn: (clerk: SignedInClerk) => void }) {
  const [restoring, setRestoring] = useState(false);
  if (restoring) return <RestoreFromBackup db={props.db} onBack={() => setRestoring(false)} />;
  return (
    <GateFrame title={m.setup.title} width={480}>
      <Text size="sm">{m.setup.intro}</Text>
      <NewAccountForm
        fixedRole="admin"
        autoFocus
        submitLabel={m.setup.submit}
        onSubmit={async (draft) => {
          const result = await createFirstAdmin(props.db, draft);
          if (result.ok) {
            markDataKeyInUse();
            props.onSignedIn(result.value);
          }
          return result;
        }}
      />
      <Divider />
      <Text size="sm" c="dimmed">
        {backupUiMessages.restore.offerHint}
      </Text>
      <Group>
        <Button variant="default" onClick={() => setRestoring(true)}>
          {backupUiMessages.restore.offer}
        </Button>
      </Group>
    </GateFrame>
  );
}
