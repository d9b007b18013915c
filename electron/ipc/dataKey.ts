import { z } from 'zod';
import { dataKeyLength, dataKeyProblems, keyProtections } from '../../renderer/src/domain/dataKey';

/** The answer to `dataKey`: the raw key, once per page load, or why there is none. */
export const dataKeyAnswerSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    key: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength === dataKeyLength, { error: '数据密钥长度不正确' }),
    protection: z.enum(keyProtections),
  }),
  z.object({ state: z.literal('unavailable'), problem: z.enum(dataKeyProblems) }),
]);
export type DataKeyAnswer = z.infer<typeof dataKeyAnswerSchema>;
