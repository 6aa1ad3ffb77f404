/**
 * What an answer to a fuzzed request must be: never 5xx; every 4xx an `application/problem+json` problem whose
 * `status` is the HTTP status, whose `type` is one of ours, and which, for a validation error, names each field by
 * a path into the body, the path parameters or the query; every 2xx JSON answer as its contract says.
 */
import * as z from 'zod/mini';
import { PROBLEM_TYPES, Problem } from '../../src/contract/common.ts';
import { pathPattern, type RouteDef } from '../../src/contract/route.ts';
import type { Operation } from './fuzz-inputs.ts';
import type { RawOutcome } from './raw-request.ts';

export type Fault = 'no answer' | '5xx' | 'non-problem 4xx' | 'bad problem' | 'off-contract 2xx';

export interface Verdict {
  fault?: Fault;
  detail?: string;
}

const OUR_TYPES = new Set<string>(Object.values(PROBLEM_TYPES));

const mediaType = (value: string | string[] | undefined) => String(value ?? '').split(';')[0]!.trim().toLowerCase();

/** Names a validation error may start its path with: body properties, path and query parameters. */
export function fieldNames(op: Operation): Set<string> {
  const names = new Set(op.parameters.map((p) => p.name));
  for (const key of Object.keys(op.bodySchema?.properties ?? {})) names.add(key);
  return names;
}

function checkProblem(text: string, status: number, method: string, names: Set<string>): Verdict {
  if (method === 'HEAD') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { fault: 'bad problem', detail: `not JSON: ${text.slice(0, 120)}` };
  }
  const parsed = z.safeParse(Problem, json);
  if (!parsed.success) return { fault: 'bad problem', detail: `not a problem: ${text.slice(0, 200)}` };
  const p = parsed.data;
  if (p.status !== status) return { fault: 'bad problem', detail: `status ${p.status} in a ${status} answer` };
  if (!OUR_TYPES.has(p.type)) return { fault: 'bad problem', detail: `unknown type ${p.type}` };
  if (p.type === PROBLEM_TYPES.validation) {
    if (!p.errors?.length && !p.detail) return { fault: 'bad problem', detail: 'a validation problem that names no field and says nothing' };
    for (const e of p.errors ?? []) {
      const head = e.path[0];
      if (head !== undefined && !(typeof head === 'string' && names.has(head))) {
        return { fault: 'bad problem', detail: `field path ${JSON.stringify(e.path)} names nothing of the request` };
      }
    }
  }
  return {};
}

/**
 * Whether `target` still names `op` once its dot segments are resolved, as every URL parser does (`/hsds/services/..`
 * and `/hsds/services/%2e%2e` are `/hsds/`, a different operation with a different contract).
 */
export const stillAddresses = (target: string, op: Operation) =>
  pathPattern(`/api${op.path}`).test(new URL(target, 'http://x').pathname);

export function judge(outcome: RawOutcome, method: string, target: string, op: Operation, route: RouteDef | undefined, names: Set<string>): Verdict {
  if (!outcome.ok) return { fault: 'no answer', detail: outcome.error };
  const { status, headers, text } = outcome.response;
  if (status >= 500) return { fault: '5xx', detail: `${status} ${text.slice(0, 300)}` };
  if (status >= 400) {
    if (mediaType(headers['content-type']) !== 'application/problem+json') {
      return { fault: 'non-problem 4xx', detail: `${status} ${String(headers['content-type'])} ${text.slice(0, 120)}` };
    }
    return checkProblem(text, status, method, names);
  }
  if (status >= 200 && status < 300 && method === op.method.toUpperCase() && mediaType(headers['content-type']) === 'application/json' && stillAddresses(target, op)) {
    const schema = route?.responses[status]?.schema;
    if (schema) {
      const result = z.safeParse(schema, JSON.parse(text));
      if (!result.success) return { fault: 'off-contract 2xx', detail: `${status} ${JSON.stringify(result.error.issues.slice(0, 2))}` };
    }
  }
  return {};
}
