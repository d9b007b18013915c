import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { setLicenceCopies } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import { MAX_LICENCE_COPIES, requestedCopies } from '../../domain/cases/licenceCopies';
import { useClerk } from '../clerks/ClerkContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { useWriteQueue } from '../common/useWriteQueue';
import { issuanceMessages } from './messages';

const m = issuanceMessages.copies;

/**
 * 副本份数 at 出证: how many 副本 the company asks for. Each is printed on its own sheet with its number
 * (副本 2/3), so the count is fixed once one is printed (`locked`): the printed ones are voided first.
 */
export function LicenceCopiesForm(props: { row: CaseRow; locked: boolean }) {
  const { row, locked } = props;
  const clerk = useClerk();
  const queue = useWriteQueue();
  const stored = requestedCopies(row);
  const [count, setCount] = useState<number | string>(stored);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const result = await queue(() => setLicenceCopies(deskDatabase(), row.id, Number(count), { clerk }));
      if (!result.ok) setProblem(result.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={m.title}>
      <form onSubmit={(event) => void save(event)} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {m.title}
          </Title>
          <Group align="flex-end" gap="sm">
            <NumberInput label={m.label} description={m.hint(MAX_LICENCE_COPIES)} value={count} onChange={setCount} min={1} max={MAX_LICENCE_COPIES} allowDecimal={false} disabled={locked} w={360} />
            <Button type="submit" variant="default" loading={busy} disabled={locked || Number(count) === stored}>
              {m.save}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" role="status">
            {locked ? m.locked : m.saved(stored)}
          </Text>
          <ProblemAlert problem={problem} />
        </Stack>
      </form>
    </Paper>
  );
}
