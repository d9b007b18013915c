import { z } from 'zod';
import { deskCodeSchema } from '../domain/cases/caseNumber';
import { isoDateTimeSchema } from '../domain/chineseDate';
import { clerkIdSchema } from '../domain/clerks/clerkId';
import { plainTextSchema } from '../domain/text';

// POST|DELETE /v1/cases/{caseId}/issuance-claim: one desk at a time may issue a case's licence.

/** How long a granted claim lasts on HQ's clock; claiming again from the same desk renews it. */
export const issuanceClaimMinutes = 30;

export const issuanceClaimRequestSchema = z.object({
  clerkId: clerkIdSchema,
  /** Shown to the clerk of another window that is refused. */
  clerkName: plainTextSchema(50),
});
export type IssuanceClaimRequest = z.infer<typeof issuanceClaimRequestSchema>;

/** 200: granted, or renewed for the same desk (same `claimId`). */
export const issuanceClaimGrantSchema = z.object({ claimId: z.uuid(), expiresAt: isoDateTimeSchema });
export type IssuanceClaimGrant = z.infer<typeof issuanceClaimGrantSchema>;

/**
 * The 409 body when another desk holds a live claim or has already issued (handed over or used a
 * licence sheet): which window, which clerk, since when.
 */
export const issuanceClaimedSchema = z.object({
  error: z.literal('claimed'),
  message: z.string().optional(),
  deskCode: deskCodeSchema,
  clerkName: z.string().min(1).max(50),
  at: isoDateTimeSchema,
});
export type IssuanceClaimed = z.infer<typeof issuanceClaimedSchema>;

/** 200 to DELETE: whether the desk held a claim that is now released. */
export const issuanceReleaseResponseSchema = z.object({ released: z.boolean() });
export type IssuanceReleaseResponse = z.infer<typeof issuanceReleaseResponseSchema>;
