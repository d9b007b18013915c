import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { handOver, type CollectorInput } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import { useClerk } from '../clerks/ClerkContext';
import { currentIdKind } from '../../domain/cases/parties';
import { IdentityDocumentFields, type IdentityDocumentValue } from '../common/IdentityDocumentFields';
import { issuanceMessages } from './messages';

const m = issuanceMessages.handover;

type Role = CollectorInput['role'];

type CollectorForm = IdentityDocumentValue & { name: string };

/** Who the case's parties are, to fill the collector in when the applicant or the agent collects. */
function partyFor(row: CaseRow, role: Role): CollectorForm {
  const person = role === 'applicant' ? row.applicant : role === 'agent' ? row.agent : null;
  if (person === null) return { name: '', idKind: 'residentId', idNumber: '', nationality: '' };
  return { name: person.name, idKind: currentIdKind(person), idNumber: person.idNumber, nationality: person.nationality ?? '' };
}

/**
 * 交付领取: who collects the licences (applicant, agent or someone else, with an identity document of any
 * kind checked as it is typed), then the case is completed. Offered only once both 正本 and 副本 are printed.
 */
export function HandoverForm(props: { row: CaseRow; ready: boolean }) {
  const { row } = props;
  const clerk = useClerk();
  const [role, setRole] = useState<Role>(row.agent !== null ? 'agent' : 'applicant');
  const [person, setPerson] = useState(() => partyFor(row, row.agent !== null ? 'agent' : 'applicant'));
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseRole = (value: string) => {
    const next = value as Role;
    setRole(next);
    setPerson(partyFor(row, next));
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Once handed over, the case (followed as stored) completes and this form gives way to the banner.
      const result = await handOver(deskDatabase(), row.id, { role, ...person }, { clerk });
      if (!result.ok) setProblem({ field: result.field ?? null, message: result.message });
    } catch (error) {
      setProblem({ field: null, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={m.title}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {m.title}
          </Title>
          {!props.ready ? (
            <Text size="sm" c="dimmed">
              {m.needsLicences}
            </Text>
          ) : null}
          <Radio.Group label={m.role} value={role} onChange={chooseRole}>
            <Group gap="md" mt={4}>
              <Radio value="applicant" label={m.roles.applicant} />
              {row.agent !== null ? <Radio value="agent" label={m.roles.agent} /> : null}
              <Radio value="other" label={m.roles.other} />
            </Group>
          </Radio.Group>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={m.name}
              value={person.name}
              required
              w={200}
              error={problem?.field === 'collectorName' ? problem.message : undefined}
              onChange={(event) => setPerson({ ...person, name: event.currentTarget.value })}
            />
            <SimpleGrid cols={3} spacing="sm" style={{ flex: 1 }}>
              <IdentityDocumentFields who={m.who} value={person} onChange={(document) => setPerson({ ...person, ...document })} />
            </SimpleGrid>
          </Group>
          {problem !== null && problem.field !== 'collectorName' ? (
            <Alert color="red" role="alert">
              {problem.message}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={busy} disabled={!props.ready}>
              {m.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
