import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { TextField } from '../../common/TextField';
import { casesMessages } from '../messages';
import { ProblemAlert } from '../../common/ProblemAlert';

const m = casesMessages.decisions;

export interface ReasonModalProps {
  opened: boolean;
  busy: boolean;
  problem: string | null;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}

/** 不予受理: a reason is required, and since it ends the case the clerk confirms it once more. */
export function ReasonModal(props: ReasonModalProps) {
  const text = m.refuse;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={text.title} size="lg">
      {props.opened ? <ReasonForm {...props} /> : null}
    </Modal>
  );
}

/** Two steps: the reason, then a plain statement of the consequence with the final button. */
function ReasonForm(props: ReasonModalProps) {
  const text = m.refuse;
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [showErrors, setShowErrors] = useState(false);

  if (step === 'confirm') {
    return (
      <Stack gap="sm" role="alertdialog" aria-label={text.confirmTitle}>
        <Text fw={700}>{text.confirmTitle}</Text>
        <Text size="sm">{text.confirmText}</Text>
        {reason.trim() !== '' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {casesMessages.detail.reason}：{reason.trim()}
          </Text>
        ) : null}
        <ProblemAlert problem={props.problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setStep('reason')}>
            {m.back}
          </Button>
          <Button color="red" loading={props.busy} onClick={() => void props.onSubmit(reason)} autoFocus>
            {text.submit}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') {
          setShowErrors(true);
          return;
        }
        setStep('confirm');
      }}
    >
      <Stack gap="sm">
        <TextField
          label={text.reason}
          value={reason}
          onChange={setReason}
          max={500}
          multiline
          required
          showErrors={showErrors}
          placeholder={text.reasonPlaceholder}
          autoFocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {m.cancel}
          </Button>
          <Button type="submit" color="red" variant="outline">
            {text.next}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
