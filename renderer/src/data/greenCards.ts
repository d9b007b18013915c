import { z } from 'zod';
import { greenCardItemSchema } from '../protocol/reference';

/**
 * 服务绿卡: key enterprises the hall serves through a priority channel, each with a named liaison (专员).
 * HQ publishes the list as reference data; the desk shows the card (and its priority) whenever the
 * enterprise comes to the counter.
 */

/** 1 is served first. */
export const greenCardPriorities = [1, 2, 3] as const;
export type GreenCardPriority = (typeof greenCardPriorities)[number];
export const greenCardPriorityLabels: Readonly<Record<GreenCardPriority, string>> = { 1: '一级（最优先）', 2: '二级', 3: '三级' };

export const greenCardSchema = greenCardItemSchema.extend({
  priority: z.literal(greenCardPriorities),
});
export type GreenCard = z.infer<typeof greenCardSchema>;

export const greenCardListSchema = z
  .object({
    version: z.string().trim().min(1).max(40),
    cards: z.array(greenCardSchema).max(20_000),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.cards.forEach((card, index) => {
      if (seen.has(card.uscc)) ctx.addIssue({ code: 'custom', path: ['cards', index, 'uscc'], message: `统一社会信用代码 ${card.uscc} 重复出现` });
      seen.add(card.uscc);
    });
  });
export type GreenCardList = z.infer<typeof greenCardListSchema>;

/** What a desk starts with before HQ has published any list. */
export const noGreenCards: GreenCardList = { version: '0', cards: [] };
