import { Text } from '@mantine/core';
import type { LedgerStatus } from '../../domain/ledger/ledgerItem';
import { remainingOf } from './ledgerView';

const toneColour = { left: undefined, today: undefined, overdue: 'red.9', none: 'dimmed' } as const;

/** 剩余/超期 in working days; overdue in red (and bold, so it does not rest on colour alone). */
export function RemainingText(props: { status: LedgerStatus; workingDaysLeft: number | null }) {
  const remaining = remainingOf(props.status, props.workingDaysLeft);
  return (
    <Text size="sm" c={toneColour[remaining.tone]} fw={remaining.tone === 'overdue' || remaining.tone === 'today' ? 700 : undefined} data-tone={remaining.tone}>
      {remaining.text}
    </Text>
  );
}
