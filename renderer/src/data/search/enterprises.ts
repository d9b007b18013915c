import { businessDateOf } from '../../domain/chineseDate';
import type { Table } from 'dexie';
import { checkUscc } from '../../domain/identifiers';
import { activeGreenCards, greenCardIn } from '../catalogueStore';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { GreenCard } from '../greenCards';
import type { EnterpriseRow } from '../records';
import { bestMatch, keyCandidates, planForRow, streamRows, type FieldMatch } from './candidates';
import { planSearch } from './query';
import { probeKeyers } from './rekey';

export interface EnterpriseHit {
  enterprise: EnterpriseRow;
  /** Its 服务绿卡, so intake can show the priority channel and the liaison at once. */
  greenCard: GreenCard | null;
  match: FieldMatch<'name' | 'uscc'>;
}

/**
 * Enterprises the hall has seen, by a fragment of the name, its pinyin, or of the USCC (a whole valid USCC is looked
 * up directly), best match first, each with its green card if it holds one.
 */
export async function findEnterprises(db: DeskDatabase, query: string, limit = 20, today: string = businessDateOf(chinaIso())): Promise<EnterpriseHit[]> {
  const plan = planSearch(query);
  if (plan.name === null && plan.identifier === null) return [];
  const enterprises = db.enterprises as unknown as Table<EnterpriseRow, string>;
  const cards = (await activeGreenCards(db)).data;
  const uscc = checkUscc(query);
  const keyers = await probeKeyers(db);
  const rows = await guardStorage(() =>
    db.transaction('r', db.enterprises, async () => {
      if (uscc.ok) return enterprises.where('uscc').equals(uscc.value).toArray();
      // Enterprises have no case number to end with a sequence.
      const candidates = await keyCandidates(enterprises, { ...plan, caseSequence: null }, keyers);
      const newestFirst = (ids: Iterable<string>) => [...ids].sort().reverse();
      const ordered = [...new Set([...newestFirst(candidates.preferred), ...newestFirst(candidates.ids)])].slice(0, 200);
      const found = (await enterprises.bulkGet(ordered)).filter((row) => row !== undefined);
      for (const probe of candidates.streamProbes) found.push(...(await streamRows(enterprises, probe, limit * 4, keyers)));
      // A whole-name match may also be among the streamed rows.
      return [...new Map(found.map((row) => [row.id, row])).values()];
    }),
  );
  const hits: EnterpriseHit[] = [];
  for (const enterprise of rows) {
    const match = bestMatch(planForRow(plan, enterprise, keyers), [
      ['name', enterprise.name, 'name'],
      ['uscc', enterprise.uscc, 'identifier'],
    ]);
    if (match !== null) hits.push({ enterprise, greenCard: enterprise.uscc === null ? null : greenCardIn(cards, enterprise.uscc, today), match });
  }
  return hits.sort((a, b) => b.match.score - a.match.score || b.enterprise.id.localeCompare(a.enterprise.id)).slice(0, limit);
}
