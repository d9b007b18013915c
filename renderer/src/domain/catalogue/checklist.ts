import { z } from 'zod';
import type { ChecklistItemStatus } from '../cases/decisionChecklist';
import type { IntakeAnswers } from './answers';
import { conditionLeaves, evaluateCondition } from './condition';
import type {
  BundleCode,
  Catalogue,
  CatalogueVersion,
  Material,
  MaterialForm,
  MaterialId,
  Matter,
  MatterCode,
  QuestionId,
} from './schema';
import { resolveSelection, type CatalogueSelection } from './selection';

/**
 * Stable across rebuilds of the same case (answers change live at intake), so statuses recorded against
 * a key survive: `shared:<sharedKey>` for a shared material, `<matterCode>/<materialId>` otherwise.
 */
export const checklistItemKeySchema = z.string().min(1).max(120).brand<'ChecklistItemKey'>();
export type ChecklistItemKey = z.infer<typeof checklistItemKeySchema>;

/** One matter an item serves, so a bundle's shared material can be split back per department. */
export interface ChecklistItemSource {
  readonly matterCode: MatterCode;
  readonly matterName: string;
  readonly department: string;
  readonly materialId: MaterialId;
  readonly required: boolean;
  readonly copies: number;
}

export interface ChecklistItem {
  readonly key: ChecklistItemKey;
  readonly name: string;
  readonly form: MaterialForm;
  /** The most any served matter asks for: the item is collected once and shared. */
  readonly copies: number;
  /** Required by at least one served matter. */
  readonly required: boolean;
  /** 容缺 allowed by every matter that requires it. */
  readonly deferrable: boolean;
  /** 容缺 period in working days from acceptance: the shortest a deciding matter sets; absent for the default. */
  readonly deferralDays?: number;
  /** 告知承诺 allowed by every matter that requires it. */
  readonly commitmentAllowed: boolean;
  /** The shortest 核查 period (working days) a served matter sets for a commitment; null: the default period. */
  readonly commitmentCheckDays: number | null;
  /** 免提交 only when every matter that requires it obtains the data itself; then where from. */
  readonly exempt: { readonly dataSources: readonly string[] } | null;
  readonly legalBasis: readonly string[];
  readonly guidance: readonly string[];
  readonly sources: readonly ChecklistItemSource[];
}

export interface Checklist {
  /** Recorded on the case and printed on notices. */
  readonly catalogueVersion: CatalogueVersion;
  readonly bundleCode: BundleCode | null;
  readonly matterCodes: readonly MatterCode[];
  readonly items: readonly ChecklistItem[];
  /**
   * Unanswered questions some material's condition still depends on: answering them may add items. The
   * clerk should not decide the case while this is non-empty.
   */
  readonly pendingQuestionIds: readonly QuestionId[];
}

export type ChecklistResult = { ok: true; checklist: Checklist } | { ok: false; message: string };

/**
 * The materials the selected matters need for these answers: one item per material whose condition holds
 * (see `condition.ts` for unanswered questions). Materials with the same shared key are collected once,
 * whether the matters came as a bundle or were picked together, and the item lists every matter it
 * serves. Items keep the order of the matters, then of their materials; a shared item sits where it
 * first appears.
 */
export function buildChecklist(
  catalogue: Catalogue,
  selection: CatalogueSelection,
  answers: IntakeAnswers,
): ChecklistResult {
  const resolved = resolveSelection(catalogue, selection);
  if (!resolved.ok) return resolved;

  const collected = new Map<ChecklistItemKey, Array<{ matter: Matter; material: Material }>>();
  const pending = new Set<QuestionId>();
  for (const matter of resolved.matters) {
    for (const material of matter.materials) {
      if (material.condition !== undefined) {
        const outcome = evaluateCondition(material.condition, answers);
        if (outcome === 'undecided') {
          for (const leaf of conditionLeaves(material.condition)) {
            if (evaluateCondition(leaf, answers) === 'undecided') pending.add(leaf.answer);
          }
        }
        if (outcome !== 'holds') continue;
      }
      const key = itemKey(matter, material);
      const sources = collected.get(key);
      if (sources === undefined) collected.set(key, [{ matter, material }]);
      else sources.push({ matter, material });
    }
  }

  return {
    ok: true,
    checklist: {
      catalogueVersion: catalogue.version,
      bundleCode: resolved.bundle?.code ?? null,
      matterCodes: resolved.matters.map((matter) => matter.code),
      items: [...collected].map(([key, sources]) => mergeSources(key, sources)),
      pendingQuestionIds: [...pending],
    },
  };
}

