import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SuppliedMaterial } from '../../../data/deferredSupplement';
import type { CaseRow, ChecklistItemRow } from '../../../data/records';
import type { CaseEvent } from '../../../domain/cases/caseEvents';
import type { DeferredMaterial } from '../../../domain/cases/caseStatus';
import { daysOverdue, isOverdue, openAcceptance } from '../../../domain/cases/deferredMaterials';
import { businessDateOf, formatChineseDate } from '../../../domain/chineseDate';
import { PrintCaseDocument } from '../../printing/PrintCaseDocument';
import { casesMessages } from '../messages';
import { SupplementModal } from './SupplementModal';

const m = casesMessages.deferred;

type Supplement = Extract<CaseEvent, { type: 'deferredMaterialsReceived' }>;

export type SupplyOutcome = { ok: true } | { ok: false; message: string };

export interface DeferredFollowUpProps {
  row: CaseRow;
  items: readonly ChecklistItemRow[];
  today: string;
  /** Records the 补交 (and attaches the scans); the outcome's message is shown in the dialog. */
  onSupply: (supplied: SuppliedMaterial, scans: readonly File[]) => Promise<SupplyOutcome>;
}

/**
 * 容缺 follow-up on an accepted case, at any window: each deferred material with its deadline and whether it
 * is owed, overdue or brought; 登记补交 for those owed; and each 补交's receipt to print.
 */
export function DeferredFollowUp(props: DeferredFollowUpProps) {
  const { row, items, today } = props;
  const [open, setOpen] = useState<{ deferred: DeferredMaterial; item: ChecklistItemRow } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const acceptance = openAcceptance(row.state.status);
  const deferral = acceptance?.deferral ?? null;
  if (acceptance === null || deferral === null) return null;

  const supplements = row.state.timeline.filter((event): event is Supplement => event.type === 'deferredMaterialsReceived');
  const broughtOn = (key: string) => supplements.find((event) => event.materials.some((material) => material.materialKey === key));
  const itemOf = (key: string) => items.find((item) => item.key === key);
  const owed = deferral.materials.filter((material) => itemOf(material.materialKey)?.status === 'deferred');

  const close = () => {
    setOpen(null);
    setProblem(null);
  };
  const submit = async (supplied: SuppliedMaterial, scans: readonly File[]) => {
    setBusy(true);
    const outcome = await props.onSupply(supplied, scans);
    setBusy(false);
    if (outcome.ok) close();
    else setProblem(outcome.message);
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={m.title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {m.title}
        </Title>
        <Text size="sm">{m.intro(formatChineseDate(businessDateOf(acceptance.acceptedAt)))}</Text>
        <Table aria-label={m.title} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{m.columns.material}</Table.Th>
              <Table.Th>{m.columns.deadline}</Table.Th>
              <Table.Th>{m.columns.state}</Table.Th>
              <Table.Th>{m.columns.action}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deferral.materials.map((material) => {
              const item = itemOf(material.materialKey);
              const owing = item?.status === 'deferred';
              const brought = broughtOn(material.materialKey);
              return (
                <Table.Tr key={material.materialKey}>
                  <Table.Td>{material.name}</Table.Td>
                  <Table.Td>{formatChineseDate(material.deadline)}</Table.Td>
                  <Table.Td>
                    <MaterialState owing={owing} deadline={material.deadline} today={today} broughtAt={brought?.at ?? null} />
                  </Table.Td>
                  <Table.Td>
                    {owing && item !== undefined ? (
                      <Button size="xs" onClick={() => setOpen({ deferred: material, item })} aria-label={m.record(material.name)}>
                        {m.recordButton}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Alert color={owed.length === 0 ? 'teal' : 'yellow'} variant="light" role="status" aria-label={m.title}>
          {owed.length === 0 ? m.allIn : m.owing(owed.length)}
        </Alert>
        {supplements.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {m.receipts}
            </Text>
            <List spacing={6} aria-label={m.receipts}>
              {supplements.map((event) => (
                <List.Item key={event.seq}>
                  <Group gap="sm">
                    <Text size="sm">{m.receiptOf(formatChineseDate(businessDateOf(event.at)), event.materials.map((material) => material.name).join('、'))}</Text>
                    <PrintCaseDocument caseId={row.id} eventSeq={event.seq} kind="supplementaryReceipt" />
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
      <SupplementModal material={open} today={today} busy={busy} problem={problem} onClose={close} onSubmit={submit} />
    </Paper>
  );
}

function MaterialState(props: { owing: boolean; deadline: string; today: string; broughtAt: string | null }) {
  if (!props.owing) {
    return (
      <Badge color="teal" variant="light">
        {props.broughtAt === null ? m.broughtPlain : m.brought(formatChineseDate(businessDateOf(props.broughtAt)))}
      </Badge>
    );
  }
  if (isOverdue(props.deadline, props.today)) {
    return (
      <Badge color="red" variant="light">
        {m.overdue(daysOverdue(props.deadline, props.today))}
      </Badge>
    );
  }
  return (
    <Badge color="yellow" variant="light">
      {props.deadline === props.today ? m.dueToday : m.owed}
    </Badge>
  );
}
