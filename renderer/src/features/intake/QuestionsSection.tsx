import { Badge, Checkbox, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import type { AnswerValue, IntakeAnswers } from '../../domain/catalogue/answers';
import type { IntakeQuestion, QuestionId } from '../../domain/catalogue/schema';
import { intakeMessages as m } from './messages';

export interface QuestionsSectionProps {
  /** False until a matter is picked: there is nothing to ask yet. */
  mattersPicked: boolean;
  questions: readonly IntakeQuestion[];
  answers: IntakeAnswers;
  /** Questions some material still depends on: marked so the clerk sees what is left to ask. */
  pending: readonly QuestionId[];
  onAnswer: (id: QuestionId, value: AnswerValue | undefined) => void;
}

/** The selected matters' intake questions; each answer immediately reshapes the checklist beside the form. */
export function QuestionsSection(props: QuestionsSectionProps) {
  if (props.questions.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {props.mattersPicked ? m.questions.none : m.questions.pickMattersFirst}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {props.questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          value={props.answers[question.id]}
          pending={props.pending.includes(question.id)}
          onAnswer={(value) => props.onAnswer(question.id, value)}
        />
      ))}
    </Stack>
  );
}

function QuestionLabel(props: { question: IntakeQuestion; pending: boolean }) {
  return (
    <Group gap={6} component="span">
      <span>{props.question.label}</span>
      {props.pending ? (
        <Badge size="xs" color="orange" variant="light" component="span">
          {m.questions.pending}
        </Badge>
      ) : null}
    </Group>
  );
}

function QuestionField(props: { question: IntakeQuestion; value: AnswerValue | undefined; pending: boolean; onAnswer: (value: AnswerValue | undefined) => void }) {
  const { question, value } = props;
  const label = <QuestionLabel question={question} pending={props.pending} />;
  switch (question.kind) {
    case 'boolean':
      return (
        <Radio.Group
          label={label}
          description={question.help}
          value={typeof value === 'boolean' ? (value ? 'yes' : 'no') : null}
          onChange={(next) => props.onAnswer(next === 'yes')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="yes" label={m.questions.yes} />
            <Radio value="no" label={m.questions.no} />
          </Group>
        </Radio.Group>
      );
    case 'single':
      return (
        <Radio.Group
          label={label}
          description={question.help}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => props.onAnswer(next)}
        >
          <Stack gap={6} mt={4}>
            {question.options.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group
          label={label}
          description={question.help}
          value={Array.isArray(value) ? value : []}
          // Nothing ticked means not yet answered, so the question stays marked as still to ask.
          onChange={(next) => props.onAnswer(next.length > 0 ? next : undefined)}
        >
          <Stack gap={6} mt={4}>
            {question.options.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'count':
      return (
        <NumberInput
          label={label}
          description={question.help}
          min={0}
          max={question.max ?? 9999}
          allowDecimal={false}
          allowNegative={false}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => props.onAnswer(typeof next === 'number' ? next : undefined)}
          maw={360}
        />
      );
  }
}
