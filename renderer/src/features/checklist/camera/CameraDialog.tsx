import { ActionIcon, Alert, Box, Button, Center, FileButton, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { buildScanPdf } from '../../../documents/scanPdf';
import { callDesk } from '../../../platform/desk';
import { ProblemAlert } from '../../common/ProblemAlert';
import type { AttachOutcome } from '../checklistView';
import { scanAccept } from '../checklistView';
import { checklistMessages } from '../messages';
import { cameraProblemOf, type CameraProblem } from './cameraProblem';
import { addPage, deletePage, maxCapturedPages, movePage, normalizeCrop, replaceImage, rotatePage, uprightSize, type CapturedPage, type CropRect } from './capturedPages';
import classes from './camera.module.css';

const m = checklistMessages.camera;

export interface CameraDialogProps {
  opened: boolean;
  itemName: string;
  onClose: () => void;
  /** Stores the PDF as the item's scan, through the same path as a picked file. */
  onSave: (file: File) => Promise<AttachOutcome>;
  /** The file picker, offered again when the camera cannot be used. */
  onPickFile: (file: File | null) => void;
}

type CameraState = { kind: 'starting' } | { kind: 'live' } | { kind: 'failed'; problem: CameraProblem };

/**
 * The document camera (高拍仪): any UVC camera through getUserMedia, video only. The main process grants
 * the camera only between the `cameraDialog` open and close calls made here.
 */
export function CameraDialog(props: CameraDialogProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={m.title(props.itemName)} size="xl" zIndex={300}>
      {props.opened ? <CameraSession {...props} /> : null}
    </Modal>
  );
}

function CameraSession(props: CameraDialogProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<CameraState>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const [pages, setPages] = useState<readonly CapturedPage[]>([]);
  const [cropping, setCropping] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let ended = false;
    setCamera({ kind: 'starting' });
    const start = async () => {
      await callDesk('cameraDialog', { open: true });
      if (typeof navigator.mediaDevices?.getUserMedia !== 'function') return setCamera({ kind: 'failed', problem: 'unsupported' });
      // A document camera gives its sharpest picture at its largest size; it answers with the nearest it has.
      const opened = await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: 2592 }, height: { ideal: 1944 } } });
      if (ended) return opened.getTracks().forEach((track) => track.stop());
      stream = opened;
      const video = videoRef.current;
      if (video !== null) {
        video.srcObject = opened;
        await video.play().catch(() => undefined);
      }
      setCamera({ kind: 'live' });
    };
    start().catch((error: unknown) => {
      if (!ended) setCamera({ kind: 'failed', problem: cameraProblemOf(error) });
    });
    return () => {
      ended = true;
      stream?.getTracks().forEach((track) => track.stop());
      void callDesk('cameraDialog', { open: false }).catch(() => undefined);
    };
  }, [attempt]);

  const capture = async () => {
    const video = videoRef.current;
    if (video === null || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    const jpeg = await canvasJpeg(canvas);
    if (jpeg === null) return;
    setPages((current) => addPage(current, { id: crypto.randomUUID(), jpeg, width: canvas.width, height: canvas.height, turns: 0 }));
  };

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const bytes = await buildScanPdf(pages);
      const file = new File([bytes as Uint8Array<ArrayBuffer>], m.fileName(props.itemName, pages.length), { type: 'application/pdf' });
      const outcome = await props.onSave(file);
      if (outcome.ok) props.onClose();
      else setProblem(outcome.message);
    } catch {
      setProblem(m.saveFailed);
    } finally {
      setBusy(false);
    }
  };

  const croppedPage = pages.find((page) => page.id === cropping) ?? null;
  const live = camera.kind === 'live';

  return (
    <Stack gap="sm">
      {camera.kind === 'failed' ? (
        <Alert color="red" title={m.problemTitle} role="alert">
          <Stack gap="xs">
            <Text size="sm">{m.problems[camera.problem]}</Text>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setAttempt((n) => n + 1)}>
                {m.retry}
              </Button>
              <FileButton
                accept={scanAccept}
                onChange={(file) => {
                  props.onPickFile(file);
                  if (file !== null) props.onClose();
                }}
              >
                {(buttonProps) => (
                  <Button {...buttonProps} size="xs" variant="default">
                    {m.pickFile}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {croppedPage !== null ? (
        <CropView
          key={croppedPage.id}
          page={croppedPage}
          index={pages.indexOf(croppedPage) + 1}
          onCancel={() => setCropping(null)}
          onApply={(image) => {
            setPages((current) => replaceImage(current, croppedPage.id, image));
            setCropping(null);
          }}
        />
      ) : null}
      <Box className={classes.preview} hidden={croppedPage !== null || camera.kind === 'failed'}>
        <video ref={videoRef} className={classes.video} muted playsInline aria-label={m.previewLabel} />
        {camera.kind === 'starting' ? (
          <Center className={classes.previewOverlay}>
            <Loader size="sm" />
            <Text size="sm" ml="xs">
              {m.starting}
            </Text>
          </Center>
        ) : null}
      </Box>
      {croppedPage === null ? (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {pages.length >= maxCapturedPages ? m.limitReached(maxCapturedPages) : m.captureHint}
          </Text>
          <Button onClick={() => void capture()} disabled={!live || pages.length >= maxCapturedPages}>
            {m.capture}
          </Button>
        </Group>
      ) : null}
      <Text size="sm" fw={500}>
        {pages.length === 0 ? m.noPages : m.pageCount(pages.length)}
      </Text>
      {pages.length > 0 ? (
        <Group gap="sm" role="list" aria-label={m.pagesLabel}>
          {pages.map((page, i) => (
            <PageCard
              key={page.id}
              page={page}
              index={i + 1}
              last={i === pages.length - 1}
              disabled={busy || cropping !== null}
              onRotate={(direction) => setPages((current) => rotatePage(current, page.id, direction))}
              onMove={(offset) => setPages((current) => movePage(current, page.id, offset))}
              onDelete={() => setPages((current) => deletePage(current, page.id))}
              onCrop={() => setCropping(page.id)}
            />
          ))}
        </Group>
      ) : null}
      <ProblemAlert problem={problem} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {m.close}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={pages.length === 0 || cropping !== null}>
          {m.save(pages.length)}
        </Button>
      </Group>
    </Stack>
  );
}

function canvasJpeg(canvas: HTMLCanvasElement): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    canvas.toBlob(
      (blob) => {
        if (blob === null) resolve(null);
        else blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), () => resolve(null));
      },
      'image/jpeg',
      0.9,
    );
  });
}

