import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ChiefCredentials } from '../../data/chiefApproval';
import { deskDatabase } from '../../data/db';
import { approveOfflineIssuance, offlineApprovalOf } from '../../data/issuanceApproval';
import type { CaseRow } from '../../data/records';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { claimIssuance, ipcClaimTransport, mayPrint, releaseIssuance, renewDelayMs, renewedGate, type IssuanceGate } from '../../sync/issuanceClaim';
import { useClerk } from '../clerks/ClerkContext';
import { ChiefApprovalFields, noCredentials } from '../printing/ChiefApprovalFields';
import { useSyncControls } from '../sync/SyncEngineProvider';
import { issuanceMessages } from './messages';

const m = issuanceMessages.claim;

/**
 * Holds the case's issuance claim while the licences are printed, on a desk enrolled with HQ: taken when
 * the case opens, renewed halfway to its expiry while the clerk works, given back when the clerk leaves
 * before printing anything. The claim follows the case id only: the case's row changes with every print.
 */
function useIssuanceClaim(row: CaseRow, enrolled: boolean, printedHere: boolean) {
  const clerk = useClerk();
  const [gate, setGate] = useState<IssuanceGate | null>(enrolled ? null : { kind: 'noHq' });
  const [attempt, setAttempt] = useState(0);
  const printed = useRef(printedHere);
  const clerkRef = useRef(clerk);
  useEffect(() => {
    printed.current = printedHere;
    clerkRef.current = clerk;
  });
  const caseId = row.id;

  useEffect(() => {
    if (!enrolled) {
      setGate({ kind: 'noHq' });
      return;
    }
    const transport = ipcClaimTransport();
    let live = true;
    let held: IssuanceGate | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const take = async () => {
      const answer = await claimIssuance(transport, caseId, clerkRef.current);
      if (!live) {
        // Left while HQ answered: a claim granted meanwhile is given back at once.
        if (answer.kind === 'granted' && !printed.current) void releaseIssuance(transport, caseId);
        return;
      }
      held = held === null ? answer : renewedGate(held, answer, new Date());
      setGate(held);
      if (held.kind === 'granted') timer = setTimeout(() => void take(), renewDelayMs(held.expiresAt, new Date()));
    };
    setGate(null);
    void take();
    return () => {
      live = false;
      clearTimeout(timer);
      if (held?.kind === 'granted' && !printed.current) void releaseIssuance(transport, caseId);
    };
  }, [caseId, enrolled, clerk.id, attempt]);

  return { gate, retry: () => setAttempt((n) => n + 1) };
}

/**
 * Lets the licence printers below through when this window may issue the case: always on a desk that
 * works without HQ; on an enrolled desk once HQ grants the claim, or — HQ unreachable — once the chief,
 * warned that another window may have issued, approves on the spot. Another window's claim blocks
 * printing and says who holds it and what to do.
 */
export function IssuanceClaimGate(props: { row: CaseRow; printedHere: boolean; children: ReactNode }) {
  const { row } = props;
  const { config } = useSyncControls();
  const enrolment = config?.enrolment ?? null;
  const { gate, retry } = useIssuanceClaim(row, enrolment !== null, props.printedHere);
  const approval = enrolment === null ? undefined : offlineApprovalOf(row, enrolment.deskCode);

  if (config === null || gate === null) {
    return (
      <Group gap="xs" role="status" aria-label={m.checking}>
        <Loader size="xs" />
        <Text size="sm">{m.checking}</Text>
      </Group>
    );
  }
  const open = mayPrint(gate, approval !== undefined);
  return (
    <Stack gap="md">
      {gate.kind === 'granted' ? (
        <Text size="sm" c="teal" data-testid="issuance-claim">
          {m.granted(formatChineseDateTime(gate.expiresAt))}
        </Text>
      ) : null}
      {gate.kind === 'claimed' ? (
        <Blocked title={m.claimedTitle} lines={[m.claimed(gate.deskCode, gate.clerkName, formatChineseDateTime(gate.at)), m.claimedAdvice(gate.deskCode)]} onRetry={retry} />
      ) : null}
      {gate.kind === 'refused' ? <Blocked title={m.refusedTitle} lines={[m.refused(gate.reason)]} onRetry={retry} /> : null}
      {gate.kind === 'unreachable' && approval !== undefined ? (
        <Alert color="orange" variant="light" role="note" title={m.unreachableTitle}>
          {m.approvedOffline(approval.approvedBy, formatChineseDateTime(approval.at))}
        </Alert>
      ) : null}
      {gate.kind === 'unreachable' && approval === undefined ? <OfflineApproval row={row} reason={gate.reason} onRetry={retry} /> : null}
      {open ? props.children : null}
    </Stack>
  );
}

/** Printing blocked: why, what to do, and asking HQ again. */
function Blocked(props: { title: string; lines: readonly string[]; onRetry: () => void }) {
  return (
    <Alert color="red" role="alert" title={props.title}>
      <Stack gap="xs">
        {props.lines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
        <Group>
          <Button size="compact-sm" variant="default" onClick={props.onRetry}>
            {m.retry}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The warning and the chief's login and password: the only way to issue while HQ cannot be reached. */
function OfflineApproval(props: { row: CaseRow; reason: string; onRetry: () => void }) {
  const clerk = useClerk();
  const [credentials, setCredentials] = useState<ChiefCredentials>(noCredentials);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Once recorded, the approval is on the case's timeline (followed as stored) and this form gives way.
      const result = await approveOfflineIssuance(deskDatabase(), props.row.id, credentials, { clerk });
      if (!result.ok) {
        setProblem(result.message);
        setCredentials((current) => ({ ...current, password: '' }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert color="orange" role="alert" title={m.unreachableTitle}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={m.approve}>
        <Stack gap="sm">
          <Text size="sm">{m.unreachable(props.reason)}</Text>
          <Text size="sm" fw={600}>
            {m.warning}
          </Text>
          <ChiefApprovalFields value={credentials} onChange={setCredentials} disabled={busy} error={problem} />
          <Group gap="sm">
            <Button type="submit" color="orange" loading={busy}>
              {m.approve}
            </Button>
            <Button variant="default" onClick={props.onRetry} disabled={busy}>
              {m.retry}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
