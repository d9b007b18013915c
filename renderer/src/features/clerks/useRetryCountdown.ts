import { useCallback, useEffect, useState } from 'react';

/**
 * Whole seconds left before the desk checks passwords again (0: it checks now), counting down on screen
 * so the clerk knows when to try; `startWaiting` begins a wait of the given milliseconds.
 */
export function useRetryCountdown(): { secondsLeft: number; startWaiting: (ms: number) => void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => performance.now());

  useEffect(() => {
    if (until === null) return;
    const tick = window.setInterval(() => {
      const current = performance.now();
      setNow(current);
      if (current >= until) setUntil(null);
    }, 250);
    return () => window.clearInterval(tick);
  }, [until]);

  const startWaiting = useCallback((ms: number) => {
    const current = performance.now();
    setNow(current);
    setUntil(ms > 0 ? current + ms : null);
  }, []);

  return { secondsLeft: until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)), startWaiting };
}
