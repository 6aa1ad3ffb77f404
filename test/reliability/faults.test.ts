/**
 * Faults: every form of the demo page (intake, volunteer signup, dropout referral), in Chromium, sent to the real
 * server (`src/server/main.ts`, PGlite folder) through a proxy that drops, delays, duplicates and cuts the API's
 * requests and responses at random (seeded; the seed is printed, `KENTRO_FAULT_SEED` replays one).
 *
 * For each attempt, as a person would: fill the form, press Send; when told it failed, press Send again (the
 * answers are kept) until told it was sent. Then:
 * - the record is stored exactly once (the staff API, asked directly, not through the proxy);
 * - a reference shown on screen is a stored record's (never "sent" without a record);
 * - a record stored while the person was told it failed is the one the later Send returns (same reference).
 *
 * The client retries each Send 4 times, so random faults alone seldom make a person see "failed". Every other
 * attempt therefore begins with a storm: the next 10 to 14 sends of that form's POST are cut after the server
 * answered (stored, but the browser hears nothing), the worst case, so the person is told it failed although it
 * was stored, and has to press Send again. (Chromium itself resends a POST whose reused connection closed
 * before any answer, so one attempt of the client can reach the server twice.)
 *
 * `KENTRO_RELIABILITY_FULL=1` makes more attempts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from '../e2e/harness.ts';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { fillReferralPeople, fillReferralRest, SAMPLE_REFERRAL } from '../support/demo-forms.ts';

const FULL = process.env.KENTRO_RELIABILITY_FULL === '1';
const SEED = Number(process.env.KENTRO_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ATTEMPTS = FULL ? 12 : 2;
/** Chance that one API request meets a fault. */
const RATE = 0.45;
/** Sends a person tries before the test gives up (the client itself retries each send 4 times). */
const MAX_SENDS = 12;
const ADMIN_TOKEN = 'reliability-admin-token-0123456789';

/** Decides the storms (below), apart from the proxy's own sequence. */
const stormRandom = seededRandom(SEED ^ 0x5eed);

let server: RunningServer;
let proxy: FaultProxy;
let browser: Browser;

interface Tally { storms: number; attempts: number; sends: number; failedShown: number; storedWhileFailed: number; lost: number; duplicated: number }
const tally: Tally = { storms: 0, attempts: 0, sends: 0, failedShown: 0, storedWhileFailed: 0, lost: 0, duplicated: 0 };

before(async () => {
  server = await startServer({
    KENTRO_ADMIN_TOKEN: ADMIN_TOKEN, KENTRO_MIN_FILL_MS: '0', KENTRO_RATE_LIMIT_PER_MIN: '0', KENTRO_JOBS_INTERVAL_MS: '0',
  });
  proxy = await startFaultProxy(server.url);
  // Only the API misbehaves: the page and the widgets' code load as on any day.
  proxy.random({ seed: SEED, rate: RATE, maxDelayMs: 500, match: (_method, path) => path.startsWith('/api/') });
  browser = await launchBrowser();
  console.log(`# fault seed ${SEED} (replay with KENTRO_FAULT_SEED=${SEED}), rate ${RATE}, ${ATTEMPTS} attempts per form`);
});

after(async () => {
  const stats = proxy?.stats();
  if (stats) {
    const injected = Object.values(stats.faults).reduce((a, b) => a + b, 0);
    console.log(`# fault seed ${SEED}: API requests tried ${stats.tried}, faults injected ${injected} ` +
      `(${Object.entries(stats.faults).map(([k, n]) => `${k} ${n}`).join(', ')}); all proxied requests ${proxy.requests.length}`);
    console.log(`# submissions ${tally.attempts} (${tally.storms} began with a storm of cut responses), Send pressed ${tally.sends}, told failed ${tally.failedShown} ` +
      `(of which already stored ${tally.storedWhileFailed}), records lost ${tally.lost}, duplicated ${tally.duplicated}`);
  }
  await browser?.close();
  await proxy?.close();
  await server?.stop();
});

type Row = Record<string, unknown> & { reference: string };

