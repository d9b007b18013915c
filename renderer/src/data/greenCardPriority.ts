import { greenCardsFirst } from '../domain/cases/greenCardPriority';
import { greenCardIn } from './catalogueStore';
import type { GreenCard, GreenCardList, GreenCardPriority } from './greenCards';
import type { CaseRow } from './records';

/** A card HQ published without a level is taken as the lowest (see `greenCardItemSchema`). */
const DEFAULT_PRIORITY: GreenCardPriority = 3;

type CaseEnterprise = Pick<CaseRow, 'enterprise'>;

/**
 * The card of the case's enterprise in `cards` on `today`, if the case was taken in as a green-card case.
 * The case's own mark (set at intake) decides whether it is one; the list only supplies the 专员 and level,
 * so a case keeps its priority while the list in force is still loading.
 */
export function caseGreenCard(row: CaseEnterprise, cards: GreenCardList | null, today: string): GreenCard | null {
  if (!row.enterprise.greenCard || row.enterprise.uscc === null || cards === null) return null;
  return greenCardIn(cards, row.enterprise.uscc, today);
}

/** The case's level: its card's, the lowest when the list does not (or not yet) hold it, null for no card. */
export function casePriority(row: CaseEnterprise, cards: GreenCardList | null, today: string): GreenCardPriority | null {
  if (!row.enterprise.greenCard) return null;
  return caseGreenCard(row, cards, today)?.priority ?? DEFAULT_PRIORITY;
}

/** The 专员 who looks after the case's enterprise, as the green-card list names them. */
export function caseLiaison(row: CaseEnterprise, cards: GreenCardList | null, today: string): { name: string; phone: string } | null {
  const card = caseGreenCard(row, cards, today);
  return card === null ? null : { name: card.liaisonName, phone: card.liaisonPhone };
}

/** `entries` with green-card cases first (level 1, 2, 3), each group in the order given. */
export function greenCardCasesFirst<T>(entries: readonly T[], rowOf: (entry: T) => CaseEnterprise, cards: GreenCardList | null, today: string): T[] {
  return greenCardsFirst(entries, (entry) => casePriority(rowOf(entry), cards, today));
}
