/**
 * Fuzz: fast-check requests against every operation of the server's own OpenAPI document (GET /api/openapi.json),
 * with bodies, headers, path ids and query strings made from its schemas and broken in every way we could think
 * of (./fuzz-inputs.ts). No answer may be a 5xx; every 4xx must be a problem (./fuzz-checks.ts); the server must
 * still answer /api/health afterwards. The seed is fixed and printed (KENTRO_FUZZ_SEED picks another);
 * KENTRO_RELIABILITY_FULL=1 runs ten times as many requests (KENTRO_FUZZ_RUNS sets the number per operation).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { routes } from '../../src/contract/routes.ts';
import { backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { judge, fieldNames, type Fault } from './fuzz-checks.ts';
import { requestsFor, type FuzzContext, type Operation, type Parameter } from './fuzz-inputs.ts';
import { closeRawAgent, sendRaw } from './raw-request.ts';
import { makeRecords } from './records.ts';
import type { IntakeRequest } from '../../src/contract/intake.ts';
import { intakeBody } from '../support/intake.ts';
import { referralBody } from '../support/referral.ts';
import { signupBody } from '../support/volunteering.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

const FULL = process.env.KENTRO_RELIABILITY_FULL === '1';
const SEED = Number(process.env.KENTRO_FUZZ_SEED ?? 20_260_917);
const RUNS_PER_OPERATION = Number(process.env.KENTRO_FUZZ_RUNS ?? (FULL ? 300 : 30));
const ALLOWED_ORIGIN = 'https://www.kentro-dimou.example.gr';

interface OpenApiOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method, path, operationId: op.operationId,
        parameters: params.filter((p) => p.in !== 'header'),
        bodySchema: op.requestBody?.content['application/json']?.schema,
        idempotent: params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        admin: (op.security?.length ?? 0) > 0,
      });
    }
  }
  return ops;
}

/** A date `offset` days from today, `2026-03-01`. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function ids(s: TestServer, table: string): Promise<string[]> {
  const { rows } = await s.db.query<{ id: string }>(`SELECT id::text AS id FROM ${table} ORDER BY id LIMIT 20`);
  return rows.map((r) => r.id);
}

for (const backend of backends()) {
  describe(`fuzz every operation of the OpenAPI document (${backend})`, () => {
    let s: TestServer;
    let ops: Operation[];
    let ctx: FuzzContext;

    before(async () => {
      s = await startTestServer({
        backend, seed: true,
        // Generous limits, so requests with the right token reach the handlers all run long (./access.test.ts
        // tests the limits themselves).
        config: { allowedOrigins: [ALLOWED_ORIGIN], adminFailuresPerWindow: 1_000_000, referralStatusFailuresPerWindow: 1_000_000, jobsIntervalMs: 0 },
      });
      const doc = (await (await s.fetch('/api/openapi.json')).json()) as OpenApiDocument;
      ops = operationsOf(doc);
      const r = await makeRecords(s);
      const serviceIds = await ids(s, 'services');
      const termIds = await ids(s, 'taxonomy_terms');
      const uuid = [
        ...serviceIds, ...termIds, ...(await ids(s, 'taxonomies')), ...(await ids(s, 'organizations')), ...(await ids(s, 'service_at_locations')),
        ...(await ids(s, 'events')), ...(await ids(s, 'volunteer_opportunities')), ...(await ids(s, 'volunteer_shifts')),
      ];
      ctx = {
        components: doc.components.schemas,
        allowedOrigins: [ALLOWED_ORIGIN, s.url],
        adminToken: TEST_ADMIN_TOKEN,
        bodyLimitBytes: s.config.bodyLimitBytes,
        pathPools: {
          '/hsds/services/{id}': serviceIds,
          '/hsds/taxonomies/{id}': await ids(s, 'taxonomies'),
          '/hsds/taxonomy_terms/{id}': termIds,
          '/hsds/service_at_locations/{id}': await ids(s, 'service_at_locations'),
          '/hsds/organizations/{id}': await ids(s, 'organizations'),
          '/events/{id}': await ids(s, 'events'),
          '/events/{id}.ics': await ids(s, 'events'),
          '/volunteering/opportunities/{id}': await ids(s, 'volunteer_opportunities'),
          '/volunteering/guardian/{token}': [r.minor.guardianToken],
          '/referrals/{reference}/status': [r.referrals[0]!.reference],
        },
        samples: {
          createIntakeRequest: [intakeBody(), intakeBody({ about: { anonymous: true } } as Partial<IntakeRequest>)],
          createReferral: [referralBody(), referralBody()],
          createVolunteerSignup: [signupBody(r.opportunityId, [r.shiftIds[0]!]), signupBody(r.opportunityId, r.shiftIds, { waitlistIfFull: true })],
        },
        pools: {
          uuid,
          needs: termIds, serviceId: serviceIds, serviceIds, opportunityId: [r.opportunityId], shiftIds: r.shiftIds, shiftId: r.shiftIds,
          token: [r.adult.manageToken, r.minor.manageToken, r.minor.guardianToken],
          reference: [r.intakeReference, ...r.referrals.map((x) => x.reference)],
          from: [day(-3), day(0), `${day(1)}T08:00:00+02:00`], to: [day(30), day(90), `${day(10)}T20:00:00Z`],
          authorization: r.referrals.map((x) => `Bearer ${x.statusToken}`),
        },
      };
    });
    after(async () => {
      await s.close();
      closeRawAgent();
    });

    it('answers every generated request without a 5xx, every 4xx as a problem, and stays up', async () => {
      assert.ok(ops.length >= 30, `the document lists the API's operations (${ops.length})`);
      const counts: Record<Fault, number> & { requests: number } = {
        requests: 0, 'no answer': 0, '5xx': 0, 'non-problem 4xx': 0, 'bad problem': 0, 'off-contract 2xx': 0,
      };
      const statuses = new Map<number, number>();
      /** Operations that answered 2xx at least once: the fuzz got past validation into the handler. */
      const reached = new Set<string>();
      const examples: string[] = [];
      console.log(`fuzz (${backend}): seed ${SEED}, ${RUNS_PER_OPERATION} requests for each of ${ops.length} operations${FULL ? ' (full run)' : ''}`);
      for (const [i, op] of ops.entries()) {
        const route = routes.find((r) => r.operationId === op.operationId);
        // A request sent with another method is answered (and validated) by that method's operation on the path.
        const namesFor = (method: string) => fieldNames(ops.find((o) => o.path === op.path && o.method.toUpperCase() === method) ?? op);
        await fc.assert(
          fc.asyncProperty(requestsFor(op, ctx), async (req) => {
            const outcome = await sendRaw(s.url, req);
            counts.requests++;
            if (outcome.ok) {
              statuses.set(outcome.response.status, (statuses.get(outcome.response.status) ?? 0) + 1);
              if (outcome.response.status < 300 && req.method === op.method.toUpperCase()) reached.add(op.operationId);
            }
            const verdict = judge(outcome, req.method, req.target, op, route, namesFor(req.method));
            if (verdict.fault) {
              counts[verdict.fault]++;
              if (examples.length < 15) {
                const body = typeof req.body === 'string' ? req.body.slice(0, 200) : req.body ? `<${req.body.length} bytes>` : '';
                examples.push(`${verdict.fault}: ${req.method} ${req.target.slice(0, 200)} ${JSON.stringify(req.headers).slice(0, 300)} ${body}\n    → ${verdict.detail}`);
              }
            }
          }),
          { seed: SEED + i, numRuns: RUNS_PER_OPERATION },
        );
      }
      const health = await s.fetch('/api/health');
      const histogram = [...statuses].sort(([a], [b]) => a - b).map(([k, v]) => `${k}×${v}`).join(' ');
      console.log(`fuzz (${backend}): ${counts.requests} requests tried; 5xx ${counts['5xx']}; non-problem 4xx ${counts['non-problem 4xx']}; ` +
        `bad problems ${counts['bad problem']}; off-contract 2xx ${counts['off-contract 2xx']}; unanswered ${counts['no answer']}; health ${health.status}`);
      console.log(`fuzz (${backend}): statuses ${histogram}`);
      const missed = ops.filter((op) => !reached.has(op.operationId)).map((op) => op.operationId);
      console.log(`fuzz (${backend}): ${reached.size} of ${ops.length} operations answered 2xx at least once${missed.length ? `; never: ${missed.join(', ')}` : ''}`);
      for (const e of examples) console.log(`  ${e}`);
      assert.equal(counts.requests, ops.length * RUNS_PER_OPERATION);
      assert.ok(reached.size >= ops.length * 0.75, 'most operations were reached past validation (the inputs are not all rejected at the door)');
      assert.deepEqual(
        { '5xx': counts['5xx'], 'non-problem 4xx': counts['non-problem 4xx'], 'bad problem': counts['bad problem'], 'off-contract 2xx': counts['off-contract 2xx'], 'no answer': counts['no answer'] },
        { '5xx': 0, 'non-problem 4xx': 0, 'bad problem': 0, 'off-contract 2xx': 0, 'no answer': 0 },
        examples.join('\n'),
      );
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
      assert.deepEqual(s.logs.filter((l) => l.level === 'error').map((l) => l.msg), [], 'nothing was logged as an error');
    });
  });
}
