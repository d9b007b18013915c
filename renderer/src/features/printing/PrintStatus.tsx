import { Alert, List, Loader, Group, Text } from '@mantine/core';
import { printingMessages as m } from './messages';
import type { PrintDocument } from './usePrintDocument';
import { ProblemAlert } from '../common/ProblemAlert';

/** Where a print stands, in Chinese: drawing, the template's warnings, the job's outcome or what stopped it. */
export function PrintStatus(props: { job: PrintDocument }) {
  const { stage, document, problem, report, fetching } = props.job;
  return (
    <>
      {stage === 'drawing' ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{fetching ? m.fetchingFromHq : m.drawing}</Text>
        </Group>
      ) : null}
      {stage === 'printing' ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{m.printing}</Text>
        </Group>
      ) : null}
      {document !== null && document.warnings.length > 0 ? (
        <Alert color="orange" title={m.warningsTitle}>
          <List size="sm">
            {document.warnings.map((warning) => (
              <List.Item key={warning.field}>{warning.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {report !== null && report.state === 'completed' ? (
        <Alert color="teal" role="status" aria-label={m.outcomeLabel}>
          {report.message}
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} />
    </>
  );
}
