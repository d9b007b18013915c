import { Alert, Anchor, Button, Checkbox, Group, Kbd, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { deskDatabase } from '../../data/db';
import { readLedgerPage, type LedgerRow, type LedgerSort, type LedgerStatusFilter } from '../../data/ledger/ledgerQueries';
import { refreshDerivedItems } from '../../data/ledger/refreshDerivedItems';
import { can } from '../../domain/clerks/permissions';
import { formatChineseDate } from '../../domain/chineseDate';
import type { CaseId } from '../../domain/cases/caseId';
import { ledgerItemIdSchema, ledgerSourceLabels, ledgerSources, ledgerStatusLabels, ledgerStatuses, type LedgerItemId, type LedgerSource } from '../../domain/ledger/ledgerItem';
import { useClerk } from '../clerks/ClerkContext';
import { hallToday } from '../common/hallClock';
import { ShortcutLegend } from '../common/ShortcutLegend';
import { useStoredData } from '../common/useStoredData';
import { partFromHash } from '../shell/sections';
import { GreenCardMark, GreenCardOverdueMark, LedgerItemDrawer, LedgerStatusBadge } from './LedgerItemDrawer';
import { clampPage, defaultLedgerSort, ledgerExportQuery, isFiltering, isGreenCardOverdue, ledgerPageQuery, noLedgerFilters, ownerText, pageAfterKey, pageCount, shownRangeText, type LedgerFilters } from './ledgerView';
import { ledgerScreenMessages as m } from './messages';
import { LedgerExports } from './LedgerExports';
import { RemainingText } from './RemainingText';

const sortOptions: { value: LedgerSort; label: string }[] = [
  { value: 'greenCardFirst', label: m.sorts.greenCardFirst },
  { value: 'dueDate', label: m.sorts.dueDate },
  { value: 'dueDateDesc', label: m.sorts.dueDateDesc },
];
const sourceOptions = ledgerSources.map((source) => ({ value: source, label: ledgerSourceLabels[source] }));
const statusOptions: { value: LedgerStatusFilter; label: string }[] = [
  { value: 'active', label: m.filters.active },
  ...ledgerStatuses.map((status) => ({ value: status, label: ledgerStatusLabels[status] })),
  { value: 'all', label: m.filters.all },
];

/** Opens a case on 办件 (`#/cases/<id>`), which reads the address when it opens. */
function openCase(caseId: CaseId): void {
  window.location.hash = `/cases/${caseId}`;
}

function addressedItem(hash: string): LedgerItemId | null {
  const parsed = ledgerItemIdSchema.safeParse(partFromHash(hash));
  return parsed.success ? parsed.data : null;
}

/**
 * 督办台账: every item the hall supervises, 20 a page (only that page is read and drawn), filtered, sorted
 * and searched by case number or enterprise. Everyone reads it; the chief and the admin act on an item in
 * its drawer. Opening the screen first brings the derived items (超期, 容缺/承诺逾期, 绿卡) up to today.
 */
export function LedgerPage() {
  const clerk = useClerk();
  const canAct = can(clerk.role, 'ledger.supervise');
  const today = hallToday();
  const [query, setQuery] = useState('');
  const [search] = useDebouncedValue(query.trim(), 200);
  const [filters, setFilters] = useState<LedgerFilters>(noLedgerFilters);
  const [sort, setSort] = useState<LedgerSort>(defaultLedgerSort);
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<LedgerItemId | null>(() => addressedItem(window.location.hash));
  const [refresh, setRefresh] = useState<{ state: 'running' | 'done' } | { state: 'failed'; message: string }>({ state: 'running' });
  const searchBox = useRef<HTMLInputElement>(null);

  // Derived items are written, so outside the live query that reads the page; the page shows what is stored meanwhile.
  useEffect(() => {
    let current = true;
    refreshDerivedItems(deskDatabase(), { clerk }).then(
      (result) => current && setRefresh(result.ok ? { state: 'done' } : { state: 'failed', message: m.refreshFailed(result.message) }),
      (error: unknown) => current && setRefresh({ state: 'failed', message: m.refreshFailed(error instanceof Error ? error.message : String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [clerk, today]);

  // The department is typed: it narrows the list once the clerk pauses, as the search does.
  const [departmentTyped, setDepartmentTyped] = useState('');
  const [department] = useDebouncedValue(departmentTyped, 300);
  useEffect(() => {
    setFilters((current) => (current.department === department ? current : { ...current, department }));
    setPage(1);
  }, [department]);
  const listing = useStoredData(() => readLedgerPage(deskDatabase(), ledgerPageQuery(filters, search, sort, page, today)), [filters, search, sort, page, today]);
  const total = listing.state === 'ready' ? listing.value.total : 0;
  const pages = pageCount(total);

  // A filter or search that leaves fewer pages puts the clerk on the last one there is.
  useEffect(() => {
    if (listing.state === 'ready' && page > pages) setPage(clampPage(page, pages));
  }, [listing.state, page, pages]);

  const drawerOpen = opened !== null;
  useHotkeys([['/', () => searchBox.current?.focus()]]);
  useHotkeys(
    [
      ['PageDown', () => !drawerOpen && setPage(pageAfterKey('PageDown', page, pages))],
      ['PageUp', () => !drawerOpen && setPage(pageAfterKey('PageUp', page, pages))],
    ],
    [],
  );

  const choose = (next: LedgerFilters) => {
    setFilters(next);
    setPage(1);
  };
  const openItem = (id: LedgerItemId | null) => {
    setOpened(id);
    window.history.replaceState(null, '', id === null ? '#/ledger' : `#/ledger/${id}`);
  };

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
        <Group gap="md" align="flex-end">
          {canAct ? <LedgerExports query={ledgerExportQuery(filters, search, sort, today)} /> : null}
          <ShortcutLegend
            shortcuts={[
              { keys: ['/'], action: m.shortcuts.search },
              { keys: ['Esc'], action: m.shortcuts.clear },
              { keys: ['PageUp', 'PageDown'], action: m.shortcuts.pages },
            ]}
          />
        </Group>
      </Group>
      {!canAct ? (
        <Alert color="blue" role="note">
          {m.readOnly}
        </Alert>
      ) : null}
      {refresh.state === 'failed' ? (
        <Alert color="orange" role="alert">
          {refresh.message}
        </Alert>
      ) : null}
      <Paper withBorder p="sm" role="search" aria-label={m.filters.label}>
        <Stack gap="xs">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              ref={searchBox}
              label={m.search.label}
              placeholder={m.search.placeholder}
              value={query}
              onChange={(event) => {
                setQuery(event.currentTarget.value);
                setPage(1);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setQuery('');
                  setPage(1);
                }
              }}
              rightSection={<Kbd size="xs">/</Kbd>}
              style={{ flex: 1 }}
              type="search"
            />
            <Select label={m.filters.source} placeholder={m.filters.all} data={sourceOptions} value={filters.source} clearable onChange={(value) => choose({ ...filters, source: value as LedgerSource | null })} w={140} />
            <TextInput
              label={m.filters.department}
              placeholder={m.filters.departmentHint}
              value={departmentTyped}
              onChange={(event) => setDepartmentTyped(event.currentTarget.value)}
              w={170}
            />
            <Select label={m.filters.status} data={statusOptions} value={filters.status} allowDeselect={false} onChange={(value) => value !== null && choose({ ...filters, status: value as LedgerStatusFilter })} w={110} />
            <Select label={m.filters.sort} data={sortOptions} value={sort} allowDeselect={false} onChange={(value) => value !== null && (setSort(value as LedgerSort), setPage(1))} w={150} />
          </Group>
          <Group gap="lg">
            <Checkbox label={m.filters.overdueOnly} checked={filters.overdueOnly} onChange={(event) => choose({ ...filters, overdueOnly: event.currentTarget.checked })} />
            <Checkbox label={m.filters.greenCardOnly} checked={filters.greenCardOnly} onChange={(event) => choose({ ...filters, greenCardOnly: event.currentTarget.checked })} />
            {isFiltering(filters) ? (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setDepartmentTyped('');
                  choose(noLedgerFilters);
                }}
              >
                {m.filters.clear}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>
      {listing.state === 'failed' ? (
        <Alert color="red" role="alert">
          {listing.message}
        </Alert>
      ) : null}
      {listing.state === 'loading' || refresh.state === 'running' ? <Loader size="sm" aria-label={m.title} /> : null}
      {listing.state === 'ready' ? (
        <Paper withBorder p="md" component="section" aria-label={m.table.label}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text size="sm" c="dimmed" role="status">
                {shownRangeText(total, Math.min(page, pages))}
              </Text>
              <Pager page={page} pages={pages} onPage={setPage} />
            </Group>
            {listing.value.rows.length === 0 ? (
              <Text c="dimmed">{search === '' && !isFiltering(filters) ? m.empty : m.noMatches}</Text>
            ) : (
              <LedgerTable rows={listing.value.rows} onOpenItem={openItem} />
            )}
          </Stack>
        </Paper>
      ) : null}
      <LedgerItemDrawer itemId={opened} canAct={canAct} onClose={() => openItem(null)} onOpenCase={openCase} />
    </Stack>
  );
}

function Pager(props: { page: number; pages: number; onPage: (page: number) => void }) {
  return (
    <Group gap="xs" role="group" aria-label={m.pager.label}>
      <Button variant="default" size="compact-sm" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {m.pager.previous}
      </Button>
      <Text size="sm">{m.pager.page(Math.min(props.page, props.pages), props.pages)}</Text>
      <Button variant="default" size="compact-sm" disabled={props.page >= props.pages} onClick={() => props.onPage(props.page + 1)}>
        {m.pager.next}
      </Button>
    </Group>
  );
}

const overdueTint = 'var(--mantine-color-red-0)';

/** The page's rows: the case number opens the case on 办件, 督办 opens the item's drawer. */
function LedgerTable(props: { rows: readonly LedgerRow[]; onOpenItem: (id: LedgerItemId) => void }) {
  return (
    <Table aria-label={m.table.label} verticalSpacing={6} highlightOnHover layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{m.table.source}</Table.Th>
          <Table.Th w={190}>{m.table.caseNumber}</Table.Th>
          <Table.Th>{m.table.enterprise}</Table.Th>
          <Table.Th>{m.table.owner}</Table.Th>
          <Table.Th w={130}>{m.table.dueDate}</Table.Th>
          <Table.Th w={140}>{m.table.remaining}</Table.Th>
          <Table.Th w={90}>{m.table.status}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => {
          const source = ledgerSourceLabels[row.source];
          const caseNumber = row.caseNumber ?? m.table.caseNotHere;
          return (
            <Table.Tr key={row.id} style={row.overdue ? { background: overdueTint } : undefined} data-overdue={row.overdue}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => props.onOpenItem(row.id)} aria-label={m.table.openItem(caseNumber, source)}>
                  {source}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {row.caseNumber === null ? (
                  <Text size="sm" c="dimmed">
                    {m.table.caseNotHere}
                  </Text>
                ) : (
                  <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => openCase(row.caseId)} aria-label={m.table.openCase(row.caseNumber)}>
                    {row.caseNumber}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {row.enterpriseName ?? ''}
                  {row.greenCard ? <GreenCardMark /> : null}
                  {isGreenCardOverdue(row) ? <GreenCardOverdueMark /> : null}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {ownerText(row.owner)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatChineseDate(row.dueDate)}</Text>
              </Table.Td>
              <Table.Td>
                <RemainingText status={row.status} workingDaysLeft={row.workingDaysLeft} />
              </Table.Td>
              <Table.Td>
                <LedgerStatusBadge status={row.status} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