/** The staff list, straight from the server. */
async function rows(path: string): Promise<Row[]> {
  const res = await fetch(`${server.url}/api/admin/${path}${path.includes('?') ? '&' : '?'}limit=1000`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(res.status, 200);
  return ((await res.json()) as { items: Row[] }).items;
}
const withMarker = async (path: string, marker: string) => (await rows(path)).filter((r) => JSON.stringify(r).includes(marker));

/** Waits for `target`, pressing a widget's "Try again" when a load failed (faults hit GETs too). */
async function reach(widget: Locator, target: Locator) {
  for (let i = 0; i < 120; i++) {
    if (await target.first().waitFor({ timeout: 500 }).then(() => true, () => false)) return;
    const retry = widget.locator('.notice--error button');
    if (await retry.first().isVisible()) await retry.first().click();
  }
  throw new Error(`never reached ${target}`);
}

type FormStatus = 'idle' | 'sending' | 'retrying' | 'sent' | 'failed';
const status = (widget: Locator) => widget.evaluate((el) => (el as unknown as { form: { status: FormStatus } }).form.status);

/**
 * Presses Send until the widget shows a reference; after every failure shown, notes whether the server had in fact
 * stored it. Returns the reference shown.
 */
async function sendUntilSent(widget: Locator, stored: () => Promise<Row[]>): Promise<{ reference: string; storedWhileFailed: string[] }> {
  const storedWhileFailed: string[] = [];
  const reference = widget.locator('.panel__reference');
  const kinds: string[] = [];
  for (let send = 0; send < MAX_SENDS; send++) {
    tally.sends += 1;
    // Record the form's status changes, so a failure notice left from the last Send is not taken for this one's.
    await widget.evaluate((el) => {
      const form = (el as unknown as { form: { status: string; statusLog?: string[] } }).form;
      if (!form.statusLog) {
        let value = form.status;
        Object.defineProperty(form, 'status', { configurable: true, get: () => value, set: (v: string) => { value = v; form.statusLog!.push(v); } });
      }
      form.statusLog = [];
    });
    await widget.locator('.button-group .button').first().click();
    // Settled: sending began, and ended with the reference or the failure notice (or, after two minutes, a
    // description of where the widget is instead, so a stuck run fails with its reason rather than hanging).
    const stuck = await widget.evaluate((el) => new Promise<string | undefined>((resolve) => {
      const e = el as unknown as { form: { status: string; statusLog: string[] }; shadowRoot: ShadowRoot };
      const until = Date.now() + 120_000;
      const check = () => {
        const began = e.form.statusLog.includes('sending');
        const busy = e.form.status === 'sending' || e.form.status === 'retrying';
        const sent = e.shadowRoot.querySelector('.panel__reference') !== null;
        const failed = e.form.status === 'failed' && e.shadowRoot.querySelector('.notice--error[role=alert]') !== null;
        if (began && !busy && (sent || failed)) resolve(undefined);
        else if (Date.now() > until) resolve(`status ${e.form.status}, log ${e.form.statusLog.join(' → ')}: ${e.shadowRoot.textContent?.replace(/\s+/g, ' ').slice(0, 600)}`);
        else setTimeout(check, 50);
      };
      check();
    }));
    assert.equal(stuck, undefined, `the form never settled after Send, seed ${SEED}`);
    if (await reference.count()) return { reference: (await reference.innerText()).trim(), storedWhileFailed };
    assert.equal(await status(widget), 'failed');
    kinds.push(await widget.evaluate((el) => (el as unknown as { form: { failure?: { kind: string } } }).form.failure?.kind ?? '?'));
    tally.failedShown += 1;
    // Any field errors would be a wrong answer to a good form: the failure must be the network's.
    assert.equal(await widget.locator('.error-summary').count(), 0, 'a server refusal, not a network failure');
    const already = await stored();
    if (already.length) storedWhileFailed.push(...already.map((r) => r.reference));
  }
  throw new Error(`not sent after ${MAX_SENDS} presses of Send (failures: ${kinds.join(', ')}), seed ${SEED}`);
}

/** The assertions every attempt ends with. */
async function checkStoredOnce(what: string, marker: string, shown: string, storedWhileFailed: string[], stored: () => Promise<Row[]>) {
  tally.attempts += 1;
  // Duplicated requests may still be on their way to the server: the proxy answers the browser with one copy only
  // once both copies have been answered, so by now every request has settled. Check twice to be sure.
  let found = await stored();
  await new Promise((r) => setTimeout(r, 200));
  found = await stored();
  if (found.length === 0) tally.lost += 1;
  if (found.length > 1) tally.duplicated += found.length - 1;
  if (storedWhileFailed.length) tally.storedWhileFailed += 1;
  assert.equal(found.length, 1, `${what} ${marker}: stored ${found.length} times (${found.map((r) => r.reference).join(', ')}), seed ${SEED}`);
  assert.equal(found[0]!.reference, shown, `${what} ${marker}: the reference shown is the stored record's, seed ${SEED}`);
  for (const ref of storedWhileFailed) {
    assert.equal(ref, shown, `${what} ${marker}: stored as ${ref} while told it failed, but the resend gave ${shown}, seed ${SEED}`);
  }
}

/** On odd attempts, cuts the next 10–14 POSTs to `path` after the server answered them. */
function storm(i: number, path: string) {
  const n = 10 + Math.floor(stormRandom() * 5);
  if (i % 2 === 1) {
    proxy.cutAfterResponse({ method: 'POST', path }, n);
    tally.storms += 1;
  }
}

async function openForm(hash: string, tag: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx keeps function names with a `__name` helper, which functions sent to the page also call.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(`${proxy.url}/?lang=en${hash}`, { waitUntil: 'domcontentloaded' });
  return { page, widget: page.locator(tag) };
}

describe(`forms through a faulty network (seed ${SEED})`, () => {
  it('intake: every request stored exactly once', async () => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const marker = `Ζωή Φαλτ ${SEED}-${i}`;
      const { page, widget } = await openForm('', 'kentro-intake-form');
      await reach(widget, widget.locator('#f-needs'));
      await widget.locator('#f-needs').check();
      await widget.locator('button[type=submit]').click();
      await widget.locator('#f-about-name').fill(marker);
      await widget.locator('#f-about-ageBand-2').check();
      await widget.locator('button[type=submit]').click();
      await widget.locator('#f-contact-methods').check();
      await widget.locator('#f-contact-phone').fill('694 123 4567');
      await widget.locator('#f-contact-consent').check();
      await widget.locator('button[type=submit]').click();
      await widget.locator('#f-language-preferred-1').check();
      await widget.locator('button[type=submit]').click();
      await widget.locator('button[type=submit]').click();
      await widget.locator('.button-group .button--secondary').first().click();
      await widget.locator('.summary-list').waitFor();
      const stored = () => withMarker('intake/requests', marker);
      storm(i, '/api/intake/requests');
      const { reference, storedWhileFailed } = await sendUntilSent(widget, stored);
      assert.match(reference, /^ΚΚ-\d{4}-\d{6}$/);
      await checkStoredOnce('intake', marker, reference, storedWhileFailed, stored);
      await page.close();
    }
  });

  it('volunteer signup: every signup stored exactly once', async () => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const email = `fault.${SEED}.${i}@example.org`;
      const { page, widget } = await openForm('#volunteer', 'kentro-volunteer-signup');
      const cards = widget.locator('.card[data-min-age="18"]');
      await reach(widget, cards);
      // Round the opportunities, so the shifts do not fill up over many attempts.
      await cards.nth(i % await cards.count()).locator('.button').first().click();
      await reach(widget, widget.locator('.shift input'));
      const open = widget.locator('.shift:not(.shift--full) input');
      assert.ok(await open.count() > 0, 'a shift with places left');
      await open.first().check();
      await widget.locator('button[type=submit]').click();
      await widget.locator('#f-name').fill(`Νίκος Φαλτ ${i}`);
      await widget.locator('#f-email').fill(email);
      await widget.locator('#f-ageBand-3').check();
      await widget.locator('button[type=submit]').first().click();
      await widget.locator('#f-consent').check();
      await widget.locator('button[type=submit]').first().click();
      await widget.locator('.summary-list').waitFor();
      const stored = async () => {
        // One row per booked shift: a signup is its reference.
        const found = await withMarker('volunteering/signups', email);
        return [...new Map(found.map((r) => [r.reference, r])).values()];
      };
      storm(i, '/api/volunteering/signups');
      const { reference, storedWhileFailed } = await sendUntilSent(widget, stored);
      assert.match(reference, /^ΕΘ-\d{4}-\d{6}$/);
      await checkStoredOnce('signup', email, reference, storedWhileFailed, stored);
      await page.close();
    }
  });

  it('dropout referral: every referral stored exactly once', async () => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const marker = `Πέτρος Φαλτ ${SEED}-${i}`;
      const { page, widget: form } = await openForm('#referral', 'kentro-dropout-referral');
      await reach(form, form.locator('#f-referrer-name'));
      await fillReferralPeople(form, { ...SAMPLE_REFERRAL, pupil: marker });
      await fillReferralRest(form);
      const stored = () => withMarker('referrals', marker);
      storm(i, '/api/referrals');
      const { reference, storedWhileFailed } = await sendUntilSent(form, stored);
      assert.match(await form.locator('.code__value').innerText(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      await checkStoredOnce('referral', marker, reference, storedWhileFailed, stored);
      await page.close();
    }
  });
});
