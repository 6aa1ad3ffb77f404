/**
 * Mounts the intake form's API (`/api/intake/…`) and its staff listing under `/api/admin/`. The request runs in
 * the idempotency transaction (./create.ts); forwarding to the case system happens later, in the jobs
 * (./forward.ts).
 */
import { intakeRoutes } from '../../contract/intake-routes.ts';
import { csvStream } from '../http/csv.ts';
import type { App, AppDeps } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import { route } from '../http/route.ts';
import { ADMIN_INTAKE_CSV_HEADER, adminIntakeCsvRows, adminIntakePage, setIntakeStatus } from './admin.ts';
import { createIntakeRequest } from './create.ts';
import { intakeOptions } from './options.ts';

export function mountIntakeRoutes(app: App, deps: AppDeps) {
  const { db, config } = deps;
  const [optionsDef, createDef, adminListDef, adminPatchDef] = intakeRoutes;

  route(app, optionsDef, async (_input, c) => c.json(await intakeOptions(db, config.intakeReplyDays)));

  route(app, createDef, (tx, { body }) => createIntakeRequest(tx, body, deps));

  route(app, adminListDef, async ({ query }, c) => {
    if (query.format === 'csv') {
      return csvStream(c, 'intake-requests', config.timeZone, ADMIN_INTAKE_CSV_HEADER, adminIntakeCsvRows(db, query, config.timeZone));
    }
    const { rows, next } = await adminIntakePage(db, query, config.timeZone);
    return c.json({ items: rows, ...(next ? { next } : {}) });
  });

  route(app, adminPatchDef, async ({ params, body }, c) => {
    const updated = await setIntakeStatus(db, params.reference, body.status);
    if (!updated) throw new ProblemError(404, 'notFound', { detail: 'No intake request with this reference.' });
    return c.json(updated);
  });
}
