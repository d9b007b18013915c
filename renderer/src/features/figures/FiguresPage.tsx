import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { figuresMessages } from '../../domain/figures/messages';
import { decisionKinds, referenceHours } from '../../domain/figures/figures';
import { figureRangeSchema, rangeAround, type FigureRange, type RangeKind } from '../../domain/figures/ranges';
import { ledgerSourceLabels, ledgerSources } from '../../domain/ledger/ledgerItem';
import { chinaIso } from '../../data/clock';
import { deskDatabase } from '../../data/db';
import { callDesk } from '../../platform/desk';
import { useClerk } from '../clerks/ClerkContext';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { hallToday } from '../common/hallClock';
import { useStoredData } from '../common/useStoredData';
import { FigureCard } from './FigureCard';
import { figuresWorkbook } from './figuresWorkbook';
import { loadFigures, type FiguresView, type ScopeValue } from './loadFigures';
import { figuresScreenMessages as m } from './messages';

const CHART_HEIGHT = 220;

/**
 * 统计: the hall's figures for a day, week, month or chosen range, hall-wide, one window or one clerk (a clerk
 * sees their own window's), as charts with how each is computed, and 导出 Excel of their tables.
 */
export function FiguresPage() {
  const clerk = useClerk();
  const db = deskDatabase();
  const [today] = useState(() => hallToday());
  const [kind, setKind] = useState<RangeKind>('week');
  const [anchor, setAnchor] = useState(today);
  const [custom, setCustom] = useState<FigureRange>(() => rangeAround('week', today));
  const [scope, setScope] = useState<ScopeValue>('hall');
  const [exporting, setExporting] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; path: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const asked = kind === 'custom' ? custom : rangeAround(kind, figureRangeSchema.shape.from.safeParse(anchor).success ? anchor : today);
  const checked = figureRangeSchema.safeParse(asked);
  const range = checked.success ? checked.data : null;
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  const loaded = useStoredData(
    () => (from === null || to === null ? Promise.resolve(null) : loadFigures(db, clerk, { from, to }, scope, today)),
    [db, clerk, from, to, scope, today],
  );

  const exportExcel = async (view: FiguresView) => {
    setExporting({ kind: 'working' });
    try {
      const bytes = await figuresWorkbook({
        hallName: view.hallName,
        scopeLabel: scopeLabel(view, view.scope),
        madeAt: formatChineseDateTime(chinaIso()),
        figures: view.figures,
        matterName: (code) => view.matterNames.get(code) ?? code,
        clerkName: (id) => clerkLabel(view, id),
      });
      const saved = await callDesk('saveExport', { suggestedName: m.export.fileName(view.figures.range.from, view.figures.range.to), bytes: new Uint8Array(bytes) });
      setExporting(saved.saved ? { kind: 'saved', path: saved.path } : { kind: 'idle' });
    } catch (error) {
      setExporting({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const view = loaded.state === 'ready' ? loaded.value : null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {m.title}
        </Title>
        <Button disabled={view === null || exporting.kind === 'working'} loading={exporting.kind === 'working'} onClick={() => view !== null && void exportExcel(view)}>
          {m.export.button}
        </Button>
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <SegmentedControl
          aria-label={m.range.label}
          value={kind}
          onChange={(value) => setKind(value as RangeKind)}
          data={[
            { value: 'day', label: m.range.day },
            { value: 'week', label: m.range.week },
            { value: 'month', label: m.range.month },
            { value: 'custom', label: m.range.custom },
          ]}
        />
        {kind === 'custom' ? (
          <>
            <ChineseDateInput label={m.range.from} value={custom.from} onChange={(from) => setCustom({ ...custom, from })} />
            <ChineseDateInput label={m.range.to} value={custom.to} onChange={(to) => setCustom({ ...custom, to })} />
          </>
        ) : (
          <ChineseDateInput label={m.range.anchor} value={anchor} onChange={setAnchor} />
        )}
        <Select
          label={m.scope.label}
          value={view?.scope ?? scope}
          onChange={(value) => setScope(value ?? 'hall')}
          data={view === null ? [{ value: scope, label: m.scope.hall }] : scopeOptions(view)}
          disabled={clerk.role === 'clerk'}
          allowDeselect={false}
          w={220}
        />
        {range !== null ? <Text c="dimmed">{m.range.shown(range.from, range.to)}</Text> : null}
      </Group>
      {clerk.role === 'clerk' ? <Text size="sm" c="dimmed">{m.scope.ownDeskOnly}</Text> : null}
      {!checked.success ? <Alert color="red">{checked.error.issues[0]?.message}</Alert> : null}
      {exporting.kind === 'failed' ? <Alert color="red">{m.export.failed(exporting.message)}</Alert> : null}
      {exporting.kind === 'saved' ? <Alert color="green">{m.export.saved(exporting.path)}</Alert> : null}
      {loaded.state === 'loading' ? <Loader size="sm" aria-label={m.loading} /> : null}
      {loaded.state === 'failed' ? <Alert color="red">{m.loadFailed(loaded.message)}</Alert> : null}
      {view !== null ? <FiguresBody view={view} /> : null}
    </Stack>
  );
}

function scopeOptions(view: FiguresView): { value: string; label: string }[] {
  const desks = [...new Set([view.ownDesk, ...view.desks])].sort();
  return [
    { value: 'hall', label: m.scope.hall },
    ...desks.map((desk) => ({ value: `desk:${desk}`, label: m.scope.desk(desk) })),
    ...view.clerks.map((id) => ({ value: `clerk:${id}`, label: m.scope.clerk(clerkLabel(view, id)) })),
  ];
}

function scopeLabel(view: FiguresView, scope: ScopeValue): string {
  return scopeOptions(view).find((option) => option.value === scope)?.label ?? m.scope.hall;
}

function clerkLabel(view: FiguresView, id: string): string {
  return view.clerkNames.get(id) ?? m.otherClerk(id);
}

const percent = (value: number) => m.cards.percent(value);

function FiguresBody({ view }: { view: FiguresView }) {
  const { figures } = view;
  const how = m.how;
  const c = m.cards;
  const completed = figures.elapsed.completed;
  const matterName = (code: string) => view.matterNames.get(code) ?? code;
  return (
    <Stack gap="md">
      {view.source === 'scan' ? <Alert color="yellow">{m.scanNote}</Alert> : null}
      <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="figures-summary">
        <Stat label={c.cases} value={String(figures.cases)} how={how.cohort} />
        <Stat
          label={c.median}
          value={figures.elapsed.medianHours === null ? m.noData : c.hours(figures.elapsed.medianHours)}
          detail={completed === 0 ? undefined : `${c.withinReference(figures.elapsed.withinReference, completed)}；${c.withinPromise(figures.elapsed.withinPromise, completed)}`}
          how={`${how.elapsed}${how.withinPromise}`}
        />
        <Stat
          label={c.oneVisit}
          value={figures.oneVisit.rate === null ? m.noData : percent(figures.oneVisit.rate)}
          detail={completed === 0 ? undefined : `${figures.oneVisit.oneVisit} / ${completed}`}
          how={how.oneVisit}
        />
        <Stat
          label={c.deferral}
          value={figures.deferral.rate === null ? m.noData : percent(figures.deferral.rate)}
          detail={figures.deferral.cases === 0 ? undefined : c.deferralDetail(figures.deferral.complete, figures.deferral.cases, figures.deferral.completeOnTime)}
          how={how.deferral}
        />
        <Stat
          label={c.overdue}
          value={String(figures.overdue.openOverdue)}
          detail={c.overdueDetail(figures.overdue.everOverdue, figures.overdue.openOverdue, figures.overdue.maxWorkingDaysOverdue)}
          how={how.overdue}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <FigureCard title={m.charts.byDay} how={how.byDay} empty={figures.cases === 0} testId="figure-by-day">
          <BarChart
            h={CHART_HEIGHT}
            type="stacked"
            data={figures.byDay.map((entry) => ({
              day: entry.day.slice(5),
              working: entry.working === false ? 0 : entry.count,
              offDay: entry.working === false ? entry.count : 0,
            }))}
            dataKey="day"
            series={[
              { name: 'working', label: m.charts.workingDay, color: 'indigo.6' },
              { name: 'offDay', label: m.charts.offDay, color: 'indigo.2' },
            ]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.elapsed} how={how.elapsed} empty={completed === 0} testId="figure-elapsed">
          <BarChart
            h={CHART_HEIGHT}
            data={figuresMessages.elapsedBucketLabels.map((label, index) => ({ bucket: label, count: figures.elapsed.buckets[index] ?? 0 }))}
            dataKey="bucket"
            series={[{ name: 'count', label: m.charts.elapsedSeries, color: 'teal.6' }]}
            xAxisProps={{ interval: 0 }}
            referenceLines={[{ x: figuresMessages.elapsedBucketLabels[1], label: m.charts.referenceLine, labelPosition: 'insideTopLeft', color: 'red.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.byMatterTable} how={`${how.withinPromise}${how.workingDaysUsed}`} empty={completed === 0} testId="figure-matter-elapsed">
          <BarChart
            h={Math.max(120, figures.elapsed.byMatter.length * 40)}
            orientation="vertical"
            data={figures.elapsed.byMatter.map((entry) => ({ matter: matterName(entry.matterCode), hours: Math.round(entry.medianHours * 100) / 100 }))}
            dataKey="matter"
            yAxisProps={{ width: 250, interval: 0 }}
            series={[{ name: 'hours', label: m.columns.medianHours, color: 'cyan.6' }]}
            referenceLines={[{ x: referenceHours, label: m.charts.referenceLine, labelPosition: 'insideBottomRight', color: 'red.6' }]}
            tooltipAnimationDuration={0}
          />
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.matterName}</Table.Th>
                <Table.Th>{m.columns.completed}</Table.Th>
                <Table.Th>{m.columns.withinPromise}</Table.Th>
                <Table.Th>{m.columns.promisedDays}</Table.Th>
                <Table.Th>{m.columns.usedDays}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.elapsed.byMatter.map((entry) => (
                <Table.Tr key={entry.matterCode}>
                  <Table.Td>{matterName(entry.matterCode)}</Table.Td>
                  <Table.Td>{entry.completed}</Table.Td>
                  <Table.Td>{entry.withinPromise}</Table.Td>
                  <Table.Td>{entry.promisedWorkingDays}</Table.Td>
                  <Table.Td>{entry.medianWorkingDaysUsed}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </FigureCard>
        <FigureCard title={m.charts.oneVisitByVisits} how={how.oneVisit} empty={completed === 0} testId="figure-visits">
          <BarChart
            h={CHART_HEIGHT}
            data={figures.oneVisit.byVisits.map((entry) => ({ visits: m.charts.visits(entry.visits), count: entry.count }))}
            dataKey="visits"
            series={[{ name: 'count', label: m.charts.count, color: 'green.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.byMatter} how={how.byMatter} empty={figures.byMatter.length === 0} testId="figure-by-matter">
          <BarChart
            h={Math.max(120, figures.byMatter.length * 40)}
            orientation="vertical"
            data={figures.byMatter.map((entry) => ({ matter: matterName(entry.matterCode), count: entry.count }))}
            dataKey="matter"
            yAxisProps={{ width: 250, interval: 0 }}
            series={[{ name: 'count', label: m.charts.count, color: 'violet.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.byDecision} how={how.byDecision} empty={figures.cases === 0} testId="figure-by-decision">
          <BarChart
            h={decisionKinds.length * 30}
            orientation="vertical"
            data={decisionKinds.map((kind) => ({ decision: figuresMessages.decisionLabels[kind], count: figures.byDecision[kind] }))}
            dataKey="decision"
            yAxisProps={{ width: 120, interval: 0 }}
            series={[{ name: 'count', label: m.charts.count, color: 'orange.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.byClerk} how={how.byClerk} empty={figures.byClerk.length === 0} testId="figure-by-clerk">
          <BarChart
            h={Math.max(120, figures.byClerk.length * 36)}
            orientation="vertical"
            data={figures.byClerk.map((entry) => ({ clerk: clerkLabel(view, entry.clerkId), count: entry.count }))}
            dataKey="clerk"
            yAxisProps={{ width: 180 }}
            series={[{ name: 'count', label: m.charts.count, color: 'blue.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard
          title={m.charts.overdueTrend}
          how={how.overdueTrend}
          empty={figures.overdue.trend.every((entry) => entry.overdue === null)}
          testId="figure-overdue-trend"
        >
          <LineChart
            h={CHART_HEIGHT}
            data={figures.overdue.trend.map((entry) => ({ day: entry.day.slice(5), overdue: entry.overdue }))}
            dataKey="day"
            series={[{ name: 'overdue', label: m.charts.overdueSeries, color: 'red.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.queue} how={how.queue} empty={figures.queue.ticketed === 0} testId="figure-queue">
          <Text size="sm">
            {m.charts.queueMedians(
              figures.queue.ticketed,
              figures.queue.medianWaitingMinutes === null ? m.noData : m.charts.minutes(figures.queue.medianWaitingMinutes),
              figures.queue.served,
              figures.queue.medianServiceMinutes === null ? m.noData : m.charts.minutes(figures.queue.medianServiceMinutes),
            )}
          </Text>
          <BarChart
            h={CHART_HEIGHT}
            data={figuresMessages.queueBucketLabels.map((label, index) => ({
              bucket: label,
              waiting: figures.queue.waitingBuckets[index] ?? 0,
              service: figures.queue.serviceBuckets[index] ?? 0,
            }))}
            dataKey="bucket"
            series={[
              { name: 'waiting', label: m.charts.waitingSeries, color: 'grape.6' },
              { name: 'service', label: m.charts.serviceSeries, color: 'lime.7' },
            ]}
            xAxisProps={{ interval: 0 }}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
        <FigureCard title={m.charts.ledger} how={how.ledger} empty={view.ledger.open === 0 && view.ledger.closed === 0} testId="figure-ledger">
          <Text size="sm">{m.charts.ledgerStats(view.ledger.open, view.ledger.overdue, view.ledger.closed, view.ledger.closedOnTime)}</Text>
          <BarChart
            h={CHART_HEIGHT}
            data={ledgerSources.map((source) => ({ source: ledgerSourceLabels[source], count: view.ledger.openBySource[source] }))}
            dataKey="source"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            series={[{ name: 'count', label: m.charts.ledgerOpenBySource, color: 'grape.6' }]}
            tooltipAnimationDuration={0}
          />
        </FigureCard>
      </SimpleGrid>
    </Stack>
  );
}

function Stat(props: { label: string; value: string; detail?: string | undefined; how: string }) {
  return (
    <Card withBorder padding="sm" title={props.how}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="xl">
        {props.value}
      </Text>
      {props.detail === undefined ? null : <Text size="xs">{props.detail}</Text>}
    </Card>
  );
}
