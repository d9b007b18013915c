import { Alert, Table, Text } from '@mantine/core';
import type { HqDecision } from '../../../domain/cases/hqDecision';
import { formatChineseDateTime } from '../../../domain/chineseDate';
import { casesMessages } from '../messages';

const m = casesMessages.decisions.hq;

/** HQ's decision on the case as HQ explains it: 准予 / 不予许可, who decided and when, and a denial's grounds. */
export function HqDecisionPanel(props: { decision: HqDecision }) {
  const { decision } = props;
  const denied = decision.kind === 'denied';
  const rows: [string, string][] = [
    [m.decidedBy, decision.decidedBy],
    [m.decidedAt, formatChineseDateTime(decision.decidedAt)],
    ...(denied
      ? ([
          [m.reason, decision.reason],
          [m.legalBasis, decision.legalBasis ?? m.noLegalBasis],
        ] satisfies [string, string][])
      : []),
  ];
  return (
    <Alert color={denied ? 'red' : 'teal'} variant="light" role="region" aria-label={m.title} title={`${m.title}：${denied ? m.denied : m.approved}`}>
      <Table withRowBorders={false} verticalSpacing={2} aria-label={m.title}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={96} scope="row">
                {label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {denied ? (
        <Text size="sm" mt="xs">
          {m.deniedNote}
        </Text>
      ) : null}
    </Alert>
  );
}
