import { Alert, Button, Fieldset, Grid, Group, Kbd, Stack, Switch } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { buildChecklist } from '../../domain/catalogue/checklist';
import { selectionFoundsCompany } from '../../domain/catalogue/companyFounding';
import { intakeQuestionsFor, resolveSelection } from '../../domain/catalogue/selection';
import { ChecklistPreview } from '../checklist/ChecklistPreview';
import type { BaselineItem } from '../checklist/previewChanges';
import { TextField } from '../common/TextField';
import type { CounterReference } from '../common/reference';
import { CompanyPeopleSection } from './CompanyPeopleSection';
import { EnterpriseSection, type KnownEnterprise } from './EnterpriseSection';
import {
  AGENT_QUESTION_ID,
  checkIntakeForm,
  effectiveAnswers,
  fieldLimits,
  withAnswer,
  type CheckedIntake,
  type IntakeField,
  type IntakeForm as IntakeFormValue,
} from './intakeFormModel';
import { MatterPicker } from './MatterPicker';
import { intakeMessages as m } from './messages';
import { PartyFields } from './PartyFields';
import { QuestionsSection } from './QuestionsSection';

export type TakeInOutcome = { ok: true } | { ok: false; message: string; field?: IntakeField | undefined };

export interface IntakeFormProps {
  reference: CounterReference;
  form: IntakeFormValue<KnownEnterprise>;
  onChange: (form: IntakeFormValue<KnownEnterprise>) => void;
  findEnterprises: (query: string) => Promise<readonly KnownEnterprise[]>;
  takeIn: (intake: CheckedIntake<KnownEnterprise>) => Promise<TakeInOutcome>;
  /** Correcting a registered case: what the submit button says and how a failed save is reported. */
  texts?: { submit: string; saveFailed: (detail: string) => string } | undefined;
  /** Correcting a registered case: its checklist now, which the live checklist is compared with. */
  baseline?: readonly BaselineItem[] | undefined;
  /** Shows a cancel button beside the submit button (the correction dialog's). */
  onCancel?: (() => void) | undefined;
}

/**
 * The intake form, with the checklist beside it rebuilt on every change. Ctrl+Enter takes the case in
 * (or saves the correction of a registered one); Ctrl+K goes back to the matter box.
 */
