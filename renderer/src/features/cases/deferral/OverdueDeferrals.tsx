import { Badge, Button, Table } from '@mantine/core';
import type { CaseId } from '../../../domain/cases/caseId';
import { daysOverdue, type OverdueDeferredMaterial } from '../../../domain/cases/deferredMaterials';
import { formatChineseDate } from '../../../domain/chineseDate';
import { casesMessages } from '../messages';

const m = casesMessages.overdue;

/** The hall's deferred materials past their deadline, most overdue first, each opening its case. */
export function OverdueDeferrals(props: { rows: readonly OverdueDeferredMaterial[]; today: string; onOpen: (caseId: CaseId) => void }) {
  return (
    <Table aria-label={m.title} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{m.columns.caseNumber}</Table.Th>
          <Table.Th>{m.columns.enterprise}</Table.Th>
          <Table.Th>{m.columns.material}</Table.Th>
          <Table.Th>{m.columns.deadline}</Table.Th>
          <Table.Th>{m.columns.action}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr key={`${row.caseId}|${row.materialKey}`}>
            <Table.Td>{row.caseNumber}</Table.Td>
            <Table.Td>{row.enterpriseName}</Table.Td>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>
              {formatChineseDate(row.deadline)}{' '}
              <Badge color="red" variant="light">
                {casesMessages.deferred.overdue(daysOverdue(row.deadline, props.today))}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={() => props.onOpen(row.caseId as CaseId)} aria-label={m.open(row.caseNumber)}>
                {m.openButton}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
