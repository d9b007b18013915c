import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { restoreInterrupted } from '../../data/backup/restoreBackup';
import { hasAnyClerk } from '../../data/clerks';
import { markDataKeyInUse } from '../settings/backup/backupFolder';
import { deskDatabase } from '../../data/db';
import { readIdleLockMinutes, recordLock, recordSignOut, saveIdleLockMinutes, type LockReason } from '../../data/session';
import type { SignedInClerk } from '../../domain/clerks/account';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../domain/clerks/idleLock';
import { startReferenceInstall } from '../common/reference';
import { ClerkSessionContext, SignedInClerkContext, type ClerkSession } from './ClerkContext';
import { FirstAdminSetup } from './FirstAdminSetup';
import { LockScreen } from './LockScreen';
import { clerkMessages as m } from './messages';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './useIdleLock';

type GateState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'setup' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; clerk: SignedInClerk; lockedAt: Date | null };

/** The first screen a person can use is up: the cold-start benchmark times the page to this mark. */
function markInteractive(): void {
  if (document.documentElement.dataset['deskReady'] === 'true') return;
  document.documentElement.dataset['deskReady'] = 'true';
  performance.mark('desk-interactive');
}

/**
 * Nothing of the desk is reachable without a signed-in clerk: a desk with no accounts shows only the
 * first-admin setup, otherwise the sign-in screen. Once signed in, `children` (the app) render with
 * `useClerk()` available, and stay mounted while the desk is locked, so no work is lost to the lock.
 */
export function ClerkGate(props: { children: ReactNode }) {
  const db = deskDatabase();
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const [idleLockMinutes, setIdleLockMinutes] = useState(DEFAULT_IDLE_LOCK_MINUTES);
  // A lock or sign-out always happens; if its audit entry could not be written, the next screen says so.
  const [auditProblem, setAuditProblem] = useState<string | null>(null);
  const focusBeforeLock = useRef<Element | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([hasAnyClerk(db), readIdleLockMinutes(db), restoreInterrupted(db)]).then(
      ([anyClerk, minutes, interrupted]) => {
        if (!current) return;
        setIdleLockMinutes(minutes);
        // A restore cut off midway leaves half a desk: only the first-run screen, whose restore runs it again.
        if (anyClerk && !interrupted) markDataKeyInUse();
        setState({ kind: anyClerk && !interrupted ? 'signedOut' : 'setup' });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'failed', message: m.openFailed(error instanceof Error ? error.message : String(error)) });
      },
    );
    return () => {
      current = false;
    };
  }, [db]);

  useEffect(() => {
    if (state.kind === 'loading') return;
    markInteractive();
    // Once the first screen is up (and timed), the reference data the desk's screens read installs while the clerk signs in.
    startReferenceInstall();
  }, [state.kind]);

  const signedIn = state.kind === 'signedIn' ? state : null;
  const locked = signedIn !== null && signedIn.lockedAt !== null;

  const noteAuditProblem = useCallback((error: unknown) => {
    setAuditProblem(m.auditWriteFailed(error instanceof Error ? error.message : String(error)));
  }, []);

  const lock = useCallback(
    (reason: LockReason) => {
      if (signedIn === null || signedIn.lockedAt !== null) return;
      focusBeforeLock.current = document.activeElement;
      setState({ ...signedIn, lockedAt: new Date() });
      recordLock(db, signedIn.clerk, reason).catch(noteAuditProblem);
    },
    [db, signedIn, noteAuditProblem],
  );

  const signOut = useCallback(
    (fromLock: boolean) => {
      if (signedIn === null) return;
      setState({ kind: 'signedOut' });
      recordSignOut(db, signedIn.clerk, fromLock).catch(noteAuditProblem);
    },
    [db, signedIn, noteAuditProblem],
  );

  const signIn = useCallback((clerk: SignedInClerk) => {
    setAuditProblem(null);
    setState({ kind: 'signedIn', clerk, lockedAt: null });
  }, []);

  useIdleLock(signedIn !== null && !locked, idleLockMinutes, () => lock('idle'));

  // Back where the clerk was: the field they were typing in when the desk locked.
  useEffect(() => {
    if (locked) return;
    const before = focusBeforeLock.current;
    focusBeforeLock.current = null;
    if (before instanceof HTMLElement && before.isConnected) before.focus();
  }, [locked]);

  const clerk = signedIn?.clerk ?? null;
  const session = useMemo<ClerkSession | null>(
    () =>
      clerk === null
        ? null
        : {
            clerk,
            locked,
            lock: () => lock('manual'),
            signOut: () => signOut(false),
            idleLockMinutes,
            saveIdleLockMinutes: async (minutes) => {
              const result = await saveIdleLockMinutes(db, clerk, minutes);
              if (result.ok) setIdleLockMinutes(result.value);
              return result;
            },
          },
    [clerk, locked, lock, signOut, idleLockMinutes, db],
  );

  switch (state.kind) {
    case 'loading':
      return (
        <Center mih="100vh">
          <Stack align="center" gap="xs">
            <Loader />
            <Text c="dimmed">{m.loading}</Text>
          </Stack>
        </Center>
      );
    case 'failed':
      return (
        <Center mih="100vh" p="lg">
          <Alert color="red" maw={560} role="alert">
            {state.message}
          </Alert>
        </Center>
      );
    case 'setup':
      return <FirstAdminSetup db={db} onSignedIn={signIn} />;
    case 'signedOut':
      return <SignInScreen db={db} notice={auditProblem} onSignedIn={signIn} />;
    case 'signedIn':
      return (
        <SignedInClerkContext.Provider value={state.clerk}>
          <ClerkSessionContext.Provider value={session}>
            {props.children}
            {state.lockedAt !== null && (
              <LockScreen
                db={db}
                clerk={state.clerk}
                lockedAt={state.lockedAt}
                notice={auditProblem}
                onUnlocked={() => setState({ ...state, lockedAt: null })}
                onSignOut={() => signOut(true)}
              />
            )}
          </ClerkSessionContext.Provider>
        </SignedInClerkContext.Provider>
      );
  }
}
