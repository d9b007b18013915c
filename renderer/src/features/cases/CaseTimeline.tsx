import { Badge, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { caseDocumentLabels } from '../../domain/cases/caseDocuments';
import { caseEventLabels, type CaseEvent } from '../../domain/cases/caseEvents';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { casesMessages } from './messages';

const m = casesMessages.detail;

/**
 * The full timeline of a case: every event with who did it and when, and what it carried. A decision HQ
 * did not keep (`superseded`, by seq: another window's stood) is marked as such.
 */
export function CaseTimeline(props: { events: readonly CaseEvent[]; clerkNames: ReadonlyMap<string, string>; superseded?: ReadonlySet<number> }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={m.timeline}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {m.timeline}
        </Title>
        <Timeline active={props.events.length - 1} bulletSize={14} lineWidth={2} aria-label={m.timeline}>
          {props.events.map((event) => (
            <Timeline.Item
              key={event.seq}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {caseEventLabels[event.type]}
                  </Text>
                  {'visit' in event ? (
                    <Badge size="xs" variant="light" color="gray">
                      {m.timelineVisit(event.visit)}
                    </Badge>
                  ) : null}
                  {props.superseded?.has(event.seq) === true ? (
                    <Badge size="xs" variant="outline" color="red">
                      {m.superseded}
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {formatChineseDateTime(event.at)} · {actorName(event, props.clerkNames)}
              </Text>
              <EventDetails event={event} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}

/** Who acted: HQ's decider by the name HQ gave, a clerk by their account's name. */
function actorName(event: CaseEvent, clerkNames: ReadonlyMap<string, string>): string {
  if ((event.type === 'approved' || event.type === 'denied') && event.decidedBy !== undefined) return m.hqDecider(event.decidedBy);
  return clerkNames.get(event.clerkId) ?? m.unknownClerk;
}

function EventDetails(props: { event: CaseEvent }) {
  const { event } = props;
  const lines: string[] = [];
  if ('dueDate' in event) lines.push(`${m.dueDate}：${formatChineseDate(event.dueDate)}`);
  if (event.type === 'acceptedWithDeferral') {
    lines.push(`${m.undertaking}：${event.undertaking}`);
    for (const material of event.deferredMaterials) lines.push(`${m.deferred}：${material.name}（${formatChineseDate(material.deadline)}前）`);
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
  if (event.type === 'denied' && event.legalBasis !== undefined) lines.push(`${m.legalBasis}：${event.legalBasis}`);
  if (event.type === 'offlineIssuanceApproved') lines.push(m.offlineIssuance(event.approvedBy, event.deskCode));
  if ('documents' in event && event.documents.length > 0) {
    lines.push(`${casesMessages.decisions.result.documents}：${event.documents.map((document) => caseDocumentLabels[document.kind]).join('、')}`);
  }
  if (lines.length === 0) return null;
  return (
    <List size="xs" spacing={0} mt={2}>
      {lines.map((line, index) => (
        <List.Item key={index} style={{ whiteSpace: 'pre-wrap' }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}
