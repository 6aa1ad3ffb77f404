/**
 * `<kentro-dropout-referral>` in Chromium against the real seeded backend: the consent gate, the immediate-risk route
 * (no request leaves the browser), a keyboard-only referral to the reference and status code, the school's status
 * check through the lifecycle (with the centre's note, a wrong code refused), and axe on every page in el/en/ar.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/dropout-referral/kentro-dropout-referral.ts';
import type { KentroDropoutReferral } from '../../src/components/dropout-referral/dropout-referral.ts';
import { storyReferral } from '../../stories/support/referral.ts';

interface Backend { url: string }

const command = <R>(name: string, payload?: unknown) => executeServerCommand<R, unknown>(name, payload);
const root = (el: KentroDropoutReferral) => el.shadowRoot!;
const active = (el: KentroDropoutReferral) => root(el).activeElement as HTMLElement | null;
const $ = <T extends HTMLElement = HTMLElement>(el: KentroDropoutReferral, s: string) => root(el).querySelector<T>(s)!;
const text = (el: KentroDropoutReferral) => root(el).textContent!.replace(/\s+/g, ' ');

async function settle(el: KentroDropoutReferral) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
}

async function mount(lang = 'en') {
  const { url } = await command<Backend>('kentro-backend');
  const el = await fixture<KentroDropoutReferral>(html`<kentro-dropout-referral lang=${lang} api-base="${url}/api"></kentro-dropout-referral>`);
  await waitUntil(() => root(el).querySelector('#f-referrer-name'), 'no form', { timeout: 10000 });
  return el;
}

async function next(el: KentroDropoutReferral) {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await settle(el);
}

const sample = storyReferral([]);
function put(el: KentroDropoutReferral, part: 'referrer' | 'pupil' | 'guardian' | 'consent' | 'indicators', values: object = sample[part]) {
  for (const [k, v] of Object.entries(values)) el.form.set(`${part}.${k}`, typeof v === 'number' ? String(v) : v);
}

async function fillToCheck(el: KentroDropoutReferral) {
  for (const part of ['referrer', 'pupil', 'guardian', 'consent', 'indicators'] as const) { put(el, part); await next(el); }
  el.form.set('support.serviceIds', [$<HTMLInputElement>(el, '#f-support-serviceIds').value]);
  el.form.set('support.urgency', 'routine');
  await next(el);
  expect(root(el).querySelector('.summary-list'), 'check answers').to.exist;
}

async function send(el: KentroDropoutReferral) {
  $<HTMLButtonElement>(el, '.button-group .button').click();
  await waitUntil(() => root(el).querySelector('.code__value'), 'no status code', { timeout: 10000 });
  await settle(el);
  return { reference: $(el, '.panel__reference').textContent!, code: $(el, '.code__value').textContent!.trim() };
}

describe('<kentro-dropout-referral>', () => {
  it('asks why when the guardian has not agreed (the consent gate)', async () => {
    const el = await mount('en');
    for (const part of ['referrer', 'pupil', 'guardian'] as const) { put(el, part); await next(el); }
    put(el, 'consent', { immediateRisk: 'no', guardianAgrees: 'no' });
    await next(el);
    expect(active(el)).to.equal($(el, '.error-summary'));
    expect($(el, '.error-summary').textContent).to.contain('Why not? — Enter an answer');
    el.form.set('consent.reason', 'The father could not be reached this week.');
    await next(el);
    expect(root(el).querySelector('#f-indicators-absencePercent'), 'on to the indicators').to.exist;
  });

  it('on immediate risk shows whom to call and sends nothing', async () => {
    const before = await command<number>('kentro-referral-count');
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => { sent.push(`${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}`); return realFetch(input, init); };
    try {
      const el = await mount('el');
      for (const part of ['referrer', 'pupil', 'guardian'] as const) { put(el, part); await next(el); }
      el.form.set('consent.immediateRisk', 'yes');
      await next(el);
      expect(active(el)?.textContent).to.equal('Τηλεφωνήστε τώρα: μη χρησιμοποιήσετε τη φόρμα');
      const calls = [...root(el).querySelectorAll<HTMLAnchorElement>('.risk a')].map((a) => a.getAttribute('href'));
      expect(calls).to.deep.equal(['tel:112', 'tel:1107']);
      expect(text(el)).to.contain('Δεν στάλθηκε τίποτα');
      await expect(el).to.be.accessible();
      expect(sent.filter((s) => s.startsWith('POST')), 'no request left the browser').to.deep.equal([]);
      expect(await command<number>('kentro-referral-count')).to.equal(before);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('flags persistent and severe absence as the person types', async () => {
    const el = await mount('en');
    for (const part of ['referrer', 'pupil', 'guardian', 'consent'] as const) { put(el, part); await next(el); }
    el.form.set('indicators.absencePercent', '9');
    await settle(el);
    expect($(el, '.level').textContent!.trim()).to.equal('');
    el.form.set('indicators.absencePercent', '10');
    await settle(el);
    expect($(el, '.level').textContent).to.contain('Persistent absence');
    el.form.set('indicators.absencePercent', '50');
    await settle(el);
    expect($(el, '.level').textContent).to.contain('Severe absence');
  });

  it("follows the referral's status with its code: requested, then accepted with the centre's note; a wrong code is refused", async () => {
    const el = await mount('en');
    await fillToCheck(el);
    const { reference, code } = await send(el);
    expect(reference).to.match(/^[A-ZΑ-Ω]{2,3}-\d{4}-\d{6}$/u);
    expect(code).to.match(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(text(el)).not.to.contain(sample.pupil.name);
    [...root(el).querySelectorAll<HTMLButtonElement>('.button-group .button')].find((b) => b.textContent!.includes('Check a referral'))!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '.status-form button[type=submit]').click();
    await waitUntil(() => root(el).querySelector('.history'), 'no history', { timeout: 10000 });
    await settle(el);
    expect($(el, '.status-result h3').textContent).to.equal('Current status: Requested');
    await command('kentro-referral-status', { reference, status: 'accepted', note: 'A social worker will call the family this week.' });
    $<HTMLButtonElement>(el, '.status-form button[type=submit]').click();
    await waitUntil(() => root(el).querySelector('.status-result h3')?.textContent?.includes('Accepted'), 'not accepted', { timeout: 10000 });
    expect(text(el)).to.contain('A social worker will call the family this week.');
    expect(text(el)).not.to.contain(sample.pupil.name);
    await expect(el).to.be.accessible();

    el.status.form.set('code', code.replace(/^./, code[0] === 'A' ? 'B' : 'A'));
    $<HTMLButtonElement>(el, '.status-form button[type=submit]').click();
    await waitUntil(() => root(el).querySelector('.status-result [role=alert]'), 'no refusal', { timeout: 10000 });
    expect(text(el)).to.contain('No referral matches this reference and code');
    expect(root(el).querySelector('.history')).to.equal(null);
  });

  it('refers with the keyboard alone, from the first page to the reference', async () => {
    const el = await mount('en');
    const tabTo = async (match: (n: HTMLElement) => boolean, what: string) => {
      for (let i = 0; i < 60; i++) { const n = active(el); if (n && match(n)) return; await sendKeys({ press: 'Tab' }); }
      throw new Error(`Tab never reached ${what}`);
    };
    const byId = (id: string) => (n: HTMLElement) => n.id === id;
    const byText = (t: string) => (n: HTMLElement) => n.textContent!.trim() === t;
    const type = async (id: string, value: string) => { await tabTo(byId(id), id); await sendKeys({ type: value }); };
    const choose = async (id: string) => { await tabTo(byId(id), id); await sendKeys({ press: 'Space' }); };
    const cont = async () => { await tabTo(byText('Continue'), 'Continue'); await sendKeys({ press: 'Enter' }); await settle(el); };
    await type('f-referrer-name', 'Ελένη Μαρκοπούλου');
    await choose('f-referrer-role');
    await type('f-referrer-school', '2ο Γυμνάσιο Αιγείρου');
    await type('f-referrer-email', 'counsellor@2gym.sch.gr');
    await type('f-referrer-phone', '24310 22334');
    await cont();
    await type('f-pupil-name', 'Γιάννης Κ.');
    await type('f-pupil-age', '13');
    await type('f-pupil-class', "Β' Γυμνασίου");
    await cont();
    await type('f-guardian-name', 'Μαρία Κ.');
    await type('f-guardian-phone', '694 555 1212');
    await choose('f-guardian-responsibility');
    await cont();
    await tabTo(byId('f-consent-immediateRisk'), 'risk');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    expect(el.form.values.consent?.immediateRisk).to.equal('no');
    await choose('f-consent-guardianAgrees');
    await cont();
    await type('f-indicators-absencePercent', '22');
    await type('f-indicators-behaviourIncidents', '0');
    await choose('f-indicators-performance');
    await type('f-indicators-tried', 'Meetings with the mother.');
    await cont();
    await choose('f-support-serviceIds');
    await choose('f-support-urgency');
    await cont();
    expect(active(el)?.textContent).to.equal('Check your answers');
    await tabTo(byText('Send referral'), 'Send referral');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.code__value'), 'no code', { timeout: 10000 });
    await settle(el);
    expect(active(el)?.textContent).to.equal('Referral sent');
    expect(el.form.values).to.deep.equal({});
  });

  for (const lang of ['el', 'en', 'ar']) {
    it(`is accessible on every page (${lang})`, async () => {
      const el = await mount(lang);
      await next(el);
      await expect(el).to.be.accessible();
      for (const part of ['referrer', 'pupil', 'guardian', 'consent', 'indicators'] as const) {
        put(el, part);
        await next(el);
        await expect(el).to.be.accessible();
      }
      el.form.set('support.serviceIds', [$<HTMLInputElement>(el, '#f-support-serviceIds').value]);
      el.form.set('support.urgency', 'urgent');
      await next(el);
      await expect(el).to.be.accessible();
      el.form.set('support.urgencyReason', 'Absences are rising every week.');
      await next(el);
      await expect(el).to.be.accessible();
      await send(el);
      await expect(el).to.be.accessible();
      if (lang === 'ar') expect(getComputedStyle(el).direction).to.equal('rtl');
    });
  }
});
