import { copyMarkText } from '../../domain/cases/licenceCopies';
import { Badge, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { caseDocumentLabels } from '../../domain/cases/caseDocuments';
import { caseEventLabels, type CaseEvent } from '../../domain/cases/caseEvents';
import type { CaseHistoryEntry, CaseRecordEvent, HistoryWindow } from '../../domain/cases/caseHistory';
import { commitmentOutcomeLabels } from '../../domain/cases/commitments';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import type { DocumentKind } from '../../domain/documentEvents';
import { casesMessages } from './messages';

const m = casesMessages.detail;
const paper = m.paper;
const documentLabels: Readonly<Record<DocumentKind, string>> = { ...caseDocumentLabels, ...paper.documentKinds };

/**
 * The full history of a case: every event at every window of the hall and at HQ, in time order, with who
 * did it, where (when not at this window) and what it carried. A decision HQ did not keep (`superseded`,
 * by seq: another window's stood) is marked as such.
 */
export function CaseTimeline(props: { entries: readonly CaseHistoryEntry[]; superseded?: ReadonlySet<number> }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={m.timeline}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {m.timeline}
        </Title>
        <Timeline active={props.entries.length - 1} bulletSize={14} lineWidth={2} aria-label={m.timeline}>
          {props.entries.map((entry) => (
            <Timeline.Item
              key={entry.key}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {entry.kind === 'caseEvent' ? caseEventLabels[entry.event.type] : paperLabel(entry.record)}
                  </Text>
                  {entry.kind === 'caseEvent' && 'visit' in entry.event ? (
                    <Badge size="xs" variant="light" color="gray">
                      {m.timelineVisit(entry.event.visit)}
                    </Badge>
                  ) : null}
                  {entry.kind === 'caseEvent' && props.superseded?.has(entry.event.seq) === true ? (
                    <Badge size="xs" variant="outline" color="red">
                      {m.superseded}
                    </Badge>
                  ) : null}
                  <WindowBadge where={entry.window} />
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {formatChineseDateTime(entry.at)} · {actorName(entry)}
              </Text>
              <Details lines={entry.kind === 'caseEvent' ? eventDetails(entry.event) : paperDetails(entry.record)} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}

/** Another window's act says which window; this window's and HQ's (named by the decider) need no mark. */
function WindowBadge(props: { where: HistoryWindow }) {
  const { where } = props;
  if (where.kind !== 'desk' && where.kind !== 'otherDesk') return null;
  return (
    <Badge size="xs" variant="outline" color="indigo">
      {where.kind === 'desk' ? m.atWindow(where.deskCode) : m.atOtherWindow}
    </Badge>
  );
}

/** Who acted: HQ's decider by the name HQ gave, a clerk by their account's name or the name their window sent. */
function actorName(entry: CaseHistoryEntry): string {
  if (entry.actorName === null) return m.unknownClerk;
  return entry.window.kind === 'hq' ? m.hqDecider(entry.actorName) : entry.actorName;
}

function paperLabel(record: CaseRecordEvent): string {
  if (record.entity === 'documentEvent') {
    const mark = record.payload.licenceCopy;
    // One 副本 of a set is named by its mark (副本 2/3): each is printed, voided and reprinted on its own.
    return `${paper.documentActions[record.payload.action]}${documentLabels[record.payload.kind]}${mark == null || mark.of === 1 ? '' : ` ${copyMarkText(mark)}`}`;
  }
  if (record.entity === 'licenceSheetEvent') return paper.sheetActions[record.payload.action];
  if (record.entity === 'commitmentCheck') return paper.commitmentCheck(commitmentOutcomeLabels[record.payload.outcome]);
  return paper.handover;
}

function paperDetails(record: CaseRecordEvent): string[] {
  const lines: string[] = [];
  if (record.entity === 'documentEvent') {
    const { payload } = record;
    lines.push(`${paper.documentNumber}：${payload.documentNumber}${payload.action === 'voided' ? '' : `（${paper.copies(payload.copies)}）`}`);
    if (payload.licenceSheetSerial !== null) lines.push(`${paper.sheetSerial}：${payload.licenceSheetSerial}`);
    if (payload.reason !== null) lines.push(`${m.reason}：${payload.reason}`);
  }
  if (record.entity === 'licenceSheetEvent') {
    const { payload } = record;
    lines.push(`${paper.sheetSerial}：${payload.serial}`);
    if (payload.documentNumber !== null) lines.push(`${paper.documentNumber}：${payload.documentNumber}`);
    if (payload.reason !== null) lines.push(`${m.reason}：${payload.reason}`);
  }
  if (record.entity === 'handover') {
    const { payload } = record;
    lines.push(`${paper.collector}：${payload.collectorName}（${paper.collectorRoles[payload.collectorRole]}）`);
    lines.push(`${paper.handedOver}：${payload.documentNumbers.join('、')}`);
  }
  if (record.entity === 'commitmentCheck') {
    lines.push(`${paper.committedMaterial}：${record.payload.name}`);
    if (record.payload.action !== null) lines.push(`${paper.checkAction}：${record.payload.action}`);
  }
  return lines;
}

function eventDetails(event: CaseEvent): string[] {
  const lines: string[] = [];
  if ('dueDate' in event) lines.push(`${m.dueDate}：${formatChineseDate(event.dueDate)}`);
  if (event.type === 'acceptedWithDeferral') {
    lines.push(`${m.undertaking}：${event.undertaking}`);
    for (const material of event.deferredMaterials) lines.push(`${m.deferred}：${material.name}（${formatChineseDate(material.deadline)}前）`);
  }
  if (event.type === 'deferredMaterialsReceived') {
    for (const material of event.materials) lines.push(`${m.supplied}：${material.name}（${formatChineseDate(material.deadline)}前${material.late ? m.suppliedLate : ''}）`);
  }
  if (event.type === 'correctionNoticeIssued') {
    for (const item of event.items) lines.push(`${m.correctionItems}：${item.name}${item.problem === null ? '' : `（${item.problem}）`}`);
  }
  if (event.type === 'intakeCorrected') {
    lines.push(`${m.corrected}：${event.fields.map((field) => m.correctionFields[field]).join('、')}`);
    if (event.addedItems.length > 0) lines.push(`${m.correctionAdded}：${event.addedItems.map((item) => `「${item.name}」`).join('、')}`);
    if (event.droppedItems.length > 0) lines.push(`${m.correctionDropped}：${event.droppedItems.map((item) => `「${item.name}」`).join('、')}`);
  }
  if ((event.type === 'refused' || event.type === 'denied' || event.type === 'withdrawn') && event.reason !== null) lines.push(`${m.reason}：${event.reason}`);
  if (event.type === 'withdrawn' && event.request !== undefined) {
    const written = casesMessages.withdrawal;
    lines.push(`${m.withdrawalRequest}：${event.request.kind === 'scan' ? written.requestScan(event.request.scan.fileName) : written.requestSigned}`);
  }
  if (event.type === 'denied' && event.legalBasis !== undefined) lines.push(`${m.legalBasis}：${event.legalBasis}`);
  if (event.type === 'offlineIssuanceApproved') lines.push(m.offlineIssuance(event.approvedBy, event.deskCode));
  if (event.type === 'rejectionHandled') lines.push(m.rejectionHandled(event.opSeq, event.action, event.reason));
  if ('documents' in event && event.documents.length > 0) {
    lines.push(`${casesMessages.decisions.result.documents}：${event.documents.map((document) => caseDocumentLabels[document.kind]).join('、')}`);
  }
  return lines;
}

function Details(props: { lines: readonly string[] }) {
  if (props.lines.length === 0) return null;
  return (
    <List size="xs" spacing={0} mt={2}>
      {props.lines.map((line, index) => (
        <List.Item key={index} style={{ whiteSpace: 'pre-wrap' }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}