export function IntakeForm(props: IntakeFormProps) {
  const { reference, form, onChange } = props;
  const texts = props.texts ?? { submit: m.submit, saveFailed: m.saveFailed };
  const { catalogue } = reference;
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState<{ message: string; field?: IntakeField | undefined } | null>(null);
  const matterBox = useRef<HTMLInputElement>(null);

  const resolved = useMemo(() => (form.selection === null ? null : resolveSelection(catalogue, form.selection)), [catalogue, form.selection]);
  const questions = useMemo(() => (resolved?.ok === true ? intakeQuestionsFor(resolved.matters) : []), [resolved]);
  const asked = useMemo(() => new Set<string>(questions.map((question) => question.id)), [questions]);
  const { answers: typedAnswers, agentUsed, selection } = form;
  const answers = useMemo(() => effectiveAnswers({ answers: typedAnswers, agentUsed }), [typedAnswers, agentUsed]);
  const checklist = useMemo(() => (selection === null ? null : buildChecklist(catalogue, selection, answers)), [catalogue, selection, answers]);
  const pending = checklist?.ok === true ? checklist.checklist.pendingQuestionIds : [];
  const foundsCompany = resolved?.ok === true && selectionFoundsCompany(resolved.matters);
  const check = checkIntakeForm(form, { asked, pending, foundsCompany });
  const problems = check.ok ? new Map<IntakeField, string>() : check.problems;
  const problem = (field: IntakeField) => (showErrors ? problems.get(field) : undefined);

  const submit = async () => {
    setShowErrors(true);
    setSaveProblem(null);
    if (!check.ok || saving) return;
    setSaving(true);
    try {
      const outcome = await props.takeIn(check.value);
      if (!outcome.ok) setSaveProblem(outcome);
    } catch (error) {
      setSaveProblem({ message: texts.saveFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setSaving(false);
    }
  };

  useHotkeys(
    [
      ['mod+Enter', () => void submit()],
      ['mod+K', () => matterBox.current?.focus()],
    ],
    [],
  );

  return (
    <Grid gap="md">
      <Grid.Col span={7}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          aria-label={m.title}
          noValidate
        >
          <Stack gap="sm">
            <Fieldset legend={m.sections.matters} variant="filled">
              <Grid gap="sm">
                <Grid.Col span={3}>
                  <TextField
                    label={m.queueTicket.label}
                    placeholder={m.queueTicket.placeholder}
                    value={form.queueTicket}
                    onChange={(queueTicket) => onChange({ ...form, queueTicket })}
                    max={fieldLimits.queueTicket}
                    showErrors={showErrors}
                  />
                </Grid.Col>
                <Grid.Col span={9}>
                  <MatterPicker
                    catalogue={catalogue}
                    selection={form.selection}
                    onChange={(selection) => onChange({ ...form, selection })}
                    error={problem('selection')}
                    inputRef={matterBox}
                  />
                </Grid.Col>
              </Grid>
            </Fieldset>

            <Fieldset legend={m.sections.enterprise} variant="filled">
              <EnterpriseSection
                value={form.enterprise}
                onChange={(enterprise) => onChange({ ...form, enterprise })}
                find={props.findEnterprises}
                problems={{ choice: problems.get('enterprise') }}
                showErrors={showErrors}
              />
            </Fieldset>

            <Fieldset legend={m.sections.applicant} variant="filled">
              <PartyFields value={form.applicant} onChange={(applicant) => onChange({ ...form, applicant })} who={m.applicant.who} labels={m.applicant} showErrors={showErrors} />
            </Fieldset>

            <Fieldset legend={m.sections.agent} variant="filled">
              <Stack gap="sm">
                <Switch
                  label={m.agent.toggle}
                  checked={form.agentUsed}
                  onChange={(event) => onChange({ ...form, agentUsed: event.currentTarget.checked })}
                />
                {form.agentUsed ? (
                  <>
                    <PartyFields value={form.agent} onChange={(agent) => onChange({ ...form, agent: { ...form.agent, ...agent } })} who={m.agent.who} labels={m.agent} showErrors={showErrors} />
                    <TextField
                      label={m.agent.authorisation}
                      placeholder={m.agent.authorisationPlaceholder}
                      value={form.agent.authorisation}
                      onChange={(authorisation) => onChange({ ...form, agent: { ...form.agent, authorisation } })}
                      max={fieldLimits.authorisation}
                      multiline
                      required
                      showErrors={showErrors}
                    />
                  </>
                ) : null}
              </Stack>
            </Fieldset>

            {foundsCompany ? (
              <CompanyPeopleSection
                legalRepresentative={form.legalRepresentative}
                shareholders={form.shareholders}
                onChange={(people) => onChange({ ...form, ...people })}
                showErrors={showErrors}
              />
            ) : null}

            <Fieldset legend={m.sections.questions} variant="filled">
              <QuestionsSection
                mattersPicked={form.selection !== null}
                questions={questions.filter((question) => question.id !== AGENT_QUESTION_ID)}
                answers={form.answers}
                pending={pending}
                onAnswer={(id, value) => onChange(withAnswer(form, id, value))}
              />
            </Fieldset>

            {showErrors && !check.ok ? (
              <Alert color="red" role="alert">
                {[...problems.values()].length === 1 ? [...problems.values()][0] : m.fixProblems(problems.size)}
              </Alert>
            ) : null}
            {saveProblem !== null ? (
              <Alert color="red" role="alert">
                {saveProblem.message}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              {props.onCancel !== undefined ? (
                <Button variant="default" size="md" onClick={props.onCancel} rightSection={<Kbd size="xs">Esc</Kbd>}>
                  {m.correction.cancel}
                </Button>
              ) : null}
              <Button
                type="submit"
                size="md"
                loading={saving}
                rightSection={
                  <Group gap={2} wrap="nowrap">
                    <Kbd size="xs">Ctrl</Kbd>
                    <Kbd size="xs">Enter</Kbd>
                  </Group>
                }
              >
                {texts.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={5}>
        <div style={{ position: 'sticky', top: 72 }}>
          <ChecklistPreview result={checklist} baseline={props.baseline} />
        </div>
      </Grid.Col>
    </Grid>
  );
}
