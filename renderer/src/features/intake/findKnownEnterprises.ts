import { getEnterprise } from '../../data/cases';
import { greenCardFor } from '../../data/catalogueStore';
import { deskDatabase } from '../../data/db';
import type { GreenCard } from '../../data/greenCards';
import type { EnterpriseId, EnterpriseRow } from '../../data/records';
import { findEnterprises } from '../../data/search/enterprises';
import { hallToday } from '../common/hallClock';
import type { KnownEnterprise } from './EnterpriseSection';

function known(enterprise: EnterpriseRow, greenCard: GreenCard | null): KnownEnterprise {
  return {
    id: enterprise.id,
    name: enterprise.name,
    uscc: enterprise.uscc,
    address: enterprise.address,
    greenCard: greenCard === null ? null : { liaisonName: greenCard.liaisonName, liaisonPhone: greenCard.liaisonPhone, priority: greenCard.priority },
  };
}

/** The enterprises the hall knows that match a name fragment or USCC, as intake shows them. */
export async function findKnownEnterprises(query: string): Promise<KnownEnterprise[]> {
  const hits = await findEnterprises(deskDatabase(), query, 8, hallToday());
  return hits.map(({ enterprise, greenCard }) => known(enterprise, greenCard));
}

/** One enterprise of the hall's register, as intake shows it (with its green card); null when unknown. */
export async function knownEnterprise(id: EnterpriseId): Promise<KnownEnterprise | null> {
  const db = deskDatabase();
  const enterprise = await getEnterprise(db, id);
  if (enterprise === undefined) return null;
  return known(enterprise, enterprise.uscc === null ? null : await greenCardFor(db, enterprise.uscc, hallToday()));
}
