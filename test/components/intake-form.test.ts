/**
 * `<kentro-intake-form>` in Chromium against the real seeded backend (through the fault proxy where the network
 * must fail): each page's checks and the error summary, change links back to check answers, answers surviving
 * errors and a dead network, kiosk wipes, "exit this page", a keyboard-only request, and axe on every page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/intake-form/kentro-intake-form.ts';
import '../../src/core/kentro-provider.ts';
import type { KentroIntakeForm } from '../../src/components/intake-form/intake-form.ts';

interface Backend { url: string; proxyUrl: string }
interface StoredRequest { reference: string; anonymous: boolean; name?: string; phone?: string; facts?: Record<string, string>; description?: string }

const command = <R>(name: string, payload?: unknown) => executeServerCommand<R, unknown>(name, payload);
const root = (el: KentroIntakeForm) => el.shadowRoot!;
const active = (el: KentroIntakeForm) => root(el).activeElement as HTMLElement | null;
const $ = <T extends HTMLElement = HTMLElement>(el: KentroIntakeForm, selector: string) => root(el).querySelector<T>(selector)!;
const text = (el: KentroIntakeForm) => root(el).textContent!.replace(/\s+/g, ' ');

async function settle(el: KentroIntakeForm) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
}

async function mount(lang = 'en', via: 'url' | 'proxyUrl' = 'url', attrs = '') {
  const backend = await command<Backend>('kentro-backend');
  const el = await fixture<KentroIntakeForm>(html`<kentro-intake-form lang=${lang} api-base="${backend[via]}/api" ?kiosk=${attrs === 'kiosk'}></kentro-intake-form>`);
  await waitUntil(() => root(el).querySelector('#f-needs'), 'no needs', { timeout: 10000 });
  return el;
}

async function next(el: KentroIntakeForm) {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await settle(el);
}

function set(el: KentroIntakeForm, values: Record<string, unknown>) {
  for (const [path, value] of Object.entries(values)) el.form.set(path, value);
}

const PAGES = {
  needs: (el: KentroIntakeForm) => set(el, { needs: [$<HTMLInputElement>(el, '#f-needs').value], description: 'Βοήθεια με το ενοίκιο' }),
  about: (el: KentroIntakeForm) => set(el, { 'about.name': 'Φατμέ Χασάν', 'about.ageBand': '30-44' }),
  contact: (el: KentroIntakeForm) => set(el, { 'contact.methods': ['phone'], 'contact.phone': '694 123 4567', 'contact.consent': true }),
  language: (el: KentroIntakeForm) => set(el, { 'language.preferred': 'ar', 'language.interpreter': true }),
  access: () => undefined,
  facts: (el: KentroIntakeForm) => set(el, { 'facts.migrant': 'yes', 'facts.consent': true }),
};

async function fillAll(el: KentroIntakeForm) {
  for (const fill of Object.values(PAGES)) { fill(el); await next(el); }
  expect(root(el).querySelector('.summary-list'), 'check answers').to.exist;
}

const sendButton = (el: KentroIntakeForm) => $<HTMLButtonElement>(el, '.button-group .button');

describe('<kentro-intake-form>', () => {
  afterEach(() => command('kentro-reset'));

  it('checks each page, with an error summary that takes focus and links to each question', async () => {
    const el = await mount('en');
    const expected: Record<string, string[]> = {
      needs: ['#f-needs'],
      about: ['#f-about-name', '#f-about-ageBand'],
      contact: ['#f-contact-methods', '#f-contact-consent'],
      language: ['#f-language-preferred'],
    };
    for (const [page, links] of Object.entries(expected)) {
      await next(el);
      const summary = $(el, '.error-summary');
      expect(active(el), `${page}: focus on the summary`).to.equal(summary);
      expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href')), page).to.deep.equal(links);
      summary.querySelector<HTMLAnchorElement>('a')!.click();
      expect(`#${active(el)?.id}`).to.equal(links[0]);
      await expect(el).to.be.accessible();
      PAGES[page as keyof typeof PAGES](el);
      await next(el);
    }
    // Cross-field rules: a phone number is needed to be phoned.
    expect(text(el)).to.contain('Do you need anything');
  });

  it('asks for a phone number only to phone or text, and for a name unless the person prefers not to give one', async () => {
    const el = await mount('en');
    PAGES.needs(el);
    await next(el);
    set(el, { 'about.anonymous': true, 'about.ageBand': 'prefer-not' });
    await settle(el);
    expect(root(el).querySelector('#f-about-name'), 'no name question when anonymous').to.equal(null);
    await next(el);
    set(el, { 'contact.methods': ['sms'], 'contact.consent': true });
    await settle(el);
    await next(el);
    expect($(el, '.error-summary').textContent).to.contain('Phone number — Enter an answer');
    set(el, { 'contact.phone': '12' });
    await next(el);
    expect($(el, '.error-summary').textContent).to.contain('Enter a phone number like');
    expect($<HTMLInputElement>(el, '#f-contact-phone').value, 'what was typed is kept').to.equal('12');
  });

  it('shows the ΚΕΑ pre-check as advice when the Minimum Guaranteed Income is chosen', async () => {
    const el = await mount('en');
    $<HTMLInputElement>(el, '#f-needs').click();
    await settle(el);
    const sub = [...root(el).querySelectorAll<HTMLInputElement>('input[name^="subNeeds"]')].find((i) => i.labels![0]!.textContent!.includes('ΚΕΑ'))!;
    sub.click();
    await settle(el);
    expect($(el, '.kea').textContent).to.contain('Bring with you');
    expect($(el, '.kea').textContent).to.contain('Not sure you qualify? Send the request anyway');
    await expect(el).to.be.accessible();
    await next(el);
    expect(root(el).querySelector('.error-summary'), 'advice is never an error').to.equal(null);
  });

  it('returns to check answers after a change', async () => {
    const el = await mount('en');
    await fillAll(el);
    const change = [...root(el).querySelectorAll<HTMLButtonElement>('.summary-list button')].find((b) => b.textContent!.includes('Language'))!;
    change.click();
    await settle(el);
    expect(active(el)?.textContent).to.equal('Which language do you prefer?');
    set(el, { 'language.preferred': 'el' });
    await next(el);
    expect(active(el)?.textContent).to.equal('Check your answers');
    expect(text(el)).to.contain('Ελληνικά');
  });

  it('keeps every answer when the network fails, never claims success, and "Send" again stores it once', async () => {
    const el = await mount('en', 'proxyUrl');
    await fillAll(el);
    const before = await command<number>('kentro-intake-count');
    await command('kentro-fault', { kind: 'drop-before-forward', method: 'POST', path: '/api/intake/requests', times: 100 });
    sendButton(el).click();
    await waitUntil(() => el.form.status === 'failed', 'did not fail', { timeout: 30000 });
    await settle(el);
    expect(text(el)).to.contain('Your answers are kept');
    expect(root(el).querySelector('.panel__reference')).to.equal(null);
    expect(el.form.values.about?.name).to.equal('Φατμέ Χασάν');
    await command('kentro-reset');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 20000 });
    expect(await command<number>('kentro-intake-count')).to.equal(before + 1);
  });

  it('sends with the keyboard alone, from the first page to the reference number', async () => {
    const el = await mount('en');
    const tabTo = async (match: (n: HTMLElement) => boolean, what: string) => {
      for (let i = 0; i < 60; i++) { const n = active(el); if (n && match(n)) return; await sendKeys({ press: 'Tab' }); }
      throw new Error(`Tab never reached ${what}`);
    };
    const byId = (id: string) => (n: HTMLElement) => n.id === id;
    const byText = (t: string) => (n: HTMLElement) => n.textContent!.trim() === t;
    await tabTo(byId('f-needs'), 'the first need');
    await sendKeys({ press: 'Space' });
    await tabTo(byText('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(byId('f-about-name'), 'name');
    await sendKeys({ type: 'Ελένη Παπαδοπούλου' });
    await tabTo(byId('f-about-ageBand'), 'age');
    await sendKeys({ press: 'Space' });
    await tabTo(byText('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(byId('f-contact-methods-3'), 'visit');
    await sendKeys({ press: 'Space' });
    await tabTo(byId('f-contact-consent'), 'consent');
    await sendKeys({ press: 'Space' });
    await tabTo(byText('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(byId('f-language-preferred'), 'Greek');
    await sendKeys({ press: 'Space' });
    for (const _ of ['language', 'access']) {
      await tabTo(byText('Continue'), 'Continue');
      await sendKeys({ press: 'Enter' });
      await settle(el);
    }
    await tabTo(byText('Skip this step'), 'Skip');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)?.textContent).to.equal('Check your answers');
    await tabTo(byText('Send request'), 'Send request');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    await settle(el);
    expect($(el, '.panel__reference').textContent).to.match(/^ΚΚ-\d{4}-\d{6}$/u);
    expect(active(el)?.textContent).to.equal('Your request was sent');
    expect(text(el)).to.contain('Come to the centre when it suits you');
    const stored = await command<StoredRequest>('kentro-intake-latest');
    expect(stored.name).to.equal('Ελένη Παπαδοπούλου');
    expect(el.form.values, 'nothing personal kept in the widget').to.deep.equal({});
    await expect(el).to.be.accessible();
  });

  it('stores nothing it was not given: anonymous means no name, facts only with consent', async () => {
    const el = await mount('en');
    await fillAll(el);
    set(el, { 'about.anonymous': true, 'facts.consent': undefined });
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    const stored = await command<StoredRequest>('kentro-intake-latest');
    expect(stored.reference).to.equal($(el, '.panel__reference').textContent);
    expect(stored.anonymous).to.equal(true);
    expect(stored.name).to.equal(undefined);
    expect(stored.facts).to.equal(undefined);
  });

  it('"Exit this page" (button or Shift three times) replaces the form with neutral content and wipes everything', async () => {
    for (const how of ['button', 'shift'] as const) {
      const el = await mount('en');
      PAGES.needs(el);
      await next(el);
      $<HTMLInputElement>(el, '#f-about-name').focus();
      await sendKeys({ type: 'Secret Name' });
      if (how === 'button') $<HTMLButtonElement>(el, '.exit__button').click();
      else for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      await settle(el);
      expect(root(el).querySelector('.neutral'), how).to.exist;
      expect(text(el)).not.to.contain('Secret Name');
      expect(el.form.values, how).to.deep.equal({});
      expect(root(el).querySelector('input'), 'no form left').to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('in kiosk mode wipes the answers after sending, and after inactivity', async () => {
    const el = await mount('en', 'url', 'kiosk');
    await fillAll(el);
    expect(el.form.values.about?.name).to.equal('Φατμέ Χασάν');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    expect(el.form.values).to.deep.equal({});

    const { url } = await command<Backend>('kentro-backend');
    const provider = await fixture(html`<kentro-provider kiosk kiosk-timeout="0.3" lang="en"><kentro-intake-form api-base="${url}/api"></kentro-intake-form></kentro-provider>`);
    const idle = provider.querySelector('kentro-intake-form')!;
    await waitUntil(() => idle.shadowRoot!.querySelector('#f-needs'), 'no needs', { timeout: 10000 });
    PAGES.needs(idle);
    await next(idle);
    idle.shadowRoot!.querySelector<HTMLInputElement>('#f-about-name')!.focus();
    await sendKeys({ type: 'Private Name' });
    expect(idle.shadowRoot!.querySelector('#f-about-name')!.getAttribute('autocomplete')).to.equal('off');
    await waitUntil(() => idle.kioskControl.warning, 'no warning', { timeout: 5000 });
    idle.kioskControl.resetNow();
    await settle(idle);
    expect(idle.form.values).to.deep.equal({});
    expect(idle.shadowRoot!.querySelector('#f-needs'), 'back at the first page').to.exist;
  });

  for (const lang of ['el', 'en', 'ar']) {
    it(`is accessible on every page (${lang})`, async () => {
      const el = await mount(lang);
      for (const fill of Object.values(PAGES)) {
        await expect(el).to.be.accessible();
        fill(el);
        await next(el);
      }
      await expect(el).to.be.accessible();
      sendButton(el).click();
      await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
      await settle(el);
      await expect(el).to.be.accessible();
      if (lang === 'ar') expect(getComputedStyle(el).direction).to.equal('rtl');
    });
  }
});
