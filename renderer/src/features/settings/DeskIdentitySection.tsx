import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity, saveDeskIdentity } from '../../data/desk';
import { can } from '../../domain/clerks/permissions';
import { checkDeskIdentity, type DeskIdentity } from '../../domain/desk';
import { useClerk } from '../clerks/ClerkContext';
import { readyValue, useStoredData } from '../common/useStoredData';
import { ConfirmDeskCodes } from './ConfirmDeskCodes';
import { settingsMessages } from './messages';

const m = settingsMessages.deskIdentity;
const readIdentity = () => readDeskIdentity(deskDatabase());

/**
 * 本窗口: the hall and desk codes that lead every case and document number. Set once by an admin before
 * the first case; afterwards shown read-only, since changing them would break the numbers' uniqueness.
 */
export function DeskIdentitySection() {
  const clerk = useClerk();
  const identity = readyValue(useStoredData(readIdentity, []));
  const [form, setForm] = useState<DeskIdentity>({ hallCode: '', deskCode: '' });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; field?: keyof DeskIdentity } | null>(null);
  // The checked codes waiting for the admin's confirmation: they can never be changed once saved.
  const [confirming, setConfirming] = useState<DeskIdentity | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDeskIdentity({ hallCode: form.hallCode.trim().toUpperCase(), deskCode: form.deskCode.trim() });
    if (!checked.ok) {
      setOutcome({ ok: false, text: checked.message, field: checked.field });
      return;
    }
    setOutcome(null);
    setConfirming(checked.identity);
  };

  const save = async (chosen: DeskIdentity) => {
    setBusy(true);
    try {
      const result = await saveDeskIdentity(deskDatabase(), chosen, clerk);
      setOutcome(result.ok ? { ok: true, text: m.saved } : { ok: false, text: result.message, ...(result.field ? { field: result.field } : {}) });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="desk-identity-title">
      <Title id="desk-identity-title" order={2} size="h4" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {m.intro}
      </Text>
      {identity ? (
        <Text>{m.current(identity.hallCode, identity.deskCode)}</Text>
      ) : can(clerk.role, 'settings.manage') ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Alert color="orange">{m.notSet}</Alert>
            <Group grow align="flex-start">
              <TextInput
                label={m.hallCode}
                description={m.hallCodeHint}
                value={form.hallCode}
                error={outcome?.field === 'hallCode' ? outcome.text : undefined}
                onChange={(event) => setForm({ ...form, hallCode: event.currentTarget.value })}
              />
              <TextInput
                label={m.deskCode}
                description={m.deskCodeHint}
                value={form.deskCode}
                error={outcome?.field === 'deskCode' ? outcome.text : undefined}
                onChange={(event) => setForm({ ...form, deskCode: event.currentTarget.value })}
              />
            </Group>
            {outcome && !outcome.field ? (
              <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
                {outcome.text}
              </Alert>
            ) : null}
            <div>
              <Button type="submit">{m.save}</Button>
            </div>
          </Stack>
          <ConfirmDeskCodes codes={confirming} confirmLabel={m.confirm} busy={busy} onConfirm={(codes) => void save(codes)} onCancel={() => setConfirming(null)} />
        </form>
      ) : (
        <Alert color="orange">{m.notSetAskAdmin}</Alert>
      )}
    </Card>
  );
}
