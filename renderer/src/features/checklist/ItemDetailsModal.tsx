import { Alert, Button, Center, FileButton, Group, Image, List, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import type { ChecklistItem } from '../../domain/catalogue/checklist';
import { materialForms, type MaterialForm } from '../../domain/catalogue/schema';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { TextField } from '../common/TextField';
import classes from './checklist.module.css';
import type { ChecklistEntry } from '../../data/records';
import { scanAccept, type AttachOutcome, type ChangeOutcome, type ItemRecordView, type ScanView } from './checklistView';
import { ItemFlags } from './ItemFlags';
import { allowedStatuses } from './itemStatusRules';
import { checklistMessages as m } from './messages';
import { formatBytes } from '../settings/formatBytes';
import { ProblemAlert } from '../common/ProblemAlert';
import { CameraDialog } from './camera/CameraDialog';

/** What the file picker offers; the data layer checks the bytes of whatever is picked. */

export interface ItemDetailsModalProps {
  item: ChecklistItem | null;
  record: ItemRecordView | null;
  editable: boolean;
  onClose: () => void;
  onSave: (item: ChecklistItem, change: ChecklistEntry) => Promise<ChangeOutcome>;
  defaultDeferDeadline: string;
  onAttach: (item: ChecklistItem, file: File) => Promise<AttachOutcome>;
}

/** One item in full: how it was received, the legal basis and guidance, which matters need it, its scans. */
export function ItemDetailsModal(props: ItemDetailsModalProps) {
  const { item, record } = props;
  return (
    <Modal opened={item !== null} onClose={props.onClose} title={item === null ? '' : m.details.title(item.name)} size="xl">
      {item !== null && record !== null ? <ItemDetails {...props} item={item} record={record} /> : null}
    </Modal>
  );
}

function ItemDetails(props: ItemDetailsModalProps & { item: ChecklistItem; record: ItemRecordView }) {
  const { item, record, editable } = props;
  const [status, setStatus] = useState<ChecklistItemStatus>(record.status);
  const [form, setForm] = useState<MaterialForm>(record.form ?? item.form);
  const [copies, setCopies] = useState<number | ''>(record.copies || item.copies);
  const [pages, setPages] = useState<number | ''>(record.pages || '');
  const [deadline, setDeadline] = useState(record.deferredUntil ?? props.defaultDeferDeadline);
  const [note, setNote] = useState(record.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  /** Said after a scan was stored without a thumbnail (a PDF that could not be drawn). */
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [cameraOpen, setCameraOpen] = useState(false);
  const received = status === 'received';

  const save = async () => {
    setBusy(true);
    const outcome = await props.onSave(item, {
      status,
      form: received ? form : null,
      copies: received && copies !== '' ? copies : 0,
      pages: received && pages !== '' ? pages : 0,
      deferredUntil: status === 'deferred' ? deadline : null,
      note: note.trim() === '' ? null : note,
    });
    setBusy(false);
    if (outcome.ok) props.onClose();
    else setProblem(outcome.message);
  };

  const attach = async (file: File | null): Promise<AttachOutcome | null> => {
    if (file === null) return null;
    setBusy(true);
    const outcome = await props.onAttach(item, file);
    setBusy(false);
    setProblem(outcome.ok ? null : outcome.message);
    setNotice(outcome.ok && outcome.previewProblem !== null ? m.scans.previewProblems[outcome.previewProblem](file.name) : null);
    return outcome;
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (editable) void save();
      }}
    >
      <Stack gap="md">
        <ItemFlags item={item} />
        {item.exempt !== null ? <Text size="sm">{m.exemptSource(item.exempt.dataSources)}</Text> : null}
        <SimpleGrid cols={2} spacing="md">
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4} id="item-status-label">
                {m.details.status}
              </Text>
              <SegmentedControl
                aria-labelledby="item-status-label"
                disabled={!editable}
                value={status}
                onChange={(value) => setStatus(value as ChecklistItemStatus)}
                data={allowedStatuses(item).map((value) => ({ value, label: m.statusLabels[value] }))}
              />
            </div>
            {received ? (
              <>
                <div>
                  <Text size="sm" fw={500} mb={4} id="item-form-label">
                    {m.details.formReceived}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="item-form-label"
                    disabled={!editable}
                    value={form}
                    onChange={(value) => setForm(value as MaterialForm)}
                    data={materialForms.map((value) => ({ value, label: m.formLabels[value] }))}
                  />
                </div>
                <Group grow>
                  <NumberInput label={m.details.copiesReceived} min={1} max={99} allowDecimal={false} value={copies} disabled={!editable} onChange={(value) => setCopies(typeof value === 'number' ? value : '')} />
                  <NumberInput label={m.details.pages} min={1} max={9999} allowDecimal={false} value={pages} disabled={!editable} onChange={(value) => setPages(typeof value === 'number' ? value : '')} />
                </Group>
              </>
            ) : null}
            {status === 'deferred' ? (
              <ChineseDateInput label={m.details.deferredUntil} value={deadline} max={props.defaultDeferDeadline} disabled={!editable} required onChange={setDeadline} />
            ) : null}
            <TextField label={m.details.note} value={note} onChange={setNote} max={200} multiline />
            {record.checkedBy !== null && record.checkedAt !== null ? (
              <Text size="xs" c="dimmed">
                {m.details.checkedBy(record.checkedBy, formatChineseDateTime(record.checkedAt))}
              </Text>
            ) : null}
          </Stack>
          <Stack gap="sm">
            <Reference title={m.details.legalBasis} lines={item.legalBasis} />
            {item.guidance.length > 0 ? <Reference title={m.details.guidance} lines={item.guidance} /> : null}
            <Reference
              title={m.details.sources}
              lines={item.sources.map((source) =>
                source.required ? m.details.requiredFor(source.matterName, source.department, source.copies) : m.details.optionalFor(source.matterName, source.department),
              )}
            />
          </Stack>
        </SimpleGrid>
        <Scans scans={record.scans} editable={editable} busy={busy} onPick={(file) => void attach(file)} onCamera={() => setCameraOpen(true)} />
        {editable ? (
          <CameraDialog
            opened={cameraOpen}
            itemName={item.name}
            onClose={() => setCameraOpen(false)}
            // The camera's PDF is stored as a picked file is: same checks, thumbnail, event and audit entry.
            onSave={async (file) => (await attach(file)) ?? { ok: false, message: m.camera.saveFailed }}
            onPickFile={(file) => void attach(file)}
          />
        ) : null}
        {notice !== null ? (
          <Alert color="yellow" role="status" title={m.scans.previewProblemTitle}>
            {notice}
          </Alert>
        ) : null}
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {m.details.cancel}
          </Button>
          {editable ? (
            <Button type="submit" loading={busy}>
              {m.details.save}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

function Reference(props: { title: string; lines: readonly string[] }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {props.title}
      </Text>
      <List size="sm" spacing={2}>
        {props.lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}

function Scans(props: { scans: readonly ScanView[]; editable: boolean; busy: boolean; onPick: (file: File | null) => void; onCamera: () => void }) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {props.editable ? (
          <FileButton onChange={props.onPick} accept={scanAccept}>
            {(buttonProps) => (
              <Button {...buttonProps} variant="light" loading={props.busy}>
                {m.scans.attach}
              </Button>
            )}
          </FileButton>
        ) : null}
        {props.editable ? (
          <Button variant="light" onClick={props.onCamera} disabled={props.busy} title={m.camera.openHint}>
            {m.camera.open}
          </Button>
        ) : null}
        <Text size="xs" c="dimmed">
          {props.scans.length === 0 ? m.scans.none : m.scans.attachHint}
        </Text>
      </Group>
      {props.scans.length > 0 ? (
        <Group gap="sm" aria-label={m.columns.scans} role="list">
          {props.scans.map((scan) => (
            <Stack key={scan.id} gap={2} role="listitem" w={128}>
              <Thumbnail scan={scan} />
              <Text size="xs" truncate>
                {scan.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatBytes(scan.size)}
              </Text>
            </Stack>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

function Thumbnail(props: { scan: ScanView }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (props.scan.thumbnail === null) return;
    const objectUrl = URL.createObjectURL(props.scan.thumbnail);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [props.scan.thumbnail]);
  if (url === null) {
    return (
      <Center className={classes.thumbnailLarge} aria-label={m.scans.noThumbnail(props.scan.fileName)} role="img">
        <Text size="sm" c="dimmed" fw={700}>
          {props.scan.mediaType === 'application/pdf' ? 'PDF' : m.scans.noPreview}
        </Text>
      </Center>
    );
  }
  return <Image src={url} alt={m.scans.thumbnailAlt(props.scan.fileName)} className={classes.thumbnailLarge} />;
}
