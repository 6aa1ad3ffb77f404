/**
 * Mounts the school-dropout referral's API (`/api/referrals/…`) and its staff side under `/api/admin/`. The
 * referral runs in the idempotency transaction (./create.ts); a status change runs in a transaction of its own
 * that also writes the referrer's email to the outbox (./change.ts).
 */
import { referralRoutes } from '../../contract/referral-routes.ts';
import { csvStream } from '../http/csv.ts';
import type { App, AppDeps } from '../http/env.ts';
import { route } from '../http/route.ts';
import { ADMIN_REFERRALS_CSV_HEADER, adminReferralPage, adminReferralsCsvRows } from './admin.ts';
import { changeReferralStatus } from './change.ts';
import { createReferral } from './create.ts';
import { referralProgrammes } from './programmes.ts';
import { statusChecker } from './status-check.ts';

export function mountReferralRoutes(app: App, deps: AppDeps) {
  const { db, config } = deps;
  const [optionsDef, createDef, statusDef, adminListDef, adminPatchDef] = referralRoutes;
  const checkStatus = statusChecker(db, deps.limits, config.timeZone, config.referralStatusFailuresPerWindow);

  route(app, optionsDef, async (_input, c) => c.json({
    programmes: await referralProgrammes(db),
    emergency: { general: config.emergencyNumber, childLine: config.childLineNumber },
  }));

  route(app, createDef, (tx, { body }) => createReferral(tx, body, deps));

  route(app, statusDef, ({ params }, c) => checkStatus(c, params.reference));

  route(app, adminListDef, async ({ query }, c) => {
    if (query.format === 'csv') {
      return csvStream(c, 'referrals', config.timeZone, ADMIN_REFERRALS_CSV_HEADER, adminReferralsCsvRows(db, query, config.timeZone));
    }
    const { rows, next } = await adminReferralPage(db, query, config.timeZone);
    return c.json({ items: rows, ...(next ? { next } : {}) });
  });

  route(app, adminPatchDef, async ({ params, body }, c) => c.json(await changeReferralStatus(db, config, params.reference, body)));
}
