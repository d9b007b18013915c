import type { FaultPlan, FaultRoute } from './operatorProtocol';

/** The operator's fault plan, used up request by request. Lives in memory only: a restart heals HQ. */
export class FaultInjector {
  private plan: FaultPlan = {};

  set(plan: FaultPlan): void {
    this.plan = structuredClone(plan);
  }

  clear(): void {
    this.plan = {};
  }

  /** What is still planned, with the counts left. */
  current(): FaultPlan {
    return structuredClone(this.plan);
  }

  /** The status to fail this request with before doing anything, if one is planned. */
  takeFailure(route: FaultRoute): number | undefined {
    const fault = this.plan.failNext;
    if (!fault || (fault.route !== 'any' && fault.route !== route)) return undefined;
    this.plan.failNext = fault.count > 1 ? { ...fault, count: fault.count - 1 } : undefined;
    return fault.status;
  }

  takeDelay(): number {
    const fault = this.plan.delay;
    if (!fault) return 0;
    this.plan.delay = fault.count > 1 ? { ...fault, count: fault.count - 1 } : undefined;
    return fault.ms;
  }

  /** How to misbehave after this request committed, if planned. */
  takeAfterCommit(route: FaultRoute): { mode: 'error' } | { mode: 'hang'; hangMs: number } | undefined {
    const fault = this.plan.afterCommit;
    if (!fault || fault.route !== route) return undefined;
    this.plan.afterCommit = fault.count > 1 ? { ...fault, count: fault.count - 1 } : undefined;
    return fault.mode === 'error' ? { mode: 'error' } : { mode: 'hang', hangMs: fault.hangMs };
  }

  /** HQ's reason to reject this new op of `entity`, if a rejection is planned. */
  takeRejection(entity: string): string | undefined {
    const fault = this.plan.rejectNext;
    if (!fault || fault.entity !== entity) return undefined;
    this.plan.rejectNext = fault.count > 1 ? { ...fault, count: fault.count - 1 } : undefined;
    return fault.reason;
  }

  takeTruncation(route: FaultRoute): boolean {
    const fault = this.plan.truncateNext;
    if (!fault || fault.route !== route) return false;
    this.plan.truncateNext = fault.count > 1 ? { ...fault, count: fault.count - 1 } : undefined;
    return true;
  }
}
