import { z } from 'zod';
import { sha256Schema } from '../sha256';
import { plainTextSchema } from '../text';
import { casesMessages } from './messages';

/** The largest scan a case may carry: HQ refuses larger uploads; the counter's own limit is lower. */
export const maxScanBytes = 25 * 1024 * 1024;

/** A scan a case carries (on a checklist item, or the applicant's written request), addressed by its SHA-256. */
export const attachmentRefSchema = z.object({
  sha256: sha256Schema,
  fileName: plainTextSchema(200),
  mediaType: z.string().regex(/^(application\/pdf|image\/[a-z0-9.+-]{1,40})$/, { error: casesMessages.record.attachmentType }),
  size: z.int().min(1).max(maxScanBytes),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;
