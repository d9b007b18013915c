import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DeskDatabase } from '../../data/db';
import { attemptSignIn, signInRetryAfterMs } from '../../data/session';
import type { SignedInClerk } from '../../domain/clerks/account';
import { unexpectedErrorText } from './errorText';
import { GateFrame } from './GateFrame';
import { clerkMessages as m } from './messages';
import { useRetryCountdown } from './useRetryCountdown';

/** Login name and password; Enter signs in. After repeated failures the button counts down instead. */
export function SignInScreen(props: { db: DeskDatabase; notice: string | null; onSignedIn: (clerk: SignedInClerk) => void }) {
  const { db, onSignedIn } = props;
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { secondsLeft, startWaiting } = useRetryCountdown();
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void signInRetryAfterMs(db).then(startWaiting);
  }, [db, startWaiting]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secondsLeft > 0) return;
    if (loginName.trim() === '' || password === '') {
      setError(m.signIn.missing);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const outcome = await attemptSignIn(db, loginName, password);
      if (outcome.ok) {
        onSignedIn(outcome.clerk);
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

  return (
    <GateFrame title={m.signIn.title}>
      {props.notice !== null && <Alert color="yellow">{props.notice}</Alert>}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={m.fields.loginName}
            autoComplete="username"
            autoFocus
            required
            value={loginName}
            onChange={(event) => setLoginName(event.currentTarget.value)}
          />
          <PasswordInput
            ref={passwordRef}
            label={m.fields.password}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          {error !== null && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy} disabled={secondsLeft > 0} fullWidth>
            {secondsLeft > 0 ? m.signIn.waitSeconds(secondsLeft) : m.signIn.submit}
          </Button>
        </Stack>
      </form>
    </GateFrame>
  );
}
