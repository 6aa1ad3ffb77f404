/**
 * Structured logs: one JSON object per line. Callers pass only operational facts (route patterns, status codes,
 * durations, error names); never request bodies, query strings or anything a person typed.
 */
import type { LogLevel } from './config.ts';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Writes lines to stdout, batching under load: a line is written at once unless another was written in the same turn
 * of the event loop; those that follow it in that turn go out together when the turn ends (stdout is synchronous on
 * Linux, one system call per write; one write per request cost our server about 6 % of its throughput,
 * bench/server). What is pending is written before an error line and when the process exits.
 */
export function batchedStdout(): { write: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  let busy = false;
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    process.stdout.write(text);
  };
  const endOfTurn = () => {
    busy = false;
    flush();
  };
  process.on('exit', flush);
  return {
    write(line) {
      if (busy) {
        pending.push(line);
        return;
      }
      busy = true;
      setImmediate(endOfTurn);
      process.stdout.write(`${line}\n`);
    },
    flush,
  };
}

/** A logger writing JSON lines at or above `level` through `write` (stdout, in batches, by default). */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const out = write ? { write, flush: () => undefined } : batchedStdout();
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields: LogFields = {}) => {
    if (RANK[lvl] < RANK[level]) return;
    out.write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
    if (lvl === 'error') out.flush();
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * The facts of an error that are safe to log. Database errors keep their SQLSTATE, table and constraint, but
 * quoted values in their message are masked and `detail` (which PostgreSQL fills with row values) is dropped.
 */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { error: typeof err };
  const db = err as { code?: unknown; table?: unknown; constraint?: unknown };
  const sqlState = typeof db.code === 'string' && /^[0-9A-Z]{5}$/.test(db.code) ? db.code : undefined;
  return {
    error: err.name,
    errorMessage: sqlState ? err.message.replace(/"[^"]*"/g, '"…"') : err.message,
    sqlState,
    table: typeof db.table === 'string' ? db.table : undefined,
    constraint: typeof db.constraint === 'string' ? db.constraint : undefined,
    stack: err.stack?.split('\n').slice(1, 6).map((l) => l.trim()).join(' | '),
  };
}
