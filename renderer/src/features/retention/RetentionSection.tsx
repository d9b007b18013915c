import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { readRetentionDays, saveRetentionDays } from '../../data/retention/retention';
import { can } from '../../domain/clerks/permissions';
import { useClerk } from '../clerks/ClerkContext';
import { readyValue, useStoredData } from '../common/useStoredData';
import { retentionMessages as m } from './messages';

const readDays = () => readRetentionDays(deskDatabase());

/** 附件保留期限: how long a closed case's scans and PDFs stay on this desk once HQ holds them (admin sets it). */
export function RetentionSection() {
  const clerk = useClerk();
  const days = readyValue(useStoredData(readDays, []));
  return (
    <Card withBorder component="section" aria-labelledby="retention-title">
      <Title id="retention-title" order={2} size="h4" mb="xs">
        {m.title}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{m.explanation}</Text>
        {days === null ? null : can(clerk.role, 'settings.manage') ? <RetentionForm key={days} days={days} /> : <Text>{m.current(days)}</Text>}
      </Stack>
    </Card>
  );
}

function RetentionForm(props: { days: number }) {
  const clerk = useClerk();
  const [value, setValue] = useState<number | string>(props.days);
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const save = async () => {
    const result = await saveRetentionDays(deskDatabase(), typeof value === 'number' ? value : Number.NaN, clerk);
    setAnswer(result.ok ? { ok: true, message: m.saved(result.value) } : { ok: false, message: result.message });
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NumberInput label={m.daysLabel} value={value} onChange={setValue} min={0} max={36_500} allowDecimal={false} allowNegative={false} w={240} />
        <Button onClick={() => void save()}>{m.save}</Button>
      </Group>
      {answer !== null ? (
        <Alert color={answer.ok ? 'teal' : 'red'} role={answer.ok ? 'status' : 'alert'}>
          {answer.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
