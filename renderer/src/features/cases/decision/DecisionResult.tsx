import { Alert, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { caseDocumentLabels } from '../../../domain/cases/caseDocuments';
import { caseEventLabels, type CaseEvent, type CaseEventType } from '../../../domain/cases/caseEvents';
import { formatChineseDate } from '../../../domain/chineseDate';
import type { CaseId } from '../../../domain/cases/caseId';
import { PrintCaseDocument } from '../../printing/PrintCaseDocument';
import { casesMessages } from '../messages';

const m = casesMessages.decisions.result;

/** Green for an acceptance, amber for what still awaits the applicant, red for a case that ends here. */
const tones: Partial<Record<CaseEventType, string>> = {
  accepted: 'teal',
  acceptedWithDeferral: 'yellow',
  correctionNoticeIssued: 'orange',
  refused: 'red',
  denied: 'red',
};

/** The outcome of a counter decision and the documents it calls for, each with its 打印 (or 重印). */
export function DecisionResult(props: { caseId: CaseId; event: CaseEvent; focus: boolean }) {
  const { event, focus } = props;
  const documents = 'documents' in event ? event.documents : [];
  const ref = useRef<HTMLDivElement>(null);
  // A decision just made replaces the buttons that had focus: the clerk continues from its outcome.
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, event.seq]);
  return (
    <Alert ref={ref} tabIndex={-1} color={tones[event.type] ?? 'gray'} variant="light" title={`${m.title}：${caseEventLabels[event.type]}`} role="status" aria-label={m.title}>
      <Stack gap="xs">
        {'dueDate' in event ? (
          <Text fw={700} size="lg" data-testid="decision-due-date">
            {m.dueDate(formatChineseDate(event.dueDate))}
          </Text>
        ) : null}
        {'visit' in event ? <Text size="sm">{m.visit(event.visit)}</Text> : null}
        <Text size="sm" fw={600}>
          {documents.length > 0 ? m.documents : m.noDocuments}
        </Text>
        <List spacing={6} aria-label={m.documents}>
          {documents.map((document) => (
            <List.Item key={document.kind}>
              <Group gap="sm">
                <Text size="sm">{caseDocumentLabels[document.kind]}</Text>
                <PrintCaseDocument caseId={props.caseId} eventSeq={event.seq} kind={document.kind} />
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
