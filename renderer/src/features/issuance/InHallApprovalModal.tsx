import { Alert, Button, Group, Loader, Modal, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { inHallApprovalBlocker, recordInHallApproval, type LicenceField } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import { useClerk } from '../clerks/ClerkContext';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { useSyncControls } from '../sync/SyncEngineProvider';
import { hallToday } from '../common/hallClock';
import { firstLicenceTextProblem, initialLicenceForm, licenceInputOf, licenceTextFields, licenceTextProblem, termKindOf, type LicenceFormValues, type LicenceTextField } from './licenceForm';
import { issuanceMessages } from './messages';

const m = issuanceMessages.approval;

/**
 * 记录准予（厅内）: the chief approves a case in the hall and enters the licence data to print. The data
 * layer takes the case through review and approval to 待出证 in one write, or refuses naming the field
 * (or because the desk is enrolled with HQ, whose decisions stand: then the screen offers no approval).
 */
export function InHallApprovalModal(props: { row: CaseRow | null; authority: string; onClose: () => void; onApproved: (row: CaseRow) => void }) {
  return (
    <Modal opened={props.row !== null} onClose={props.onClose} title={props.row === null ? '' : m.title(props.row.caseNumber)} size={860}>
      {props.row !== null ? <ApprovalGate row={props.row} authority={props.authority} onClose={props.onClose} onApproved={props.onApproved} /> : null}
    </Modal>
  );
}

type ApprovalCheck = { kind: 'checking' } | { kind: 'clear' } | { kind: 'blocked'; message: string };

/** What would stop the approval is said first, so the chief does not type the licence data in vain. */
function ApprovalGate(props: { row: CaseRow; authority: string; onClose: () => void; onApproved: (row: CaseRow) => void }) {
  const clerk = useClerk();
  const { config } = useSyncControls();
  // Until the enrolment is read, the desk counts as enrolled: an approval HQ would refuse is not written.
  const deskEnrolled = config === null || config.enrolment !== null;
  const [check, setCheck] = useState<ApprovalCheck>({ kind: 'checking' });
  const caseId = props.row.id;

  useEffect(() => {
    let current = true;
    inHallApprovalBlocker(deskDatabase(), caseId, { clerk, deskEnrolled }).then(
      (blocker) => {
        if (current) setCheck(blocker === null ? { kind: 'clear' } : { kind: 'blocked', message: blocker });
      },
      (error: unknown) => {
        if (current) setCheck({ kind: 'blocked', message: m.checkFailed(error instanceof Error ? error.message : String(error)) });
      },
    );
    return () => {
      current = false;
    };
  }, [caseId, clerk, deskEnrolled]);

  if (check.kind === 'checking') return <Loader size="sm" aria-label={m.checking} />;
  if (check.kind === 'clear') return <ApprovalForm {...props} deskEnrolled={deskEnrolled} />;
  return (
    <Stack gap="sm">
      <Alert color="red" role="alert" title={m.blockedTitle}>
        {check.message}
      </Alert>
      <Group>
        <Button variant="default" onClick={props.onClose} data-autofocus>
          {m.close}
        </Button>
      </Group>
    </Stack>
  );
}

type FieldName = keyof LicenceFormValues;
const fieldOfLicence: Record<LicenceField, FieldName> = {
  uscc: 'uscc',
  name: 'name',
  type: 'type',
  legalRepresentative: 'legalRepresentative',
  registeredCapitalFen: 'registeredCapital',
  businessScope: 'businessScope',
  address: 'address',
  establishedOn: 'establishedOn',
  businessTerm: 'termKind',
  registrationAuthority: 'registrationAuthority',
  issuedOn: 'issuedOn',
};

function isLicenceTextField(name: FieldName): name is LicenceTextField {
  return (licenceTextFields as readonly string[]).includes(name);
}

/** The form field a refusal names; a refused fixed 营业期限 is about its date. */
function formFieldOf(field: LicenceField, values: LicenceFormValues): FieldName {
  return field === 'businessTerm' && values.termKind === 'fixed' ? 'termUntil' : fieldOfLicence[field];
}

function ApprovalForm(props: { row: CaseRow; authority: string; deskEnrolled: boolean; onClose: () => void; onApproved: (row: CaseRow) => void }) {
  const clerk = useClerk();
  const [values, setValues] = useState<LicenceFormValues>(() => initialLicenceForm(props.row, hallToday(), props.authority));
  const [problem, setProblem] = useState<{ field: FieldName | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // A licence text field names a character the fonts lack as it is typed, not when the licence will not print.
  const typedProblem = (name: FieldName) => (isLicenceTextField(name) ? licenceTextProblem(name, values) : null);
  const field = (name: FieldName) => ({
    label: m.fields[name],
    value: values[name],
    error: (problem?.field === name ? problem.message : null) ?? typedProblem(name) ?? undefined,
    onChange: (event: { currentTarget: { value: string } }) => {
      setValues({ ...values, [name]: event.currentTarget.value });
      if (problem?.field === name) setProblem(null);
    },
  });

  const dateField = (name: 'establishedOn' | 'termUntil' | 'issuedOn') => {
    const { onChange, ...rest } = field(name);
    return { ...rest, onChange: (value: string) => onChange({ currentTarget: { value } }) };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = firstLicenceTextProblem(values);
    if (typed !== null) {
      setProblem(typed);
      return;
    }
    const input = licenceInputOf(values);
    if (input === null) {
      setProblem({ field: 'registeredCapital', message: m.capitalInvalid });
      return;
    }
    setBusy(true);
    try {
      const result = await recordInHallApproval(deskDatabase(), props.row.id, input, { clerk, deskEnrolled: props.deskEnrolled });
      if (result.ok) props.onApproved(result.value);
      else setProblem({ field: result.field === undefined ? null : formFieldOf(result.field, values), message: result.message });
    } catch (error) {
      setProblem({ field: null, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{m.intro}</Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput {...field('uscc')} required ff="monospace" spellCheck={false} autoComplete="off" />
          <TextInput {...field('name')} required />
          <TextInput {...field('type')} required />
          <TextInput {...field('legalRepresentative')} required />
          <TextInput {...field('registeredCapital')} required inputMode="decimal" />
          <TextInput {...field('address')} required />
          <ChineseDateInput {...dateField('establishedOn')} required />
          <Radio.Group
            label={m.fields.termKind}
            required
            value={values.termKind}
            error={problem?.field === 'termKind' ? problem.message : undefined}
            onChange={(value) => {
              setValues({ ...values, termKind: termKindOf(value) });
              if (problem?.field === 'termKind' || problem?.field === 'termUntil') setProblem(null);
            }}
          >
            <Group gap="lg" mt={6}>
              <Radio value="longTerm" label={m.termKinds.longTerm} />
              <Radio value="fixed" label={m.termKinds.fixed} />
            </Group>
          </Radio.Group>
          <ChineseDateInput {...dateField('termUntil')} disabled={values.termKind !== 'fixed'} required={values.termKind === 'fixed'} />
          <TextInput {...field('registrationAuthority')} required />
          <ChineseDateInput {...dateField('issuedOn')} required />
        </SimpleGrid>
        <Textarea {...field('businessScope')} required autosize minRows={3} maxRows={8} />
        {problem !== null && problem.field === null ? (
          <Alert color="red" role="alert">
            {problem.message}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {m.confirm}
          </Button>
          <Button variant="subtle" onClick={props.onClose}>
            {m.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
