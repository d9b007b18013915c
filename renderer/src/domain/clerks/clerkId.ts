import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { clerksMessages } from './messages';

/** A clerk account's id: a UUIDv7 made on the desk, so accounts and the records they stamp need no server. */
export const clerkIdSchema = z
  .uuid({ version: 'v7', error: clerksMessages.invalidClerkId })
  .transform((id) => id.toLowerCase())
  .brand<'ClerkId'>();
export type ClerkId = z.infer<typeof clerkIdSchema>;

export function newClerkId(): ClerkId {
  return clerkIdSchema.parse(uuidv7());
}
