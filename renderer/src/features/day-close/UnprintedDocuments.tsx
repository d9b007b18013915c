import { Alert, Button, Group, List, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DaySnapshot } from '../../data/dayClose/snapshot';
import { caseIdSchema, type CaseId } from '../../domain/cases/caseId';
import { caseDocumentLabels } from '../../domain/cases/caseDocuments';
import type { UnprintedDocument } from '../../domain/dayClose/pendingWork';
import { maxUnprintedReasonLength, type UnprintedReason } from '../../domain/dayClose/unprintedReasons';
import { CaseDetail } from '../cases/CaseDetail';
import { loadCounterReference } from '../common/reference';
import { useStoredData } from '../common/useStoredData';
import { dayCloseMessages } from './messages';

const m = dayCloseMessages.unprinted;

const keyOf = (document: Pick<UnprintedDocument, 'caseId' | 'eventSeq' | 'kind'>) => `${document.caseId}|${document.eventSeq}|${document.kind}`;

/** A case opened from 日结 over the page, to print what it lacks; closing it comes back to the day. */
function CaseDialog(props: { caseId: CaseId | null; onClose: () => void }) {
  const reference = useStoredData(loadCounterReference, []);
  return (
    <Modal opened={props.caseId !== null} onClose={props.onClose} title={m.caseDialog} size="100%">
      {reference.state === 'loading' ? <Loader size="sm" /> : null}
      {reference.state === 'failed' ? (
        <Alert color="red" role="alert">
          {reference.message}
        </Alert>
      ) : null}
      {reference.state === 'ready' && props.caseId !== null ? <CaseDetail caseId={props.caseId} reference={reference.value} onBack={props.onClose} /> : null}
    </Modal>
  );
}

/**
 * The documents the day's decisions asked for that nobody printed, each with a way to open its case
 * (and print it there); on a closed day, with the reason the chief recorded.
 */
export function UnprintedList(props: { unprinted: DaySnapshot['unprinted'] }) {
  const [open, setOpen] = useState<CaseId | null>(null);
  const { unprinted } = props;
  return (
    <Stack gap={4} component="section" aria-label={m.title}>
      <Text fw={600} size="sm" c={unprinted.length > 0 ? 'red' : undefined}>
        {m.title}
        {unprinted.length > 0 ? m.count(unprinted.length) : null}
      </Text>
      {unprinted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.nothing}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {unprinted.map((document) => (
            <List.Item key={keyOf(document)}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{m.line(document.caseNumber, caseDocumentLabels[document.kind])}</Text>
                <Button size="compact-xs" variant="light" onClick={() => setOpen(caseIdSchema.parse(document.caseId))} aria-label={m.openCaseOf(document.caseNumber)}>
                  {m.openCase}
                </Button>
              </Group>
              {'reason' in document ? (
                <Text size="xs" c="dimmed">
                  {m.recordedReason(document.reason)}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
      <CaseDialog caseId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

/** Where the chief records, per unprinted document, why the day is signed without it. */
export function UnprintedReasonsInput(props: {
  unprinted: readonly UnprintedDocument[];
  reasons: ReadonlyMap<string, string>;
  onChange: (key: string, reason: string) => void;
}) {
  if (props.unprinted.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={m.reasonsTitle}>
      <Text fw={600} size="sm" c="orange.8">
        {m.reasonsTitle}
      </Text>
      <Text size="sm">{m.reasonsExplain(props.unprinted.length)}</Text>
      {props.unprinted.map((document) => (
        <TextInput
          key={keyOf(document)}
          label={m.reasonLabel(document.caseNumber, caseDocumentLabels[document.kind])}
          placeholder={m.reasonPlaceholder}
          maxLength={maxUnprintedReasonLength}
          value={props.reasons.get(keyOf(document)) ?? ''}
          onChange={(event) => props.onChange(keyOf(document), event.currentTarget.value)}
        />
      ))}
    </Stack>
  );
}

/** The reasons typed so far, in the shape the close takes them. */
export function reasonsFor(unprinted: readonly UnprintedDocument[], reasons: ReadonlyMap<string, string>): UnprintedReason[] {
  return unprinted.map((document) => ({ caseId: document.caseId, eventSeq: document.eventSeq, kind: document.kind, reason: reasons.get(keyOf(document)) ?? '' }));
}
