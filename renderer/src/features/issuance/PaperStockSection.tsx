import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChiefCredentials } from '../../data/chiefApproval';
import { deskDatabase } from '../../data/db';
import { licenceSheetKinds, receiveSheetsApproved, stockReport, voidBlankSheet, type LicenceSheetKind } from '../../data/paperStock';
import { can } from '../../domain/clerks/permissions';
import { useClerk } from '../clerks/ClerkContext';
import { useStoredData } from '../common/useStoredData';
import { ChiefApprovalFields, noCredentials } from '../printing/ChiefApprovalFields';
import { issuanceMessages } from './messages';

const m = issuanceMessages.stock;

type Outcome = { ok: boolean; text: string } | null;

function OutcomeAlert(props: { outcome: Outcome }) {
  if (props.outcome === null) return null;
  return (
    <Alert color={props.outcome.ok ? 'teal' : 'red'} role={props.outcome.ok ? 'status' : 'alert'}>
      {props.outcome.text}
    </Alert>
  );
}

/** A packet of blank sheets goes into stock (kind, first and last serial) with the chief's password typed in. */
function ReceiveForm() {
  const clerk = useClerk();
  const [kind, setKind] = useState<LicenceSheetKind>('original');
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [credentials, setCredentials] = useState<ChiefCredentials>(noCredentials);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await receiveSheetsApproved(deskDatabase(), { kind, firstSerial: first, lastSerial: last }, credentials, clerk);
    setCredentials({ ...credentials, password: '' });
    setOutcome(result.ok ? { ok: true, text: m.received(result.value.count, m.kinds[result.value.kind], result.value.first, result.value.last) } : { ok: false, text: result.message });
    if (result.ok) {
      setFirst('');
      setLast('');
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={m.receiveTitle}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {m.receiveTitle}
        </Text>
        <Group align="flex-end" gap="sm">
          <NativeSelect label={m.receiveKind} data={licenceSheetKinds.map((value) => ({ value, label: m.kinds[value] }))} value={kind} onChange={(event) => setKind(event.currentTarget.value as LicenceSheetKind)} w={100} />
          <TextInput label={m.firstSerial} value={first} onChange={(event) => setFirst(event.currentTarget.value)} ff="monospace" autoComplete="off" w={200} />
          <TextInput label={m.lastSerial} value={last} onChange={(event) => setLast(event.currentTarget.value)} ff="monospace" autoComplete="off" w={200} />
        </Group>
        <ChiefApprovalFields value={credentials} onChange={setCredentials} />
        <div>
          <Button type="submit">{m.receive}</Button>
        </div>
        <OutcomeAlert outcome={outcome} />
      </Stack>
    </form>
  );
}

/** A blank sheet that never carried a licence (torn, stained) is voided with the chief and a reason. */
function VoidSheetForm() {
  const clerk = useClerk();
  const [serial, setSerial] = useState('');
  const [reason, setReason] = useState('');
  const [credentials, setCredentials] = useState<ChiefCredentials>(noCredentials);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await voidBlankSheet(deskDatabase(), serial, reason, credentials, clerk);
    setCredentials({ ...credentials, password: '' });
    setOutcome(result.ok ? { ok: true, text: m.voidedDone(result.value.serial) } : { ok: false, text: result.message });
    if (result.ok) {
      setSerial('');
      setReason('');
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={m.voidTitle}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {m.voidTitle}
        </Text>
        <Group align="flex-start" gap="sm" grow>
          <TextInput label={m.voidSerial} value={serial} onChange={(event) => setSerial(event.currentTarget.value)} ff="monospace" autoComplete="off" />
          <Textarea label={m.voidReason} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
        </Group>
        <ChiefApprovalFields value={credentials} onChange={setCredentials} />
        <Group>
          <Button type="submit" color="red" variant="light">
            {m.voidConfirm}
          </Button>
        </Group>
        <OutcomeAlert outcome={outcome} />
      </Stack>
    </form>
  );
}

/**
 * 空白证书库存: received, used, voided and remaining sheets per kind with the balance check, the serial
 * runs in each state and every void with its reason; the chief receives packets and voids blank sheets.
 */
export function PaperStockSection() {
  const clerk = useClerk();
  // The stock as stored: a packet received, a sheet voided or a licence printed shows here once recorded.
  const loaded = useStoredData(() => stockReport(deskDatabase()), []);
  const report = loaded.state === 'ready' ? loaded.value : null;
  const anySheets = report !== null && licenceSheetKinds.some((kind) => report[kind].received > 0);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="paper-stock-title">
      <Stack gap="md">
        <Title id="paper-stock-title" order={2} size="h4">
          {m.title}
        </Title>
        {loaded.state === 'failed' ? <Text c="red">{loaded.message}</Text> : null}
        {report !== null ? (
          <Table aria-label={m.title} withTableBorder verticalSpacing={4} fz="sm" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.kind}</Table.Th>
                <Table.Th>{m.columns.received}</Table.Th>
                <Table.Th>{m.columns.used}</Table.Th>
                <Table.Th>{m.columns.voided}</Table.Th>
                <Table.Th>{m.columns.inStock}</Table.Th>
                <Table.Th>{m.columns.balance}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {licenceSheetKinds.map((kind) => (
                <Table.Tr key={kind} data-testid={`stock-${kind}`}>
                  <Table.Td>{m.kinds[kind]}</Table.Td>
                  <Table.Td>{report[kind].received}</Table.Td>
                  <Table.Td>{report[kind].used}</Table.Td>
                  <Table.Td>{report[kind].voided}</Table.Td>
                  <Table.Td>{report[kind].inStock}</Table.Td>
                  <Table.Td>
                    <Badge color={report[kind].balanced ? 'teal' : 'red'} variant="light">
                      {report[kind].balanced ? m.balanced : m.unbalanced}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {report !== null && !anySheets ? (
          <Text size="sm" c="dimmed">
            {m.empty}
          </Text>
        ) : null}
        {report !== null && anySheets ? (
          <Table aria-label={m.runsTitle} verticalSpacing={2} fz="sm" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.runColumns.kind}</Table.Th>
                <Table.Th>{m.runColumns.serials}</Table.Th>
                <Table.Th>{m.runColumns.count}</Table.Th>
                <Table.Th>{m.runColumns.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {licenceSheetKinds.flatMap((kind) =>
                report[kind].runs.map((run) => (
                  <Table.Tr key={`${kind}-${run.first}`}>
                    <Table.Td>{m.kinds[kind]}</Table.Td>
                    <Table.Td ff="monospace">{run.first === run.last ? run.first : `${run.first} — ${run.last}`}</Table.Td>
                    <Table.Td>{run.count}</Table.Td>
                    <Table.Td>{m.states[run.state]}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        ) : null}
        {report !== null && licenceSheetKinds.some((kind) => report[kind].voidedSheets.length > 0) ? (
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {m.voidedTitle}
            </Text>
            {licenceSheetKinds.flatMap((kind) =>
              report[kind].voidedSheets.map((sheet) => (
                <Text key={sheet.serial} size="sm">
                  <Text span ff="monospace">
                    {sheet.serial}
                  </Text>
                  （{m.kinds[kind]}）：{sheet.reason ?? '—'}
                </Text>
              )),
            )}
          </Stack>
        ) : null}
        {can(clerk.role, 'licence.print') ? (
          <>
            <ReceiveForm />
            <VoidSheetForm />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
