import { Alert, Button, Group, Kbd, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { getCase } from '../../data/cases';
import { deskDatabase } from '../../data/db';
import { caseDocuments } from '../../data/documentArchive/archive';
import { anyLicencePrinted, liveLicences, missingLicences, type LiveLicences } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import { businessTermText } from '../../domain/cases/businessTerm';
import type { LicenceData } from '../../domain/cases/hqDecision';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import type { CaseId } from '../../domain/cases/caseId';
import { requestedCopies } from '../../domain/cases/licenceCopies';
import { formatYuan, toChineseCapitalAmount } from '../../domain/money';
import { MissingRecord, useStoredData } from '../common/useStoredData';
import { useSyncControls } from '../sync/SyncEngineProvider';
import { CaseDocumentsPanel } from '../printing/CaseDocumentsPanel';
import { CompletedBanner } from './CompletedBanner';
import { formatElapsed } from './elapsed';
import { HandoverForm } from './HandoverForm';
import { IssuanceClaimGate } from './IssuanceClaimGate';
import { IssuanceConflictMark } from './IssuanceConflictMark';
import { LicenceCopiesForm } from './LicenceCopiesForm';
import { LicenceSheetPrinter } from './LicenceSheetPrinter';
import { issuanceMessages } from './messages';

const m = issuanceMessages;

async function loadIssuance(caseId: CaseId) {
  const db = deskDatabase();
  const [row, documents] = await Promise.all([getCase(db, caseId), caseDocuments(db, caseId)]);
  if (row === undefined) throw new MissingRecord(m.issue.caseNotFound);
  return { row, live: liveLicences(documents, row) };
}

function LicenceFacts(props: { licence: LicenceData }) {
  const { licence } = props;
  const f = m.issue.licenceFields;
  const facts: [string, string][] = [
    [f.uscc, licence.uscc],
    [f.name, licence.name],
    [f.type, licence.type],
    [f.legalRepresentative, licence.legalRepresentative],
    [f.registeredCapital, `${toChineseCapitalAmount(licence.registeredCapitalFen)}（${formatYuan(licence.registeredCapitalFen)}）`],
    [f.establishedOn, formatChineseDate(licence.establishedOn)],
    [f.businessTerm, licence.businessTerm === undefined ? m.issue.termUnknown : businessTermText(licence.businessTerm, licence.establishedOn)],
    [f.address, licence.address],
    [f.registrationAuthority, licence.registrationAuthority],
    [f.issuedOn, formatChineseDate(licence.issuedOn)],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={m.issue.licenceTitle}>
      <Title order={3} size="h5" mb="xs">
        {m.issue.licenceTitle}
      </Title>
      <SimpleGrid cols={3} spacing="xs" verticalSpacing={4}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {f.businessScope}
      </Text>
      <Text size="sm">{licence.businessScope}</Text>
    </Paper>
  );
}

/**
 * Printing a 待出证 case's licences on stock paper and handing them over. Esc goes back to the list. The
 * case and its licences are followed as stored: a print, a void or the handover shows once recorded, and
 * while a new answer is read the previous one stays on screen, so the print panels (and the job outcome
 * they show) stay put.
 */
export function IssueLicence(props: { caseId: CaseId; onBack: () => void }) {
  const loaded = useStoredData(() => loadIssuance(props.caseId), [props.caseId]);
  useHotkeys([['Escape', () => document.querySelector('[role="dialog"]') === null && props.onBack()]]);

  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={props.onBack} leftSection={<Kbd size="xs">Esc</Kbd>}>
          {m.issue.back}
        </Button>
      </Group>
      {loaded.state === 'loading' ? <Loader size="sm" /> : null}
      {loaded.state === 'failed' ? (
        <Alert color="red" role="alert">
          {loaded.message}
        </Alert>
      ) : null}
      {loaded.state === 'ready' ? <IssueLicenceBody row={loaded.value.row} live={loaded.value.live} /> : null}
    </Stack>
  );
}

function IssueLicenceBody(props: { row: CaseRow; live: LiveLicences }) {
  const { row, live } = props;
  const { config } = useSyncControls();
  const status = row.state.status;
  const elapsedSoFar = Math.max(0, Math.floor((Date.now() - Date.parse(row.createdAt)) / 60_000));
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" ff="monospace">
              {m.issue.heading(row.caseNumber)}
            </Title>
            <Text size="sm">{row.enterprise.name}</Text>
          </div>
          <Stack gap={0} align="flex-end">
            <Text size="sm">
              {m.issue.intakeAt}：{formatChineseDateTime(row.createdAt)}
            </Text>
            {status.code === 'awaitingIssuance' ? (
              <Text size="sm" c="dimmed">
                {m.issue.elapsedSoFar} {formatElapsed(elapsedSoFar)}
              </Text>
            ) : null}
          </Stack>
        </Group>
      </Paper>
      <IssuanceConflictMark row={row} />
      <CompletedBanner row={row} />
      {row.licence === null ? (
        <Alert color="orange">{config?.enrolment == null ? m.issue.noLicence : m.issue.noLicenceFromHq}</Alert>
      ) : (
        <>
          <LicenceFacts licence={row.licence} />
          {status.code === 'awaitingIssuance' && row.licence.businessTerm === undefined ? (
            <Alert color="orange">{config?.enrolment == null ? m.issue.termUnknownInHall : m.issue.termUnknownFromHq}</Alert>
          ) : null}
          {status.code === 'awaitingIssuance' && row.licence.businessTerm !== undefined ? (
            <IssuanceClaimGate row={row} printedHere={anyLicencePrinted(live)}>
              <LicenceCopiesForm key={requestedCopies(row)} row={row} locked={live.licenceCopies.some((document) => document !== undefined)} />
              <LicenceSheetPrinter row={row} kind="licenceOriginal" copy={null} live={live.licenceOriginal} />
              {live.licenceCopies.map((document, index) => (
                <LicenceSheetPrinter key={`${index + 1}/${live.licenceCopies.length}`} row={row} kind="licenceCopy" copy={{ number: index + 1, of: live.licenceCopies.length }} live={document} />
              ))}
            </IssuanceClaimGate>
          ) : null}
        </>
      )}
      <CaseDocumentsPanel caseId={row.id} licencesHandedOver={status.code === 'completed'} />
      {status.code === 'awaitingIssuance' && row.licence !== null ? (
        <HandoverForm row={row} ready={missingLicences(live).length === 0} />
      ) : null}
    </Stack>
  );
}
