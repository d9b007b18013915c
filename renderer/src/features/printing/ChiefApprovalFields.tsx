import { Fieldset, Group, PasswordInput, Text, TextInput } from '@mantine/core';
import type { ChiefCredentials } from '../../data/chiefApproval';
import { printingMessages as m } from './messages';

/**
 * The chief representative's login name and password, typed by the chief at the clerk's desk to approve a
 * void or a reprint (never remembered: each approval asks again).
 */
export function ChiefApprovalFields(props: { value: ChiefCredentials; onChange: (value: ChiefCredentials) => void; error?: string | null; disabled?: boolean }) {
  const { value, onChange } = props;
  return (
    <Fieldset legend={m.chief.title} variant="filled">
      <Text size="xs" c="dimmed" mb="xs">
        {m.chief.hint}
      </Text>
      <Group grow align="flex-start">
        <TextInput
          label={m.chief.loginName}
          value={value.loginName}
          autoComplete="off"
          spellCheck={false}
          disabled={props.disabled}
          onChange={(event) => onChange({ ...value, loginName: event.currentTarget.value })}
        />
        <PasswordInput
          label={m.chief.password}
          value={value.password}
          autoComplete="off"
          disabled={props.disabled}
          error={props.error ?? undefined}
          onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        />
      </Group>
    </Fieldset>
  );
}

export const noCredentials: ChiefCredentials = { loginName: '', password: '' };
