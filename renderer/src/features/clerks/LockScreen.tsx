import { Alert, Box, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { DeskDatabase } from '../../data/db';
import { attemptUnlock, signInRetryAfterMs } from '../../data/session';
import type { SignedInClerk } from '../../domain/clerks/account';
import { formatChineseDateTime, toChinaIsoDateTime } from '../../domain/chineseDate';
import { clerkRoleLabel } from '../../domain/clerks/roles';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';
import { useIsolatedLayer } from './useIsolatedLayer';
import { useRetryCountdown } from './useRetryCountdown';

/**
 * Covers the whole desk while it is locked. The app stays mounted underneath (inert and hidden), so
 * unsaved input and the open screen are exactly as they were once the same clerk types their password.
 * Another clerk can take over only by signing the first one out, which is said to lose unsaved input.
 */
export function LockScreen(props: {
  db: DeskDatabase;
  clerk: SignedInClerk;
  lockedAt: Date;
  notice: string | null;
  onUnlocked: () => void;
  onSignOut: () => void;
}) {
  const { db, clerk } = props;
  const layerRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingSwitch, setConfirmingSwitch] = useState(false);
  const { secondsLeft, startWaiting } = useRetryCountdown();
  useIsolatedLayer(layerRef);

  useEffect(() => {
    passwordRef.current?.focus();
    void signInRetryAfterMs(db).then(startWaiting);
  }, [db, startWaiting]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secondsLeft > 0) return;
    if (password === '') {
      setError(m.fields.passwordMissing);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const outcome = await attemptUnlock(db, clerk, password);
      if (outcome.ok) {
        props.onUnlocked();
        return;
      }
      setError(outcome.message);
      setPassword('');
      startWaiting(outcome.retryAfterMs);
      passwordRef.current?.focus();
    } catch (failure) {
      setError(unexpectedErrorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <Box
      ref={layerRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-screen-title"
      pos="fixed"
      inset={0}
      bg="gray.1"
      style={{ zIndex: 10_000, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420}>
        <Stack gap="md">
          <div>
            <Title id="lock-screen-title" order={1} size="h3">
              {m.lock.title}
            </Title>
            <Text fw={500} mt="xs">
              {m.lock.who(clerk.displayName, clerkRoleLabel(clerk.role))}
            </Text>
            <Text size="sm" c="dimmed">
              {m.lock.since(formatChineseDateTime(toChinaIsoDateTime(props.lockedAt)))}
            </Text>
          </div>
          <Text size="sm">{m.lock.note}</Text>
          {props.notice !== null && <Alert color="yellow">{props.notice}</Alert>}
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <PasswordInput
                ref={passwordRef}
                label={m.fields.password}
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              {error !== null && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" loading={busy} disabled={secondsLeft > 0} fullWidth>
                {secondsLeft > 0 ? m.signIn.waitSeconds(secondsLeft) : m.lock.unlock}
              </Button>
            </Stack>
          </form>
          {confirmingSwitch ? (
            <Alert color="orange" title={m.lock.switchClerk}>
              <Stack gap="xs">
                <Text size="sm">{m.lock.switchWarning(clerk.displayName)}</Text>
                <Group gap="xs">
                  <Button color="orange" size="xs" onClick={props.onSignOut}>
                    {m.lock.confirmSwitch}
                  </Button>
                  <Button variant="default" size="xs" onClick={() => setConfirmingSwitch(false)}>
                    {m.lock.cancel}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Button variant="subtle" size="xs" onClick={() => setConfirmingSwitch(true)} style={{ alignSelf: 'flex-start' }}>
              {m.lock.switchClerk}
            </Button>
          )}
        </Stack>
      </Paper>
    </Box>,
    document.body,
  );
}
