import { Badge, Button, Table } from '@mantine/core';
import type { CaseId } from '../../domain/cases/caseId';
import { daysOverdue } from '../../domain/cases/deferredMaterials';
import { formatChineseDate } from '../../domain/chineseDate';
import { casesMessages } from './messages';

const m = casesMessages.materialList;

/** One material of a case with a date it is due by (a 容缺 material owed, a 告知承诺 to check). */
export interface CaseMaterialRow {
  caseId: string;
  caseNumber: string;
  enterpriseName: string;
  materialKey: string;
  name: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
}

/**
 * Materials across the hall's cases, each with its due date, the days past it in red, and a button opening
 * its case. Rows come in the caller's order.
 */
export function CaseMaterialList(props: {
  label: string;
  columns: { material: string; dueDate: string };
  rows: readonly CaseMaterialRow[];
  today: string;
  openButton: string;
  openLabel: (row: CaseMaterialRow) => string;
  onOpen: (caseId: CaseId) => void;
}) {
  return (
    <Table aria-label={props.label} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{m.caseNumber}</Table.Th>
          <Table.Th>{m.enterprise}</Table.Th>
          <Table.Th>{props.columns.material}</Table.Th>
          <Table.Th>{props.columns.dueDate}</Table.Th>
          <Table.Th>{m.action}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => {
          const late = daysOverdue(row.dueDate, props.today);
          return (
            <Table.Tr key={`${row.caseId}|${row.materialKey}`} data-overdue={late > 0} style={late > 0 ? { background: 'var(--mantine-color-red-0)' } : undefined}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {row.caseNumber}
              </Table.Td>
              <Table.Td>{row.enterpriseName}</Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td>
                {formatChineseDate(row.dueDate)}{' '}
                {late > 0 ? (
                  <Badge color="red" variant="filled">
                    {casesMessages.deferred.overdue(late)}
                  </Badge>
                ) : row.dueDate === props.today ? (
                  <Badge color="orange" variant="light">
                    {casesMessages.deferred.dueToday}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => props.onOpen(row.caseId as CaseId)} aria-label={props.openLabel(row)}>
                  {props.openButton}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
