import type { CaseCommandInput, CaseCommandType } from '../../../domain/cases/caseCommands';
import type { CaseEvent } from '../../../domain/cases/caseEvents';

/** What the counter sees after asking for a decision: the events written, or the refusal in Chinese. */
export type DecisionOutcome = { ok: true; events: readonly CaseEvent[] } | { ok: false; message: string };

export type RunCommand = (input: CaseCommandInput) => Promise<DecisionOutcome>;

/** The commands given at the counter, in the order the buttons are offered (撤回 has its own panel). */
export const counterCommands: readonly CaseCommandType[] = [
  'accept',
  'acceptWithDeferral',
  'issueCorrectionNotice',
  'refuse',
  'applicantReturns',
];
