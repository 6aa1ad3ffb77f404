/** Helpers for the HSDS API tests: typed GETs, ids of a whole listing, and problem checks. */
import assert from 'node:assert/strict';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import type { TestServer } from './server.ts';

export interface HsdsPage<T = HsdsItem> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** Enough of any HSDS document for the tests to look into it. */
export interface HsdsItem {
  id: string;
  name?: string;
  [field: string]: unknown;
}

export async function getJson<T = unknown>(s: TestServer, path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: T }> {
  const res = await s.fetch(path, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

/** A 200 page of `/api/hsds{path}`. */
export async function getPage<T = HsdsItem>(s: TestServer, path: string): Promise<HsdsPage<T>> {
  const { status, body } = await getJson<HsdsPage<T>>(s, `/api/hsds${path}`);
  assert.equal(status, 200, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Ids, in order, of every service `/services?{query}` finds (one page of up to 1000). */
export async function serviceIds(s: TestServer, query: Record<string, string> = {}): Promise<string[]> {
  const page = await getPage(s, `/services?${new URLSearchParams({ ...query, per_page: '1000' })}`);
  assert.equal(page.size, page.total_items);
  return page.contents.map((c) => c.id);
}

/** Asserts a validation problem naming `field` in `errors[].path`. */
export async function expectValidationProblem(s: TestServer, path: string, field: string) {
  const res = await s.fetch(path);
  assert.equal(res.status, 400, path);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const body = (await res.json()) as Problem;
  assert.equal(body.type, PROBLEM_TYPES.validation);
  assert.ok(body.errors?.some((e) => e.path.join('.') === field), `${path}: errors name ${field}: ${JSON.stringify(body.errors)}`);
}

export const sorted = (ids: readonly string[]) => [...ids].sort();
