import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ClerkChange } from '../../data/clerks';
import { checkNewAccount, checkPasswordRepeat, type NewAccountDraft, type NewAccountErrors } from '../../domain/clerks/newAccount';
import { clerkRoleLabel, clerkRoles, type ClerkRole } from '../../domain/clerks/roles';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';
import { NewPasswordFields } from './NewPasswordFields';

type FormErrors = NewAccountErrors & { passwordRepeat?: string };

const roleOptions = clerkRoles.map((role) => ({ value: role, label: clerkRoleLabel(role) }));

/**
 * Returns a function that moves focus to the form's first field marked invalid, so a keyboard user lands
 * on what to fix. The move happens after React has committed the errors (an animation frame may come
 * first on a busy machine, when no field is marked yet).
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, request]);
  return () => setRequest((n) => n + 1);
}

/**
 * Login name, name, role and a password typed twice. Every field is checked at once on submit, each
 * problem shown beside its field; a refusal from storage (a taken login name) lands on its field too.
 * Cleared after a successful submit. `fixedRole` hides the role choice (the first account is an admin).
 */
export function NewAccountForm(props: {
  fixedRole?: ClerkRole;
  submitLabel: string;
  autoFocus?: boolean;
  onSubmit: (draft: NewAccountDraft) => Promise<ClerkChange<unknown>>;
}) {
  const empty = { loginName: '', displayName: '', role: props.fixedRole ?? 'clerk', password: '', passwordRepeat: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const draft: NewAccountDraft = { loginName: values.loginName, displayName: values.displayName, role: values.role, password: values.password };
    const check = checkNewAccount(draft);
    const repeat = checkPasswordRepeat(values.password, values.passwordRepeat);
    const found: FormErrors = { ...(check.ok ? {} : check.errors), ...(repeat === null ? {} : { passwordRepeat: repeat }) };
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const result = await props.onSubmit(draft);
      if (result.ok) setValues(empty);
      else if (result.field !== undefined && result.field !== 'currentPassword') {
        setErrors({ [result.field]: result.message });
        focusFirstInvalid();
      } else setGeneral(result.message);
    } catch (error) {
      setGeneral(unexpectedErrorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={m.fields.loginName}
          description={m.fields.loginNameHint}
          autoComplete="off"
          required
          autoFocus={props.autoFocus}
          value={values.loginName}
          error={errors.loginName}
          onChange={(event) => setValues({ ...values, loginName: event.currentTarget.value })}
        />
        <TextInput
          label={m.fields.displayName}
          description={m.fields.displayNameHint}
          required
          value={values.displayName}
          error={errors.displayName}
          onChange={(event) => setValues({ ...values, displayName: event.currentTarget.value })}
        />
        {props.fixedRole === undefined && (
          <NativeSelect
            label={m.fields.role}
            data={roleOptions}
            value={values.role}
            error={errors.role}
            onChange={(event) => setValues({ ...values, role: event.currentTarget.value as ClerkRole })}
          />
        )}
        <NewPasswordFields values={values} errors={errors} onChange={(passwords) => setValues({ ...values, ...passwords })} />
        {general !== null && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
