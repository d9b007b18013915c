import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChiefCredentials } from '../../data/chiefApproval';
import { deskDatabase } from '../../data/db';
import { voidDocument } from '../../data/documentArchive/archive';
import type { PrintableKind } from '../../data/printSettings';
import type { DocumentRow } from '../../data/records';
import { useClerk } from '../clerks/ClerkContext';
import { ChiefApprovalFields, noCredentials } from './ChiefApprovalFields';
import { printingMessages as m } from './messages';
import { printableKindLabels } from './printKinds';
import { ProblemAlert } from '../common/ProblemAlert';

/**
 * Voids a printed document (a spoiled licence voids its sheet with it): the reason, and the chief's own
 * login name and password. Nothing changes until the chief's password is checked.
 */
export function VoidDocumentDialog(props: { row: DocumentRow | null; onClose: () => void; onVoided: (row: DocumentRow) => void }) {
  const { row } = props;
  const title = row === null ? '' : m.voidDialog.title(printableKindLabels[row.kind as PrintableKind] ?? row.kind, row.documentNumber);
  return (
    <Modal opened={row !== null} onClose={props.onClose} title={title} size="lg">
      {row !== null ? <VoidForm row={row} onClose={props.onClose} onVoided={props.onVoided} /> : null}
    </Modal>
  );
}

function VoidForm(props: { row: DocumentRow; onClose: () => void; onVoided: (row: DocumentRow) => void }) {
  const clerk = useClerk();
  const [reason, setReason] = useState('');
  const [credentials, setCredentials] = useState<ChiefCredentials>(noCredentials);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await voidDocument(deskDatabase(), props.row.id, reason, credentials, { clerk });
      if (result.ok) {
        props.onVoided(result.value);
        return;
      }
      setProblem(result.message);
      // A refused approval never leaves the chief's password on screen.
      setCredentials((current) => ({ ...current, password: '' }));
    } catch (error) {
      setProblem(m.unexpected(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Textarea label={m.reason} placeholder={m.voidDialog.reasonHint} required autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
        <ChiefApprovalFields value={credentials} onChange={setCredentials} disabled={busy} />
        <ProblemAlert problem={problem} />
        <Group gap="sm">
          <Button type="submit" color="red" loading={busy}>
            {m.voidDialog.confirm}
          </Button>
          <Button variant="subtle" onClick={props.onClose}>
            {m.close}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
