import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CaseCommandInput } from '../../../domain/cases/caseCommands';
import type { AddWorkingDays } from '../../../domain/cases/caseStateMachine';
import { deferredItems, type DecisionChecklistItem } from '../../../domain/cases/decisionChecklist';
import { deferralDeadline } from '../../../domain/cases/deferredMaterials';
import { formatChineseDate } from '../../../domain/chineseDate';
import { casesMessages as domainMessages } from '../../../domain/cases/messages';
import { ChineseDateInput } from '../../common/ChineseDateInput';
import { TextField } from '../../common/TextField';
import { casesMessages } from '../messages';
import { ProblemAlert } from '../../common/ProblemAlert';

const m = casesMessages.decisions;

export interface DeferralModalProps {
  opened: boolean;
  checklist: readonly DecisionChecklistItem[];
  today: string;
  /** The due date an acceptance now gives: the latest deadline allowed. */
  dueDate: string | null;
  /** The calendar in force, for each deadline's default (the material's 容缺 period, see `deferralDeadline`). */
  addWorkingDays: AddWorkingDays;
  busy: boolean;
  problem: string | null;
  onClose: () => void;
  onSubmit: (input: Extract<CaseCommandInput, { type: 'acceptWithDeferral' }>) => Promise<unknown>;
}

/**
 * 容缺受理: the applicant's undertaking and, for each material marked 容缺, the day it will be brought by.
 * Deadlines default to each material's 容缺 period from today (never past the promised due date) and the
 * date inputs refuse days outside today…due; the
 * state machine checks the same rule again and its message is shown if anything slips through.
 */
export function DeferralModal(props: DeferralModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={m.deferral.title} size="lg">
      {props.opened ? <DeferralForm {...props} /> : null}
    </Modal>
  );
}

function defaultDeadline(item: DecisionChecklistItem, props: DeferralModalProps): string {
  if (props.dueDate === null) return props.today;
  try {
    return deferralDeadline(props.today, item.deferralDays, props.dueDate, props.addWorkingDays);
  } catch {
    // Past the calendar's coverage: the due date is the latest allowed anyway, and the decision names the missing year.
    return props.dueDate;
  }
}

function DeferralForm(props: DeferralModalProps) {
  const deferred = deferredItems(props.checklist);
  const [undertaking, setUndertaking] = useState<string>(domainMessages.deferralUndertaking);
  // Only what the clerk typed is kept: a material marked 容缺 while the dialog was already open (the mark
  // saved a moment after the click) still gets its default deadline instead of an empty field.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const deadlineOf = (item: DecisionChecklistItem) => typed[item.materialKey] ?? defaultDeadline(item, props);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit({
          type: 'acceptWithDeferral',
          undertaking,
          deadlines: deferred.map((item) => ({ materialKey: item.materialKey, deadline: deadlineOf(item) })),
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{m.deferral.intro(props.dueDate === null ? '—' : formatChineseDate(props.dueDate))}</Text>
        {deferred.map((item) => (
          <ChineseDateInput
            key={item.materialKey}
            label={m.deferral.deadline(item.name)}
            value={deadlineOf(item)}
            min={props.today}
            max={props.dueDate ?? undefined}
            required
            onChange={(value) => setTyped((current) => ({ ...current, [item.materialKey]: value }))}
          />
        ))}
        <TextField label={m.deferral.undertaking} value={undertaking} onChange={setUndertaking} max={1000} multiline required />
        <ProblemAlert problem={props.problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {m.cancel}
          </Button>
          <Button type="submit" color="yellow" loading={props.busy}>
            {m.deferral.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
