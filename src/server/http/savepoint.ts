/**
 * For idempotent handlers that find a problem only after writing (a shift found full while booking): the work
 * runs inside a savepoint, and a `ProblemError` it throws undoes its writes but not the transaction, which then
 * stores the problem as the answer for this Idempotency-Key (replayed to a retry, like any 4xx the domain decides).
 * Other errors propagate and roll everything back.
 */
import type { Queryable } from '../db/types.ts';
import type { HandlerResult } from './idempotency.ts';
import { ProblemError, problemResult } from './problem.ts';

export async function answerProblemsUndone(tx: Queryable, work: () => Promise<HandlerResult>): Promise<HandlerResult> {
  await tx.query('SAVEPOINT kentro_domain');
  try {
    const result = await work();
    await tx.query('RELEASE SAVEPOINT kentro_domain');
    return result;
  } catch (err) {
    if (!(err instanceof ProblemError) || err.status >= 500) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT kentro_domain');
    const { headers: _headers, ...init } = err.init;
    return problemResult(err.status, err.kind, init);
  }
}
