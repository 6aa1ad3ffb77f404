/**
 * Background jobs on an interval (`KENTRO_JOBS_INTERVAL_MS`): guardian holds that ran out, 24-hour reminders,
 * then email delivery (so messages made by the first two leave in the same run), then forwarding of intake
 * requests to the council's case system, then retention (records kept long enough are deleted, ./retention.ts),
 * then the rate-limit windows that ended.
 * Each job claims its rows with `FOR UPDATE SKIP LOCKED`, so several servers may run them at once. A run never
 * overlaps the previous one of the same server, and `stop()` waits for a run in progress.
 */
import type { Config } from './config.ts';
import type { Database } from './db/types.ts';
import { purgeEndedWindows } from './http/limiter.ts';
import { forwardDueRequests } from './intake/forward.ts';
import { errorFields, type Logger } from './log.ts';
import { deliverDueMail } from './mail/deliver.ts';
import { createMailer, type Mailer } from './mail/transport.ts';
import { deleteExpiredRecords } from './retention.ts';
import { queueReminders, releaseExpiredHolds } from './volunteering/jobs.ts';

export interface JobDeps {
  db: Database;
  config: Config;
  log: Logger;
  /** Made from the configuration (and closed after the run) when not given. */
  mailer?: Mailer;
}

export interface JobReport {
  holdsReleased: number;
  reminders: number;
  sent: number;
  failed: number;
  /** Intake requests the case system accepted, and attempts it did not. */
  forwarded: number;
  forwardFailed: number;
  /** Intake requests, referrals and signups deleted after their retention period. */
  expired: number;
  /** Idempotency keys (and their stored answers) purged after their 24 hours. */
  keysExpired: number;
  /** Rate-limit and lockout windows that ended. */
  windowsExpired: number;
}

export async function runJobsOnce(deps: JobDeps): Promise<JobReport> {
  const { db, config, log } = deps;
  const mailer = deps.mailer ?? createMailer(config);
  try {
    const holdsReleased = await releaseExpiredHolds(db, config);
    const reminders = await queueReminders(db, config);
    const { sent, failed } = await deliverDueMail(db, mailer, log, 20, config.mailConcurrency);
    const { forwarded, forwardFailed } = await forwardDueRequests(db, config, log);
    const retention = await deleteExpiredRecords(db, config);
    const expired = retention.intakeRequests + retention.referrals + retention.signups;
    const windowsExpired = await purgeEndedWindows(db);
    return { holdsReleased, reminders, sent, failed, forwarded, forwardFailed, expired, keysExpired: retention.idempotencyKeys, windowsExpired };
  } finally {
    if (!deps.mailer) mailer.close();
  }
}

/** Runs the jobs every `config.jobsIntervalMs` (nothing when 0); returns a function that stops them. */
export function startJobs(deps: JobDeps): () => Promise<void> {
  const every = deps.config.jobsIntervalMs;
  if (every <= 0) return async () => undefined;
  const mailer = deps.mailer ?? createMailer(deps.config);
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = runJobsOnce({ ...deps, mailer })
      .then((r) => {
        if (Object.values(r).some((n) => n > 0)) deps.log.info('jobs ran', { ...r });
      })
      .catch((err: unknown) => deps.log.error('jobs failed', errorFields(err)))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, every);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
    if (!deps.mailer) mailer.close();
  };
}
