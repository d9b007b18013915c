import { Alert, Button, Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { readIssuingAgency, saveIssuingAgency, type IssuingAgency, type IssuingAgencyField, type IssuingAgencyInput } from '../../data/issuingAgency';
import { useClerk } from '../clerks/ClerkContext';
import { useStoredData } from '../common/useStoredData';
import { settingsMessages } from './messages';

const m = settingsMessages.printing;
const fields: IssuingAgencyField[] = ['name', 'hallName', 'address', 'phone', 'windowName', 'codePrefix', 'reviewBody', 'court'];
const empty: IssuingAgencyInput = { name: '', hallName: '', address: '', phone: '', windowName: '', codePrefix: '', reviewBody: '', court: '' };

/** 文书抬头 (admin): the agency and window printed on documents and the 机关代字 of their 文号. */
export function AgencySection() {
  const stored = useStoredData(() => readIssuingAgency(deskDatabase()), []);
  return (
    <Card withBorder component="section" aria-labelledby="agency-title">
      <Title id="agency-title" order={2} size="h4" mb="xs">
        {m.agencyTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {m.agencyIntro}
      </Text>
      {stored.state === 'failed' ? (
        <Alert color="red" role="alert">
          {stored.message}
        </Alert>
      ) : null}
      {stored.state === 'ready' ? <AgencyForm stored={stored.value} /> : null}
    </Card>
  );
}

/** The form starts from the header stored when it opened; `stored` stays current, so saving clears the warning. */
function AgencyForm(props: { stored: IssuingAgency | null }) {
  const clerk = useClerk();
  const [values, setValues] = useState<IssuingAgencyInput>(props.stored ?? empty);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; field?: IssuingAgencyField } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saveIssuingAgency(deskDatabase(), values, clerk);
    setOutcome(result.ok ? { ok: true, text: m.saved } : { ok: false, text: result.message, ...(result.field === undefined ? {} : { field: result.field }) });
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {props.stored !== null ? null : <Alert color="orange">{m.agencyNotSet}</Alert>}
        <SimpleGrid cols={2} spacing="sm">
          {fields.map((field) => (
            <TextInput
              key={field}
              label={m.agencyFields[field]}
              value={values[field]}
              error={outcome?.field === field ? outcome.text : undefined}
              onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        {outcome !== null && outcome.field === undefined ? (
          <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </Alert>
        ) : null}
        <div>
          <Button type="submit">{m.save}</Button>
        </div>
      </Stack>
    </form>
  );
}
