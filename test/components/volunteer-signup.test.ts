/**
 * `<kentro-volunteer-signup>` in Chromium against the real seeded backend: a keyboard-only signup from an
 * opportunity to the reference, a shift that fills while the person types, the volunteer's own page with a
 * confirmed cancellation, a guardian's agreement through the link in the outbox, and axe at every page in el/en/ar.
 *
 * Every test that signs up does so on an opportunity of its own (`kentro-opportunity`): the seed's shifts sit at
 * dates relative to the day the tests run and fill up as the suites sign up, so which card comes first and how many
 * places it has would depend on the weekday and on the order the files run in.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/volunteer-signup/kentro-volunteer-signup.ts';
import type { KentroVolunteerSignup } from '../../src/components/volunteer-signup/volunteer-signup.ts';

interface Backend { url: string; proxyUrl: string }
interface OutboxMessage { to: string; subject: string; text: string }

const command = <R>(name: string, payload?: unknown) => executeServerCommand<R, unknown>(name, payload);
const root = (el: KentroVolunteerSignup) => el.shadowRoot!;
const active = (el: KentroVolunteerSignup) => root(el).activeElement as HTMLElement | null;
const text = (el: KentroVolunteerSignup) => root(el).textContent!.replace(/\s+/g, ' ');
let unique = 0;
const email = (who: string) => `${who}.${crypto.randomUUID().slice(0, 8)}${unique++}@example.org`;

async function mount(lang = 'en', attrs: { guardian?: string; list?: boolean } = {}) {
  const { url } = await command<Backend>('kentro-backend');
  const el = await fixture<KentroVolunteerSignup>(html`<kentro-volunteer-signup lang=${lang} api-base="${url}/api"
    guardian-token=${ifDefined(attrs.guardian)}></kentro-volunteer-signup>`);
  if (attrs.list !== false && !attrs.guardian) await waitUntil(() => root(el).querySelector('.card'), 'no opportunities', { timeout: 10000 });
  return el;
}

/** Presses Tab until the focused control matches, as a keyboard user would (at most 80 presses). */
async function tabTo(el: KentroVolunteerSignup, matches: (node: HTMLElement) => boolean, what: string) {
  for (let i = 0; i < 80; i++) {
    const node = active(el);
    if (node && matches(node)) return node;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const byText = (t: string) => (node: HTMLElement) => node.textContent!.trim().startsWith(t);
const byId = (id: string) => (node: HTMLElement) => node.id === id;

async function settle(el: KentroVolunteerSignup) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
}

interface Opportunity { id: string; role: string }

/** An opportunity of the test's own for people from `minAge`, with two shifts 3 and 10 days ahead, 5 places each. */
async function ownOpportunity(minAge = 18): Promise<Opportunity> {
  const role = `Δοκιμή ${minAge}+ ${crypto.randomUUID().slice(0, 8)}`;
  const shifts = [{ startsInDays: 3, capacity: 5 }, { startsInDays: 10, capacity: 5 }];
  const { opportunityId } = await command<{ opportunityId: string }>('kentro-opportunity', { role, minAge, shifts });
  return { id: opportunityId, role };
}

const cardOf = (el: KentroVolunteerSignup, o: Opportunity) =>
  [...root(el).querySelectorAll<HTMLElement>('.card')].find((card) => card.querySelector('h3')!.textContent === o.role)!;

/** Chooses the opportunity's card and its first shift, answers "about you" and lands on `more`. */
async function fillUpTo(el: KentroVolunteerSignup, o: Opportunity, step: 'about' | 'more' | 'check', who = email('vol')) {
  cardOf(el, o).querySelector<HTMLButtonElement>('.button')!.click();
  await settle(el);
  root(el).querySelector<HTMLInputElement>('.shift:not(.shift--full) input')!.click();
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(el);
  if (step === 'about') return;
  for (const [k, v] of Object.entries({ name: 'Ελένη Ιωάννου', email: who, ageBand: '21-64' })) el.form.set(k, v);
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(el);
  if (step === 'more') return;
  el.form.set('consent', true);
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(el);
}

describe('<kentro-volunteer-signup>', () => {
  it('lists opportunities and filters them by skill and place without a request', async () => {
    const el = await mount('el');
    const all = root(el).querySelectorAll('.card').length;
    expect(all).to.be.greaterThan(3);
    const place = root(el).querySelector<HTMLSelectElement>('#f-place')!;
    place.value = place.options[2]!.value;
    place.dispatchEvent(new Event('change'));
    await settle(el);
    expect(root(el).querySelectorAll('.card').length).to.be.within(1, all - 1);
    root(el).querySelector<HTMLButtonElement>('.filter__clear')!.click();
    await settle(el);
    expect(root(el).querySelectorAll('.card').length).to.equal(all);
    await expect(el).to.be.accessible();
  });

  it('signs up with the keyboard alone, from an opportunity to the reference number', async () => {
    const own = await ownOpportunity();
    const el = await mount('en');
    const card = cardOf(el, own);
    const role = own.role;
    (await tabTo(el, (n) => n.closest('.card') === card && n.matches('.button'), 'the card button')).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)?.textContent).to.contain('Which shifts');
    await tabTo(el, (n) => n.matches('.shift:not(.shift--full) input'), 'a shift');
    await sendKeys({ press: 'Space' });
    await tabTo(el, byText('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(el, byId('f-name'), 'name');
    await sendKeys({ type: 'Ελένη Ιωάννου' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: email('keyboard') });
    await tabTo(el, byId('f-ageBand'), 'the age question');
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    expect(el.form.values.ageBand).to.equal('21-64');
    await tabTo(el, byText('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(el, byId('f-consent'), 'consent');
    await sendKeys({ press: 'Space' });
    await tabTo(el, byText('Continue'), 'Continue');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)?.textContent).to.equal('Check your answers');
    expect(text(el)).to.contain(role);
    await tabTo(el, byText('Sign up'), 'Sign up');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    await settle(el);
    expect(root(el).querySelector('.panel__reference')!.textContent).to.match(/^[A-ZΑ-Ω]{2,3}-\d{4}-\d{6}$/u);
    expect(active(el)?.textContent).to.equal('You are signed up');
    expect(text(el)).to.contain('Place confirmed');
    await expect(el).to.be.accessible();
  });

  it('shows every error in a summary that takes focus, and keeps what was typed', async () => {
    const own = await ownOpportunity();
    const el = await mount('en');
    await fillUpTo(el, own, 'about');
    el.form.set('name', 'Ε');
    el.form.set('email', 'not-an-email');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(el);
    const summary = root(el).querySelector('.error-summary')!;
    expect(active(el)).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#f-name', '#f-email', '#f-ageBand']);
    expect(root(el).querySelector<HTMLInputElement>('#f-email')!.value).to.equal('not-an-email');
    summary.querySelector<HTMLAnchorElement>('a[href="#f-email"]')!.click();
    expect(active(el)?.id).to.equal('f-email');
    await expect(el).to.be.accessible();
  });

  it('refuses a role below its minimum age, and tells under-15s how the centre can help', async () => {
    const own = await ownOpportunity(21);
    const el = await mount('en');
    await fillUpTo(el, own, 'about', email('young'));
    for (const [k, v] of Object.entries({ name: 'Νίκος Παππάς', email: email('nikos'), ageBand: '18-20' })) el.form.set(k, v);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(el);
    expect(root(el).querySelector('.error-summary')!.textContent).to.contain('This role is for people aged 21 or over');
    el.form.set('ageBand', 'under-15');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(el);
    expect(active(el)?.textContent).to.equal('You cannot sign up online yet');
    expect(text(el)).to.contain('Ask a parent or guardian to call or visit');
    await expect(el).to.be.accessible();
  });

  it('when the shift fills while the person types, says so next to it, keeps the answers and offers its waiting list', async () => {
    const own = await ownOpportunity();
    const el = await mount('en');
    await fillUpTo(el, own, 'check');
    const shiftId = el.form.values.shiftIds![0]!;
    await command('kentro-fill-shift', { shiftId });
    root(el).querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => root(el).querySelector('.shift__filled'), 'no "filled" notice', { timeout: 10000 });
    await settle(el);
    expect(active(el)?.classList.contains('error-summary')).to.equal(true);
    expect(root(el).querySelector('.shift__filled')!.textContent).to.contain('This shift filled up while you were filling in the form');
    expect(el.form.values.name).to.equal('Ελένη Ιωάννου');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('.shift__filled .button')!.click();
    await settle(el);
    expect(text(el)).to.contain('Full: join the waiting list');
    root(el).querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    expect(text(el)).to.contain('You are on the waiting list');
    expect(text(el)).to.match(/Waiting list, number \d+/);
  });

  it("opens the volunteer's own page from the email link and cancels a shift after confirming", async () => {
    const who = email('manage');
    const own = await ownOpportunity();
    const el = await mount('en');
    await fillUpTo(el, own, 'check', who);
    root(el).querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    const message = (await command<OutboxMessage[]>('kentro-outbox', { to: who })).at(-1)!;
    const token = /#kentro-manage=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    expect(token, 'manage link in the confirmation').to.be.a('string');

    history.replaceState(null, '', `${location.pathname}${location.search}#kentro-manage=${token}`);
    const page = await mount('en', { list: false });
    expect(location.hash, 'token taken out of the address bar').to.equal('');
    await waitUntil(() => root(page).querySelector('.booking'), 'no bookings', { timeout: 10000 });
    expect(text(page)).to.contain('Hello Ελένη');
    expect(text(page)).not.to.contain(who);
    root(page).querySelector<HTMLButtonElement>('.booking .button')!.click();
    await settle(page);
    expect(text(page)).to.contain('Cancel your shift on');
    await expect(page).to.be.accessible();
    root(page).querySelector<HTMLButtonElement>('.confirm .button--warning')!.click();
    await waitUntil(() => root(page).querySelector('.booking--cancelled'), 'not cancelled', { timeout: 10000 });
    expect(text(page)).to.contain('You have no upcoming shifts left.');
  });

  it("a minor's place waits for the guardian, who agrees through the link sent to them", async () => {
    const guardianEmail = email('guardian');
    const own = await ownOpportunity(15);
    const el = await mount('el');
    await fillUpTo(el, own, 'about', email('minor'));
    for (const [k, v] of Object.entries({ name: 'Νίκος Παππάς', email: email('nikos'), ageBand: '15-17' })) el.form.set(k, v);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(el);
    expect(root(el).querySelector('#f-guardian-name')).to.exist;
    await expect(el).to.be.accessible();
    for (const [k, v] of Object.entries({ 'guardian.name': 'Μαρία Παππά', 'guardian.email': guardianEmail, 'guardian.relationship': 'μητέρα' })) el.form.set(k, v);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(el);
    el.form.set('consent', true);
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(el);
    root(el).querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => root(el).querySelector('.panel__reference'), 'no reference', { timeout: 10000 });
    expect(text(el)).to.contain('ρωτάμε τον κηδεμόνα σας');

    const message = (await command<OutboxMessage[]>('kentro-outbox', { to: guardianEmail })).at(-1)!;
    const token = /#kentro-guardian=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    expect(token, 'guardian link in the message').to.be.a('string');
    const guardian = await mount('el', { guardian: token });
    await waitUntil(() => root(guardian).querySelector('.guardian-request .button'), 'no request', { timeout: 10000 });
    expect(text(guardian)).to.contain('Νίκος');
    expect(text(guardian)).not.to.contain('nikos.');
    await expect(guardian).to.be.accessible();
    root(guardian).querySelector<HTMLButtonElement>('.guardian-request .button')!.click();
    await waitUntil(() => root(guardian).querySelector('.outcome'), 'no outcome', { timeout: 10000 });
    expect(text(guardian)).to.contain('επιβεβαιώθηκε');
  });

  for (const lang of ['el', 'en', 'ar']) {
    it(`is accessible on every page (${lang})`, async () => {
      const own = await ownOpportunity();
      const el = await mount(lang);
      await expect(el).to.be.accessible();
      await fillUpTo(el, own, 'about');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await settle(el);
      await expect(el).to.be.accessible();
      for (const [k, v] of Object.entries({ name: 'Ελένη Ιωάννου', email: email('axe'), ageBand: '21-64' })) el.form.set(k, v);
      root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await settle(el);
      await expect(el).to.be.accessible();
      el.form.set('consent', true);
      root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await settle(el);
      await expect(el).to.be.accessible();
      if (lang === 'ar') expect(getComputedStyle(el).direction).to.equal('rtl');
    });
  }
});
