import { z } from 'zod';
import { cleanText } from '../text';
import { casesMessages } from './messages';

/** Cleans the text (see `text.ts`), reporting a problem (control characters, too long…) under the field's name. */
function cleaned(raw: string, label: string, max: number, multiline: boolean, ctx: z.RefinementCtx): string | typeof z.NEVER {
  const result = cleanText(raw, { max, multiline });
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: casesMessages.field(label, result.error.message) });
  return z.NEVER;
}

/** Free text a command must carry (a reason, an undertaking), cleaned and refused when blank. */
export function requiredText(label: string, max: number, options: { multiline?: boolean } = {}) {
  return z.string({ error: casesMessages.fieldEmpty(label) }).transform((raw, ctx) => {
    const value = cleaned(raw, label, max, options.multiline ?? false, ctx);
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: casesMessages.fieldEmpty(label) });
      return z.NEVER;
    }
    return value;
  });
}

/** Free text a command may carry; blank or absent becomes null so stored records have one "nothing". */
export function optionalText(label: string, max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return null;
      const value = cleaned(raw, label, max, options.multiline ?? false, ctx);
      return value === '' ? null : value;
    });
}
