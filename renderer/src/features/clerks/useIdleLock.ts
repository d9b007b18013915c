import { useEffect, useRef } from 'react';
import { msUntilLock, shouldLock } from '../../domain/clerks/idleLock';

/** What counts as someone working at the desk. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

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
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    check();
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [enabled, minutes]);
}
