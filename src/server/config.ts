/** The server's configuration, read from the environment once at start. Tests build one with overrides. */
import { fileURLToPath } from 'node:url';
import { isProxySpec } from './http/client-ip.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface Config {
  port: number;
  host: string;
  /** PGlite lives in `${dataDir}/pg`; without SMTP, email is written as `.eml` files to `${dataDir}/outbox`. */
  dataDir: string;
  /** PostgreSQL instead of PGlite when set. */
  databaseUrl: string | undefined;
  /** PostgreSQL: connections in the pool of this process. */
  databasePoolSize: number;
  /** PostgreSQL: how long to wait for a connection before a request is answered 503. */
  databaseConnectTimeoutMs: number;
  /** PostgreSQL: the longest statement (and twice this, the longest idle transaction) before it is cancelled. */
  databaseStatementTimeoutMs: number;
  /** PostgreSQL: an unused connection is closed after this. */
  databaseIdleTimeoutMs: number;
  /** Origins allowed to call `/api` from a browser (CORS). The server's own origin is always allowed. */
  allowedOrigins: readonly string[];
  /** Staff token; when unset a token is generated at first start and printed once. */
  adminToken: string | undefined;
  /** State-changing requests per client per minute; 0 turns the limit off. */
  rateLimitPerMin: number;
  /** Failed staff logins per client per 15 minutes before 429. */
  adminFailuresPerWindow: number;
  /** Minimum time between showing a public form and posting it; 0 turns the check off. */
  minFillMs: number;
  bodyLimitBytes: number;
  /** A request (headers and body) must arrive within this, or it is answered 408 and its connection closed. */
  requestTimeoutMs: number;
  timeZone: string;
  logLevel: LogLevel;
  /** Load the demo data on first start. */
  seed: boolean;
  /**
   * The operator's own proxies (addresses or CIDRs): from these peers `X-Forwarded-For` and `X-Forwarded-Proto`
   * are believed; from any other peer they are ignored. Empty: the socket's peer is the client.
   */
  trustedProxies: readonly string[];
  /** Idempotency keys are kept at least this long. */
  idempotencyTtlMs: number;
  /** The built widgets, served under `/widgets/`. */
  widgetsDir: string;
  /** The demo page and its assets, served at `/` and `/demo/`. */
  demoDir: string;
  /** `smtp://` or `smtps://` URL of the mail server; unset: messages are written as `.eml` files instead. */
  smtpUrl: string | undefined;
  /** The From of every message, e.g. `Κέντρο Κοινότητας <kentro@example.gov.gr>`. */
  mailFrom: string;
  /** Messages sent at the same time, each over its own pooled SMTP connection. */
  mailConcurrency: number;
  /** Where people reach the server (no trailing slash); links in messages fall back to `${publicUrl}/`. */
  publicUrl: string;
  /** How often background jobs (email delivery, reminders, guardian holds, intake forwarding) run; 0 turns them off. */
  jobsIntervalMs: number;
  /** How long a minor's places are held waiting for their guardian's answer. */
  guardianHoldHours: number;
  /** Working days within which the centre answers an intake request (told on the form's confirmation). */
  intakeReplyDays: number;
  /** Where each new intake request is POSTed (the council's case system); unset: no forwarding. */
  intakeWebhookUrl: string | undefined;
  /** Signs forwarded requests (`Kentro-Signature`, HMAC-SHA256); unset: sent unsigned. */
  intakeWebhookSecret: string | undefined;
  /** How long one forwarding attempt may take before it counts as failed. */
  intakeWebhookTimeoutMs: number;
  /** The general emergency number the referral form tells people to call when a child is in immediate danger. */
  emergencyNumber: string;
  /** The national child-protection line the referral form names beside it. */
  childLineNumber: string;
  /** Wrong referral status codes per client per 15 minutes before 429. */
  referralStatusFailuresPerWindow: number;
  /**
   * Days a closed intake request, or a referral in a final status (rejected, completed, cancelled), is kept after
   * it was closed; then the jobs delete it (./retention.ts). 0 keeps them for ever.
   */
  retentionDays: number;
  /** Days a volunteer signup is kept after the last of its shifts ended (cancelled bookings too); 0: for ever. */
  signupRetentionDays: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

function logLevel(raw: string | undefined): LogLevel {
  const value = (raw?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(value)) throw new Error(`KENTRO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return value;
}

function timeZone(raw: string | undefined): string {
  const value = raw?.trim() || 'Europe/Athens';
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new Error(`KENTRO_TIME_ZONE is not a known time zone: "${value}"`);
  }
  return value;
}

function smtpUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!/^smtps?:\/\/[^\s]+$/i.test(value)) throw new Error('SMTP_URL must be an smtp:// or smtps:// URL');
  return value;
}

/** The server's public address: KENTRO_PUBLIC_URL, else the address it listens on (a wildcard read as localhost). */
function publicUrl(raw: string | undefined, host: string, port: number): string {
  const value = raw?.trim();
  if (value) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`KENTRO_PUBLIC_URL is not a URL: "${value}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('KENTRO_PUBLIC_URL must be an http:// or https:// URL');
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

function atLeast(env: Env, name: string, fallback: number, min: number): number {
  const value = int(env, name, fallback);
  if (value < min) throw new Error(`${name} must be at least ${min}`);
  return value;
}

const atLeastOne = (env: Env, name: string, fallback: number) => atLeast(env, name, fallback, 1);

function webhookUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('KENTRO_INTAKE_WEBHOOK_URL is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('KENTRO_INTAKE_WEBHOOK_URL must be an http:// or https:// URL');
  return url.toString();
}

function webhookSecret(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value.length < 16) throw new Error('KENTRO_INTAKE_WEBHOOK_SECRET must be at least 16 characters long');
  return value;
}

/** A number to dial: digits, an optional leading `+`, spaces between groups (`112`, `1107`, `+30 210 000 0000`). */
function dialNumber(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\+?\d+( \d+)*$/.test(value) || value.replace(/\D/g, '').length > 15) {
    throw new Error(`${name} must be a number to dial (digits, spaces between groups, an optional leading +), got "${value}"`);
  }
  return value;
}