function useObjectUrl(bytes: Uint8Array): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes]);
  return url;
}

function PageCard(props: {
  page: CapturedPage;
  index: number;
  last: boolean;
  disabled: boolean;
  onRotate: (direction: 1 | -1) => void;
  onMove: (offset: -1 | 1) => void;
  onDelete: () => void;
  onCrop: () => void;
}) {
  const { page, index } = props;
  const url = useObjectUrl(page.jpeg);
  return (
    <Stack gap={4} role="listitem" aria-label={m.pageLabel(index)} className={classes.card}>
      <Center className={classes.thumbBox}>
        {url !== null ? <img src={url} alt={m.pageImage(index)} className={classes.thumb} style={{ transform: `rotate(${page.turns * 90}deg)` }} /> : null}
      </Center>
      <Text size="xs" ta="center">
        {m.pageLabel(index)}
      </Text>
      <Group gap={2} justify="center" wrap="nowrap">
        <ActionIcon variant="subtle" size="sm" aria-label={m.moveEarlier(index)} disabled={props.disabled || index === 1} onClick={() => props.onMove(-1)}>
          ←
        </ActionIcon>
        <ActionIcon variant="subtle" size="sm" aria-label={m.rotateLeft(index)} disabled={props.disabled} onClick={() => props.onRotate(-1)}>
          ⟲
        </ActionIcon>
        <ActionIcon variant="subtle" size="sm" aria-label={m.rotateRight(index)} disabled={props.disabled} onClick={() => props.onRotate(1)}>
          ⟳
        </ActionIcon>
        <ActionIcon variant="subtle" size="sm" aria-label={m.crop(index)} disabled={props.disabled} onClick={props.onCrop}>
          ⛶
        </ActionIcon>
        <ActionIcon variant="subtle" size="sm" color="red" aria-label={m.remove(index)} disabled={props.disabled} onClick={props.onDelete}>
          ✕
        </ActionIcon>
        <ActionIcon variant="subtle" size="sm" aria-label={m.moveLater(index)} disabled={props.disabled || props.last} onClick={() => props.onMove(1)}>
          →
        </ActionIcon>
      </Group>
    </Stack>
  );
}

