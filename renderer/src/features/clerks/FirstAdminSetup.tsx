import { Text } from '@mantine/core';
import { createFirstAdmin } from '../../data/clerks';
import type { DeskDatabase } from '../../data/db';
import type { SignedInClerk } from '../../domain/clerks/account';
import { GateFrame } from './GateFrame';
import { clerkMessages as m } from './messages';
import { NewAccountForm } from './NewAccountForm';

/** The only screen of a desk with no accounts: creates the first admin and signs them in. */
export function FirstAdminSetup(props: { db: DeskDatabase; onSignedIn: (clerk: SignedInClerk) => void }) {
  return (
    <GateFrame title={m.setup.title} width={480}>
      <Text size="sm">{m.setup.intro}</Text>
      <NewAccountForm
        fixedRole="admin"
        autoFocus
        submitLabel={m.setup.submit}
        onSubmit={async (draft) => {
          const result = await createFirstAdmin(props.db, draft);
          if (result.ok) props.onSignedIn(result.value);
          return result;
        }}
      />
    </GateFrame>
  );
}
