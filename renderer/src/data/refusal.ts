/** A change either happened, or was refused for a reason a person can act on (optionally about one field). */
export type ChangeResult<T, F extends string = never> = { ok: true; value: T } | { ok: false; message: string; field?: F };

/** A refusal decided inside a transaction: thrown to roll it back, turned into a `ChangeResult` outside. */
export class Refusal<F extends string = never> extends Error {
  constructor(
    message: string,
    readonly field?: F,
  ) {
    super(message);
  }
}

/** Runs a change, answering its refusals as results; any other error (storage, bugs) still throws. */
export async function refusalsAsResults<T, F extends string = never>(change: () => Promise<T>): Promise<ChangeResult<T, F>> {
  try {
    return { ok: true, value: await change() };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const refusal = error as Refusal<F>;
    return refusal.field === undefined ? { ok: false, message: refusal.message } : { ok: false, message: refusal.message, field: refusal.field };
  }
}
