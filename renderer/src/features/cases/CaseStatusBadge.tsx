import { Badge } from '@mantine/core';
import { caseStatusLabels, type CaseStatusCode } from '../../domain/cases/caseStatus';
import type { DueStatus } from '../../domain/cases/dueStatus';
import { casesMessages as m } from './messages';

const statusColors: Record<CaseStatusCode, string> = {
  drafting: 'gray',
  accepted: 'indigo',
  acceptedWithDeferral: 'yellow',
  awaitingCorrection: 'orange',
  refused: 'red',
  underReview: 'blue',
  approved: 'teal',
  denied: 'red',
  awaitingIssuance: 'grape',
  completed: 'green',
  withdrawn: 'gray',
};

export function CaseStatusBadge(props: { code: CaseStatusCode; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={statusColors[props.code]} variant={props.code === 'completed' ? 'filled' : 'light'} size={props.size ?? 'md'} style={{ textTransform: 'none' }}>
      {caseStatusLabels[props.code]}
    </Badge>
  );
}

/** Overdue and near-due cases stand out; a case whose clock is not running shows nothing. */
export function DueBadge(props: { due: DueStatus }) {
  if (props.due === 'none' || props.due === 'onTime') return null;
  return (
    <Badge color={props.due === 'overdue' ? 'red' : 'orange'} variant="filled" size="sm" style={{ textTransform: 'none' }}>
      {props.due === 'overdue' ? m.due.overdue : m.due.nearDue}
    </Badge>
  );
}
