import { Group, Kbd, Text } from '@mantine/core';
import { commonMessages as m } from './messages';

export interface Shortcut {
  /** Key names as printed on the keyboard, pressed together: ['Ctrl', 'Enter']. */
  readonly keys: readonly string[];
  readonly action: string;
}

/** The keys a screen answers to, shown where the clerk is working. */
export function ShortcutLegend(props: { shortcuts: readonly Shortcut[]; label?: string }) {
  return (
    <Group gap="md" wrap="wrap" role="note" aria-label={props.label ?? m.shortcutsLabel}>
      {props.shortcuts.map((shortcut) => (
        <Group key={shortcut.action} gap={4} wrap="nowrap">
          {shortcut.keys.map((key, index) => (
            <span key={key}>
              {index > 0 ? <Text span size="xs" c="dimmed">+</Text> : null}
              <Kbd size="xs">{key}</Kbd>
            </span>
          ))}
          <Text span size="xs" c="dimmed">
            {shortcut.action}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
