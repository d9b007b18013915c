import { z } from 'zod';
import { greenCardPriorities } from '../../data/greenCards';
import { enterpriseIdSchema } from '../../data/records';
import { intakeAnswersSchema } from '../../domain/catalogue/answers';
import { bundleCodeSchema, matterCodeSchema } from '../../domain/catalogue/schema';
import { identityDocumentKinds } from '../../domain/identityDocuments';
import type { KnownEnterprise } from './EnterpriseSection';
import { emptyIntakeForm, emptyPartyForm, type IntakeForm } from './intakeFormModel';

/**
 * The intake form as a draft is stored: exactly the form's values as typed (not the checked ones, so a
 * half-typed ID number comes back half-typed). Read back through this schema, so a draft saved by an
 * older form whose fields have since changed is recognised as unreadable instead of breaking the screen.
 */
const text = z.string().max(2000);
const partySchema = z.object({ name: text, idKind: z.enum(identityDocumentKinds), idNumber: text, nationality: text, mobile: text });

const knownEnterpriseSchema = z.object({
  id: enterpriseIdSchema,
  name: text,
  uscc: text.nullable(),
  address: text.nullable(),
  greenCard: z.object({ liaisonName: text, liaisonPhone: text, priority: z.literal(greenCardPriorities) }).nullable(),
});

export const intakeDraftSchema = z.object({
  queueTicket: text,
  selection: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('bundle'), bundleCode: bundleCodeSchema }),
      z.object({ kind: z.literal('matters'), matterCodes: z.array(matterCodeSchema) }),
    ])
    .nullable(),
  enterprise: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('none') }),
    z.object({ mode: z.literal('existing'), enterprise: knownEnterpriseSchema }),
    z.object({ mode: z.literal('new'), name: text, uscc: text, address: text }),
  ]),
  applicant: partySchema,
  agentUsed: z.boolean(),
  agent: partySchema.extend({ authorisation: text }),
  // Drafts saved before the form asked for them read as not yet typed.
  legalRepresentative: partySchema.default(emptyPartyForm),
  shareholders: z.array(partySchema.omit({ mobile: true })).max(100).default([]),
  answers: intakeAnswersSchema,
}) satisfies z.ZodType<IntakeForm<KnownEnterprise>>;

/** Nothing typed yet (or everything cleared): there is nothing to keep. */
export function isBlankIntakeForm(form: IntakeForm<KnownEnterprise>): boolean {
  return JSON.stringify(form) === JSON.stringify(emptyIntakeForm<KnownEnterprise>());
}

/** What the clerk is reminded of when offered a draft: whom and what it was for, as far as typed. */
export function intakeDraftSummary(form: IntakeForm<KnownEnterprise>): { applicant: string | null; enterprise: string | null; queueTicket: string | null } {
  const enterprise = form.enterprise.mode === 'existing' ? form.enterprise.enterprise.name : form.enterprise.mode === 'new' ? form.enterprise.name : '';
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return { applicant: orNull(form.applicant.name), enterprise: orNull(enterprise), queueTicket: orNull(form.queueTicket) };
}
