import type { ReactNode } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { caseLiaison } from '../../data/greenCardPriority';
import type { CaseRow } from '../../data/records';
import type { Catalogue } from '../../domain/catalogue/schema';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import type { CaseStatus } from '../../domain/cases/caseStatus';
import { documentText } from '../../domain/cases/parties';
import { serviceSeconds, waitingSeconds, type QueueService } from '../../domain/cases/queueService';
import { formatPhone } from '../../domain/phone';
import { hallToday } from '../common/hallClock';
import { useGreenCards } from '../common/reference';
import { CaseStatusBadge } from './CaseStatusBadge';
import { casesMessages } from './messages';

const m = casesMessages.detail;

/** Matter names of a case, in its order; a code the catalogue no longer has is shown as the code. */
export function matterNames(catalogue: Catalogue, codes: readonly string[]): string[] {
  return codes.map((code) => catalogue.matters.find((matter) => matter.code === code)?.name ?? code);
}

export function bundleName(catalogue: Catalogue, code: string | null): string | null {
  return code === null ? null : (catalogue.bundles.find((bundle) => bundle.code === code)?.name ?? code);
}

/** The due date promised at acceptance, kept on every later status (and on a withdrawal after acceptance). */
function promisedDueDate(status: CaseStatus): string | null {
  return 'acceptance' in status && status.acceptance !== null ? status.acceptance.dueDate : null;
}

const minutes = (seconds: number) => Math.round(seconds / 60);

/** The called ticket's waiting and service times (叫号), under its number. */
function QueueTimes(props: { service: QueueService }) {
  const service = serviceSeconds(props.service);
  return (
    <Text size="xs" c="dimmed" data-testid="queue-times">
      {m.queueTimes(minutes(waitingSeconds(props.service)), service === null ? null : minutes(service))}
    </Text>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.children}
      </Text>
    </div>
  );
}

/**
 * Who, which enterprise, which matters, where the case stands and when it is due; `actions` (such as
 * 修改受理信息) sit in its header.
 */
export function CaseSummary(props: { row: CaseRow; catalogue: Catalogue; clerkName: string; headingLevel?: 1 | 2; actions?: ReactNode }) {
  const { row, catalogue } = props;
  const due = promisedDueDate(row.state.status);
  const bundle = bundleName(catalogue, row.bundleCode);
  const liaison = caseLiaison(row, useGreenCards(), hallToday());
  return (
    <Paper withBorder p="md" component="section" aria-label={m.overview}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Group gap="sm" align="center">
            <Title order={props.headingLevel ?? 2} size="h3" ff="monospace">
              {m.title(row.caseNumber)}
            </Title>
            {/* A live region: a status set while the case is open (HQ's decision, pulled by sync) is announced. */}
            <span role="status" aria-label={m.status}>
              <CaseStatusBadge code={row.statusCode} size="lg" />
            </span>
            {row.enterprise.greenCard ? (
              <Badge color="green" variant="filled" size="lg">
                {casesMessages.greenCard}
              </Badge>
            ) : null}
            {liaison !== null ? (
              <Text size="sm" fw={600} c="green.9" aria-label={casesMessages.greenCardLiaisonLabel} data-testid="case-green-card-liaison">
                {casesMessages.greenCardLiaison(liaison.name, formatPhone(liaison.phone))}
              </Text>
            ) : null}
          </Group>
          <Group gap="md" align="center">
            {due !== null ? (
              <Text fw={700} data-testid="case-due-date">
                {m.dueDate}：{formatChineseDate(due)}
              </Text>
            ) : null}
            {props.actions}
          </Group>
        </Group>
        <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs">
          <Fact label={m.enterprise}>
            <Text size="sm" fw={600} span>
              {row.enterprise.name}
            </Text>
            {row.enterprise.uscc !== null ? (
              <Text size="xs" ff="monospace">
                {row.enterprise.uscc}
              </Text>
            ) : null}
          </Fact>
          <Fact label={m.applicant}>
            {row.applicant.name}
            <Text size="xs" ff="monospace">
              {m.idLine(documentText(row.applicant), row.applicant.phone === null ? '—' : formatPhone(row.applicant.phone))}
            </Text>
          </Fact>
          <Fact label={m.agent}>
            {row.agent === null ? (
              m.noAgent
            ) : (
              <>
                {row.agent.name}
                <Text size="xs" ff="monospace">
                  {m.idLine(documentText(row.agent), row.agent.phone === null ? '—' : formatPhone(row.agent.phone))}
                </Text>
                {row.agentAuthorisation !== null ? <Text size="xs">{`${m.authorisation}：${row.agentAuthorisation}`}</Text> : null}
              </>
            )}
          </Fact>
          {row.legalRepresentative != null ? (
            <Fact label={m.legalRepresentative}>
              {row.legalRepresentative.name}
              <Text size="xs" ff="monospace">
                {row.legalRepresentative.phone === null
                  ? documentText(row.legalRepresentative)
                  : m.idLine(documentText(row.legalRepresentative), formatPhone(row.legalRepresentative.phone))}
              </Text>
            </Fact>
          ) : null}
          {row.shareholders !== undefined && row.shareholders.length > 0 ? (
            <Fact label={m.shareholders(row.shareholders.length)}>
              {row.shareholders.map((shareholder, index) => (
                <Text key={index} size="xs">
                  {shareholder.name}{' '}
                  <Text span size="xs" ff="monospace">
                    {documentText(shareholder)}
                  </Text>
                </Text>
              ))}
            </Fact>
          ) : null}
          <Fact label={m.matters}>
            {bundle !== null ? (
              <Text size="sm" fw={600}>
                {bundle}
              </Text>
            ) : null}
            <Text size="xs">{matterNames(catalogue, row.matterCodes).join('、')}</Text>
          </Fact>
          <Fact label={m.visits}>{m.visitsValue(row.state.visits)}</Fact>
          <Fact label={m.queueTicket}>
            {row.queueTicket ?? '—'}
            {row.queueService === undefined || row.queueService === null ? null : <QueueTimes service={row.queueService} />}
          </Fact>
          <Fact label={m.clerk}>{props.clerkName}</Fact>
          <Fact label={m.createdAt}>{formatChineseDateTime(row.createdAt)}</Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {m.catalogueVersion} {row.catalogueVersion}
        </Text>
      </Stack>
    </Paper>
  );
}
