import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/core/kentro-provider.ts';
import { ContactAnswers, type KentroFormKitExample } from '../../stories/support/form-kit-example.ts';

const $ = <T extends Element = HTMLElement>(el: KentroFormKitExample, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const active = (el: KentroFormKitExample) => el.shadowRoot!.activeElement as HTMLElement | null;

async function fillValid(el: KentroFormKitExample) {
  $(el, '#f-name').focus();
  await sendKeys({ type: 'Ελένη Παπαδοπούλου' });
  $(el, '#f-email').focus();
  await sendKeys({ type: 'eleni@example.gr' });
  $(el, '#f-method').click();
  $(el, '#f-consent').click();
  await el.updateComplete;
}

describe('form kit (<kentro-form-kit-example>)', () => {
  for (const lang of ['el', 'en', 'ar']) {
    it(`is accessible when empty and with errors (${lang})`, async () => {
      const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang=${lang}></kentro-form-kit-example>`);
      await expect(el).to.be.accessible();
      el.form.validate(ContactAnswers);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  describe('when continued with errors', () => {
    it('moves focus to the error summary, which links to each field in order', async () => {
      const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
      $(el, '#f-email').focus();
      await sendKeys({ type: 'not-an-email' });
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await waitUntil(() => active(el)?.classList.contains('error-summary'), 'summary did not take focus');
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#f-name', '#f-email', '#f-method', '#f-consent']);
      expect(links[1].textContent).to.equal('Email — Enter an email address like name@example.com', 'the summary names the question');
      links[1].click();
      expect(active(el)?.id).to.equal('f-email');
      links[2].click();
      expect(active(el)?.id).to.equal('f-method', 'a group link focuses its first option');
    });

    it('keeps every value, marks each field and describes it by its error', async () => {
      const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
      $(el, '#f-email').focus();
      await sendKeys({ type: 'not-an-email' });
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      const email = $<HTMLInputElement>(el, '#f-email');
      expect(email.value).to.equal('not-an-email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.getAttribute('aria-describedby')).to.equal('f-email-hint f-email-error');
      expect($(el, '#f-email-error').textContent).to.contain('Error:');
      expect(email.hasAttribute('required')).to.equal(false);
      expect($(el, 'form').hasAttribute('novalidate')).to.equal(true);
    });

    it('re-validates on input so a fixed error clears', async () => {
      const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#f-name-error')).to.exist;
      $(el, '#f-name').focus();
      await sendKeys({ type: 'Ali' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#f-name-error')).to.equal(null);
      expect(el.shadowRoot!.querySelector('#f-email-error')).to.exist;
    });
  });

  it('does not validate on blur', async () => {
    const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
    $(el, '#f-email').focus();
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
  });

  it('goes to check answers, where a change link returns to the questions with answers kept', async () => {
    const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
    await fillValid(el);
    $(el, '#f-name').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'check');
    await el.updateComplete;
    expect(active(el)?.textContent).to.equal('Check your answers');
    const rows = [...el.shadowRoot!.querySelectorAll('.summary-list__row')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('Ελένη Παπαδοπούλου');
    expect(rows[2]).to.contain('Not provided');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.summary-list__actions button')!.click();
    await el.updateComplete;
    expect(el.step).to.equal('questions');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('Ελένη Παπαδοπούλου');
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
    let sent: unknown;
    el.send = async (body) => { sent = body; return 'ΚΚ-2026-000001'; };
    $(el, '#f-name').focus();
    await sendKeys({ type: 'Ali Hassan' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ali@example.org' });
    await sendKeys({ press: 'Tab' }); // phone (optional)
    await sendKeys({ press: 'Tab' }); // first radio
    await sendKeys({ press: 'ArrowDown' }); // email
    await sendKeys({ press: 'Tab' }); // consent
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // continue
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'check', 'did not reach check answers');
    await el.updateComplete;
    for (let i = 0; i < 10 && active(el)?.textContent !== 'Send'; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent).to.equal('Send');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'not confirmed');
    expect(sent).to.deep.include({ name: 'Ali Hassan', email: 'ali@example.org', method: 'email', consent: true, website: '' });
    await el.updateComplete;
    expect($(el, '.panel__reference').textContent).to.equal('ΚΚ-2026-000001');
    expect(active(el)?.classList.contains('panel__title')).to.equal(true);
  });

  it('shows server field errors from problem+json under their fields', async () => {
    const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang="en"></kentro-form-kit-example>`);
    const { ApiError } = await import('../../src/client/errors.ts');
    el.send = async () => { throw new ApiError('invalid', 'Invalid', 400, { type: 'x', title: 'Invalid', status: 400, errors: [{ path: ['email'], code: 'email', message: 'Invalid email' }] }); };
    await fillValid(el);
    el.step = 'check';
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.button-group .button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.error-summary'));
    expect(el.shadowRoot!.querySelector('.error-summary a')!.textContent).to.equal('Email — Enter an email address like name@example.com');
  });

  describe('in kiosk mode', () => {
    it('switches autocomplete off on personal fields only', async () => {
      const normal = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example></kentro-form-kit-example>`);
      expect($(normal, '#f-email').getAttribute('autocomplete')).to.equal('email');
      const kiosk = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example kiosk></kentro-form-kit-example>`);
      expect($(kiosk, '#f-email').getAttribute('autocomplete')).to.equal('off');
      expect($(kiosk, '#f-name').getAttribute('autocomplete')).to.equal('off');
    });

    it('warns after inactivity, then wipes every answer', async () => {
      const provider = await fixture(html`<kentro-provider kiosk kiosk-timeout="0.2" lang="en"><kentro-form-kit-example></kentro-form-kit-example></kentro-provider>`);
      const el = provider.querySelector('kentro-form-kit-example')!;
      el.kioskControl.stay();
      $(el, '#f-name').focus();
      await sendKeys({ type: 'Private Name' });
      await waitUntil(() => el.kioskControl.warning, 'no warning', { timeout: 3000 });
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      expect(dialog.open).to.equal(true);
      await expect(el).to.be.accessible();
      expect(active(el)?.textContent).to.equal('I am still here');
      el.kioskControl.resetNow();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect($<HTMLInputElement>(el, '#f-name').value).to.equal('');
      expect(el.form.values).to.deep.equal({});
    });

    it('keeps the answers when the person says they are still there', async () => {
      const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example kiosk lang="en"></kentro-form-kit-example>`);
      el.form.set('name', 'Keep me');
      Object.assign(el, { provided: { kiosk: true, kioskTimeoutMs: 100 } });
      el.kioskControl.stay();
      await waitUntil(() => el.kioskControl.warning, 'no warning', { timeout: 3000 });
      await el.updateComplete;
      const stay = el.shadowRoot!.querySelector<HTMLButtonElement>('dialog .button')!;
      setTimeout(() => stay.click());
      await oneEvent(stay, 'click');
      await el.updateComplete;
      expect(el.kioskControl.warning).to.equal(false);
      expect(el.form.value('name')).to.equal('Keep me');
      await aTimeout(0);
    });
  });
});
