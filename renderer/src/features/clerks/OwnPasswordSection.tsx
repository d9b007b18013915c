import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { changeOwnPassword } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import { checkPasswordRepeat } from '../../domain/clerks/newAccount';
import { checkPasswordPolicy } from '../../domain/clerks/passwordPolicy';
import { useClerk } from './ClerkContext';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';
import { useFocusFirstInvalid } from './NewAccountForm';
import { NewPasswordFields } from './NewPasswordFields';

type Errors = { currentPassword?: string; password?: string; passwordRepeat?: string };
const empty = { currentPassword: '', password: '', passwordRepeat: '' };

/** Everyone can replace their own password, proving they know the current one. */
export function OwnPasswordSection() {
  const clerk = useClerk();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const policy = checkPasswordPolicy(values.password);
    const repeat = checkPasswordRepeat(values.password, values.passwordRepeat);
    const found: Errors = {
      ...(values.currentPassword === '' ? { currentPassword: m.fields.passwordMissing } : {}),
      ...(policy.ok ? {} : { password: policy.problems.join('；') }),
      ...(repeat === null ? {} : { passwordRepeat: repeat }),
    };
    setErrors(found);
    setOutcome(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const result = await changeOwnPassword(deskDatabase(), clerk, values.currentPassword, values.password);
      if (result.ok) {
        setValues(empty);
        setOutcome({ ok: true, text: m.settings.ownChanged });
      } else if (result.field === 'currentPassword' || result.field === 'password') {
        setErrors({ [result.field]: result.message });
        focusFirstInvalid();
      } else setOutcome({ ok: false, text: result.message });
    } catch (error) {
      setOutcome({ ok: false, text: unexpectedErrorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="own-account-title">
      <Title id="own-account-title" order={2} size="h4" mb="sm">
        {m.settings.ownTitle}
      </Title>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput
            label={m.fields.currentPassword}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            error={errors.currentPassword}
            onChange={(event) => setValues({ ...values, currentPassword: event.currentTarget.value })}
          />
          <NewPasswordFields
            passwordLabel={m.fields.newPassword}
            values={values}
            errors={errors}
            onChange={(passwords) => setValues({ ...values, ...passwords })}
          />
          {outcome !== null && (
            <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.text}
            </Alert>
          )}
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {m.settings.ownSubmit}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
