import { PasswordInput, Stack } from '@mantine/core';
import { PasswordPolicyHint } from './PasswordPolicyHint';
import { clerkMessages as m } from './messages';

export interface NewPasswordValues {
  password: string;
  passwordRepeat: string;
}

/** A new password typed twice, with the policy beside it; errors come from the form that owns the values. */
export function NewPasswordFields(props: {
  values: NewPasswordValues;
  onChange: (values: NewPasswordValues) => void;
  errors: { password?: string | undefined; passwordRepeat?: string | undefined };
  passwordLabel?: string;
}) {
  const { values, onChange, errors } = props;
  return (
    <Stack gap="sm">
      <PasswordInput
        label={props.passwordLabel ?? m.fields.password}
        autoComplete="new-password"
        required
        value={values.password}
        error={errors.password}
        onChange={(event) => onChange({ ...values, password: event.currentTarget.value })}
      />
      <PasswordInput
        label={m.fields.passwordRepeat}
        autoComplete="new-password"
        required
        value={values.passwordRepeat}
        error={errors.passwordRepeat}
        onChange={(event) => onChange({ ...values, passwordRepeat: event.currentTarget.value })}
      />
      <PasswordPolicyHint />
    </Stack>
  );
}