function itemKey(matter: Matter, material: Material): ChecklistItemKey {
  return (
    material.sharedKey === undefined ? `${matter.code}/${material.id}` : `shared:${material.sharedKey}`
  ) as ChecklistItemKey;
}

/**
 * The name of the material an item key stands for in this catalogue, whatever the answers; null when the
 * catalogue has no such material (a key from another catalogue version). For items a case no longer needs.
 */
export function materialNameForKey(catalogue: Catalogue, key: ChecklistItemKey): string | null {
  for (const matter of catalogue.matters) {
    for (const material of matter.materials) {
      if (itemKey(matter, material) === key) return material.name;
    }
  }
  return null;
}

/** The catalogue guarantees one name and form per shared key, so the first source's stand for all. */
function mergeSources(
  key: ChecklistItemKey,
  sources: ReadonlyArray<{ matter: Matter; material: Material }>,
): ChecklistItem {
  const materials = sources.map((source) => source.material);
  const first = materials[0]!;
  const required = materials.some((material) => material.required);
  // The matters that require the item decide how it may be handled; optional uses follow along.
  const deciding = required ? materials.filter((material) => material.required) : materials;
  const exemptEverywhere = deciding.every((material) => material.exemptWhenShared !== undefined);
  return {
    key,
    name: first.name,
    form: first.form,
    copies: Math.max(...materials.map((material) => material.copies)),
    required,
    deferrable: required && deciding.every((material) => material.deferrable),
    commitmentAllowed: required && deciding.every((material) => material.commitmentAllowed),
    ...shortestDeferral(deciding),
    commitmentCheckDays: shortest(deciding.flatMap((material) => material.commitmentCheckDays ?? [])),
    exempt: exemptEverywhere
      ? { dataSources: unique(deciding.map((material) => material.exemptWhenShared?.dataSource ?? '')) }
      : null,
    legalBasis: unique(materials.flatMap((material) => material.legalBasis)),
    guidance: unique(materials.map((material) => material.guidance ?? '')),
    sources: sources.map(({ matter, material }) => ({
      matterCode: matter.code,
      matterName: matter.name,
      department: matter.department,
      materialId: material.id,
      required: material.required,
      copies: material.copies,
    })),
  };
}

function shortestDeferral(materials: readonly Material[]): { deferralDays?: number } {
  const days = shortest(materials.flatMap((material) => material.deferralDays ?? []));
  return days === null ? {} : { deferralDays: days };
}

function shortest(days: readonly number[]): number | null {
  return days.length === 0 ? null : Math.min(...days);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** A new item starts exempt when the data is shared, else missing. */
export function initialItemStatus(item: ChecklistItem): ChecklistItemStatus {
  return item.exempt === null ? 'missing' : 'exempt';
}

export interface ChecklistProgress {
  readonly requiredReceived: number;
  readonly requiredTotal: number;
}

/**
 * Counts for "x / y 必交材料已收". Only required items count. An item marked exempt or not applicable
 * leaves both numbers, because nothing is left to collect for it; a deferred item stays in the total
 * but is not received, so a 容缺 acceptance shows what is still owed. An item without a recorded
 * status counts with its initial status.
 */
export function checklistProgress(
  items: readonly ChecklistItem[],
  statuses: ReadonlyMap<ChecklistItemKey, ChecklistItemStatus>,
): ChecklistProgress {
  let requiredReceived = 0;
  let requiredTotal = 0;
  for (const item of items) {
    if (!item.required) continue;
    const status = statuses.get(item.key) ?? initialItemStatus(item);
    if (status === 'exempt' || status === 'notApplicable') continue;
    requiredTotal += 1;
    if (status === 'received') requiredReceived += 1;
  }
  return { requiredReceived, requiredTotal };
}
