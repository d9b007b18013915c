import { Alert, Badge, Button, Group, Kbd, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { listClerks } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import type { CaseRow } from '../../data/records';
import { commitmentCheckTasks } from '../../data/commitments';
import { overdueDeferrals } from '../../data/deferredSupplement';
import { greenCardCasesFirst } from '../../data/greenCardPriority';
import { dueCases, todaysQueue } from '../../data/search/queue';
import type { OverdueDeferredMaterial } from '../../domain/cases/deferredMaterials';
import { searchCases, type CaseSearchOptions } from '../../data/search/searchCases';
import type { CommitmentCheckTask } from '../../domain/cases/commitments';
import { caseIdSchema, type CaseId } from '../../domain/cases/caseId';
import { partFromHash } from '../shell/sections';
import { caseStatusCodes, caseStatusLabels, type CaseStatusCode } from '../../domain/cases/caseStatus';
import type { MatterCode } from '../../domain/catalogue/schema';
import type { ClerkId } from '../../domain/clerks/clerkId';
import { hallToday } from '../common/hallClock';
import { loadCounterReference, useGreenCards, type CounterReference } from '../common/reference';
import { ShortcutLegend } from '../common/ShortcutLegend';
import { useStoredData } from '../common/useStoredData';
import { CaseDetail, type CaseDetailFocus } from './CaseDetail';
import { CaseMaterialList } from './CaseMaterialList';
import { CaseTable } from './CaseTable';
import { casesMessages as m } from './messages';

const loadClerkNames = async () => new Map((await listClerks(deskDatabase())).map((clerk) => [clerk.id as string, clerk.displayName]));

function addressedCase(hash: string): CaseId | null {
  const parsed = caseIdSchema.safeParse(partFromHash(hash));
  return parsed.success ? parsed.data : null;
}

/** 办件: today's queue and the cases needing attention, search and filters, and a case in full. */
export function CasesPage() {
  const reference = useStoredData(loadCounterReference, []);
  const clerkNames = useStoredData(loadClerkNames, []);
  // `#/cases/<id>` (a link from another screen, such as the audit log) opens that case.
  const [openCase, setOpenCase] = useState<{ id: CaseId; focus: CaseDetailFocus | null } | null>(() => {
    const addressed = addressedCase(window.location.hash);
    return addressed === null ? null : { id: addressed, focus: null };
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {m.title}
          </Title>
          <Text size="sm" c="dimmed">
            {m.subtitle}
          </Text>
        </Stack>
        <ShortcutLegend
          shortcuts={[
            { keys: ['/'], action: m.search.label },
            { keys: ['Esc'], action: m.detail.back },
          ]}
        />
      </Group>
      {reference.state === 'failed' ? (
        <Alert color="red" role="alert">
          {reference.message}
        </Alert>
      ) : null}
      {reference.state === 'loading' || clerkNames.state === 'loading' ? <Loader size="sm" /> : null}
      {reference.state === 'ready' && clerkNames.state === 'ready' ? (
        openCase === null ? (
          <CaseFinder reference={reference.value} clerkNames={clerkNames.value} onOpen={(row, focus) => setOpenCase({ id: row.id, focus: focus ?? null })} />
        ) : (
          <CaseDetail caseId={openCase.id} focus={openCase.focus} reference={reference.value} onBack={() => setOpenCase(null)} />
        )
      ) : null}
    </Stack>
  );
}

interface Filters {
  status: CaseStatusCode | null;
  matterCode: MatterCode | null;
  clerkId: ClerkId | null;
}

type Listing =
  | { kind: 'overview'; queue: CaseRow[]; due: CaseRow[]; overdue: OverdueDeferredMaterial[]; checks: CommitmentCheckTask[] }
  | { kind: 'results'; rows: CaseRow[]; truncated: boolean; query: string };

function CaseFinder(props: {
  reference: CounterReference;
  clerkNames: ReadonlyMap<string, string>;
  onOpen: (row: Pick<CaseRow, 'id'>, focus?: CaseDetailFocus) => void;
}) {
  const { reference, clerkNames } = props;
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [filters, setFilters] = useState<Filters>({ status: null, matterCode: null, clerkId: null });
  const searchBox = useRef<HTMLInputElement>(null);
  const today = hallToday();
  const filtering = filters.status !== null || filters.matterCode !== null || filters.clerkId !== null;
  const cards = useGreenCards();

  useHotkeys([['/', () => searchBox.current?.focus()]]);

  // Live: a case changed by this desk, another window or a sync pass shows in the lists as it is stored.
  const listing = useStoredData(async (): Promise<Listing> => {
    const db = deskDatabase();
    if (debounced === '' && !filtering) {
      const [queue, due, overdue, checks] = await Promise.all([todaysQueue(db, today), dueCases(db, today, 50), overdueDeferrals(db, today), commitmentCheckTasks(db, today)]);
      return { kind: 'overview', queue: [...queue].reverse(), due: due.map((entry) => entry.case), overdue, checks };
    }
    const options: CaseSearchOptions = { limit: 50 };
    if (filters.status !== null) options.status = filters.status;
    if (filters.matterCode !== null) options.matterCode = filters.matterCode;
    if (filters.clerkId !== null) options.clerkId = filters.clerkId;
    const result = await searchCases(db, debounced, options);
    return { kind: 'results', rows: result.hits.map((hit) => hit.case), truncated: result.truncated, query: debounced };
  }, [debounced, filtering, filters, today]);

  const statusOptions = useMemo(() => caseStatusCodes.map((code) => ({ value: code, label: caseStatusLabels[code] })), []);
  const matterOptions = useMemo(() => reference.catalogue.matters.map((matter) => ({ value: matter.code, label: matter.name })), [reference.catalogue]);
  const clerkOptions = useMemo(() => [...clerkNames].map(([id, name]) => ({ value: id, label: name })), [clerkNames]);

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            ref={searchBox}
            label={m.search.label}
            placeholder={m.search.placeholder}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setQuery('');
            }}
            rightSection={<Kbd size="xs">/</Kbd>}
            style={{ flex: 1 }}
            type="search"
          />
          <Select label={m.filters.status} placeholder={m.filters.all} data={statusOptions} value={filters.status} clearable onChange={(value) => setFilters({ ...filters, status: value as CaseStatusCode | null })} w={130} />
          <Select label={m.filters.matter} placeholder={m.filters.all} data={matterOptions} value={filters.matterCode} clearable searchable onChange={(value) => setFilters({ ...filters, matterCode: value as MatterCode | null })} w={220} />
          <Select label={m.filters.clerk} placeholder={m.filters.all} data={clerkOptions} value={filters.clerkId} clearable onChange={(value) => setFilters({ ...filters, clerkId: value as ClerkId | null })} w={120} />
          {filtering ? (
            <Button variant="subtle" onClick={() => setFilters({ status: null, matterCode: null, clerkId: null })}>
              {m.filters.clear}
            </Button>
          ) : null}
        </Group>
      </Paper>
      {listing.state === 'failed' ? (
        <Alert color="red" role="alert">
          {listing.message}
        </Alert>
      ) : null}
      {listing.state === 'ready' && listing.value.kind === 'overview' ? (
        <>
          {listing.value.due.length > 0 ? (
            <Section title={m.queue.dueTitle}>
              <CaseTable label={m.queue.dueTitle} rows={listing.value.due} reference={reference} clerkNames={clerkNames} today={today} onOpen={props.onOpen} />
            </Section>
          ) : null}
          {listing.value.overdue.length > 0 ? (
            <Section title={m.overdue.title} aside={m.overdue.count(listing.value.overdue.length)}>
              <CaseMaterialList
                label={m.overdue.title}
                columns={m.overdue.columns}
                rows={listing.value.overdue.map((row) => ({ ...row, dueDate: row.deadline }))}
                today={today}
                openButton={m.overdue.openButton}
                openLabel={(row) => m.overdue.open(row.caseNumber)}
                onOpen={(caseId) => props.onOpen({ id: caseId })}
              />
            </Section>
          ) : null}
          {listing.value.checks.length > 0 ? (
            <Section
              title={m.checks.title}
              badge={<CountBadge count={listing.value.checks.length} label={m.checks.countLabel(listing.value.checks.length)} alarm={listing.value.checks.some((task) => task.state === 'overdue')} />}
              aside={m.checks.count(listing.value.checks.length, listing.value.checks.filter((task) => task.state === 'overdue').length)}
            >
              <CaseMaterialList
                label={m.checks.title}
                columns={m.checks.columns}
                rows={listing.value.checks}
                today={today}
                openButton={m.checks.openButton}
                openLabel={(row) => m.checks.open(row.caseNumber, row.name)}
                onOpen={(caseId) => props.onOpen({ id: caseId }, 'commitments')}
              />
            </Section>
          ) : null}
          <Section title={m.queue.title}>
            {listing.value.queue.length === 0 ? (
              <Text c="dimmed">{m.queue.empty}</Text>
            ) : (
              <CaseTable label={m.queue.title} rows={greenCardCasesFirst(listing.value.queue, (row) => row, cards, today)} reference={reference} clerkNames={clerkNames} today={today} onOpen={props.onOpen} />
            )}
          </Section>
        </>
      ) : null}
      {listing.state === 'ready' && listing.value.kind === 'results' ? (
        <Section title={m.search.resultsTitle} aside={m.search.results(listing.value.rows.length)}>
          {listing.value.rows.length === 0 ? (
            <Text c="dimmed">{listing.value.query === '' ? m.search.noFilterResults : m.search.noResults(listing.value.query)}</Text>
          ) : (
            <CaseTable label={m.search.resultsTitle} rows={listing.value.rows} reference={reference} clerkNames={clerkNames} today={today} onOpen={props.onOpen} />
          )}
          {listing.value.truncated ? (
            <Text size="sm" c="dimmed">
              {m.search.truncated}
            </Text>
          ) : null}
        </Section>
      ) : null}
    </Stack>
  );
}

/** How many rows a list holds, red when any of them is overdue. */
function CountBadge(props: { count: number; label: string; alarm: boolean }) {
  return (
    <Badge color={props.alarm ? 'red' : 'blue'} variant="filled" circle={props.count < 10} aria-label={props.label}>
      {props.count}
    </Badge>
  );
}

function Section(props: { title: string; badge?: ReactNode; aside?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={props.title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h4">
              {props.title}
            </Title>
            {props.badge}
          </Group>
          {props.aside !== undefined ? (
            <Text size="sm" c="dimmed" role="status">
              {props.aside}
            </Text>
          ) : null}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}
