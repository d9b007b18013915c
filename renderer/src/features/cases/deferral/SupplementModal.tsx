import { Alert, Button, FileInput, Group, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SuppliedMaterial } from '../../../data/deferredSupplement';
import type { ChecklistItemRow } from '../../../data/records';
import type { DeferredMaterial } from '../../../domain/cases/caseStatus';
import { isOverdue } from '../../../domain/cases/deferredMaterials';
import { materialFormLabels } from '../../../domain/catalogue/messages';
import { materialForms, type MaterialForm } from '../../../domain/catalogue/schema';
import { formatChineseDate } from '../../../domain/chineseDate';
import { scanAccept } from '../../checklist/checklistView';
import { ProblemAlert } from '../../common/ProblemAlert';
import { TextField } from '../../common/TextField';
import { casesMessages } from '../messages';

const m = casesMessages.deferred.dialog;

export interface SupplementModalProps {
  /** The deferred material being brought, with its checklist item; null when the dialog is closed. */
  material: { deferred: DeferredMaterial; item: ChecklistItemRow } | null;
  today: string;
  busy: boolean;
  problem: string | null;
  onClose: () => void;
  onSubmit: (supplied: SuppliedMaterial, scans: readonly File[]) => Promise<unknown>;
}

/** 登记补交: what the applicant brought for one deferred material — form, copies, pages, a note, scans. */
export function SupplementModal(props: SupplementModalProps) {
  return (
    <Modal opened={props.material !== null} onClose={props.onClose} title={props.material === null ? '' : m.title(props.material.deferred.name)} size="lg">
      {props.material !== null ? <SupplementForm {...props} material={props.material} /> : null}
    </Modal>
  );
}

function SupplementForm(props: SupplementModalProps & { material: NonNullable<SupplementModalProps['material']> }) {
  const { deferred, item } = props.material;
  const [form, setForm] = useState<MaterialForm>(item.item.form);
  const [copies, setCopies] = useState<number | ''>(item.item.copies);
  const [pages, setPages] = useState<number | ''>(1);
  const [note, setNote] = useState('');
  const [scans, setScans] = useState<File[]>([]);
  const deadline = formatChineseDate(deferred.deadline);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit({ key: item.key, form, copies: copies === '' ? 0 : copies, pages: pages === '' ? 0 : pages, note }, scans);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{m.intro(deadline)}</Text>
        {isOverdue(deferred.deadline, props.today) ? (
          <Alert color="orange" variant="light">
            {m.late(deadline)}
          </Alert>
        ) : null}
        <div>
          <Text size="sm" fw={500} mb={4} id="supplement-form-label">
            {m.form}
          </Text>
          <SegmentedControl
            aria-labelledby="supplement-form-label"
            value={form}
            onChange={(value) => setForm(value as MaterialForm)}
            data={materialForms.map((value) => ({ value, label: materialFormLabels[value] }))}
          />
        </div>
        <Group grow>
          <NumberInput label={m.copies} min={1} max={99} allowDecimal={false} value={copies} required onChange={(value) => setCopies(typeof value === 'number' ? value : '')} />
          <NumberInput label={m.pages} min={1} max={9999} allowDecimal={false} value={pages} required onChange={(value) => setPages(typeof value === 'number' ? value : '')} />
        </Group>
        <FileInput label={m.scans} placeholder={m.scansPlaceholder} accept={scanAccept} multiple clearable value={scans} onChange={setScans} />
        <TextField label={m.note} value={note} onChange={setNote} max={200} multiline />
        <ProblemAlert problem={props.problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {casesMessages.decisions.cancel}
          </Button>
          <Button type="submit" loading={props.busy}>
            {m.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
