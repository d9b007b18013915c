import { activeCalendar, activeCatalogue } from '../../data/catalogueStore';
import { listClerks } from '../../data/clerks';
import type { DeskDatabase } from '../../data/db';
import { requireDeskIdentity } from '../../data/desk';
import { readFigures, type FiguresAnswer } from '../../data/figures/figuresQuery';
import { readLedgerItemFacts } from '../../data/figures/ledgerFacts';
import { readIssuingAgency } from '../../data/issuingAgency';
import type { SignedInClerk } from '../../domain/clerks/account';
import type { FigureScope } from '../../domain/figures/figures';
import { ledgerFiguresOf, type LedgerFigures } from '../../domain/figures/ledgerFigures';
import type { FigureRange } from '../../domain/figures/ranges';

/** The scope as the screen's select holds it: `hall`, `desk:<code>` or `clerk:<id>`. */
export type ScopeValue = string;

export function scopeOf(value: ScopeValue): FigureScope {
  if (value.startsWith('desk:')) return { kind: 'desk', deskCode: value.slice(5) };
  if (value.startsWith('clerk:')) return { kind: 'clerk', clerkId: value.slice(6) };
  return { kind: 'hall' };
}

/**
 * The scope a signed-in person may see: the chief and the admin any; a clerk only their own window's cases
 * (whatever was asked), so a clerk's figures never show another window's or the hall's.
 */
export function allowedScope(clerk: SignedInClerk, ownDesk: string, asked: ScopeValue): ScopeValue {
  if (clerk.role !== 'clerk') return asked;
  return `desk:${ownDesk}`;
}

export interface FiguresView extends FiguresAnswer {
  hallName: string;
  ownDesk: string;
  scope: ScopeValue;
  matterNames: ReadonlyMap<string, string>;
  clerkNames: ReadonlyMap<string, string>;
  /** The 督办台账's figures: hall-wide, as the ledger is. */
  ledger: LedgerFigures;
}

export async function loadFigures(db: DeskDatabase, clerk: SignedInClerk, range: FigureRange, asked: ScopeValue, today: string): Promise<FiguresView> {
  const [identity, agency, calendar, catalogue, clerks, ledgerItems] = await Promise.all([
    requireDeskIdentity(db),
    readIssuingAgency(db),
    activeCalendar(db),
    activeCatalogue(db),
    listClerks(db),
    readLedgerItemFacts(db),
  ]);
  const scope = allowedScope(clerk, identity.deskCode, asked);
  const answer = await readFigures(db, { range, scope: scopeOf(scope), today, calendar: calendar.data });
  return {
    ...answer,
    hallName: agency?.hallName ?? identity.hallCode,
    ownDesk: identity.deskCode,
    scope,
    matterNames: new Map(catalogue.data.matters.map((matter) => [matter.code as string, matter.name])),
    clerkNames: new Map(clerks.map((account) => [account.id as string, account.displayName])),
    ledger: ledgerFiguresOf(ledgerItems, range, today),
  };
}
