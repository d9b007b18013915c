import { Alert, Button, Checkbox, FileInput, Group, List, Loader, Modal, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { catalogueForCase, decisionItems } from '../../../data/caseChecklist';
import { deskDatabase } from '../../../data/db';
import { readIssuingAgency } from '../../../data/issuingAgency';
import type { CaseRow, ChecklistItemRow } from '../../../data/records';
import { asLiveDocuments, liveCaseDocuments, withdrawCase, type WrittenWithdrawalRequest } from '../../../data/withdrawal';
import { caseDocumentLabels } from '../../../domain/cases/caseDocuments';
import { withdrawalEffects, type WithdrawalEffect } from '../../../domain/cases/withdrawal';
import { formatChineseDate, toChinaIsoDateTime } from '../../../domain/chineseDate';
import { useClerk } from '../../clerks/ClerkContext';
import { ProblemAlert } from '../../common/ProblemAlert';
import { TextField } from '../../common/TextField';
import { useStoredData } from '../../common/useStoredData';
import type { WriteQueue } from '../../common/writeQueue';
import { casesMessages } from '../messages';
import { PrintWithdrawalRequest, type PrintedForm } from './PrintWithdrawalRequest';
import { withdrawalDocumentRequest } from './withdrawalDocument';

const m = casesMessages.withdrawal;
const scanAccept = 'application/pdf,image/jpeg,image/png,image/webp,image/gif,image/bmp';

export interface WithdrawalPanelProps {
  row: CaseRow;
  items: readonly ChecklistItemRow[];
  queue: WriteQueue;
}

/**
 * 撤回 from the case, in any status the state machine lets a case be withdrawn from (the caller shows the
 * panel only then). The dialog first takes the applicant's written request, then lists what the
 * withdrawal affects for a last confirmation.
 */
export function WithdrawalPanel(props: WithdrawalPanelProps) {
  const [opened, setOpened] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-label={m.title}>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} size="h5">
            {m.title}
          </Title>
          <Text size="sm" c="dimmed">
            {m.intro}
          </Text>
        </Stack>
        <Button variant="outline" color="red" onClick={() => setOpened(true)}>
          {m.button}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={m.modalTitle(props.row.caseNumber)} size="lg">
        {opened ? <WithdrawalDialog {...props} onDone={() => setOpened(false)} /> : null}
      </Modal>
    </Paper>
  );
}

type Mode = 'print' | 'scan';

/** What the dialog reads besides the case: the agency printed on the form, the catalogue, the documents still valid. */
async function loadSetting(row: CaseRow) {
  const db = deskDatabase();
  const [agency, catalogue, live] = await Promise.all([readIssuingAgency(db), catalogueForCase(db, row), liveCaseDocuments(db, row.id)]);
  return { agency, catalogue: catalogue.catalogue, live: asLiveDocuments(live) };
}

function WithdrawalDialog(props: WithdrawalPanelProps & { onDone: () => void }) {
  const { row } = props;
  const clerk = useClerk();
  const setting = useStoredData(() => loadSetting(row), [row]);
  const [step, setStep] = useState<'request' | 'confirm'>('request');
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<Mode>('print');
  const [printed, setPrinted] = useState<(PrintedForm & { reason: string }) | null>(null);
  const [signed, setSigned] = useState(false);
  const [scan, setScan] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (setting.state === 'loading') {
    return (
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{m.loading}</Text>
      </Group>
    );
  }
  if (setting.state === 'failed') return <ProblemAlert problem={setting.message} />;
  const { agency, catalogue, live } = setting.value;
  const reprintNeeded = printed !== null && printed.reason !== reason;
  const written: WrittenWithdrawalRequest | null =
    mode === 'scan'
      ? scan === null
        ? null
        : { kind: 'scan', file: scan, meta: { name: scan.name, type: scan.type } }
      : printed === null || reprintNeeded || !signed
        ? null
        : { kind: 'signedForm', pdf: printed.pdf, sha256: printed.sha256, templateVersion: printed.templateVersion, signedAtCounter: true };

  const submit = async () => {
    if (written === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await props.queue(() => withdrawCase(deskDatabase(), row.id, { reason, request: written }, { clerk }));
      if (result.ok) props.onDone();
      else setProblem(result.message);
    } catch (error) {
      setProblem(m.saveFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  if (step === 'confirm' && written !== null) {
    const effects = withdrawalEffects(row.state.status, decisionItems(props.items), live);
    return (
      <Stack gap="sm" role="alertdialog" aria-label={m.confirmTitle}>
        <Text fw={700}>{m.confirmTitle}</Text>
        <Text size="sm">{effects.length === 0 ? m.noEffects : m.confirmText}</Text>
        {effects.length > 0 ? (
          <List size="sm" spacing={2} data-testid="withdrawal-effects">
            {effects.map((effect, index) => (
              <List.Item key={index}>{effectText(effect)}</List.Item>
            ))}
          </List>
        ) : null}
        <Text size="sm">
          {m.requestIs}：{written.kind === 'scan' ? m.requestScan(written.meta.name) : m.requestSigned}
        </Text>
        {reason.trim() !== '' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {casesMessages.detail.reason}：{reason.trim()}
          </Text>
        ) : null}
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setStep('request')} disabled={busy}>
            {m.back}
          </Button>
          <Button color="red" loading={busy} onClick={() => void submit()} data-autofocus>
            {m.submit}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <TextField label={m.reason} value={reason} onChange={setReason} max={500} multiline showErrors={false} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {m.mode}
        </Text>
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={[
            { value: 'print', label: m.modes.print },
            { value: 'scan', label: m.modes.scan },
          ]}
        />
      </Stack>
      {mode === 'print' ? (
        agency === null ? (
          <Alert color="orange" role="alert">
            {m.agencyNotSet}
          </Alert>
        ) : (
          <Stack gap="xs">
            <PrintWithdrawalRequest
              draw={() => withdrawalDocumentRequest({ row, catalogue, agency, clerkName: clerk.displayName }, reason, toChinaIsoDateTime(new Date()))}
              printedAgain={printed !== null}
              onPrinted={(form) => {
                setPrinted({ ...form, reason });
                setSigned(false);
              }}
            />
            {reprintNeeded ? (
              <Alert color="orange" role="alert">
                {m.reasonChanged}
              </Alert>
            ) : null}
            {printed !== null && !reprintNeeded ? (
              <Checkbox label={m.signed} checked={signed} onChange={(event) => setSigned(event.currentTarget.checked)} />
            ) : null}
          </Stack>
        )
      ) : (
        <FileInput label={m.scanLabel} placeholder={m.scanPlaceholder} accept={scanAccept} value={scan} onChange={setScan} clearable />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          {m.cancel}
        </Button>
        <Button color="red" variant="outline" disabled={written === null} onClick={() => setStep('confirm')}>
          {m.next}
        </Button>
      </Group>
    </Stack>
  );
}

function effectText(effect: WithdrawalEffect): string {
  switch (effect.kind) {
    case 'documentVoided':
      return m.effects.documentVoided(caseDocumentLabels[effect.document.kind], effect.document.documentNumber);
    case 'deferredClosed':
      return m.effects.deferredClosed(effect.names.map((name) => `「${name}」`).join('、'));
    case 'promiseEnds':
      return m.effects.promiseEnds(formatChineseDate(effect.dueDate));
    case 'reviewStops':
      return m.effects.reviewStops;
  }
}
