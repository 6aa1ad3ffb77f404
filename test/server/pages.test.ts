/** The demo page under its strict CSP, in three languages, and the widget files served as a CDN would. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { CENTRE_CONTACT } from '../../src/server/seed/organization.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify kentro-jsonld 'allow-duplicates'";

const WIDGET_TAGS = ['kentro-intake-form', 'kentro-programme-directory', 'kentro-events-calendar', 'kentro-volunteer-signup', 'kentro-dropout-referral'];

// Pages touch no database table, so PGlite alone is enough here.
describe('demo page and widget files', () => {
  let s: TestServer;
  let dist: string;
  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'kentro-dist-'));
    await mkdir(join(dist, 'chunks'));
    await writeFile(join(dist, 'all.js'), 'import "./chunks/base-3f9a1c.js";\n');
    await writeFile(join(dist, 'kentro-provider.js'), 'export {};\n');
    await writeFile(join(dist, 'chunks', 'base-3f9a1c.js'), 'export const x = 1;\n');
    await writeFile(join(dist, 'chunks', 'base-3f9a1c.js.map'), '{"version":3}');
    await writeFile(join(dist, 'notes.sh'), 'echo no\n');
    s = await startTestServer({ config: { widgetsDir: dist } });
  });
  after(async () => {
    await s.close();
    await rm(dist, { recursive: true, force: true });
  });

  for (const [query, lang, dir, h1] of [
    ['', 'el', 'ltr', 'Κέντρο Κοινότητας Δήμου Αιγείρου'],
    ['?lang=en', 'en', 'ltr', 'Community Centre of the Municipality of Aigeiros'],
    ['?lang=ar', 'ar', 'rtl', 'المركز المجتمعي لبلدية أيغيروس'],
    ['?lang=xx', 'el', 'ltr', 'Κέντρο Κοινότητας Δήμου Αιγείρου'],
  ] as const) {
    it(`serves the page ${query || 'by default'} in ${lang} (${dir}) under the exact CSP`, async () => {
      const res = await s.fetch(`/${query}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-security-policy'), CSP);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${dir}">`));
      assert.ok(html.includes(`<h1>${h1}</h1>`));
      assert.ok(!html.includes('{{'), 'every placeholder is filled');
      assert.ok(html.includes('<script type="module" src="/widgets/all.js"></script>'));
      assert.match(html, /<kentro-provider api-base="\/api"/);
      assert.doesNotMatch(html, /<script>|<style|\sstyle=|\son[a-z]+=/, 'no inline script, style or handler');
      assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org)/, 'no external resources');
      for (const tag of WIDGET_TAGS) {
        const inner = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '';
        assert.ok(inner.includes(`tel:${CENTRE_CONTACT.phoneHref}`), `${tag} has a fallback with the phone`);
      }
      assert.match(html, new RegExp(`hreflang="${lang}" lang="${lang}" dir="${dir}" aria-current="true"`));
      for (const other of ['el', 'en', 'ar']) assert.ok(html.includes(`href="/?lang=${other}"`), `switch to ${other}`);
    });
  }

  it('serves the demo assets under the same CSP', async () => {
    const css = await s.fetch('/demo/demo.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.equal(css.headers.get('content-security-policy'), CSP);
    const svg = await s.fetch('/demo/emblem.svg');
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.equal(svg.headers.get('content-security-policy'), CSP);
    assert.equal((await s.fetch('/demo/index.html')).status, 404, 'the template is not served raw');
  });

  it('names its stylesheet and emblem by content version, cached for a year at that URL only', async () => {
    const html = await (await s.fetch('/')).text();
    const css = /<link rel="stylesheet" href="(\/demo\/demo\.css\?v=[0-9a-f]{10})">/.exec(html)?.[1];
    const emblem = /<img class="brand-emblem" src="(\/demo\/emblem\.svg\?v=[0-9a-f]{10})"/.exec(html)?.[1];
    assert.ok(css && emblem, 'versioned URLs in the page');
    for (const url of [css, emblem]) {
      const res = await s.fetch(url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', url);
      await res.arrayBuffer();
    }
    for (const url of ['/demo/demo.css', '/demo/demo.css?v=0000000000']) {
      const res = await s.fetch(url);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300', `${url}: not the current version`);
      await res.arrayBuffer();
    }
    assert.equal((await s.fetch('/')).headers.get('cache-control'), 'no-cache', 'the page itself is revalidated');
  });

  it('serves entry files with a one-hour cache and CORS *', async () => {
    const res = await s.fetch('/widgets/all.js');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await res.text(), 'import "./chunks/base-3f9a1c.js";\n');
    const provider = await s.fetch('/widgets/kentro-provider.js', { headers: { Origin: 'https://any.example' } });
    assert.equal(provider.status, 200, 'any site may load the widgets');
    assert.equal(provider.headers.get('cache-control'), 'public, max-age=3600');
  });

  it('serves hashed chunks as immutable for a year', async () => {
    const res = await s.fetch('/widgets/chunks/base-3f9a1c.js');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const map = await s.fetch('/widgets/chunks/base-3f9a1c.js.map');
    assert.match(map.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('answers revalidation with 304', async () => {
    const first = await s.fetch('/widgets/all.js');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await s.fetch('/widgets/all.js', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  it('answers missing, foreign and escaping paths with a 404 problem', async () => {
    for (const path of ['/widgets/nope.js', '/widgets/notes.sh', '/widgets/%2e%2e/package.json', '/widgets/chunks/..%2f..%2fpackage.json', '/widgets/.hidden.js', '/demo/..%2fpackage.json']) {
      const res = await s.fetch(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
      assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.notFound);
      // (fetch resolves `%2e%2e` itself, so some of these never reach /widgets/.)
      if (new URL(path, s.url).pathname.startsWith('/widgets/')) assert.equal(res.headers.get('access-control-allow-origin'), '*', 'readable cross-origin');
    }
  });
});
