/** What counts as someone working at the desk. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `listener` on every sign of someone at the keyboard or mouse (captured before any handler can stop
 * it), and returns the function that stops listening.
 */
export function onDeskActivity(listener: () => void): () => void {
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, listener, { capture: true, passive: true });
  return () => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, listener, { capture: true });
  };
}
