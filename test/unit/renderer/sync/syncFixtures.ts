import 'fake-indexeddb/auto';
import { createHqClient, type HqClient } from '../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../electron/main/hq/settingsStore';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../renderer/src/data/cases';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import type { CaseRow } from '../../../../renderer/src/data/records';
import { protocolVersion } from '../../../../renderer/src/protocol/version';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import { defaultPushLimits, type SyncContext } from '../../../../renderer/src/sync/syncContext';
import type { SyncTransport } from '../../../../renderer/src/sync/transport';
import { enrolmentCode, type HqHarness } from '../../../hq/support/harness';
import { addAccount, freshDatabase, startUpInput } from '../data/dataFixtures';

/** A weekday the default calendar covers; acceptance counts working days from it. */
export const intakeDay = '2026-11-26T10:00:00+08:00';

export interface SyncDesk {
  db: DeskDatabase;
  clerk: SignedInClerk;
  /** The main process's real HQ client, bound to the engine directly (no Electron, no IPC). */
  hq: HqClient;
  deskId: string;
  ctx: SyncContext;
}

/** A desk of hall MY, set up and enrolled with the reference HQ. */
export async function enrolledDesk(hq: HqHarness, deskCode = '01', transportOf: (client: HqClient) => SyncTransport = (client) => client): Promise<SyncDesk> {
  const db = freshDatabase();
  await db.meta.put({ key: 'deskIdentity', value: { hallCode: 'MY', deskCode } });
  const clerk = await addAccount(db, 'clerk', `受理员${deskCode}`);
  const client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
  const enrolled = await client.enrol({ baseUrl: hq.url, hallCode: 'MY', deskCode, enrolmentCode });
  if (!enrolled.ok) throw new Error(enrolled.failure.message);
  return {
    db,
    clerk,
    hq: client,
    deskId: enrolled.value.deskId,
    ctx: { db, transport: transportOf(client), now: () => new Date(), limits: defaultPushLimits },
  };
}

export async function draftCase(desk: Pick<SyncDesk, 'db' | 'clerk'>, at = intakeDay, input = startUpInput()): Promise<CaseRow> {
  const result = await createDraftCase(desk.db, input, { clerk: desk.clerk, at });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** A case taken in with every required material received, then accepted (so HQ may decide it). */
export async function acceptedCase(desk: Pick<SyncDesk, 'db' | 'clerk'>, at = intakeDay, input = startUpInput()): Promise<CaseRow> {
  const row = await draftCase(desk, at, input);
  for (const item of await caseChecklist(desk.db, row.id)) {
    if (item.item.required && item.status === 'missing') {
      const result = await recordChecklistItem(desk.db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 2 }, { clerk: desk.clerk, at });
      if (!result.ok) throw new Error(result.message);
    }
  }
  const accepted = await applyCommand(desk.db, row.id, { type: 'accept' }, { clerk: desk.clerk, at });
  if (!accepted.ok) throw new Error(accepted.message);
  return accepted.value.case;
}

export async function outboxStates(db: DeskDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.outbox.each((row) => {
    counts[row.state] = (counts[row.state] ?? 0) + 1;
  });
  return counts;
}

/** A transport that records the size of every push, to check batching. */
export function countingTransport(inner: SyncTransport, pushes: number[]): SyncTransport {
  return {
    config: () => inner.config(),
    push: (input) => {
      pushes.push(input.ops.length);
      return inner.push(input);
    },
    pull: (input) => inner.pull(input),
    reference: (input) => inner.reference(input),
    hasBlob: (input) => inner.hasBlob(input),
    putBlob: (input) => inner.putBlob(input),
    getBlob: (input) => inner.getBlob(input),
  };
}
