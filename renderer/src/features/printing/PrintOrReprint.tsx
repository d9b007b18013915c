import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import type { DocumentRow } from '../../data/records';
import { PrintDialog } from './PrintDialog';
import type { DocumentSource } from './usePrintDocument';

export interface PrintOrReprintProps {
  /** What the dialog prints: a new document drawn now, or the archived one. */
  source: DocumentSource;
  /** The archived document, once printed: the button reads 重印 and its 文号 shows beside it. */
  printed: DocumentRow | undefined;
  /** False while the archive is read: the button waits for it. */
  ready: boolean;
  labels: { print: string; reprint: string };
  /** Names the document in the button's accessible name where several such buttons stand together. */
  documentLabel?: string;
  size: ButtonProps['size'];
}

/** The 打印 / 重印 button of one document, its 文号 once archived, and the print dialog it opens. */
export function PrintOrReprint(props: PrintOrReprintProps) {
  const { source, printed, labels, documentLabel } = props;
  // The source is fixed when the dialog opens: archiving it mid-dialog must not turn the dialog into a reprint.
  const [opened, setOpened] = useState<DocumentSource | null>(null);
  const verb = printed === undefined ? labels.print : labels.reprint;
  return (
    <Group gap="xs">
      <Button
        size={props.size}
        variant={printed === undefined ? 'filled' : 'default'}
        aria-label={documentLabel === undefined ? undefined : `${verb}${documentLabel}`}
        onClick={() => setOpened(source)}
        disabled={!props.ready}
      >
        {verb}
      </Button>
      {printed !== undefined ? (
        <Text size="xs" c="dimmed" ff="monospace">
          {printed.documentNumber}
        </Text>
      ) : null}
      {opened !== null ? <PrintDialog opened onClose={() => setOpened(null)} source={opened} /> : null}
    </Group>
  );
}
