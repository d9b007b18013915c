import { useEffect, type RefObject } from 'react';

const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * Cuts the page off from everything but `layer` (a direct child of <body>) while it is mounted:
 * every other child of <body> — the app, and any dialog a screen had open in a portal, or opens later —
 * becomes inert (no focus, no clicks, hidden from screen readers), and no key event reaches the page's
 * own listeners, so a shortcut such as Alt+1 cannot switch or reset the screen underneath. Keys still do
 * their default work inside the layer: typing, Tab, Enter submitting its form.
 */
export function useIsolatedLayer(layer: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const own = layer.current;
    if (own === null) return;
    const madeInert: HTMLElement[] = [];
    const isolate = (node: Node) => {
      if (node instanceof HTMLElement && node !== own && !node.inert) {
        node.inert = true;
        madeInert.push(node);
      }
    };
    for (const child of Array.from(document.body.children)) isolate(child);
    const observer = new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(isolate)));
    observer.observe(document.body, { childList: true });

    const swallow = (event: Event) => event.stopPropagation();
    for (const type of KEY_EVENTS) window.addEventListener(type, swallow, { capture: true });
    return () => {
      observer.disconnect();
      for (const node of madeInert) node.inert = false;
      for (const type of KEY_EVENTS) window.removeEventListener(type, swallow, { capture: true });
    };
  }, [layer]);
}
