import { describe, expect, it } from 'vitest';
import { finishService, queueServiceSchema, serviceSeconds, waitingSeconds } from '../../../../../renderer/src/domain/cases/queueService';

const service = queueServiceSchema.parse({
  ticketId: '0192f1a0-0000-4000-8000-000000000001',
  issuedAt: '2026-11-28T09:00:00.000+08:00',
  calledAt: '2026-11-28T09:12:30.000+08:00',
  finishedAt: null,
});

describe('queue service times', () => {
  it('waits from issue to call, and serves from call to 完成 (none while it runs)', () => {
    expect(waitingSeconds(service)).toBe(750);
    expect(serviceSeconds(service)).toBeNull();
    const done = finishService(service, '2026-11-28T09:20:30.000+08:00');
    expect(serviceSeconds(done)).toBe(480);
  });

  it('keeps the first 完成 time', () => {
    const done = finishService(service, '2026-11-28T09:20:30.000+08:00');
    expect(finishService(done, '2026-11-28T10:00:00.000+08:00')).toBe(done);
  });

  it('refuses times out of order', () => {
    expect(queueServiceSchema.safeParse({ ...service, calledAt: '2026-11-28T08:59:00.000+08:00' }).success).toBe(false);
    expect(queueServiceSchema.safeParse({ ...service, finishedAt: '2026-11-28T09:10:00.000+08:00' }).success).toBe(false);
  });
});
