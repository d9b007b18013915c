import { Alert, Box, Loader, Stack, Text } from '@mantine/core';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { drawPage, openPdf, pageSizeMm } from './pdfRendering';
import { printingMessages as m } from './messages';

export interface PageSize {
  widthMm: number;
  heightMm: number;
}

export interface PrintPreviewProps {
  /** Exactly the bytes that will print (or were printed): the preview draws these, nothing else. */
  pdf: Uint8Array;
  /** Names the preview for assistive technology and tests, e.g. "收件凭证打印预览". */
  label: string;
  /** Width of each page on screen, in CSS pixels. */
  widthPx: number;
  /**
   * Drawn under each page, filling it (e.g. the blank pre-printed licence form); the page is then drawn
   * transparent on top, so what the printer adds is seen where it lands on the paper.
   */
  underlay?: (size: PageSize) => ReactNode;
}

type Opened = { state: 'loading' } | { state: 'ready'; pdf: PDFDocumentProxy; sizes: PageSize[] } | { state: 'failed'; message: string };

/** Renders PDF bytes with pdf.js, every page, so the clerk sees the very file the printer will get. */
export function PrintPreview(props: PrintPreviewProps) {
  const { pdf: bytes } = props;
  const [opened, setOpened] = useState<{ bytes: Uint8Array; result: Opened } | null>(null);

  useEffect(() => {
    let current = true;
    let document: PDFDocumentProxy | null = null;
    openPdf(bytes)
      .then(async (pdf) => {
        document = pdf;
        const sizes = await Promise.all(Array.from({ length: pdf.numPages }, (_, index) => pageSizeMm(pdf, index + 1)));
        if (current) setOpened({ bytes, result: { state: 'ready', pdf, sizes } });
      })
      .catch((error: unknown) => current && setOpened({ bytes, result: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    return () => {
      current = false;
      void document?.destroy();
    };
  }, [bytes]);

  const result: Opened = opened !== null && opened.bytes === bytes ? opened.result : { state: 'loading' };
  return (
    <Stack gap="xs" role="region" aria-label={props.label} data-testid="print-preview">
      {result.state === 'loading' ? <Loader size="sm" aria-label={m.drawing} /> : null}
      {result.state === 'failed' ? (
        <Alert color="red" role="alert">
          {m.previewFailed(result.message)}
        </Alert>
      ) : null}
      {result.state === 'ready'
        ? result.sizes.map((size, index) => (
            <PreviewPage
              key={index}
              pdf={result.pdf}
              pageNumber={index + 1}
              pageCount={result.sizes.length}
              size={size}
              widthPx={props.widthPx}
              underlay={props.underlay}
            />
          ))
        : null}
    </Stack>
  );
}

function PreviewPage(props: { pdf: PDFDocumentProxy; pageNumber: number; pageCount: number; size: PageSize; widthPx: number; underlay?: PrintPreviewProps['underlay'] }) {
  const { pdf, pageNumber, widthPx, underlay, size } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const transparent = underlay !== undefined;
  useEffect(() => {
    if (canvas.current === null) return;
    let current = true;
    drawPage(pdf, pageNumber, canvas.current, widthPx, transparent).then(
      () => current && setDrawn(true),
      (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [pdf, pageNumber, widthPx, transparent]);
  const heightPx = Math.round((widthPx * size.heightMm) / size.widthMm);
  return (
    <Box>
      <Box
        pos="relative"
        w={widthPx}
        h={heightPx}
        bg="white"
        style={{ boxShadow: '0 1px 4px rgba(0,0,0,0.25)', border: '1px solid var(--mantine-color-gray-4)' }}
      >
        {underlay !== undefined ? <Box style={{ position: 'absolute', inset: 0 }}>{underlay(size)}</Box> : null}
        <canvas
          ref={canvas}
          role="img"
          aria-label={m.previewPage(pageNumber, props.pageCount)}
          data-drawn={drawn ? 'true' : 'false'}
          style={{ position: 'absolute', inset: 0 }}
        />
      </Box>
      {failure !== null ? (
        <Text c="red" size="sm" role="alert">
          {m.previewFailed(failure)}
        </Text>
      ) : null}
    </Box>
  );
}
