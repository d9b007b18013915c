import { Alert, Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { listClerks } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import { queryAuditLog, type AuditLogCursor, type AuditLogFilter, type AuditLogPage } from '../../data/auditLogQuery';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { caseIdSchema, type CaseId } from '../../domain/cases/caseId';
import type { ClerkId } from '../../domain/clerks/clerkId';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { useStoredData } from '../common/useStoredData';
import { auditActionLabels, auditLogMessages as m } from './messages';

const PAGE_SIZE = 50;

interface FilterForm {
  clerkId: string | null;
  action: string | null;
  caseNumber: string;
  from: string;
  to: string;
}

const emptyForm: FilterForm = { clerkId: null, action: null, caseNumber: '', from: '', to: '' };

/** The form as the query's filter: a day range covers the whole of both days, China time. */
function filterOf(form: FilterForm): AuditLogFilter {
  const caseNumber = form.caseNumber.trim().toUpperCase();
  return {
    ...(form.clerkId !== null && { clerkId: form.clerkId as ClerkId }),
    ...(form.action !== null && { action: form.action }),
    ...(caseNumber !== '' && { caseNumber }),
    ...(form.from !== '' && { from: `${form.from}T00:00:00.000+08:00` }),
    ...(form.to !== '' && { to: `${form.to}T23:59:59.999+08:00` }),
  };
}

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));

/** The case an entry is about, when its subject names one. */
function caseIdOfSubject(subject: string): CaseId | null {
  const parsed = caseIdSchema.safeParse(subject.startsWith('case:') ? subject.slice('case:'.length) : null);
  return parsed.success ? parsed.data : null;
}

/**
 * 审计日志 for the chief and admin: one page at a time, newest first, read through the log's indexes
 * (a desk holds hundreds of thousands of entries), with the clerk's name, the action in Chinese and the
 * case a case entry is about, linked to it.
 */
export function AuditLogViewer() {
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [applied, setApplied] = useState<AuditLogFilter>({});
  // The cursors of the pages before the one shown, to go back.
  const [cursors, setCursors] = useState<(AuditLogCursor | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const clerks = useStoredData(() => listClerks(deskDatabase()), []);
  const page = useStoredData(() => readPage(applied, cursor), [applied, cursor]);

  const apply = (next: FilterForm) => {
    setForm(next);
    setApplied(filterOf(next));
    setCursors([null]);
  };
  const names = new Map((clerks.state === 'ready' ? clerks.value : []).map((clerk) => [clerk.id as string, clerk.displayName]));

  return (
    <Card withBorder component="section" aria-labelledby="audit-log-title">
      <Title id="audit-log-title" order={2} size="h4" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" mb="sm">
        {m.intro}
      </Text>
      <Stack gap="sm">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            apply(form);
          }}
        >
          <Group align="flex-end" gap="sm">
            <Select
              label={m.filters.clerk}
              placeholder={m.filters.any}
              clearable
              w={140}
              data={[...names].map(([value, label]) => ({ value, label }))}
              value={form.clerkId}
              onChange={(clerkId) => setForm({ ...form, clerkId })}
            />
            <Select label={m.filters.action} placeholder={m.filters.any} clearable searchable w={170} data={actionOptions} value={form.action} onChange={(action) => setForm({ ...form, action })} />
            <TextInput label={m.filters.caseNumber} w={190} value={form.caseNumber} onChange={(event) => setForm({ ...form, caseNumber: event.currentTarget.value })} />
            <ChineseDateInput label={m.filters.from} value={form.from} onChange={(from) => setForm({ ...form, from })} />
            <ChineseDateInput label={m.filters.to} value={form.to} onChange={(to) => setForm({ ...form, to })} />
            <Button type="submit">{m.filters.apply}</Button>
            <Button variant="subtle" onClick={() => apply(emptyForm)}>
              {m.filters.clear}
            </Button>
          </Group>
        </form>
        {page.state === 'failed' ? (
          <Alert color="red" role="alert">
            {page.message}
          </Alert>
        ) : null}
        {page.state === 'loading' ? <Text size="sm">{m.loading}</Text> : null}
        {page.state === 'ready' ? <EntryTable page={page.value} names={names} /> : null}
        <Group gap="sm">
          <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            {m.previous}
          </Button>
          <Text size="sm">{m.page(cursors.length)}</Text>
          <Button
            variant="default"
            disabled={page.state !== 'ready' || page.value.page.next === null}
            onClick={() => {
              if (page.state === 'ready' && page.value.page.next !== null) setCursors([...cursors, page.value.page.next]);
            }}
          >
            {m.next}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

interface ShownPage {
  page: AuditLogPage;
  /** The case numbers of the cases the page's entries are about. */
  caseNumbers: Map<string, string>;
}

async function readPage(filter: AuditLogFilter, cursor: AuditLogCursor | null): Promise<ShownPage> {
  const db = deskDatabase();
  const page = await queryAuditLog(db, filter, cursor, PAGE_SIZE);
  const caseIds = [...new Set(page.entries.flatMap((entry) => caseIdOfSubject(entry.subject) ?? []))];
  const rows = await db.cases.bulkGet(caseIds);
  return { page, caseNumbers: new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.id as string, row.caseNumber]]))) };
}

function EntryTable(props: { page: ShownPage; names: ReadonlyMap<string, string> }) {
  const { page, caseNumbers } = props.page;
  if (page.entries.length === 0) return <Text size="sm">{m.empty}</Text>;
  return (
    <Table striped aria-label={m.tableLabel}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{m.columns.seq}</Table.Th>
          <Table.Th>{m.columns.at}</Table.Th>
          <Table.Th>{m.columns.clerk}</Table.Th>
          <Table.Th>{m.columns.action}</Table.Th>
          <Table.Th>{m.columns.subject}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {page.entries.map((entry) => {
          const caseId = caseIdOfSubject(entry.subject);
          const caseNumber = caseId === null ? undefined : caseNumbers.get(caseId);
          return (
            <Table.Tr key={entry.seq}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td>{formatChineseDateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.clerkId === null ? m.noClerk : (props.names.get(entry.clerkId) ?? m.unknownClerk)}</Table.Td>
              <Table.Td>{auditActionLabels[entry.action] ?? entry.action}</Table.Td>
              <Table.Td>
                {caseId !== null && caseNumber !== undefined ? (
                  <Anchor href={`#/cases/${caseId}`} aria-label={m.openCase(caseNumber)}>
                    {caseNumber}
                  </Anchor>
                ) : caseId !== null ? null : (
                  entry.subject
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
