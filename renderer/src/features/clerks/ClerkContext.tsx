import { createContext, useContext } from 'react';
import type { ChangeResult } from '../../data/refusal';
import type { SignedInClerk } from '../../domain/clerks/account';

/** What the desk's sign-in session offers the screens beneath it. */
export interface ClerkSession {
  clerk: SignedInClerk;
  locked: boolean;
  /** Locks the desk now (the 锁屏 button); the same clerk's password opens it again. */
  lock: () => void;
  signOut: () => void;
  idleLockMinutes: number;
  /** Saves the desk's idle-lock minutes (admin only) and applies them at once. */
  saveIdleLockMinutes: (minutes: number) => Promise<ChangeResult<number>>;
}

// Two contexts: the clerk changes only at sign-in, so screens that stamp records with it do not
// re-render each time the desk locks or unlocks.
export const SignedInClerkContext = createContext<SignedInClerk | null>(null);
export const ClerkSessionContext = createContext<ClerkSession | null>(null);

/**
 * The clerk signed in at this desk, to stamp records with and check permissions against. Every screen
 * inside the app shell is rendered only while someone is signed in, so it always has one.
 */
export function useClerk(): SignedInClerk {
  const clerk = useContext(SignedInClerkContext);
  if (clerk === null) throw new Error('useClerk() is used outside <ClerkGate>: nobody is signed in there');
  return clerk;
}

export function useClerkSession(): ClerkSession {
  const session = useContext(ClerkSessionContext);
  if (session === null) throw new Error('useClerkSession() is used outside <ClerkGate>');
  return session;
}
