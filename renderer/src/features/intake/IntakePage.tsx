import { Alert, Button, Group, Kbd, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { createDraftCase, type DraftCaseInput } from '../../data/cases';
import { deskDatabase } from '../../data/db';
import type { CaseId } from '../../domain/cases/caseId';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { CaseSummary } from '../cases/CaseSummary';
import { CaseWork } from '../cases/CaseWork';
import { CommitmentsPanel } from '../commitments/CommitmentsPanel';
import { useCaseFile } from '../cases/useCaseFile';
import { useClerk } from '../clerks/ClerkContext';
import { loadCounterReference, type CounterReference } from '../common/reference';
import { ShortcutLegend } from '../common/ShortcutLegend';
import { useStoredData } from '../common/useStoredData';
import { queueMessages } from '../queue/messages';
import { QueuePanel } from '../queue/QueuePanel';
import type { CalledTicket } from '../../protocol/queue';
import type { KnownEnterprise } from './EnterpriseSection';
import { agentInput, partyInput, shareholderInput } from './correctionForm';
import { findKnownEnterprises } from './findKnownEnterprises';
import { IntakeCorrection } from './IntakeCorrection';
import { IntakeDraftOffer } from './IntakeDraftOffer';
import { IntakeForm, type TakeInOutcome } from './IntakeForm';
import { emptyIntakeForm, type CheckedIntake, type IntakeForm as IntakeFormValue } from './intakeFormModel';
import { intakeMessages as m } from './messages';
import { useIntakeDraft } from './useIntakeDraft';

/**
 * 受理: the intake form with its live checklist; once the case is registered, the same screen turns into
 * collecting the materials and deciding at the counter. F2 starts over for the next applicant.
 */
export function IntakePage() {
  const reference = useStoredData(loadCounterReference, []);
  const [form, setForm] = useState<IntakeFormValue<KnownEnterprise>>(emptyIntakeForm);
  const [caseId, setCaseId] = useState<CaseId | null>(null);
  const clerk = useClerk();
  const draft = useIntakeDraft(clerk.id, form, setForm);
  // The ticket this window called (叫号): its number fills 排队号 and its times go on the case taken in on it.
  const [called, setCalled] = useState<CalledTicket | null>(null);

  const nextApplicant = () => {
    setForm({ ...emptyIntakeForm(), queueTicket: called?.number ?? '' });
    setCaseId(null);
  };

  const ticketCalled = (ticket: CalledTicket) => {
    setCalled(ticket);
    if (caseId !== null) {
      // The last applicant's case stays in 办件; the screen turns to the one just called.
      setCaseId(null);
      setForm({ ...emptyIntakeForm(), queueTicket: ticket.number });
    } else {
      setForm((current) => ({ ...current, queueTicket: ticket.number }));
    }
  };

  const ticketReleased = () => {
    // A skipped or transferred applicant is not the one at the counter: their number leaves the form.
    if (caseId === null && called !== null) setForm((current) => (current.queueTicket === called.number ? { ...current, queueTicket: '' } : current));
    setCalled(null);
  };
  useHotkeys([['F2', nextApplicant]], []);

  const takeIn = async (intake: CheckedIntake<KnownEnterprise>): Promise<TakeInOutcome> => {
    const result = await createDraftCase(deskDatabase(), toDraftInput(intake, called), { clerk });
    if (!result.ok) return { ok: false, message: result.message };
    setCaseId(result.value.id);
    // The case is stored: its draft has served. A failure to remove it shows beside the form, not as a failed intake.
    await draft.taken();
    return { ok: true };
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {m.title}
          </Title>
          <Text size="sm" c="dimmed">
            {m.subtitle}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <ShortcutLegend
            shortcuts={[
              { keys: ['Ctrl', 'K'], action: m.shortcuts.matters },
              { keys: ['Ctrl', 'Enter'], action: caseId === null ? m.shortcuts.submit : m.shortcuts.accept },
              { keys: ['F2'], action: m.shortcuts.reset },
              { keys: ['F3'], action: queueMessages.call },
            ]}
          />
          {reference.state === 'ready' ? (
            <Text size="xs" c="dimmed">
              {m.catalogueVersion(reference.value.catalogueVersion)}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {reference.state === 'loading' ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{m.loadingCatalogue}</Text>
        </Group>
      ) : null}
      {reference.state === 'failed' ? (
        <Alert color="red" role="alert">
          {reference.message}
        </Alert>
      ) : null}
      {reference.state === 'ready' ? <QueuePanel ticket={called} caseId={caseId} onCalled={ticketCalled} onReleased={ticketReleased} /> : null}
      <IntakeDraftOffer offer={draft.offer} onRestore={draft.restore} onDiscard={() => void draft.discard()} />
      {reference.state === 'ready' && caseId === null ? <IntakeSteps active={0} /> : null}
      {caseId === null && draft.problem !== null ? (
        <Alert color="orange" role="alert">
          {m.draft.saveFailed(draft.problem)}
        </Alert>
      ) : null}
      {caseId === null && (draft.saving || draft.savedAt !== null) ? (
        <Text size="xs" c="dimmed" data-testid="intake-draft-status">
          {draft.saving || draft.savedAt === null ? m.draft.saving : m.draft.savedAt(formatChineseDateTime(draft.savedAt))}
        </Text>
      ) : null}
      {reference.state === 'ready' && caseId === null ? (
        <IntakeForm reference={reference.value} form={form} onChange={setForm} findEnterprises={findKnownEnterprises} takeIn={takeIn} />
      ) : null}
      {reference.state === 'ready' && caseId !== null ? <CaseAtCounter caseId={caseId} reference={reference.value} onNext={nextApplicant} /> : null}
    </Stack>
  );
}

function CaseAtCounter(props: { caseId: CaseId; reference: CounterReference; onNext: () => void }) {
  const file = useCaseFile(props.caseId);
  if (file.state === 'loading') return <Loader size="sm" />;
  if (file.state === 'failed') {
    return (
      <Alert color="red" role="alert">
        {file.message}
      </Alert>
    );
  }
  const { row, clerkNames } = file.value;
  const decided = row.statusCode !== 'drafting';
  return (
    <Stack gap="md">
      <IntakeSteps active={decided ? 3 : 1} />
      <CaseSummary
        row={row}
        catalogue={props.reference.catalogue}
        clerkName={clerkNames.get(row.clerkId) ?? ''}
        actions={<IntakeCorrection file={file.value} reference={props.reference} />}
      />
      <CaseWork file={file.value} reference={props.reference} autoFocus />
      <CommitmentsPanel file={file.value} reference={props.reference} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onNext} rightSection={<Kbd size="xs">F2</Kbd>}>
          {m.nextApplicant}
        </Button>
      </Group>
    </Stack>
  );
}

/** Where the applicant at the counter stands: registered → materials collected → decided. */
function IntakeSteps(props: { active: number }) {
  return (
    <Stepper active={props.active} size="xs" allowNextStepsSelect={false} aria-label={m.stepsLabel}>
      <Stepper.Step label={m.stepLabels.register} />
      <Stepper.Step label={m.stepLabels.collect} />
      <Stepper.Step label={m.stepLabels.decide} />
    </Stepper>
  );
}

function toDraftInput(intake: CheckedIntake<KnownEnterprise>, called: CalledTicket | null): DraftCaseInput {
  return {
    enterprise:
      intake.enterprise.mode === 'existing'
        ? { kind: 'existing', id: intake.enterprise.enterprise.id }
        : { kind: 'new', name: intake.enterprise.name, uscc: intake.enterprise.uscc, address: intake.enterprise.address },
    applicant: partyInput(intake.applicant),
    agent: intake.agent === null ? null : agentInput(intake.agent),
    legalRepresentative: intake.legalRepresentative === null ? null : partyInput(intake.legalRepresentative),
    shareholders: intake.shareholders.map(shareholderInput),
    selection: intake.selection,
    answers: intake.answers,
    queueTicket: intake.queueTicket,
    calledTicket: called,
  };
}
