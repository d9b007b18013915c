import type { IssuanceConflict } from './caseRecord';

/**
 * Whether HQ's 重复发证 flag names this window: its issuance came second, so it recovers and voids its
 * licences of the case (even after the handover), and its day does not reconcile until HQ has the voids.
 */
export function isOwnIssuanceConflict(conflict: IssuanceConflict | null | undefined, deskCode: string | null): conflict is IssuanceConflict {
  return conflict != null && deskCode !== null && conflict.deskCode === deskCode;
}
