import { Alert, Button, Group, Kbd, Loader, Modal, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { caseOwnsEnterprise } from '../../data/caseEnterprise';
import { updateIntake } from '../../data/intakeCorrection';
import { deskDatabase } from '../../data/db';
import type { CaseRow } from '../../data/records';
import { isIntakeOpen } from '../../domain/cases/caseStatus';
import { can } from '../../domain/clerks/permissions';
import type { CaseFile } from '../cases/useCaseFile';
import type { BaselineItem } from '../checklist/previewChanges';
import { useClerk } from '../clerks/ClerkContext';
import { installGreenCards, type CounterReference } from '../common/reference';
import { ShortcutLegend } from '../common/ShortcutLegend';
import { useStoredData } from '../common/useStoredData';
import { useWriteQueue } from '../common/useWriteQueue';
import { correctionPatch, enterpriseStart, formFromCase } from './correctionForm';
import { findKnownEnterprises, knownEnterprise } from './findKnownEnterprises';
import { IntakeForm, type TakeInOutcome } from './IntakeForm';
import type { CheckedIntake, IntakeForm as IntakeFormValue } from './intakeFormModel';
import type { KnownEnterprise } from './EnterpriseSection';
import { intakeMessages } from './messages';

const m = intakeMessages.correction;

export interface IntakeCorrectionProps {
  /** The case as stored, kept current: a saved correction shows in it without being read again. */
  file: CaseFile;
  reference: CounterReference;
}

/**
 * 修改受理信息: while the case is still at the counter, the intake form opens over the case filled in from
 * it (F4 or the button), with the live checklist compared with the case's. Saving sends only what changed
 * (`updateIntake`: case, timeline entry, ops for HQ and audit in one transaction). Once a counter decision
 * is made nothing is offered here, and the data layer refuses a correction anyway.
 */
export function IntakeCorrection(props: IntakeCorrectionProps) {
  const { row } = props.file;
  const clerk = useClerk();
  const [opened, setOpened] = useState(false);
  const offered = isIntakeOpen(row.statusCode) && can(clerk.role, 'case.intake');
  const open = () => {
    installGreenCards();
    setOpened(true);
  };
  // Another dialog (a decision's) keeps the key for itself.
  useHotkeys([['F4', () => offered && document.querySelector('[role="dialog"]') === null && open()]]);
  if (!offered) return null;
  return (
    <>
      <Button variant="light" onClick={open} rightSection={<Kbd size="xs">F4</Kbd>}>
        {m.button}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} size={1180} title={m.title(row.caseNumber)}>
        {opened ? (
          <CorrectionBody
            file={props.file}
            reference={props.reference}
            onCancel={() => setOpened(false)}
            onSaved={() => setOpened(false)}
          />
        ) : null}
      </Modal>
    </>
  );
}

interface CorrectionStart {
  /** The case's enterprise came in with it and no other case uses it: its details are corrected in place. */
  owned: boolean;
  form: IntakeFormValue<KnownEnterprise>;
}

async function loadCorrectionStart(row: CaseRow): Promise<CorrectionStart> {
  const [owned, known] = await Promise.all([
    caseOwnsEnterprise(deskDatabase(), row),
    row.enterpriseId === null ? Promise.resolve(null) : knownEnterprise(row.enterpriseId),
  ]);
  return { owned, form: formFromCase(row, enterpriseStart(row, owned, known)) };
}

/** The case's checklist now, and the recorded items earlier corrections took off it. */
function baselineOf(file: CaseFile): BaselineItem[] {
  return [
    ...file.items.map((item) => ({ key: item.key, name: item.item.name, recorded: item.checkedBy === null ? null : item.status, onList: true })),
    ...file.dropped.map((item) => ({ key: item.key, name: item.name, recorded: item.record.status, onList: false })),
  ];
}

function CorrectionBody(props: { file: CaseFile; reference: CounterReference; onCancel: () => void; onSaved: () => void }) {
  const { row } = props.file;
  const start = useStoredData(() => loadCorrectionStart(row), [row]);
  if (start.state === 'loading') {
    return (
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{m.loading}</Text>
      </Group>
    );
  }
  if (start.state === 'failed') {
    return (
      <Alert color="red" role="alert">
        {start.message}
      </Alert>
    );
  }
  return <CorrectionForm {...props} start={start.value} />;
}

function CorrectionForm(props: { file: CaseFile; reference: CounterReference; start: CorrectionStart; onCancel: () => void; onSaved: () => void }) {
  const { file, start } = props;
  const [form, setForm] = useState(start.form);
  const clerk = useClerk();
  const queue = useWriteQueue();
  const baseline = useMemo(() => baselineOf(file), [file]);

  const save = async (checked: CheckedIntake<KnownEnterprise>): Promise<TakeInOutcome> => {
    const patch = correctionPatch(file.row, checked, start.owned);
    const result = await queue(() => updateIntake(deskDatabase(), file.row.id, patch, { clerk }));
    if (!result.ok) return { ok: false, message: result.message };
    props.onSaved();
    return { ok: true };
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {m.intro}
      </Text>
      <ShortcutLegend
        shortcuts={[
          { keys: ['Ctrl', 'Enter'], action: m.shortcuts.save },
          { keys: ['Ctrl', 'K'], action: intakeMessages.shortcuts.matters },
          { keys: ['Esc'], action: m.shortcuts.cancel },
        ]}
      />
      <IntakeForm
        reference={props.reference}
        form={form}
        onChange={setForm}
        findEnterprises={findKnownEnterprises}
        takeIn={save}
        texts={{ submit: m.submit, saveFailed: m.saveFailed }}
        baseline={baseline}
        onCancel={props.onCancel}
      />
    </Stack>
  );
}
