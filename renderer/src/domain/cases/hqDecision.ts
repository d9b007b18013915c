import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../chineseDate';
import { usccSchema } from '../identifiers';
import { fenSchema } from '../money';
import { plainTextSchema } from '../text';
import { businessTermSchema, refuseImpossibleTerm } from './businessTerm';

const licenceShape = {
  uscc: usccSchema,
  /** 名称 */
  name: plainTextSchema(200),
  /** 类型, e.g. 有限责任公司(自然人投资或控股) */
  type: plainTextSchema(100),
  legalRepresentative: plainTextSchema(50),
  registeredCapitalFen: fenSchema,
  businessScope: plainTextSchema(2000, true),
  /** 住所 */
  address: plainTextSchema(300),
  /** 成立日期 */
  establishedOn: isoDateSchema,
  registrationAuthority: plainTextSchema(100),
  /** 发照日期 */
  issuedOn: isoDateSchema,
};

/**
 * Licence data HQ assigns with an approval; the issuing window prints it. 营业期限 (`businessTerm`) is
 * absent when HQ did not send it (an HQ answering from before the field): then it is unknown, and never
 * read as 长期, because a licence saying 长期 for a fixed-term enterprise is false in law. The fields
 * without the refinement (`licenceDataFields`) are there to be extended; refine what extends them.
 */
export const licenceDataFields = z.object({ ...licenceShape, businessTerm: businessTermSchema.optional() });
export const licenceDataSchema = licenceDataFields.superRefine(refuseImpossibleTerm);
/** Licence data the chief enters in the hall: 营业期限 must be stated. */
export const enteredLicenceDataSchema = z.object({ ...licenceShape, businessTerm: businessTermSchema }).superRefine(refuseImpossibleTerm);
export type LicenceData = z.infer<typeof licenceDataSchema>;

/** The legal basis HQ cites for a denial, e.g. 《中华人民共和国行政许可法》第三十八条第二款. */
export const legalBasisSchema = plainTextSchema(500, true);

/**
 * HQ's decision on a case (准予 / 不予许可): who at HQ decided (a name: HQ's staff are no clerks of the
 * hall) and when; a denial with its reason and legal basis. The legal basis is optional because decisions
 * stored before HQ sent it have none.
 */
export const hqDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approved'), decidedAt: isoDateTimeSchema, decidedBy: plainTextSchema(50) }),
  z.object({
    kind: z.literal('denied'),
    reason: plainTextSchema(1000, true),
    legalBasis: legalBasisSchema.optional(),
    decidedAt: isoDateTimeSchema,
    decidedBy: plainTextSchema(50),
  }),
]);
export type HqDecision = z.infer<typeof hqDecisionSchema>;
