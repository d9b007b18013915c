import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../domain/clerks/idleLock';
import { useClerkSession } from './ClerkContext';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';

/** The admin sets how long an untouched desk stays open; it applies at once. */
export function IdleLockSection() {
  const { idleLockMinutes, saveIdleLockMinutes } = useClerkSession();
  const [value, setValue] = useState<number | string>(idleLockMinutes);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await saveIdleLockMinutes(typeof value === 'number' ? value : Number.NaN);
      setOutcome(result.ok ? { ok: true, text: m.settings.idleSaved(result.value) } : { ok: false, text: result.message });
    } catch (error) {
      setOutcome({ ok: false, text: unexpectedErrorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="idle-lock-title">
      <Title id="idle-lock-title" order={2} size="h4" mb="sm">
        {m.settings.idleTitle}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{m.settings.idleCurrent(idleLockMinutes)}</Text>
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={m.settings.idleLabel}
              description={m.settings.idleHint(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES)}
              min={IDLE_LOCK_MIN_MINUTES}
              max={IDLE_LOCK_MAX_MINUTES}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              w={420}
              value={value}
              onChange={setValue}
            />
            <Button type="submit" loading={busy}>
              {m.settings.idleSave}
            </Button>
          </Group>
          {outcome !== null && (
            <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.text}
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
