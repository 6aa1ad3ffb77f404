/**
 * The demo council page, end to end: the real server (PGlite folder), the built widgets, Debian Chromium, the
 * strict CSP with Trusted Types. Fails on any CSP violation, console error or page error, in el, en and ar.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fillReferralPeople, fillReferralRest, SAMPLE_REFERRAL } from '../support/demo-forms.ts';
import { emlFiles, textPartOf, tokenIn } from '../support/volunteering.ts';
import { launchBrowser, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ KENTRO_ADMIN_TOKEN: 'e2e-admin-token-0123456789abcdef', KENTRO_JOBS_INTERVAL_MS: '300' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

interface Trouble { violations: string[]; errors: string[] }

/** Opens a page that records CSP violations (from before any script runs), console errors and page errors. */
async function openPage(path: string, width = 1280): Promise<{ page: Page; trouble: Trouble }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const trouble: Trouble = { violations: [], errors: [] };
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') trouble.errors.push(`${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (err) => trouble.errors.push(`pageerror: ${err.message}`));
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  assert.equal(res?.status(), 200);
  return { page, trouble };
}

async function violations(page: Page) {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** Every `kentro-*` tag the build registers, from the custom-elements manifest. */
async function tags(): Promise<string[]> {
  const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
  return manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter((t): t is string => !!t && t.startsWith('kentro-'));
}

describe('demo page', () => {
  for (const [lang, dir, heading] of [['el', 'ltr', /Δήμος|Κέντρο Κοινότητας/], ['en', 'ltr', /Municipality|Community Centre/], ['ar', 'rtl', /بلدية|مركز/]] as const) {
    it(`serves ${lang} under the strict CSP with no violations or console errors`, async () => {
      const { page, trouble } = await openPage(lang === 'el' ? '/' : `/?lang=${lang}`);
      const res = await fetch(`${server.url}/?lang=${lang}`);
      assert.equal(res.headers.get('content-security-policy'),
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify kentro-jsonld 'allow-duplicates'");
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), dir);
      assert.match(await page.locator('h1').first().innerText(), heading);
      await page.waitForFunction(() => customElements.get('kentro-provider') !== undefined);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(trouble.errors, []);
      await page.close();
    });
  }

  it('has a visible language switch that works without scripts', async () => {
    const { page } = await openPage('/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.close();
  });

  it('loads all.js twice (two copies of the bundle) and two instances of each widget without an exception', async () => {
    const tagNames = await tags();
    assert.ok(tagNames.includes('kentro-provider'));
    const { page, trouble } = await openPage('/');
    // A second copy of the whole bundle at another URL: its modules (and classes) are distinct from the first.
    const dist = new URL('../../dist/', import.meta.url);
    await page.route('**/second-copy/**', async (route) => {
      const file = new URL(route.request().url()).pathname.replace(/^\/second-copy\//, '');
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(new URL(file, dist)) });
    });
    const result = await page.evaluate(async (names) => {
      const host = document.createElement('div');
      host.id = 'twice';
      for (const name of names) for (let i = 0; i < 2; i++) host.append(document.createElement(name));
      document.body.append(host);
      // The second copy arrives by dynamic import (CSP 'self' allows it), as a second <script> would.
      const secondCopy = '/second-copy/all.js';
      await import(secondCopy);
      await Promise.all(names.map((n) => customElements.whenDefined(n)));
      return [...host.children].map((el) => ({ tag: el.localName, upgraded: el.shadowRoot !== null }));
    }, tagNames);
    assert.equal(result.length, tagNames.length * 2);
    assert.ok(result.every((r) => r.upgraded), JSON.stringify(result));
    assert.deepEqual(trouble.errors, []);
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
});

describe('programme directory on the demo page', () => {
  for (const lang of ['el', 'ar'] as const) {
    it(`lists the centre's programmes and opens one under the CSP (${lang})`, async () => {
      const { page, trouble } = await openPage(lang === 'el' ? '/' : `/?lang=${lang}`);
      const directory = page.locator('kentro-programme-directory');
      const cards = directory.locator('.card__title a');
      await cards.first().waitFor({ timeout: 15000 });
      assert.ok(await cards.count() >= 10, `only ${await cards.count()} programmes`);
      const name = await cards.first().innerText();
      await cards.first().click();
      // The heading is there at once; its text once the programme's details have loaded.
      await directory.locator('#detail-title', { hasText: name }).waitFor();
      assert.match(new URL(page.url()).search, /kentro-service=/);
      await page.goBack();
      await cards.first().waitFor();
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(trouble.errors, []);
      await page.close();
    });
  }
});

describe('events calendar on the demo page', () => {
  for (const lang of ['el', 'ar'] as const) {
    it(`shows the centre's events and opens one with the keyboard under the CSP (${lang})`, async () => {
      const { page, trouble } = await openPage(lang === 'el' ? '/' : `/?lang=${lang}`);
      const calendar = page.locator('kentro-events-calendar');
      await calendar.locator('.ev').first().waitFor({ timeout: 15000 });
      assert.ok(await calendar.locator('.ev').count() >= 3);
      const jsonLd = JSON.parse(await page.locator('kentro-events-calendar > script[type="application/ld+json"]').textContent() ?? '[]') as { '@type': string; startDate: string; eventStatus: string }[];
      assert.ok(jsonLd.length >= 3, 'JSON-LD for the visible events is in the light DOM');
      assert.ok(jsonLd.every((e) => e['@type'] === 'Event' && /[+-]\d\d:\d\d$/.test(e.startDate) && e.eventStatus.startsWith('https://schema.org/Event')));
      await calendar.locator('.ev').first().focus();
      await calendar.locator('[tabindex="0"]:has(.ev)').first().press('Enter');
      const dialog = calendar.locator('dialog[open]');
      await dialog.waitFor();
      assert.ok((await dialog.innerText()).length > 20);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(trouble.errors, []);
      await page.close();
    });
  }
});

describe('API', () => {
  it('publishes a valid OpenAPI 3.1 document', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; info: { version: string } };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/health']);
    assert.ok(doc.info.version);
  });

  it('serves the built widgets as a CDN would', async () => {
    const res = await fetch(`${server.url}/widgets/all.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
  });
});

describe('volunteer signup on the demo page', () => {
  it('signs up under the CSP, emails a confirmation (.eml) whose link opens the volunteer\'s own page, and cancels', async () => {
    const { page, trouble } = await openPage('/?lang=en#volunteer', 360);
    const widget = page.locator('kentro-volunteer-signup');
    await widget.locator('.card[data-min-age="18"] .button').first().click();
    await widget.locator('.shift:not(.shift--full) input').first().check();
    await widget.locator('button[type=submit]').click();
    const email = `e2e.${Date.now()}@example.org`;
    await widget.locator('#f-name').fill('Ελένη Ιωάννου');
    await widget.locator('#f-email').fill(email);
    await widget.locator('#f-ageBand-3').check();
    await widget.locator('button[type=submit]').first().click();
    await widget.locator('#f-consent').check();
    await widget.locator('button[type=submit]').first().click();
    await widget.locator('.summary-list').waitFor();
    await page.waitForTimeout(3100); // the backend's minimum fill time (3 s by default) since the form was shown
    await widget.locator('.button-group .button').first().click();
    const reference = await widget.locator('.panel__reference').innerText({ timeout: 15000 });
    assert.match(reference, /^ΕΘ-\d{4}-\d{6}$/);

    let message = '';
    for (let i = 0; i < 100 && !message; i++) {
      const eml = (await emlFiles(server.dataDir)).find((f) => f.raw.includes(`To: ${email}`));
      if (eml) message = textPartOf(eml.raw); else await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(message.includes(reference), 'the confirmation names the reference');
    const link = new URL(`${server.url}/?lang=en#kentro-manage=${tokenIn(message, 'manage')}`);
    assert.ok(message.includes(`${server.url}/?lang=en#kentro-manage=`) || message.includes(`${server.url}/#kentro-manage=`), 'the link returns to the page signed up on');

    assert.deepEqual(await violations(page), []);
    await page.close();

    // The person opens the link from their email: a fresh page load.
    const opened = await openPage(`${link.pathname}${link.search}${link.hash}`, 360);
    const own = opened.page.locator('kentro-volunteer-signup');
    await own.locator('.booking').first().waitFor();
    assert.equal(new URL(opened.page.url()).hash, '', 'the token left the address bar');
    await own.locator('.booking .button').first().click();
    await own.locator('.confirm .button--warning').click();
    await own.locator('.booking--cancelled').waitFor();
    assert.deepEqual(await violations(opened.page), []);
    assert.deepEqual([...trouble.errors, ...opened.trouble.errors], []);
    await opened.page.close();
  });
});

describe('intake form on the demo page', () => {
  it('takes a request under the CSP, from a programme in the directory to a reference number, in Arabic', async () => {
    const { page, trouble } = await openPage('/?lang=ar', 360);
    const directory = page.locator('kentro-programme-directory');
    await directory.locator('.card__title a').first().click();
    await directory.locator('#detail-title').waitFor();
    const programme = await directory.locator('#detail-title').innerText();
    await directory.getByRole('button', { name: /مساعدة/ }).first().click();
    const form = page.locator('kentro-intake-form');
    await form.locator('.notice', { hasText: programme }).waitFor();
    await form.locator('#f-needs').check();
    await form.locator('button[type=submit]').click();
    await form.locator('#f-about-name').fill('فاطمة حسن');
    await form.locator('#f-about-ageBand-2').check();
    await form.locator('button[type=submit]').click();
    await form.locator('#f-contact-methods').check();
    await form.locator('#f-contact-phone').fill('694 123 4567');
    await form.locator('#f-contact-consent').check();
    await form.locator('button[type=submit]').click();
    await form.locator('#f-language-preferred-1').check();
    await form.locator('#f-language-interpreter').check();
    await form.locator('button[type=submit]').click();
    await form.locator('button[type=submit]').click();
    await form.locator('.button-group .button--secondary').first().click(); // skip the optional facts
    await form.locator('.summary-list').waitFor();
    await page.waitForTimeout(3100); // the backend's minimum fill time
    await form.locator('.button-group .button').first().click();
    const reference = await form.locator('.panel__reference').innerText({ timeout: 15000 });
    assert.match(reference, /^ΚΚ-\d{4}-\d{6}$/);
    assert.match(await form.locator('.facts').innerText(), /08:00/, 'the centre\'s hours on the confirmation');
    const stored = await fetch(`${server.url}/api/admin/intake/requests`, { headers: { Authorization: 'Bearer e2e-admin-token-0123456789abcdef' } })
      .then((r) => r.json()) as { items: { reference: string; service?: string; interpreter: boolean }[] };
    const row = stored.items.find((r) => r.reference === reference);
    assert.ok(row, 'stored');
    assert.equal(row!.interpreter, true);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(trouble.errors, []);
    await page.close();
  });
});

describe('dropout referral on the demo page', () => {
  it('stops at immediate risk without sending, then refers and checks the status under the CSP', async () => {
    const { page, trouble } = await openPage('/?lang=el#referral', 1280);
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
    const form = page.locator('kentro-dropout-referral');
    await fillReferralPeople(form, SAMPLE_REFERRAL);
    await form.locator('#f-consent-immediateRisk').check();
    await form.locator('button[type=submit]').click();
    assert.equal(await form.locator('.risk a').first().getAttribute('href'), 'tel:112');
    assert.deepEqual(posts, [], 'nothing sent at immediate risk');
    await form.locator('.risk button').click();
    await fillReferralRest(form);
    await page.waitForTimeout(3100); // the backend's minimum fill time
    await form.locator('.button-group .button').first().click();
    const code = (await form.locator('.code__value').innerText({ timeout: 15000 })).trim();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await form.locator('.button-group .button').first().click();
    await form.locator('.status-form button[type=submit]').click();
    await form.locator('.history').waitFor();
    assert.match(await form.locator('.status-result h3').innerText(), /Υποβλήθηκε/);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(trouble.errors, []);
    await page.close();
  });
});
