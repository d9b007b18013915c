import { Alert, Button, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { resetClerkPassword } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import type { ClerkAccount } from '../../domain/clerks/account';
import { checkPasswordRepeat } from '../../domain/clerks/newAccount';
import { checkPasswordPolicy } from '../../domain/clerks/passwordPolicy';
import { useClerk } from './ClerkContext';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';
import { NewPasswordFields } from './NewPasswordFields';

/** The admin types a new password for someone who forgot theirs, twice, under the same policy. */
export function ResetPasswordModal(props: { account: ClerkAccount; onClose: () => void; onDone: (text: string) => void }) {
  const admin = useClerk();
  const { account } = props;
  const [values, setValues] = useState({ password: '', passwordRepeat: '' });
  const [errors, setErrors] = useState<{ password?: string; passwordRepeat?: string }>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const policy = checkPasswordPolicy(values.password, { loginName: account.loginName });
    const repeat = checkPasswordRepeat(values.password, values.passwordRepeat);
    const found = { ...(policy.ok ? {} : { password: policy.problems.join('；') }), ...(repeat === null ? {} : { passwordRepeat: repeat }) };
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await resetClerkPassword(deskDatabase(), admin, account.id, values.password);
      if (result.ok) props.onDone(m.settings.resetDone(account.displayName));
      else setGeneral(result.message);
    } catch (error) {
      setGeneral(unexpectedErrorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={m.settings.resetTitle(account.displayName)} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <NewPasswordFields passwordLabel={m.fields.newPassword} values={values} errors={errors} onChange={setValues} />
          {general !== null && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {m.settings.resetSubmit}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
