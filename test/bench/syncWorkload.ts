import { uuidv7 } from 'uuidv7';
import { opTypeByEntity, type SyncOpInput } from '../../renderer/src/protocol/ops';
import defaultCatalogue from '../../resources/catalogue/default.json';
import type { DeskDatabase } from '../../renderer/src/data/db';
import { appendOps, type OpDraft } from '../../renderer/src/data/outbox';
import { currentWriteTransaction } from '../../renderer/src/data/transaction';
import { formatCaseNumber } from '../../renderer/src/domain/cases/caseNumber';
import { buildChecklist } from '../../renderer/src/domain/catalogue/checklist';
import { parseCatalogue } from '../../renderer/src/domain/catalogue/parseCatalogue';
import type { BundleCode } from '../../renderer/src/domain/catalogue/schema';
import { mobile, residentId } from '../fixtures/identities';

/**
 * A hall's op stream for the sync bench, as the desk writes it: per case its creation (登记中, every
 * desk-owned field, from the shipped catalogue's 企业开办 bundle), eight checklist records and its
 * acceptance (受理, a status upsert). Every op passes the protocol's schemas (the desk's `appendOps`
 * checks them; HQ applies them, none rejected), and cases are real for the catalogue, so a desk pulling
 * them builds their checklists and applies the checklist records.
 */
export const opsPerCase = 10;
/** What a pulling desk receives per case: HQ's stream holds a case once, at its latest version. */
export const changesPerCase = opsPerCase - 1;
const checklistRecordsPerCase = opsPerCase - 2;

const answers = { shareholderKinds: ['natural_person', 'company'], premises: 'rented', agentUsed: false, scopeNeedsPreApproval: false, needsInvoices: true, employeeCount: 3 };

function bundlePlan() {
  const parsed = parseCatalogue(defaultCatalogue);
  if (!parsed.ok) throw new Error(`the shipped catalogue does not parse: ${parsed.message}`);
  const bundleCode = parsed.catalogue.bundles[0]!.code as BundleCode;
  const built = buildChecklist(parsed.catalogue, { kind: 'bundle', bundleCode }, answers);
  if (!built.ok) throw new Error(built.message);
  const materialKeys = built.checklist.items.filter((item) => item.required).map((item) => item.key);
  if (materialKeys.length < checklistRecordsPerCase) throw new Error('the bundle asks for fewer materials than the bench records');
  return { bundleCode, matterCodes: [...built.checklist.matterCodes], catalogueVersion: built.checklist.catalogueVersion, materialKeys, items: built.checklist.items };
}

const plan = bundlePlan();
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const given = ['明远', '晓雯', '海涛', '芳', '建国', '思源', '子涵', '一帆', '嘉怡', '浩然'];

export interface Workload {
  hallCode: string;
  deskCode: string;
  clerkId: string;
  /** The business day the cases are taken in (`YYYY-MM-DD`). */
  businessDate: string;
}

/** The ops of case number `n` (from 1) of the desk's day, as drafts for the outbox. */
function caseOps(workload: Workload, n: number): OpDraft[] {
  const minute = (offset: number) => {
    const total = 9 * 60 + ((n * 3 + offset) % (8 * 60));
    return `${workload.businessDate}T${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00.000+08:00`;
  };
  const caseId = uuidv7();
  const createdAt = minute(0);
  const acceptedAt = minute(2);
  const name = `${surnames[n % surnames.length]}${given[Math.floor(n / surnames.length) % given.length]}`;
  const drafts: OpDraft[] = [
    {
      entity: 'case',
      entityId: caseId,
      clerkId: workload.clerkId,
      at: createdAt,
      payload: {
        caseNumber: formatCaseNumber({ hallCode: workload.hallCode, deskCode: workload.deskCode, businessDate: workload.businessDate, seq: n }),
        status: { code: 'drafting' },
        enterprise: { name: `绵阳${name}科技有限公司`, uscc: null, address: `绵阳市涪城区长虹大道中段${(n % 300) + 1}号`, greenCard: false },
        applicant: { name, idKind: 'residentId', idNumber: residentId('510703', '19850312', (n % 999) + 1), phone: mobile('138', n) },
        agent: null,
        matterCodes: plan.matterCodes,
        bundleCode: plan.bundleCode,
        answers,
        catalogueVersion: plan.catalogueVersion,
        queueTicket: `A${String(n % 1000).padStart(3, '0')}`,
        visits: 1,
        createdAt,
      },
    },
  ];
  for (const materialKey of plan.materialKeys.slice(0, checklistRecordsPerCase)) {
    const item = plan.items.find((candidate) => candidate.key === materialKey)!;
    drafts.push({
      entity: 'checklistEvent',
      entityId: uuidv7(),
      clerkId: workload.clerkId,
      at: minute(1),
      payload: { caseId, materialKey, required: true, status: 'received', form: item.form, copies: item.copies, pages: 2, deferredUntil: null, note: null, attachments: [] },
    });
  }
  drafts.push({
    entity: 'case',
    entityId: caseId,
    baseVersion: 1,
    clerkId: workload.clerkId,
    at: acceptedAt,
    payload: { status: { code: 'accepted', acceptance: { acceptedAt, dueDate: '2026-12-03', deferral: null } } },
  });
  return drafts;
}

/** The ops of cases `first`…`last` of the desk's day. */
export function casesOps(workload: Workload, first: number, last: number): OpDraft[] {
  const drafts: OpDraft[] = [];
  for (let n = first; n <= last; n++) drafts.push(...caseOps(workload, n));
  return drafts;
}

/** Ops written per transaction when seeding: a few hundred, as a busy desk's day accumulates them. */
export const seedBatch = 500;

/** Writes `total` ops into the desk's outbox as intake does (through `appendOps`, checked against the protocol). */
export async function seedOutbox(db: DeskDatabase, workload: Workload, total: number): Promise<void> {
  const cases = Math.ceil(total / opsPerCase);
  const perTransaction = seedBatch / opsPerCase;
  for (let first = 1; first <= cases; first += perTransaction) {
    const drafts = casesOps(workload, first, Math.min(cases, first + perTransaction - 1));
    await db.transaction('rw', [db.outbox, db.counters], () => appendOps(currentWriteTransaction(), drafts));
  }
}

/** Drafts numbered as the outbox numbers them (for pushing them with plain HTTP): seq from `firstSeq`, fresh opIds. */
export function numbered(drafts: readonly OpDraft[], firstSeq: number): SyncOpInput[] {
  return drafts.map((draft, index) => ({ ...draft, opId: uuidv7(), seq: firstSeq + index, type: opTypeByEntity[draft.entity] }) as SyncOpInput);
}
