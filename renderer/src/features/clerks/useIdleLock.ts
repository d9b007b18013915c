import { useEffect, useRef } from 'react';
import { msUntilLock, shouldLock } from '../../domain/clerks/idleLock';
import { onDeskActivity } from '../common/deskActivity';

/**
 * Calls `onIdle` once nobody has touched keyboard or mouse for `minutes`. One timer, re-armed for the time
 * left when it fires, so moving the mouse costs nothing. Activity after a long gap (the PC slept, timers
 * were held back) locks instead of counting as fresh activity.
 */
export function useIdleLock(enabled: boolean, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    let lastActivity = performance.now();
    let timer: number | undefined;
    let fired = false;
    const fire = () => {
      if (fired) return;
      fired = true;
      onIdleRef.current();
    };
    const check = () => {
      if (shouldLock(lastActivity, performance.now(), minutes)) fire();
      else timer = window.setTimeout(check, msUntilLock(lastActivity, performance.now(), minutes));
    };
    const onActivity = () => {
      if (shouldLock(lastActivity, performance.now(), minutes)) fire();
      else lastActivity = performance.now();
    };
    const stopListening = onDeskActivity(onActivity);
    check();
    return () => {
      window.clearTimeout(timer);
      stopListening();
    };
  }, [enabled, minutes]);
}
