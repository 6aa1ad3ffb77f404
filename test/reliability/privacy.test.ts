/**
 * Privacy: every flow on the demo page (Chromium, the real server as `npm start` runs it) leaves nothing behind
 * and lets no personal data out:
 * - after each flow, localStorage, sessionStorage, IndexedDB (`indexedDB.databases()`) and cookies are empty;
 * - no name, email or phone typed appears in any URL requested or visited (raw or URL-encoded);
 * - none appears in the detail of any DOM event dispatched (an init script wraps `EventTarget.prototype.dispatchEvent`);
 * - none appears in the server's stdout/stderr.
 * Flows: directory → "Ask for help" → intake sent; volunteer signup sent → manage link used (cancel); a minor's
 * signup → the guardian's link (from the emailed .eml) used; referral sent → status checked with the code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from '../e2e/harness.ts';
import { fillReferralPeople, fillReferralRest } from '../support/demo-forms.ts';
import { emlFiles, textPartOf, tokenIn } from '../support/volunteering.ts';

const ADMIN_TOKEN = 'privacy-admin-token-0123456789abcdef';
const RUN = Date.now().toString(36);

let server: RunningServer;
let browser: Browser;
/** Every personal value typed or sent, to look for everywhere. */
const personal: string[] = [];
const urls: string[] = [];
const eventDetails: string[] = [];
let flows = 0;

const remember = <T extends string>(v: T): T => { personal.push(v); return v; };

before(async () => {
  server = await startServer({ KENTRO_ADMIN_TOKEN: ADMIN_TOKEN, KENTRO_MIN_FILL_MS: '0', KENTRO_RATE_LIMIT_PER_MIN: '0', KENTRO_JOBS_INTERVAL_MS: '300', KENTRO_LOG_LEVEL: 'debug' });
  browser = await launchBrowser();
});
after(async () => {
  console.log(`# privacy: ${flows} flows, ${urls.length} URLs recorded, ${eventDetails.length} DOM event details recorded, ` +
    `${personal.length} personal values looked for; found in storage/URLs/events/log: 0 (or the test failed)`);
  await browser?.close();
  await server?.stop();
});

/** Every way a value could be written in a URL. */
const spellings = (v: string) => [...new Set([v, encodeURIComponent(v), encodeURIComponent(v).replace(/%20/g, '+'), v.replace(/\s+/g, ''), v.toLowerCase()])];
const leaks = (haystack: string) => personal.flatMap((v) => spellings(v).filter((s) => s.length >= 4 && haystack.includes(s)).map(() => v));

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.exposeFunction('__privacyEvent', (type: string, detail: string) => eventDetails.push(`${type} ${detail}`));
  await page.addInitScript({
    content: `globalThis.__name = (f) => f;
      const dispatch = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (event) {
        if ('detail' in event && event.detail != null) {
          let detail; try { detail = JSON.stringify(event.detail); } catch { detail = String(event.detail); }
          window.__privacyEvent(event.type, detail);
        }
        return dispatch.call(this, event);
      };`,
  });
  page.on('request', (r) => urls.push(r.url()));
  page.on('framenavigated', (f) => urls.push(f.url()));
  return { context, page };
}

/** Nothing stored in the browser, and no personal value in any URL or event detail so far. */
async function assertClean(context: BrowserContext, page: Page, flow: string) {
  flows += 1;
  urls.push(page.url());
  const stored = await page.evaluate(async () => {
    const w = globalThis as unknown as { localStorage: { length: number }; sessionStorage: { length: number }; indexedDB: { databases(): Promise<unknown[]> } };
    return { local: w.localStorage.length, session: w.sessionStorage.length, idb: (await w.indexedDB.databases()).length };
  });
  assert.deepEqual(stored, { local: 0, session: 0, idb: 0 }, `${flow}: browser storage`);
  assert.deepEqual(await context.cookies(), [], `${flow}: cookies`);
  for (const url of urls) assert.deepEqual(leaks(url), [], `${flow}: personal data in the URL ${url}`);
  for (const detail of eventDetails) assert.deepEqual(leaks(detail), [], `${flow}: personal data in an event detail ${detail}`);
  assert.ok(eventDetails.length > 0 || flow.startsWith('referral'), 'the hook saw the widgets\' events');
}

async function open(path: string) {
  const { context, page } = await newPage();
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  assert.equal(res?.status(), 200);
  return { context, page };
}

