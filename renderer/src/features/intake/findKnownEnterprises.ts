import { deskDatabase } from '../../data/db';
import { findEnterprises } from '../../data/search/enterprises';
import { hallToday } from '../common/hallClock';
import type { KnownEnterprise } from './EnterpriseSection';

/** The enterprises the hall knows that match a name fragment or USCC, as intake shows them. */
export async function findKnownEnterprises(query: string): Promise<KnownEnterprise[]> {
  const hits = await findEnterprises(deskDatabase(), query, 8, hallToday());
  return hits.map(({ enterprise, greenCard }) => ({
    id: enterprise.id,
    name: enterprise.name,
    uscc: enterprise.uscc,
    address: enterprise.address,
    greenCard: greenCard === null ? null : { liaisonName: greenCard.liaisonName, liaisonPhone: greenCard.liaisonPhone, priority: greenCard.priority },
  }));
}
