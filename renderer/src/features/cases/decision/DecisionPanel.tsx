import { Alert, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { caseCommandLabels, type CaseCommandInput, type CaseCommandType } from '../../../domain/cases/caseCommands';
import type { CaseState } from '../../../domain/cases/caseState';
import { availableCaseCommands, type AddWorkingDays } from '../../../domain/cases/caseStateMachine';
import type { DecisionChecklistItem } from '../../../domain/cases/decisionChecklist';
import { formatChineseDate } from '../../../domain/chineseDate';
import type { ClerkRole } from '../../../domain/clerks/roles';
import { casesMessages } from '../messages';
import { counterCommands, type RunCommand } from './decisionTypes';
import { DeferralModal } from './DeferralModal';
import { NoticeModal } from './NoticeModal';
import { ReasonModal } from './ReasonModal';
import { ProblemAlert } from '../../common/ProblemAlert';

const m = casesMessages.decisions;

export interface DecisionPanelProps {
  state: CaseState;
  checklist: readonly DecisionChecklistItem[];
  /** The signed-in clerk's role; null when nobody is signed in (no buttons then). */
  role: ClerkRole | null;
  /** Why no decision may be made yet (e.g. unanswered intake questions), or null. */
  blocked: string | null;
  today: string;
  addWorkingDays: AddWorkingDays;
  run: RunCommand;
}

type Dialog = 'acceptWithDeferral' | 'issueCorrectionNotice' | 'refuse' | null;

/**
 * The counter's decisions on a case being taken in or coming back after a correction notice. The buttons
 * are the commands the state machine allows for this status and role; what it refuses comes back as its
 * own Chinese sentence. 不予受理 ends the case, so it goes through a confirmation step; 撤回, which needs the
 * applicant's written request, has its own panel (`WithdrawalPanel`).
 */
export function DecisionPanel(props: DecisionPanelProps) {
  const { state, role } = props;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const available = role === null ? [] : availableCaseCommands(state.status.code, role);
  const offered = counterCommands.filter((type) => available.includes(type));
  const dueIfAcceptedNow = safeDue(props.addWorkingDays, props.today, state.promisedWorkingDays);

  const run = async (input: CaseCommandInput): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await props.run(input);
      if (!outcome.ok) setProblem(outcome.message);
      return outcome.ok;
    } catch (error) {
      setProblem(m.saveFailed(error instanceof Error ? error.message : String(error)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const open = (type: CaseCommandType) => {
    setProblem(null);
    if (type === 'accept') void run({ type: 'accept' });
    else if (type === 'applicantReturns') void run({ type: 'applicantReturns' });
    else setDialog(type as Exclude<Dialog, null>);
  };

  const canAccept = offered.includes('accept') && props.blocked === null && !busy && dialog === null;
  // A dialog open over the case (this panel's or another, such as 修改受理信息) keeps Ctrl+Enter for itself.
  useHotkeys([['mod+Enter', () => canAccept && document.querySelector('[role="dialog"]') === null && open('accept'), { preventDefault: true }]], []);

  if (offered.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={m.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {m.title}
          </Title>
          <Text size="sm" c="dimmed" data-testid="due-if-accepted">
            {state.promisedWorkingDays === 0
              ? m.immediate
              : dueIfAcceptedNow !== null
                ? m.wouldBeDue(formatChineseDate(dueIfAcceptedNow), state.promisedWorkingDays)
                : null}
          </Text>
        </Group>
        {state.status.code === 'awaitingCorrection' ? (
          <Alert color="orange" variant="light" role="note">
            {m.returnNote(state.visits + 1)}
          </Alert>
        ) : null}
        {props.blocked !== null ? (
          <Alert color="orange" variant="light">
            {props.blocked}
          </Alert>
        ) : null}
        <Group gap="sm">
          {offered.map((type) => (
            <Button
              key={type}
              variant={type === 'accept' ? 'filled' : type === 'refuse' ? 'outline' : 'light'}
              color={type === 'refuse' ? 'red' : type === 'acceptWithDeferral' ? 'yellow' : undefined}
              disabled={busy || props.blocked !== null}
              loading={busy && type === 'accept'}
              onClick={() => open(type)}
              rightSection={
                type === 'accept' ? (
                  <Group gap={2} wrap="nowrap">
                    <Kbd size="xs">Ctrl</Kbd>
                    <Kbd size="xs">Enter</Kbd>
                  </Group>
                ) : undefined
              }
            >
              {type === 'applicantReturns' ? m.applicantReturns.button : buttonLabel(type)}
            </Button>
          ))}
        </Group>
        <ProblemAlert problem={problem} />
      </Stack>

      <DeferralModal
        opened={dialog === 'acceptWithDeferral'}
        checklist={props.checklist}
        today={props.today}
        dueDate={dueIfAcceptedNow}
        addWorkingDays={props.addWorkingDays}
        busy={busy}
        problem={problem}
        onClose={() => setDialog(null)}
        onSubmit={async (input) => (await run(input)) && setDialog(null)}
      />
      <NoticeModal
        opened={dialog === 'issueCorrectionNotice'}
        checklist={props.checklist}
        busy={busy}
        problem={problem}
        onClose={() => setDialog(null)}
        onSubmit={async (input) => (await run(input)) && setDialog(null)}
      />
      <ReasonModal
        opened={dialog === 'refuse'}
        busy={busy}
        problem={problem}
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => (await run({ type: 'refuse', reason })) && setDialog(null)}
      />
    </Paper>
  );
}

function buttonLabel(type: CaseCommandType): string {
  switch (type) {
    case 'accept':
      return m.accept.button;
    case 'acceptWithDeferral':
      return m.deferral.button;
    case 'issueCorrectionNotice':
      return m.notice.button;
    case 'refuse':
      return m.refuse.button;
    default:
      return caseCommandLabels[type];
  }
}

/** The due date an acceptance now would give; null when the calendar cannot tell (the command will say why). */
function safeDue(addWorkingDays: AddWorkingDays, today: string, days: number): string | null {
  try {
    return addWorkingDays(today, days);
  } catch {
    return null;
  }
}