/** The page drawn upright (its turns applied) on a canvas, which the crop is taken from. */
async function uprightCanvas(page: CapturedPage): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(new Blob([page.jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
  const size = uprightSize(page);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (g !== null) {
    g.translate(size.width / 2, size.height / 2);
    g.rotate((page.turns * Math.PI) / 2);
    g.drawImage(bitmap, -page.width / 2, -page.height / 2);
  }
  bitmap.close();
  return canvas;
}

type Point = { x: number; y: number };

/** Crop to the document: drag a rectangle on the upright page; the page becomes that rectangle. */
function CropView(props: { page: CapturedPage; index: number; onCancel: () => void; onApply: (image: Pick<CapturedPage, 'jpeg' | 'width' | 'height'>) => void }) {
  const [source, setSource] = useState<{ canvas: HTMLCanvasElement; url: string } | null>(null);
  const [drag, setDrag] = useState<{ from: Point; to: Point } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dragging = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void uprightCanvas(props.page).then((canvas) => {
      if (!cancelled) setSource({ canvas, url: canvas.toDataURL('image/jpeg', 0.8) });
    });
    return () => {
      cancelled = true;
    };
  }, [props.page]);

  const size = source === null ? null : { width: source.canvas.width, height: source.canvas.height };
  /** The pointer in the image's own pixels (the picture is shown scaled to the dialog). */
  const pointOf = (event: ReactPointerEvent<HTMLDivElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    const width = size?.width ?? box.width;
    const height = size?.height ?? box.height;
    return { x: ((event.clientX - box.left) / box.width) * width, y: ((event.clientY - box.top) / box.height) * height };
  };
  const rect: CropRect | null = drag !== null && size !== null ? normalizeCrop(drag.from, drag.to, size) : null;

  const apply = async () => {
    if (source === null || rect === null) return setProblem(m.cropTooSmall);
    const canvas = document.createElement('canvas');
    canvas.width = rect.width;
    canvas.height = rect.height;
    canvas.getContext('2d')?.drawImage(source.canvas, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
    const jpeg = await canvasJpeg(canvas);
    if (jpeg === null) return setProblem(m.cropTooSmall);
    props.onApply({ jpeg, width: rect.width, height: rect.height });
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {m.cropTitle(props.index)}
      </Text>
      <Center>
        {source === null || size === null ? (
          <Loader size="sm" />
        ) : (
          <div
            className={classes.cropStage}
            style={{ aspectRatio: `${size.width} / ${size.height}` }}
            role="application"
            aria-label={m.cropArea}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              dragging.current = true;
              const point = pointOf(event);
              setDrag({ from: point, to: point });
              setProblem(null);
            }}
            onPointerMove={(event) => {
              if (!dragging.current) return;
              const point = pointOf(event);
              setDrag((current) => (current === null ? null : { ...current, to: point }));
            }}
            onPointerUp={() => {
              dragging.current = false;
            }}
          >
            <img src={source.url} alt={m.pageImage(props.index)} className={classes.cropImage} draggable={false} />
            {rect !== null ? (
              <div
                className={classes.cropRect}
                style={{
                  left: `${(rect.x / size.width) * 100}%`,
                  top: `${(rect.y / size.height) * 100}%`,
                  width: `${(rect.width / size.width) * 100}%`,
                  height: `${(rect.height / size.height) * 100}%`,
                }}
              />
            ) : null}
          </div>
        )}
      </Center>
      <ProblemAlert problem={problem} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={props.onCancel}>
          {m.cancelCrop}
        </Button>
        <Button size="xs" onClick={() => void apply()} disabled={rect === null}>
          {m.applyCrop}
        </Button>
      </Group>
    </Stack>
  );
}