describe('privacy of every flow on the demo page', () => {
  it('directory "Ask for help" → intake request sent', async () => {
    const { context, page } = await open('/?lang=en');
    const directory = page.locator('kentro-programme-directory');
    await directory.locator('.card__title a').first().click({ timeout: 20_000 });
    await directory.locator('#detail-title').waitFor();
    await directory.getByRole('button', { name: /Ask for help/ }).first().click();
    const form = page.locator('kentro-intake-form');
    await form.locator('#f-needs').check();
    await form.locator('#f-description').fill(remember(`Χρειάζομαι βοήθεια με το νοίκι ${RUN}`)).catch(() => undefined);
    await form.locator('button[type=submit]').click();
    await form.locator('#f-about-name').fill(remember(`Φωτεινή Πριβάτη ${RUN}`));
    await form.locator('#f-about-ageBand-2').check();
    await form.locator('button[type=submit]').click();
    await form.locator('#f-contact-methods').check();
    await form.locator('#f-contact-phone').fill(remember('694 321 9876'));
    await form.locator('#f-contact-consent').check();
    await form.locator('button[type=submit]').click();
    await form.locator('#f-language-preferred-1').check();
    await form.locator('button[type=submit]').click();
    await form.locator('button[type=submit]').click();
    await form.locator('.button-group .button--secondary').first().click();
    await form.locator('.summary-list').waitFor();
    await form.locator('.button-group .button').first().click();
    await form.locator('.panel__reference').waitFor({ timeout: 20_000 });
    await assertClean(context, page, 'intake');
    await context.close();
  });

  it('volunteer signup sent, then the manage link used to cancel', async () => {
    const { context, page } = await open('/?lang=en#volunteer');
    let manageToken = '';
    page.on('response', async (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/api/volunteering/signups') && r.status() === 201) {
        manageToken = ((await r.json()) as { manageToken: string }).manageToken;
      }
    });
    const widget = page.locator('kentro-volunteer-signup');
    await widget.locator('.card[data-min-age="18"] .button').first().click({ timeout: 20_000 });
    await widget.locator('.shift:not(.shift--full) input').first().check();
    await widget.locator('button[type=submit]').click();
    await widget.locator('#f-name').fill(remember(`Ιάσονας Κρυφός ${RUN}`));
    await widget.locator('#f-email').fill(remember(`iasonas.kryfos.${RUN}@example.org`));
    await widget.locator('#f-phone').fill(remember('697 111 2233')).catch(() => undefined);
    await widget.locator('#f-ageBand-3').check();
    await widget.locator('button[type=submit]').first().click();
    await widget.locator('#f-consent').check();
    await widget.locator('button[type=submit]').first().click();
    await widget.locator('.summary-list').waitFor();
    await widget.locator('.button-group .button').first().click();
    await widget.locator('.panel__reference').waitFor({ timeout: 20_000 });
    await assertClean(context, page, 'volunteer signup');
    await context.close();

    assert.ok(manageToken, 'the signup answered with a manage token');
    const manage = await open(`/?lang=en#kentro-manage=${manageToken}`);
    const own = manage.page.locator('kentro-volunteer-signup');
    await own.locator('.booking').first().waitFor({ timeout: 20_000 });
    await own.locator('.booking .button').first().click();
    await own.locator('.confirm .button--warning').click();
    await own.locator('.booking--cancelled').waitFor();
    await assertClean(manage.context, manage.page, 'volunteer manage link');
    await manage.context.close();
  });

  it('a minor\'s signup, then the guardian\'s link from the email', async () => {
    const list = await (await fetch(`${server.url}/api/volunteering/opportunities`)).json() as { items: { id: string; minAge: number }[] };
    const teen = list.items.find((o) => o.minAge <= 15);
    assert.ok(teen, 'an opportunity open to 15–17');
    const detail = await (await fetch(`${server.url}/api/volunteering/opportunities/${teen.id}`)).json() as { shifts: { id: string; placesLeft: number }[] };
    const shift = detail.shifts.find((s) => s.placesLeft > 0)!;
    const guardianEmail = remember(`guardian.${RUN}@example.org`);
    const res = await fetch(`${server.url}/api/volunteering/signups`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        opportunityId: teen.id, shiftIds: [shift.id], name: remember(`Άννα Ανήλικη ${RUN}`), email: remember(`anna.${RUN}@example.org`),
        ageBand: '15-17', consent: true, locale: 'en',
        guardian: { name: remember(`Γεώργιος Κηδεμόνας ${RUN}`), email: guardianEmail, phone: remember('698 765 4321') },
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    let token = '';
    for (let i = 0; i < 150 && !token; i++) {
      const eml = (await emlFiles(server.dataDir)).find((f) => f.raw.includes(`To: ${guardianEmail}`));
      if (eml) token = tokenIn(textPartOf(eml.raw), 'guardian'); else await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(token, 'the guardian was emailed a link');
    const { context, page } = await open(`/?lang=en#kentro-guardian=${token}`);
    const widget = page.locator('kentro-volunteer-signup');
    await widget.locator('button').first().waitFor({ timeout: 20_000 });
    assert.equal(new URL(page.url()).hash, '', 'the token left the address bar');
    await assertClean(context, page, 'guardian link');
    await context.close();
  });

  it('referral sent, then its status checked with the code', async () => {
    const { context, page } = await open('/?lang=en#referral');
    const form = page.locator('kentro-dropout-referral');
    await fillReferralPeople(form, {
      referrer: remember(`Ελένη Σύμβουλος ${RUN}`), referrerEmail: remember(`counsellor.${RUN}@sch.gr`), referrerPhone: remember('24310 99887'),
      pupil: remember(`Μιχάλης Μαθητής ${RUN}`), guardian: remember(`Σοφία Μητέρα ${RUN}`), guardianPhone: remember('694 000 1122'),
    }, { timeout: 20_000 });
    await fillReferralRest(form);
    await form.locator('.button-group .button').first().click();
    await form.locator('.code__value').waitFor({ timeout: 20_000 });
    await assertClean(context, page, 'referral sent');
    await form.locator('.button-group .button').first().click();
    await form.locator('.status-form button[type=submit]').click();
    await form.locator('.history').waitFor();
    await assertClean(context, page, 'referral status');
    await context.close();
  });

  it('the server log holds none of it', async () => {
    assert.ok(personal.length >= 10);
    const log = server.output();
    assert.ok(log.length > 0 && /"msg"/.test(log), 'the server logged (JSON lines)');
    assert.deepEqual(leaks(log), [], 'personal data in the server log');
  });
});
