import { z } from 'zod';
import { isoDateTimeSchema } from './chineseDate';
import { clerkIdSchema } from './clerks/clerkId';
import { deskIdSchema } from './desk';

/** Client-made ids of events (UUIDv7 at the desk); cases use `caseIdSchema`. */
export const eventIdSchema = z.uuid();

/**
 * What a kept append-only event carries besides its own fields: its id, the desk and clerk that made it,
 * and when (the time of the op that sent it).
 */
export const eventRecordMeta = { id: eventIdSchema, deskId: deskIdSchema, clerkId: clerkIdSchema, at: isoDateTimeSchema };
