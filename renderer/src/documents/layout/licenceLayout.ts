import { z } from 'zod';
import licenceDuplicateJson from '../../../../resources/layouts/licence-duplicate.json';
import licenceOriginalJson from '../../../../resources/layouts/licence-original.json';

/** The text fields of a business licence, in the order they are printed. */
export const licenceFieldNames = [
  'uscc',
  'name',
  'type',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'businessTerm',
  'address',
  'businessScope',
  'issuedOn',
] as const;
export type LicenceFieldName = (typeof licenceFieldNames)[number];

const mm = z.number().min(0).max(500);

/** One field's box on the pre-printed form, in mm from the paper's top-left corner, and how text fills it. */
export const fieldBoxSchema = z
  .object({
    x: mm,
    y: mm,
    w: mm.positive(),
    h: mm.positive(),
    font: z.enum(['serif', 'sans']),
    size: z.number().positive().max(72),
    minSize: z.number().positive().max(72),
    align: z.enum(['left', 'center', 'right']),
    valign: z.enum(['top', 'middle']).default('middle'),
    lineHeight: z.number().min(1).max(3).default(1.3),
  })
  .refine((box) => box.minSize <= box.size, { error: 'minSize must not exceed size' });
export type FieldBox = z.infer<typeof fieldBoxSchema>;

export const licenceLayoutSchema = z.object({
  /** Bumped whenever a box moves, so archived licences say which layout they were printed with. */
  version: z.string().min(1),
  paper: z.object({ widthMm: mm.positive(), heightMm: mm.positive() }),
  /** Distance from each paper edge the printer cannot reach. */
  printableMarginMm: z.number().min(0).max(30),
  fields: z.object(Object.fromEntries(licenceFieldNames.map((name) => [name, fieldBoxSchema])) as Record<LicenceFieldName, typeof fieldBoxSchema>),
  qr: z.object({ x: mm, y: mm, size: mm.positive() }),
  /** Where a 副本 says which one it is (副本 2/3): a free corner of the duplicate's form; the original has none. */
  copyMark: fieldBoxSchema.optional(),
});
export type LicenceLayout = z.infer<typeof licenceLayoutSchema>;

/** The layouts shipped in resources/layouts, checked when the module loads so a broken file fails fast. */
export const licenceLayouts = {
  original: licenceLayoutSchema.parse(licenceOriginalJson),
  duplicate: licenceLayoutSchema.parse(licenceDuplicateJson),
} as const;
export type LicenceCopy = keyof typeof licenceLayouts;
