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

/** The id HQ gives a desk when it enrols; it marks the desk's ops and the records they made. */
export const deskIdSchema = z.uuid().brand<'DeskId'>();
export type DeskId = z.infer<typeof deskIdSchema>;
