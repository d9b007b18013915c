/**
 * The part of a checklist item a counter decision depends on. The checklist module owns the full item
 * (form, copies, pages, scans…); any item with these fields can be handed to the case state machine.
 */
export const checklistItemStatuses = ['received', 'missing', 'deferred', 'exempt', 'notApplicable', 'committed'] as const;
export type ChecklistItemStatus = (typeof checklistItemStatuses)[number];

export interface DecisionChecklistItem {
  /** Identifies the item within the case (a material id, or the shared key for a bundle). */
  materialKey: string;
  name: string;
  /** Required for this case after the intake answers were applied to the catalogue's conditions. */
  required: boolean;
  /** The catalogue allows 容缺: the case may be accepted while it is still to come. */
  deferrable: boolean;
  /** The catalogue's 容缺 period in working days, when it sets one (see `deferredMaterials.ts`). */
  deferralDays?: number;
  status: ChecklistItemStatus;
}

/** Required materials that are simply not there: they block acceptance and belong on a correction notice. */
export function missingRequired(checklist: readonly DecisionChecklistItem[]): DecisionChecklistItem[] {
  return checklist.filter((item) => item.required && item.status === 'missing');
}

/**
 * 告知承诺: the applicant signed a commitment instead of handing the material in. Unlike a deferred item
 * it owes nothing later, so it neither blocks acceptance nor issuance; the hall checks it afterwards.
 */
export function committedItems(checklist: readonly DecisionChecklistItem[]): DecisionChecklistItem[] {
  return checklist.filter((item) => item.status === 'committed');
}

/** Materials the applicant has undertaken to bring later. */
export function deferredItems(checklist: readonly DecisionChecklistItem[]): DecisionChecklistItem[] {
  return checklist.filter((item) => item.status === 'deferred');
}
