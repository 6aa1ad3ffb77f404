/**
 * Paths with a suffixed parameter (`/events/{id}.ics`, later `/volunteering/signups/{token}.ics`): Hono gets a
 * pattern that keeps the suffix, validation sees the id without it, and a plain `/events/{id}` next to it never
 * answers for `x.ics`, whichever was mounted first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { defineRoute, paramSuffixes, pathPattern, toRouterPath } from '../../src/contract/route.ts';
import type { AppEnv } from '../../src/server/http/env.ts';
import { notFoundHandler } from '../../src/server/http/not-found.ts';
import { route } from '../../src/server/http/route.ts';

describe('route paths with suffixed parameters', () => {
  it('turns contract paths into Hono paths and patterns', () => {
    assert.equal(toRouterPath('/events/{id}'), '/events/:id');
    assert.equal(toRouterPath('/events/{id}.ics'), '/events/:id{[^/]+\\.ics}');
    assert.equal(toRouterPath('/events.ics'), '/events.ics');
    assert.equal(toRouterPath('/volunteering/signups/{token}.ics'), '/volunteering/signups/:token{[^/]+\\.ics}');
    assert.equal(toRouterPath('/a/{x}/b/{y}.tar.gz'), '/a/:x/b/:y{[^/]+\\.tar\\.gz}');
    assert.deepEqual(paramSuffixes('/events/{id}.ics'), { id: '.ics' });
    assert.deepEqual(paramSuffixes('/events/{id}'), {});
    assert.ok(pathPattern('/events/{id}.ics').test('/events/abc.ics'));
    assert.ok(!pathPattern('/events/{id}.ics').test('/events/abc'));
    assert.ok(!pathPattern('/events/{id}.ics').test('/events/a/b.ics'));
    assert.ok(!pathPattern('/events.ics').test('/eventsXics'));
  });

  const Params = z.object({ id: z.string().check(z.regex(/^[a-z0-9_-]+$/)) });
  const plain = defineRoute({
    method: 'get', path: '/things/{id}', operationId: 'getThing', summary: 'A thing', tags: ['test'], params: Params,
    responses: { 200: { description: 'JSON' } },
  });
  const file = defineRoute({
    method: 'get', path: '/things/{id}.ics', operationId: 'getThingFile', summary: 'A thing as a file', tags: ['test'], params: Params,
    responses: { 200: { description: 'iCalendar', contentType: 'text/calendar' } },
  });
  const list = defineRoute({
    method: 'get', path: '/things.ics', operationId: 'getThings', summary: 'All things', tags: ['test'],
    responses: { 200: { description: 'iCalendar', contentType: 'text/calendar' } },
  });

  for (const order of ['plain first', 'file first'] as const) {
    it(`answers /things/x.ics from the file route and /things/x from the plain one (${order})`, async () => {
      const app = new Hono<AppEnv>();
      const mountPlain = () => route(app, plain, ({ params }, c) => c.json({ route: 'plain', id: params.id }));
      const mountFile = () => route(app, file, ({ params }, c) => c.json({ route: 'file', id: params.id }));
      if (order === 'plain first') { mountPlain(); mountFile(); } else { mountFile(); mountPlain(); }
      route(app, list, (_input, c) => c.json({ route: 'list' }));
      app.notFound(notFoundHandler(app));
      const get = async (path: string) => {
        const res = await app.request(`/api${path}`);
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      assert.deepEqual(await get('/things/abc.ics'), { status: 200, body: { route: 'file', id: 'abc' } });
      assert.deepEqual(await get('/things/abc'), { status: 200, body: { route: 'plain', id: 'abc' } });
      assert.deepEqual(await get('/things.ics'), { status: 200, body: { route: 'list' } });
      // The id is validated without its suffix: `a.b` is no id, so 400 naming `id`.
      const bad = await get('/things/a.b.ics');
      assert.equal(bad.status, 400);
      assert.deepEqual((bad.body.errors as { path: string[] }[]).map((e) => e.path), [['id']]);
      assert.equal((await get('/things/abc.ics/more')).status, 404);
      assert.equal((await get('/things/.ics')).status, 400, 'the plain route: `.ics` is no id');
      const post = await app.request('/api/things/abc.ics', { method: 'POST' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
    });
  }
});
