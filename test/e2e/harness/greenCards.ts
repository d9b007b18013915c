import type { Page } from '@playwright/test';
import { putRecord } from './deskDb';

export interface TestGreenCard {
  uscc: string;
  enterpriseName: string;
  liaisonName: string;
  liaisonPhone: string;
  priority: 1 | 2 | 3;
}

/**
 * HQ's green-card list as the sync engine stores it once received (the reference-data row in use). Written
 * before anything reads the list, so the desk loads it like any HQ version.
 */
export async function installGreenCards(page: Page, cards: readonly TestGreenCard[]): Promise<void> {
  await putRecord(page, 'referenceData', {
    kind: 'greencards',
    slot: 'active',
    version: '2026.9',
    hqVersion: 1,
    source: 'hq',
    data: { version: '2026.9', cards: cards.map((card) => ({ ...card, validUntil: null })) },
    storedAt: '2026-09-30T08:00:00.000+08:00',
  });
}
