import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { intakeDraftSummary } from './intakeDraft';
import { intakeMessages } from './messages';
import type { DraftOffer } from './useIntakeDraft';

const m = intakeMessages.draft;

/**
 * Offers the clerk the intake they left unfinished (after a crash, a restart or a sign-out): restore it or
 * discard it. It cannot be dismissed otherwise, so nothing is typed over a draft the clerk has not seen.
 */
export function IntakeDraftOffer(props: { offer: DraftOffer | null; onRestore: () => void; onDiscard: () => void }) {
  const { offer } = props;
  const noDismiss = { closeOnClickOutside: false, closeOnEscape: false, withCloseButton: false } as const;
  if (offer?.kind === 'unreadable') {
    return (
      <Modal opened onClose={props.onDiscard} title={m.lostTitle} centered {...noDismiss}>
        <Stack gap="sm">
          <Alert color="orange" role="alert">
            {m.lostText(formatChineseDateTime(offer.savedAt))}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={props.onDiscard} data-autofocus>
              {m.lostDismiss}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  const summary = offer === null ? null : intakeDraftSummary(offer.form);
  return (
    <Modal opened={offer !== null} onClose={props.onDiscard} title={m.offerTitle} centered {...noDismiss}>
      {offer !== null && summary !== null ? (
        <Stack gap="sm">
          <Text size="sm">{m.offerText(formatChineseDateTime(offer.savedAt))}</Text>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              {(
                [
                  [m.applicant, summary.applicant],
                  [m.enterprise, summary.enterprise],
                  [m.queueTicket, summary.queueTicket],
                ] as const
              ).map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={80}>{label}</Table.Th>
                  <Table.Td>{value ?? m.notTyped}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" color="red" onClick={props.onDiscard}>
              {m.discard}
            </Button>
            <Button onClick={props.onRestore} data-autofocus>
              {m.restore}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
