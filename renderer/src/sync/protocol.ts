/**
 * The wire contract between a desk and HQ (DESIGN §4): zod schemas and types for every request and
 * response, shared by the desk's sync engine and the reference HQ (`test/hq/`). Pure: no I/O here.
 *
 * Two layers for pushed ops. The envelope (`pushOpEnvelopeSchema`) is what a push request must satisfy
 * as a whole, and it is deliberately lenient about `entity`, `type` and `payload`: an op whose content is
 * wrong can never succeed, so HQ answers it `rejected` (and the desk's queue moves on) instead of failing
 * the whole request. The typed layer (`syncOpSchema`) is what the desk builds and what HQ checks each op
 * against to decide that.
 *
 * Extensions beyond §4 are optional in the response schemas, so a desk parsing them still works with an
 * HQ that implements only §4.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../domain/chineseDate';
import { caseDocumentKinds } from '../domain/cases/caseDocuments';
import { caseEventSchema, type CaseEventType } from '../domain/cases/caseEvents';
import { caseIdSchema } from '../domain/cases/caseId';
import { caseNumberSchema, deskCodeSchema, hallCodeSchema } from '../domain/cases/caseNumber';
import { caseStatusCodes, caseStatusSchema, type CaseStatusCode } from '../domain/cases/caseStatus';
import { checklistItemStatuses } from '../domain/cases/decisionChecklist';
import { bundleCodeSchema, catalogueVersionSchema, materialForms, matterCodeSchema, questionIdSchema } from '../domain/catalogue/schema';
import { clerkIdSchema } from '../domain/clerks/clerkId';
import { documentNumberSchema } from '../domain/documentNumber';
import { isValidResidentId, usccSchema } from '../domain/identifiers';
import { fenSchema } from '../domain/money';
import { cleanText } from '../domain/text';

// ---------------------------------------------------------------------------------------------
// Limits and headers

export const protocolLimits = {
  maxOpsPerPush: 500,
  /** Of the request body as sent, in bytes. */
  maxPushBytes: 2 * 1024 * 1024,
  maxPullLimit: 500,
  /** An attachment scan; larger bodies get 413. */
  maxBlobBytes: 25 * 1024 * 1024,
} as const;

/** A desk states its schema version on every request; HQ answers 426 below its minimum. */
export const schemaVersionHeader = 'X-Desk-Schema-Version';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Free text as the domain stores it: cleaned by `cleanText`, never empty. */
export function plainTextSchema(max: number, multiline = false) {
  return z.string().transform((raw, ctx) => {
    const result = cleanText(raw, { max, multiline });
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error.message });
      return z.NEVER;
    }
    if (result.value === '') {
      ctx.addIssue({ code: 'custom', message: '不能为空' });
      return z.NEVER;
    }
    return result.value;
  });
}

export const deskIdSchema = z.uuid().brand<'DeskId'>();
export type DeskId = z.infer<typeof deskIdSchema>;

export const opIdSchema = z.uuid().brand<'OpId'>();
export type OpId = z.infer<typeof opIdSchema>;

/** Client-made ids of events (UUIDv7 at the desk); cases use the domain's `caseIdSchema`. */
export const eventIdSchema = z.uuid();

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'SHA-256 应为 64 位小写十六进制' });

/** 营业执照 paper stock serial, printed on the pre-numbered sheet. */
export const licenceSheetSerialSchema = z.string().regex(/^[0-9A-Z-]{4,32}$/, { error: '纸张编号应为 4–32 位大写字母、数字或连字符' });

const idNumberSchema = z.string().regex(/^[0-9A-Za-z()（）-]{4,32}$/, { error: '证件号码格式不正确' });
const phoneSchema = z.string().regex(/^\+?[0-9-]{5,20}$/, { error: '电话号码格式不正确' });

// ---------------------------------------------------------------------------------------------
// Enrolment: POST /v1/desks/enrol

