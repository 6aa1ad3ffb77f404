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

/** A logger writing JSON lines at or above `level` through `write` (stdout by default). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields: LogFields = {}) => {
    if (RANK[lvl] < RANK[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
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
