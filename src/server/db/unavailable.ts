/**
 * Errors that mean "the database is not there right now" rather than "this request is wrong": the server was
 * restarted or shut down, the connection dropped or timed out, no connection could be had. Requests meanwhile get
 * 503 with `Retry-After` (../http/errors.ts) and the process carries on: pg's pool replaces broken connections
 * and the next request reconnects, so the server recovers by itself when the database is back.
 */

/** SQLSTATE classes and codes: 08 connection exception, 57P01–57P03 shutdown or not accepting, 53300 too many
 *  connections, 57014 a statement cancelled by `statement_timeout` (a database too slow to answer in time). */
const CODES = /^(08...|57P0[1-3]|53300|57014)$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Connection ended unexpectedly',
  'terminating connection',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (CODES.test(code) || NODE_CODES.has(code))) return true;
  if (err instanceof DatabaseUnavailableError) return true;
  if (MESSAGES.some((m) => err.message.includes(m))) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isDatabaseUnavailable(cause);
}

/** Thrown where the application itself finds the database unusable (a health check that timed out). */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'The database does not answer.') {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}
