import { Alert, Button, Group, Kbd, Loader, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { CaseId } from '../../domain/cases/caseId';
import { isSuperseded } from '../../domain/cases/standingDecision';
import type { CounterReference } from '../common/reference';
import { IntakeCorrection } from '../intake/IntakeCorrection';
import { CommitmentsPanel } from '../commitments/CommitmentsPanel';
import { CompletedBanner } from '../issuance/CompletedBanner';
import { CaseSupervision } from '../ledger/CaseSupervision';
import { IssuanceConflictMark } from '../issuance/IssuanceConflictMark';
import { CaseDocumentsPanel } from '../printing/CaseDocumentsPanel';
import { CaseConflictMark } from './CaseConflictMark';
import { CaseRejectionMark } from './CaseRejectionMark';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { CaseWork } from './CaseWork';
import { casesMessages } from './messages';
import { useCaseFile } from './useCaseFile';

const m = casesMessages.detail;

/** A panel of the case a list opens it at: `commitments`, its 告知承诺 with the 核查 to record. */
export type CaseDetailFocus = 'commitments';

/**
 * A case in full: who and what, the checklist, the decision panel while the case is still at the counter
 * (a 待补正 case continues here when the applicant comes back), and the whole timeline. Esc goes back.
 */
export function CaseDetail(props: { caseId: CaseId; focus?: CaseDetailFocus | null; reference: CounterReference; onBack: () => void }) {
  const file = useCaseFile(props.caseId);
  // Escape belongs to an open dialog first; only a bare page takes it as "back to the list".
  useHotkeys([['Escape', () => document.querySelector('[role="dialog"]') === null && props.onBack()]]);

  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={props.onBack} leftSection={<Kbd size="xs">Esc</Kbd>}>
          {m.back}
        </Button>
      </Group>
      {file.state === 'loading' ? <Loader size="sm" /> : null}
      {file.state === 'failed' ? (
        <Alert color="red" role="alert">
          {file.message}
        </Alert>
      ) : null}
      {file.state === 'ready' ? (
        <>
          <CaseSummary
            row={file.value.row}
            catalogue={props.reference.catalogue}
            clerkName={file.value.clerkNames.get(file.value.row.clerkId) ?? m.unknownClerk}
            actions={<IntakeCorrection file={file.value} reference={props.reference} />}
          />
          <CaseSupervision row={file.value.row} />
          <IssuanceConflictMark row={file.value.row} />
          <CaseConflictMark row={file.value.row} clerkNames={file.value.clerkNames} catalogue={props.reference.catalogue} />
          <CaseRejectionMark row={file.value.row} />
          <CompletedBanner row={file.value.row} />
          <CaseWork file={file.value} reference={props.reference} />
          <CommitmentsPanel file={file.value} reference={props.reference} focused={props.focus === 'commitments'} />
          <CaseDocumentsPanel caseId={file.value.row.id} licencesHandedOver={file.value.row.statusCode === 'completed'} />
          <CaseTimeline
            entries={file.value.history}
            superseded={new Set(file.value.row.state.timeline.filter((event) => isSuperseded(event, file.value.row.state)).map((event) => event.seq))}
          />
        </>
      ) : null}
    </Stack>
  );
}