export const enrolRequestSchema = z.object({
  hallCode: hallCodeSchema,
  deskCode: deskCodeSchema,
  enrolmentCode: z.string().min(1).max(128),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deskId: deskIdSchema,
  token: z.string().min(16).max(512),
  /**
   * Extension: the desk's `lastSeq` on HQ. A desk enrolling again (after its token expired) keeps its
   * id and sequence, so this tells it where HQ stands.
   */
  lastSeq: z.int().min(0).optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Cases

/** Statuses HQ sets with its decisions (准予 / 不予许可 / 待出证); a desk op that sets one is rejected. */
export const hqOwnedStatusCodes = ['approved', 'denied', 'awaitingIssuance'] as const satisfies readonly CaseStatusCode[];
/** Statuses from which HQ may decide a case: each carries the acceptance the decision keeps. */
export const decidableStatusCodes = ['accepted', 'acceptedWithDeferral', 'underReview'] as const satisfies readonly CaseStatusCode[];
/** Timeline entries only HQ writes; a desk op appending one is rejected. */
export const hqOwnedCaseEventTypes = ['approved', 'denied', 'readyForIssuance'] as const satisfies readonly CaseEventType[];
/** Fields of a case that only HQ sets; a desk op carrying any of them is rejected. */
export const hqOwnedCaseFields = ['hqCaseNumber', 'decision', 'licence'] as const;

const idKinds = ['residentId', 'passport', 'travelPermit', 'other'] as const;
export const personSchema = z
  .object({
    name: plainTextSchema(50),
    idKind: z.enum(idKinds),
    idNumber: idNumberSchema,
    phone: phoneSchema.nullable(),
  })
  .refine((person) => person.idKind !== 'residentId' || isValidResidentId(person.idNumber), {
    error: '居民身份证号码无效',
    path: ['idNumber'],
  });
export type Person = z.infer<typeof personSchema>;

export const enterpriseSchema = z.object({
  name: plainTextSchema(200),
  /** An existing enterprise's code; a new one gets its code from HQ with the licence. */
  uscc: usccSchema.nullable(),
  address: plainTextSchema(300).nullable(),
  greenCard: z.boolean(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

const answerSchema = z.union([z.string().max(200), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(50)]);

/**
 * Desk-owned fields of a case. A `case` op carries a patch of these: top-level fields are replaced
 * whole, nullable ones cleared with `null`, and conflicts are found per top-level field. `status` is the
 * domain's status with the facts it implies (acceptance, due date, reasons, collector…), so any window
 * of the hall can continue the case from what HQ sends.
 */
const caseFieldShape = {
  caseNumber: caseNumberSchema,
  status: caseStatusSchema,
  enterprise: enterpriseSchema,
  applicant: personSchema,
  agent: personSchema.nullable(),
  matterCodes: z.array(matterCodeSchema).min(1).max(30),
  bundleCode: bundleCodeSchema.nullable(),
  /** Intake answers by question id. */
  answers: z.record(questionIdSchema, answerSchema),
  /** The catalogue version the checklist came from. */
  catalogueVersion: catalogueVersionSchema,
  queueTicket: z.string().regex(/^[0-9A-Z-]{1,16}$/).nullable(),
  /** Visits of the applicant so far (最多跑一次). */
  visits: z.int().min(1).max(99),
  createdAt: isoDateTimeSchema,
};

export type CaseField = keyof typeof caseFieldShape;
export const caseFields = Object.keys(caseFieldShape) as CaseField[];

/** Fields a case must have when an op creates it; agent, bundle and ticket default to null, answers to {}. */
export const requiredNewCaseFields = [
  'caseNumber',
  'status',
  'enterprise',
  'applicant',
  'matterCodes',
  'catalogueVersion',
  'visits',
  'createdAt',
] as const satisfies readonly CaseField[];

export const casePatchSchema = z
  .object(caseFieldShape)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: '办件数据为空' });
export type CasePatch = z.infer<typeof casePatchSchema>;

export const newCaseSchema = z
  .object(caseFieldShape)
  .partial()
  .required(Object.fromEntries(requiredNewCaseFields.map((name) => [name, true])) as { [K in (typeof requiredNewCaseFields)[number]]: true });

/** Licence data HQ assigns with an approval; the issuing window prints it. */
export const licenceDataSchema = z.object({
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
  /** 营业期限 end; null = 长期. */
  termUntil: isoDateSchema.nullable(),
  registrationAuthority: plainTextSchema(100),
  /** 发照日期 */
  issuedOn: isoDateSchema,
});
export type LicenceData = z.infer<typeof licenceDataSchema>;

export const hqDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approved'), decidedAt: isoDateTimeSchema, decidedBy: plainTextSchema(50) }),
  z.object({ kind: z.literal('denied'), reason: plainTextSchema(1000, true), decidedAt: isoDateTimeSchema, decidedBy: plainTextSchema(50) }),
]);
export type HqDecision = z.infer<typeof hqDecisionSchema>;

/**
 * A case as HQ holds it and sends it in pull changes: the desk's fields merged with HQ's. An approval
 * sets `status` to awaitingIssuance (待出证) with `licence`; a denial sets it to denied with the reason.
 */
export const caseRecordSchema = z.object({
  ...caseFieldShape,
  id: caseIdSchema,
  hallCode: hallCodeSchema,
  originDeskId: deskIdSchema,
  hqCaseNumber: z.string().min(1).max(40).nullable(),
  decision: hqDecisionSchema.nullable(),
  licence: licenceDataSchema.nullable(),
  updatedAt: isoDateTimeSchema,
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

// ---------------------------------------------------------------------------------------------
// Append-only events (the op's entityId is the event's id; its time is the op's `at`)

export const attachmentRefSchema = z.object({
  sha256: sha256Schema,
  fileName: plainTextSchema(200),
  mediaType: z.string().regex(/^(application\/pdf|image\/[a-z0-9.+-]{1,40})$/, { error: '附件类型应为 PDF 或图片' }),
  size: z.int().min(1).max(protocolLimits.maxBlobBytes),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

const checklistEventShape = {
  caseId: caseIdSchema,
  /** The material's id, or its shared key in a bundle. */
  materialKey: z.string().min(1).max(120),
  required: z.boolean(),
  status: z.enum(checklistItemStatuses),
  form: z.enum(materialForms).nullable(),
  copies: z.int().min(0).max(99),
  pages: z.int().min(0).max(9999),
  deferredUntil: isoDateSchema.nullable(),
  note: plainTextSchema(500, true).nullable(),
  attachments: z.array(attachmentRefSchema).max(20),
};
export const checklistEventPayloadSchema = z
  .object(checklistEventShape)
  .refine((event) => event.status !== 'deferred' || event.deferredUntil !== null, {
    error: '容缺的材料须有补交期限',
    path: ['deferredUntil'],
  });
export type ChecklistEventPayload = z.infer<typeof checklistEventPayloadSchema>;

/** A timeline entry, counter decisions among them, exactly as the domain records it. */
export const caseEventPayloadSchema = z.object({ caseId: caseIdSchema, event: caseEventSchema });
export type CaseEventPayload = z.infer<typeof caseEventPayloadSchema>;

/** The documents of case decisions, and the others a desk prints. */
export const documentKinds = [
  ...caseDocumentKinds,
  'licenceOriginal',
  'licenceCopy',
  'calibrationSheet',
  'dayReport',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentActions = ['printed', 'reprinted', 'voided'] as const;
export type DocumentAction = (typeof documentActions)[number];

const documentEventShape = {
  /** Null for documents of no case (calibration sheet, day report). */
  caseId: caseIdSchema.nullable(),
  documentNumber: documentNumberSchema,
  kind: z.enum(documentKinds),
  action: z.enum(documentActions),
  /** Of the archived PDF bytes, exactly as printed. */
  sha256: sha256Schema,
  templateVersion: z.string().min(1).max(32),
  copies: z.int().min(0).max(20),
  printerName: plainTextSchema(200).nullable(),
  licenceSheetSerial: licenceSheetSerialSchema.nullable(),
  /** Required to void or reprint. */
  reason: plainTextSchema(500, true).nullable(),
};
export const documentEventPayloadSchema = z
  .object(documentEventShape)
  .refine((event) => event.action === 'printed' || event.reason !== null, { error: '作废或重印须写明原因', path: ['reason'] });
export type DocumentEventPayload = z.infer<typeof documentEventPayloadSchema>;

export const licenceSheetActions = ['used', 'voided'] as const;
export type LicenceSheetAction = (typeof licenceSheetActions)[number];

const licenceSheetEventShape = {
  serial: licenceSheetSerialSchema,
  action: z.enum(licenceSheetActions),
  caseId: caseIdSchema.nullable(),
  documentNumber: documentNumberSchema.nullable(),
  reason: plainTextSchema(500, true).nullable(),
  /** The chief representative who approved a void. */
  approvedBy: clerkIdSchema.nullable(),
};
export const licenceSheetEventPayloadSchema = z
  .object(licenceSheetEventShape)
  .refine((event) => event.action === 'used' || (event.reason !== null && event.approvedBy !== null), {
    error: '作废执照纸须写明原因并经首席代表批准',
    path: ['reason'],
  });
export type LicenceSheetEventPayload = z.infer<typeof licenceSheetEventPayloadSchema>;

const handoverShape = {
  caseId: caseIdSchema,
  collectorName: plainTextSchema(50),
  collectorIdNumber: idNumberSchema,
  collectorRole: z.enum(['applicant', 'agent', 'other']),
  documentNumbers: z.array(documentNumberSchema).min(1).max(10),
};
export const handoverPayloadSchema = z.object(handoverShape);
export type HandoverPayload = z.infer<typeof handoverPayloadSchema>;

// ---------------------------------------------------------------------------------------------
// Push: POST /v1/sync/push

/** Each entity takes exactly one op type: cases are upserted, everything else is appended. */
export const opTypeByEntity = {
  case: 'upsert',
  checklistEvent: 'append',
  caseEvent: 'append',
  documentEvent: 'append',
  licenceSheetEvent: 'append',
  handover: 'append',
} as const;
export type SyncEntity = keyof typeof opTypeByEntity;
export const syncEntities = Object.keys(opTypeByEntity) as SyncEntity[];
export const syncEntitySchema = z.enum(syncEntities as [SyncEntity, ...SyncEntity[]]);
export type EventEntity = Exclude<SyncEntity, 'case'>;

const opEnvelopeShape = {
  opId: opIdSchema,
  seq: z.int().min(1),
  type: z.string().min(1).max(32),
  entity: z.string().min(1).max(32),
  entityId: z.string().min(1).max(64),
  /** The entity version the desk last saw from HQ; absent for a create. */
  baseVersion: z.int().min(0).optional(),
  payload: z.unknown(),
  clerkId: z.string().min(1).max(64),
  /** When the clerk did it, with the desk's offset. */
  at: isoDateTimeSchema,
};
export const pushOpEnvelopeSchema = z.object(opEnvelopeShape);
export type PushOpEnvelope = z.infer<typeof pushOpEnvelopeSchema>;

function typedOp<E extends SyncEntity, I extends z.ZodType, P extends z.ZodType>(entity: E, entityId: I, payload: P) {
  return z.object({
    ...opEnvelopeShape,
    entityId,
    clerkId: clerkIdSchema,
    entity: z.literal(entity),
    type: z.literal(opTypeByEntity[entity]),
    payload,
  });
}

export const caseOpSchema = typedOp('case', caseIdSchema, casePatchSchema);
export const checklistEventOpSchema = typedOp('checklistEvent', eventIdSchema, checklistEventPayloadSchema);
export const caseEventOpSchema = typedOp('caseEvent', eventIdSchema, caseEventPayloadSchema);
export const documentEventOpSchema = typedOp('documentEvent', eventIdSchema, documentEventPayloadSchema);
export const licenceSheetEventOpSchema = typedOp('licenceSheetEvent', eventIdSchema, licenceSheetEventPayloadSchema);
export const handoverOpSchema = typedOp('handover', eventIdSchema, handoverPayloadSchema);

/** The ops a desk sends, typed by entity. */
export const syncOpSchema = z.discriminatedUnion('entity', [
  caseOpSchema,
  checklistEventOpSchema,
  caseEventOpSchema,
  documentEventOpSchema,
  licenceSheetEventOpSchema,
  handoverOpSchema,
]);
export type SyncOp = z.infer<typeof syncOpSchema>;
/** What the desk writes to its outbox (before zod's transforms: plain strings). */
export type SyncOpInput = z.input<typeof syncOpSchema>;

export const pushRequestSchema = z
  .object({
    deskId: deskIdSchema,
    schemaVersion: z.int().min(1),
    ops: z.array(pushOpEnvelopeSchema).max(protocolLimits.maxOpsPerPush),
  })
  .superRefine((request, ctx) => {
    const opIds = new Set<string>();
    request.ops.forEach((op, index) => {
      const previous = request.ops[index - 1];
      if (previous && op.seq !== previous.seq + 1) {
        ctx.addIssue({ code: 'custom', path: ['ops', index, 'seq'], message: 'seq 须连续递增' });
      }
      if (opIds.has(op.opId)) ctx.addIssue({ code: 'custom', path: ['ops', index, 'opId'], message: '同一请求中 opId 重复' });
      opIds.add(op.opId);
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const opResultStatuses = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export type OpResultStatus = (typeof opResultStatuses)[number];
/** What an op first got; a duplicate carries it in `originalStatus`. */
export type FirstOpResultStatus = Exclude<OpResultStatus, 'duplicate'>;

export const pushResultSchema = z.object({
  opId: opIdSchema,
  seq: z.int().min(1),
  status: z.enum(opResultStatuses),
  /** The entity's version on HQ after the op (applied and conflict; duplicate repeats it). */
  serverVersion: z.int().min(1).optional(),
  /** Why an op was rejected or which conflict HQ resolved its way (for the clerk, in Chinese). */
  reason: z.string().optional(),
  /** Extension: the top-level case fields where HQ's value stood (status `conflict`). */
  conflictFields: z.array(z.string()).optional(),
  /** Extension: on a duplicate, the status the op first got, so a lost ack still reveals a rejection. */
  originalStatus: z.enum(['applied', 'conflict', 'rejected']).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  lastSeq: z.int().min(0),
  results: z.array(pushResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Pull: GET /v1/sync/pull?cursor=N&limit=500

const queryInt = (min: number) => z.coerce.number().pipe(z.int().min(min));

export const pullQuerySchema = z.object({
  cursor: queryInt(0).default(0),
  /** Above the maximum is served as the maximum. */
  limit: queryInt(1)
    .default(protocolLimits.maxPullLimit)
    .transform((limit) => Math.min(limit, protocolLimits.maxPullLimit)),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

const eventRecordMeta = { id: eventIdSchema, deskId: deskIdSchema, clerkId: clerkIdSchema, at: isoDateTimeSchema };
export const checklistEventRecordSchema = z.object({ ...checklistEventShape, ...eventRecordMeta });
export const caseEventRecordSchema = z.object({ caseId: caseIdSchema, event: caseEventSchema, ...eventRecordMeta });
export const documentEventRecordSchema = z.object({ ...documentEventShape, ...eventRecordMeta });
export const licenceSheetEventRecordSchema = z.object({ ...licenceSheetEventShape, ...eventRecordMeta });
export const handoverRecordSchema = z.object({ ...handoverShape, ...eventRecordMeta });
export type ChecklistEventRecord = z.infer<typeof checklistEventRecordSchema>;
export type CaseEventRecord = z.infer<typeof caseEventRecordSchema>;
export type DocumentEventRecord = z.infer<typeof documentEventRecordSchema>;
export type LicenceSheetEventRecord = z.infer<typeof licenceSheetEventRecordSchema>;
export type HandoverRecord = z.infer<typeof handoverRecordSchema>;

const changeMeta = { seq: z.int().min(1), entityId: z.uuid(), version: z.int().min(1) };
const upsertChange = <E extends SyncEntity, D extends z.ZodType>(entity: E, data: D) =>
  z.object({ ...changeMeta, entity: z.literal(entity), op: z.literal('upsert'), data });

/** One change of the desk's hall. `delete` is in the contract; the reference HQ never deletes. */
export const pullChangeSchema = z.discriminatedUnion('op', [
  z.discriminatedUnion('entity', [
    upsertChange('case', caseRecordSchema),
    upsertChange('checklistEvent', checklistEventRecordSchema),
    upsertChange('caseEvent', caseEventRecordSchema),
    upsertChange('documentEvent', documentEventRecordSchema),
    upsertChange('licenceSheetEvent', licenceSheetEventRecordSchema),
    upsertChange('handover', handoverRecordSchema),
  ]),
  z.object({ ...changeMeta, entity: syncEntitySchema, op: z.literal('delete'), data: z.null() }),
]);
export type PullChange = z.infer<typeof pullChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(pullChangeSchema),
  /** HQ's sequence of the last change sent (the request's cursor when there was none). */
  nextCursor: z.int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Reference data: GET /v1/reference/{kind}?since=V

export const referenceKinds = ['catalogue', 'calendar', 'greencards'] as const;
export type ReferenceKind = (typeof referenceKinds)[number];
export const referenceKindSchema = z.enum(referenceKinds);

/**
 * A catalogue is published as one item, the whole document in the shape of
 * `domain/catalogue/schema.ts` (`catalogueSchema`): its rules span entries, so the desk validates it
 * whole with that schema before staging it.
 */
export const catalogueItemSchema = z.record(z.string(), z.unknown());
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

/** One year's holiday arrangement; the desk folds them into `domain/calendar.ts`'s calendar. */
export const calendarItemSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    holidays: z.array(isoDateSchema).min(1),
    /** Make-up working days (调休上班). */
    workdays: z.array(isoDateSchema),
  })
  .refine((item) => [...item.holidays, ...item.workdays].every((date) => date.startsWith(`${item.year}-`)), {
    error: '日期须属于该年份',
  });
export type CalendarItem = z.infer<typeof calendarItemSchema>;

/** 服务绿卡: priority channel and named liaison (专员). */
export const greenCardItemSchema = z.object({
  uscc: usccSchema,
  enterpriseName: plainTextSchema(200),
  liaisonName: plainTextSchema(50),
  liaisonPhone: phoneSchema,
  validUntil: isoDateSchema.nullable(),
  /** Extension: the priority channel's level, 1 served first; a desk takes a card without one as 3. */
  priority: z.literal([1, 2, 3]).optional(),
});
export type GreenCardItem = z.infer<typeof greenCardItemSchema>;

export const referenceItemSchemas = {
  catalogue: catalogueItemSchema,
  calendar: calendarItemSchema,
  greencards: greenCardItemSchema,
} as const;

export const referenceQuerySchema = z.object({ since: queryInt(0).optional() });

/**
 * `version` is HQ's publication number of that kind (1, 2, …; 0 = nothing published). `full` with the
 * whole list when `since` differs from it; otherwise `full: false` and no items, and the desk keeps what
 * it has. The reference HQ never sends partial lists.
 */
const referenceResponse = <K extends ReferenceKind, I extends z.ZodType>(kind: K, item: I) =>
  z.object({ kind: z.literal(kind), version: z.int().min(0), full: z.boolean(), items: z.array(item) });
export const referenceResponseSchema = z.discriminatedUnion('kind', [
  referenceResponse('catalogue', catalogueItemSchema),
  referenceResponse('calendar', calendarItemSchema),
  referenceResponse('greencards', greenCardItemSchema),
]);
export type ReferenceResponse = z.infer<typeof referenceResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Blobs: PUT|HEAD /v1/blobs/{sha256}

/** Extension: the PUT reply body. `stored: false` when HQ already held those bytes. */
export const putBlobResponseSchema = z.object({ sha256: sha256Schema, size: z.int().min(0), stored: z.boolean() });
export type PutBlobResponse = z.infer<typeof putBlobResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Close of day: POST /v1/sync/close-day

/**
 * The figures HQ reconciles, all over the desk's ops whose business date (`businessDateOf(at)`) is the
 * day, counted as sent whatever result each got, so each side computes them from its own copy of the
 * ops (`dayTotalsOf`):
 * - `ops`: how many;
 * - `casesByStatus`: per case with a `case` op that set a status, the last status code set (by seq), counted;
 * - `documents`: `documentEvent` ops by action;
 * - `licenceSheets`: serials of `licenceSheetEvent` ops by action (sorted, once each);
 * - `handovers`: `handover` ops.
 */
export const reconciledDayTotalsShape = {
  ops: z.int().min(0),
  casesByStatus: z.partialRecord(z.enum(caseStatusCodes), z.int().min(0)),
  documents: z.object({ printed: z.int().min(0), reprinted: z.int().min(0), voided: z.int().min(0) }),
  licenceSheets: z.object({ used: z.array(licenceSheetSerialSchema), voided: z.array(licenceSheetSerialSchema) }),
  handovers: z.int().min(0),
};
export type ReconciledDayTotals = z.infer<z.ZodObject<typeof reconciledDayTotalsShape>>;

/**
 * Totals the desk sends: the reconciled figures, plus figures for the day report that HQ stores but
 * cannot check (optional, and further keys are kept, so the report can grow without a protocol change).
 */
export const dayTotalsSchema = z.looseObject({
  ...reconciledDayTotalsShape,
  casesByMatter: z.record(z.string(), z.int().min(0)).optional(),
  averageIntakeToHandoverMinutes: z.number().min(0).nullable().optional(),
  /** Share (0–1) of the day's completed cases done in one visit. */
  oneVisitShare: z.number().min(0).max(1).nullable().optional(),
});
export type DayTotals = z.infer<typeof dayTotalsSchema>;

/** The part of an op the day totals read; the payload is read leniently, as it was sent. */
export interface DayTotalsOp {
  seq: number;
  entity: string;
  entityId: string;
  payload: unknown;
}

function field(payload: unknown, key: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
}

/** The reconciled totals of one business day's ops (the caller filters by `businessDateOf`). */
export function dayTotalsOf(ops: Iterable<DayTotalsOp>): ReconciledDayTotals {
  const sorted = [...ops].sort((a, b) => a.seq - b.seq);
  const lastStatusByCase = new Map<string, CaseStatusCode>();
  const documents = { printed: 0, reprinted: 0, voided: 0 };
  const used = new Set<string>();
  const voided = new Set<string>();
  let handovers = 0;
  for (const op of sorted) {
    const status = z.enum(caseStatusCodes).safeParse(field(field(op.payload, 'status'), 'code'));
    if (op.entity === 'case' && status.success) lastStatusByCase.set(op.entityId, status.data);
    if (op.entity === 'documentEvent') {
      const action = z.enum(documentActions).safeParse(field(op.payload, 'action'));
      if (action.success) documents[action.data] += 1;
    }
    if (op.entity === 'licenceSheetEvent') {
      const serial = field(op.payload, 'serial');
      const action = field(op.payload, 'action');
      if (typeof serial === 'string' && action === 'used') used.add(serial);
      if (typeof serial === 'string' && action === 'voided') voided.add(serial);
    }
    if (op.entity === 'handover') handovers += 1;
  }
  const casesByStatus: Partial<Record<CaseStatusCode, number>> = {};
  for (const status of lastStatusByCase.values()) casesByStatus[status] = (casesByStatus[status] ?? 0) + 1;
  return {
    ops: sorted.length,
    casesByStatus,
    documents,
    licenceSheets: { used: [...used].sort(), voided: [...voided].sort() },
    handovers,
  };
}

export const closeDayRequestSchema = z.object({
  deskId: deskIdSchema,
  businessDate: isoDateSchema,
  lastSeq: z.int().min(0),
  totals: dayTotalsSchema,
  /** Extension: as on push; HQ answers 426 below its minimum. */
  schemaVersion: z.int().min(1).optional(),
});
export type CloseDayRequest = z.infer<typeof closeDayRequestSchema>;

export const closeDayResponseSchema = z.object({
  status: z.enum(['reconciled', 'mismatch']),
  /** The seqs HQ has not received (desk's lastSeq ahead of HQ's): push them and close again. */
  missing: z.object({ fromSeq: z.int().min(1), toSeq: z.int().min(1) }).optional(),
  /** Extension: each figure that differs, as `casesByStatus.accepted`, `licenceSheets.used`, `lastSeq`… */
  differences: z.array(z.object({ field: z.string(), desk: z.unknown(), hq: z.unknown() })).optional(),
});
export type CloseDayResponse = z.infer<typeof closeDayResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Errors: every non-2xx reply has a JSON body `{error, message?, …}`

export const hqErrorSchema = z.discriminatedUnion('error', [
  /** 400: not JSON, or a query/path parameter that cannot be read. */
  z.object({ error: z.literal('malformed'), message: z.string().optional() }),
  /** 422: JSON that breaks the schema (hash mismatch of a blob too). */
  z.object({
    error: z.literal('invalid'),
    message: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  /** 401: sync pauses; nothing local is deleted. `expired` means enrol again. */
  z.object({
    error: z.literal('unauthorized'),
    reason: z.enum(['missing', 'unknown', 'expired', 'enrolmentCode']),
    message: z.string().optional(),
  }),
  /** 403: the body names another desk than the token's. */
  z.object({ error: z.literal('wrong_desk'), message: z.string().optional() }),
  z.object({ error: z.literal('not_found'), message: z.string().optional() }),
  z.object({ error: z.literal('method_not_allowed'), message: z.string().optional() }),
  /** 409: the first op skips seqs HQ has not seen; push from `expectedSeq`. */
  z.object({ error: z.literal('seq_gap'), expectedSeq: z.int().min(1), message: z.string().optional() }),
  /** 409: an op reuses a seq HQ already holds under another opId; nothing of the request was applied. */
  z.object({ error: z.literal('seq_conflict'), seq: z.int().min(1), message: z.string().optional() }),
  /** 413: over `protocolLimits`. */
  z.object({ error: z.literal('too_large'), limit: z.int().min(1), message: z.string().optional() }),
  /** 426: the desk's schema version is below HQ's minimum; upgrade once the outbox is empty. */
  z.object({ error: z.literal('desk_too_old'), minSchemaVersion: z.int().min(1), message: z.string().optional() }),
  /** 5xx */
  z.object({ error: z.literal('server_error'), message: z.string().optional() }),
]);
export type HqError = z.infer<typeof hqErrorSchema>;
export type HqErrorCode = HqError['error'];
