import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { updateIntake } from '../../../../renderer/src/data/intakeCorrection';
import { finishQueueService, serviceOfCalledTicket } from '../../../../renderer/src/data/queueService';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { created } from './caseWorkFixtures';
import { closeDatabases, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

// The fixture's intake carries ticket A023, taken in at 10:00 on 2026-09-29.
const ticket = {
  ticketId: '0192f1a0-0000-4000-8000-000000000023',
  number: 'A023',
  issuedAt: '2026-09-29T09:41:00.000+08:00',
  calledAt: '2026-09-29T09:58:30.000+08:00',
};

describe('serviceOfCalledTicket', () => {
  it('takes the called ticket’s times when the case is taken in on its number', () => {
    expect(serviceOfCalledTicket(ticket, 'A023')).toEqual({ ticketId: ticket.ticketId, issuedAt: ticket.issuedAt, calledAt: ticket.calledAt, finishedAt: null });
  });

  it('records nothing for a typed ticket, another number than the one called, or times that do not hold together', () => {
    expect(serviceOfCalledTicket(null, 'A023')).toBeNull();
    expect(serviceOfCalledTicket(undefined, null)).toBeNull();
    expect(serviceOfCalledTicket(ticket, 'A024')).toBeNull();
    expect(serviceOfCalledTicket({ ...ticket, calledAt: '2026-09-29T09:00:00.000+08:00' }, 'A023')).toBeNull();
  });
});

describe('a case taken in on a called ticket', () => {
  it('carries the ticket and its times on the case and in the case op for HQ', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, undefined, { ...startUpInput(), calledTicket: ticket });
    expect(row.queueService).toEqual({ ticketId: ticket.ticketId, issuedAt: ticket.issuedAt, calledAt: ticket.calledAt, finishedAt: null });
    const [caseOp] = await db.outbox.orderBy('seq').toArray();
    expect(caseOp!.op.payload).toMatchObject({ queueTicket: 'A023', queueService: { ticketId: ticket.ticketId, finishedAt: null } });
  });

  it('has no queue service when the ticket was typed', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    expect(row.queueService).toBeUndefined();
    const [caseOp] = await db.outbox.orderBy('seq').toArray();
    expect(caseOp!.op.payload).toMatchObject({ queueService: null });
  });
});

describe('correcting the ticket number at intake', () => {
  it('drops the called ticket’s times, which belong to the old number, and sends that to HQ', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, undefined, { ...startUpInput(), calledTicket: ticket });
    const corrected = await updateIntake(db, row.id, { queueTicket: 'A024' }, { clerk, at: '2026-09-29T10:05:00.000+08:00' });
    expect(corrected).toMatchObject({ ok: true, value: { queueTicket: 'A024', queueService: null } });
    const caseOps = (await db.outbox.orderBy('seq').toArray()).filter((op) => op.entity === 'case');
    expect(caseOps.at(-1)!.op.payload).toEqual({ queueTicket: 'A024', queueService: null });
  });
});

describe('finishQueueService (完成)', () => {
  it('ends the service time once, with a case op and an audit entry; pressed again it changes nothing', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, undefined, { ...startUpInput(), calledTicket: ticket });
    const finished = await finishQueueService(db, row.id, { clerk, at: '2026-09-29T10:12:00.000+08:00' });
    expect(finished).toMatchObject({ ok: true, value: { queueService: { finishedAt: '2026-09-29T10:12:00.000+08:00' } } });
    const ops = await db.outbox.orderBy('seq').toArray();
    const last = ops.at(-1)!;
    expect(syncOpSchema.safeParse(last.op).success).toBe(true);
    expect(last.op.payload).toEqual({ queueService: { ...row.queueService, finishedAt: '2026-09-29T10:12:00.000+08:00' } });
    expect((await db.auditLog.toArray()).map((entry) => entry.action)).toEqual(['case.open', 'case.queueFinished']);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });

    const again = await finishQueueService(db, row.id, { clerk, at: '2026-09-29T10:30:00.000+08:00' });
    expect(again).toMatchObject({ ok: true, value: { queueService: { finishedAt: '2026-09-29T10:12:00.000+08:00' } } });
    expect(await db.outbox.count()).toBe(ops.length);
  });

  it('refuses a case taken in without a called ticket', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    expect(await finishQueueService(db, row.id, { clerk })).toEqual({ ok: false, message: '该办件不是按叫号受理的，没有可记录的办理时间' });
  });
});
