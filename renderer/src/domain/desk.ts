import { z } from 'zod';
import { deskCodeSchema, hallCodeSchema } from './cases/caseNumber';

/**
 * Which desk this is: the hall code (大厅代码, 2–6 capitals or digits) and the desk code (two digits).
 * Together they are unique in the city and lead every case number and document number this desk
 * issues, so an admin sets them once at first run (Settings) before the first case is taken in.
 */
export interface DeskIdentity {
  hallCode: string;
  deskCode: string;
}

export const deskIdentitySchema = z.object({ hallCode: hallCodeSchema, deskCode: deskCodeSchema });

export type DeskIdentityCheck =
  | { ok: true; identity: DeskIdentity }
  | { ok: false; message: string; field: keyof DeskIdentity };

/**
 * The codes checked, with the first problem and its field: screens check before they ask for the
 * confirmation the codes need, since they cannot be changed once saved.
 */
export function checkDeskIdentity(input: DeskIdentity): DeskIdentityCheck {
  const parsed = deskIdentitySchema.safeParse(input);
  if (parsed.success) return { ok: true, identity: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: issue.message, field: issue.path[0] as keyof DeskIdentity };
}

/** The id HQ gives a desk when it enrols; it marks the desk's ops and the records they made. */
export const deskIdSchema = z.uuid().brand<'DeskId'>();
export type DeskId = z.infer<typeof deskIdSchema>;
