import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { commonMessages } from './messages';

const m = commonMessages.irreversible;

export interface ConfirmIrreversibleProps {
  opened: boolean;
  title: string;
  /** What is about to be saved, one line per value. */
  values: readonly string[];
  /** What can no longer be changed afterwards, and why it matters. */
  consequence: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks once more before a setting that cannot be undone is saved, saying what stays fixed afterwards. */
export function ConfirmIrreversibleModal({ opened, title, values, consequence, confirmLabel, busy = false, onConfirm, onCancel }: ConfirmIrreversibleProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered>
      <Stack gap="sm">
        <Text>{m.values}</Text>
        <List>
          {values.map((value) => (
            <List.Item key={value}>{value}</List.Item>
          ))}
        </List>
        <Alert color="orange" role="alert" title={m.cannotUndo}>
          {consequence}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {m.cancel}
          </Button>
          <Button color="orange" onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
