import { z } from 'zod';
import { identifierMessages } from '../identifierMessages';
import { isValidResidentId, usccSchema } from '../identifiers';
import { plainTextSchema } from '../text';

/** The number of any ID document as stored (a 居民身份证 is checked further where its kind is known). */
export const idNumberSchema = z.string().regex(/^[0-9A-Za-z()（）-]{4,32}$/, { error: identifierMessages.idNumber });
export const phoneSchema = z.string().regex(/^\+?[0-9-]{5,20}$/, { error: identifierMessages.phone });

const idKinds = ['residentId', 'passport', 'travelPermit', 'other'] as const;

/** A person on a case (applicant or agent). */
export const personSchema = z
  .object({
    name: plainTextSchema(50),
    idKind: z.enum(idKinds),
    idNumber: idNumberSchema,
    phone: phoneSchema.nullable(),
  })
  .refine((person) => person.idKind !== 'residentId' || isValidResidentId(person.idNumber), {
    error: identifierMessages.residentId.invalid,
    path: ['idNumber'],
  });
export type Person = z.infer<typeof personSchema>;

/** The enterprise a case is for, as taken in. */
export const enterpriseSchema = z.object({
  name: plainTextSchema(200),
  /** An existing enterprise's code; a new one gets its code from HQ with the licence. */
  uscc: usccSchema.nullable(),
  address: plainTextSchema(300).nullable(),
  greenCard: z.boolean(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;