const LOOPBACK = ['127.0.0.0/8', '::1'];

/** `KENTRO_TRUSTED_PROXIES` (comma-separated); the older `KENTRO_TRUST_PROXY=on` means the proxy is on this machine. */
function trustedProxies(env: Env): readonly string[] {
  const raw = env.KENTRO_TRUSTED_PROXIES?.trim();
  if (raw) {
    const specs = raw.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = specs.filter((s) => !isProxySpec(s));
    if (bad.length) throw new Error(`KENTRO_TRUSTED_PROXIES must list IP addresses or CIDRs (10.0.0.0/8), not: ${bad.join(', ')}`);
    return specs;
  }
  return bool(env, 'KENTRO_TRUST_PROXY', false) ? LOOPBACK : [];
}

function adminToken(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value.length < 16) throw new Error('KENTRO_ADMIN_TOKEN must be at least 16 characters long');
  return value;
}

/** Builds the configuration from `env` (default `process.env`); `overrides` win over both. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const port = overrides.port ?? int(env, 'PORT', 8080);
  const host = overrides.host ?? (env.HOST?.trim() || '127.0.0.1');
  const origins = env.KENTRO_ALLOWED_ORIGINS?.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  const config: Config = {
    port,
    host,
    dataDir: env.KENTRO_DATA_DIR?.trim() || './data',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    databasePoolSize: atLeastOne(env, 'DATABASE_POOL_SIZE', 10),
    databaseConnectTimeoutMs: atLeast(env, 'KENTRO_DB_CONNECT_TIMEOUT_MS', 5000, 100),
    databaseStatementTimeoutMs: atLeast(env, 'KENTRO_DB_STATEMENT_TIMEOUT_MS', 15_000, 100),
    databaseIdleTimeoutMs: atLeast(env, 'KENTRO_DB_IDLE_TIMEOUT_MS', 30_000, 100),
    allowedOrigins: origins?.length ? origins : [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    adminToken: adminToken(env.KENTRO_ADMIN_TOKEN),
    rateLimitPerMin: int(env, 'KENTRO_RATE_LIMIT_PER_MIN', 30),
    adminFailuresPerWindow: 10,
    minFillMs: int(env, 'KENTRO_MIN_FILL_MS', 3000),
    bodyLimitBytes: int(env, 'KENTRO_BODY_LIMIT_BYTES', 65536),
    requestTimeoutMs: atLeast(env, 'KENTRO_REQUEST_TIMEOUT_MS', 30_000, 100),
    timeZone: timeZone(env.KENTRO_TIME_ZONE),
    logLevel: logLevel(env.KENTRO_LOG_LEVEL),
    seed: bool(env, 'KENTRO_SEED', true),
    trustedProxies: trustedProxies(env),
    idempotencyTtlMs: 24 * 60 * 60 * 1000,
    widgetsDir: env.KENTRO_WIDGETS_DIR?.trim() || `${ROOT}dist`,
    demoDir: `${ROOT}demo`,
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.KENTRO_MAIL_FROM?.trim() || 'Kentro <no-reply@localhost>',
    mailConcurrency: atLeastOne(env, 'KENTRO_MAIL_CONCURRENCY', 4),
    publicUrl: publicUrl(env.KENTRO_PUBLIC_URL, host, port),
    jobsIntervalMs: int(env, 'KENTRO_JOBS_INTERVAL_MS', 30_000),
    guardianHoldHours: atLeastOne(env, 'KENTRO_GUARDIAN_HOLD_HOURS', 72),
    intakeReplyDays: atLeastOne(env, 'KENTRO_INTAKE_REPLY_DAYS', 3),
    intakeWebhookUrl: webhookUrl(env.KENTRO_INTAKE_WEBHOOK_URL),
    intakeWebhookSecret: webhookSecret(env.KENTRO_INTAKE_WEBHOOK_SECRET),
    intakeWebhookTimeoutMs: 10_000,
    emergencyNumber: dialNumber(env, 'KENTRO_EMERGENCY_NUMBER', '112'),
    childLineNumber: dialNumber(env, 'KENTRO_CHILD_LINE_NUMBER', '1107'),
    referralStatusFailuresPerWindow: 10,
    retentionDays: int(env, 'KENTRO_RETENTION_DAYS', 365),
    signupRetentionDays: int(env, 'KENTRO_SIGNUP_RETENTION_DAYS', 90),
  };
  return { ...config, ...overrides };
}
