import { z } from 'zod';
import { deskCodeSchema } from './cases/caseNumber';
import { isoDateTimeSchema } from './chineseDate';
import { clerkIdSchema } from './clerks/clerkId';
import { deskIdSchema } from './desk';
import { plainTextSchema } from './text';

/** Client-made ids of events (UUIDv7 at the desk); cases use `caseIdSchema`. */
export const eventIdSchema = z.uuid();

/**
 * What a kept append-only event carries besides its own fields: its id, the desk and clerk that made it
 * (by id, and by name when the desk sent it), and when (the time of the op that sent it).
 */
export const eventRecordMeta = {
  id: eventIdSchema,
  deskId: deskIdSchema,
  /** The window of that desk (its desk code), so the hall's other windows can say where it was done; absent from HQs that did not send it. */
  deskCode: deskCodeSchema.optional(),
  clerkId: clerkIdSchema,
  /** The clerk's name as their desk sent it; absent on events of desks that did not. */
  clerkName: plainTextSchema(50).optional(),
  at: isoDateTimeSchema,
};
