import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/core/kentro-provider.ts';
import { civilDay, civilDaysBetween } from '../../src/core/civil-day.ts';
import { define } from '../../src/core/define.ts';
import { KentroElement } from '../../src/core/kentro-element.ts';
import { registerTranslation } from '../../src/core/translations/registry.ts';
import { en } from '../../src/core/translations/en.ts';
import referralStrings from '../../src/core/translations/el/referral.ts';
import type { KentroProvider } from '../../src/core/provider.ts';

/** A minimal widget: shows what its localize controller and config resolve to. */
class ProbeElement extends KentroElement {
  protected override render() {
    return html`<p id="t">${this.localize.term('common.submit')}</p><p id="n">${this.localize.term('common.results', { count: 2 })}</p><p id="api">${this.resolvedApiBase ?? ''}</p>`;
  }
}
define('kentro-test-probe', ProbeElement);

const text = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!.textContent;

/** A widget that brings its own Greek section (as every real widget does), and one that does not. */
class SectionProbe extends KentroElement {
  static override translations = [referralStrings];
  protected override render() { return html`<p id="t">${this.localize.term('referral.send')}</p>`; }
}
class NoSectionProbe extends KentroElement {
  protected override render() { return html`<p id="t">${this.localize.term('intake.send')}</p>`; }
}
define('kentro-test-section', SectionProbe);
define('kentro-test-no-section', NoSectionProbe);

describe('define()', () => {
  it('tolerates the same tag registered twice, by the same class or another copy', () => {
    class Copy extends ProbeElement {}
    expect(() => define('kentro-test-probe', ProbeElement)).not.to.throw();
    expect(() => define('kentro-test-probe', Copy)).not.to.throw();
    expect(customElements.get('kentro-test-probe')).to.equal(ProbeElement);
  });

  it('warns when another Kentro version already registered the tag', () => {
    class Old extends LitElement { static kentroVersion = '0.0.1'; }
    class New extends LitElement { static kentroVersion = '9.9.9'; }
    define('kentro-test-versioned', Old);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try { define('kentro-test-versioned', New); } finally { console.warn = original; }
    expect(warnings).to.have.length(1);
    expect(String((warnings[0] as unknown[])[0])).to.contain('0.0.1');
  });
});

describe('LocalizeController', () => {
  afterEach(() => { document.documentElement.lang = 'en'; });

  it('defaults to Greek when nothing says otherwise', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture(html`<kentro-test-probe></kentro-test-probe>`);
    expect(text(el, 't')).to.equal('Αποστολή');
    expect(text(el, 'n')).to.equal('2 αποτελέσματα');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('takes the nearest [lang] ancestor and follows changes', async () => {
    const wrapper = await fixture(html`<div lang="en"><kentro-test-probe></kentro-test-probe></div>`);
    const el = wrapper.querySelector('kentro-test-probe')!;
    // English comes in a chunk of its own: the first render waits for it (never Greek first).
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(el, 't')).to.equal('Send');
    wrapper.setAttribute('lang', 'ar');
    await waitUntil(() => text(el, 't') === 'إرسال', 'did not switch to Arabic');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(text(el, 'n')).to.equal('نتيجتان');
  });

  it('prefers the element\'s own lang and resolves regional tags', async () => {
    const el = await fixture(html`<div lang="ar"><kentro-test-probe lang="el-GR"></kentro-test-probe></div>`);
    expect(text(el.querySelector('kentro-test-probe')!, 't')).to.equal('Αποστολή');
  });

  it("adds a widget's own Greek strings when it connects, and only those", async () => {
    const own = await fixture(html`<kentro-test-section lang="el"></kentro-test-section>`);
    expect(text(own, 't')).to.equal('Αποστολή παραπομπής');
    const other = await fixture(html`<kentro-test-no-section lang="el"></kentro-test-no-section>`);
    expect(text(other, 't'), 'the intake section was never brought by any widget here').to.equal('');
  });

  it('re-renders when a council registers a locale', async () => {
    const el = await fixture(html`<kentro-test-probe lang="sq"></kentro-test-probe>`);
    expect(text(el, 't')).to.equal('Αποστολή');
    registerTranslation({ ...en, $code: 'sq', $name: 'Shqip', common: { ...en.common, submit: 'Dërgo' } });
    await waitUntil(() => text(el, 't') === 'Dërgo', 'did not pick up the new locale');
  });
});

describe('<kentro-provider>', () => {
  it('is accessible and renders its children', async () => {
    const el = await fixture(html`<kentro-provider api-base="/api"><p>content</p></kentro-provider>`);
    await expect(el).to.be.accessible();
    expect(el.textContent).to.contain('content');
  });

  it('gives api base, language and string overrides; the attribute on a widget wins', async () => {
    const provider = await fixture<KentroProvider>(html`<kentro-provider api-base="/council/api" locale="en">
      <kentro-test-probe id="a"></kentro-test-probe>
      <kentro-test-probe id="b" api-base="https://other.example/api"></kentro-test-probe>
    </kentro-provider>`);
    const [a, b] = provider.querySelectorAll('kentro-test-probe');
    await (a as ProbeElement).updateComplete;
    expect(text(a, 'api')).to.equal('/council/api');
    expect(text(b, 'api')).to.equal('https://other.example/api');
    expect(text(a, 't')).to.equal('Send');
    provider.strings = { en: { 'common.submit': 'Send request' } };
    await waitUntil(() => text(a, 't') === 'Send request', 'override not applied');
  });

  it('works for two widgets in one provider and two providers on one page', async () => {
    const root = await fixture(html`<div>
      <kentro-provider api-base="/one"><kentro-test-probe></kentro-test-probe></kentro-provider>
      <kentro-provider api-base="/two"><kentro-test-probe></kentro-test-probe></kentro-provider>
    </div>`);
    const probes = [...root.querySelectorAll('kentro-test-probe')] as ProbeElement[];
    await Promise.all(probes.map((p) => p.updateComplete));
    expect(probes.map((p) => text(p, 'api'))).to.deep.equal(['/one', '/two']);
  });
});

describe('civilDaysBetween()', () => {
  const athens = 'Europe/Athens';

  it('counts calendar days in the centre\'s zone, not 24-hour periods', () => {
    // 23:00 on Monday in Athens; a visit at 09:00 on Tuesday is 10 hours away and tomorrow.
    expect(civilDaysBetween('2027-01-04T21:00:00Z', '2027-01-05T07:00:00Z', athens)).to.equal(1);
    // 22:00 on Monday in Athens; Wednesday 09:00 is 35 hours away and in two days.
    expect(civilDaysBetween('2027-01-04T20:00:00Z', '2027-01-06T07:00:00Z', athens)).to.equal(2);
    // 00:30 on Friday in Athens is still Thursday in UTC: an event at 18:00 on Friday is today.
    expect(civilDaysBetween('2027-01-07T22:30:00Z', '2027-01-08T16:00:00Z', athens)).to.equal(0);
    expect(civilDaysBetween('2027-01-08T16:00:00Z', '2027-01-07T22:30:00Z', athens)).to.equal(0);
    expect(civilDaysBetween('2027-01-09T08:00:00Z', '2027-01-07T22:30:00Z', athens)).to.equal(-1);
  });

  it('counts a day the clocks change on as one day, and crosses the new year', () => {
    // Saturday 12:00 before the clocks go forward to Monday 00:30 after (a 23-hour Sunday between).
    expect(civilDaysBetween('2027-03-27T10:00:00Z', '2027-03-28T21:30:00Z', athens)).to.equal(2);
    // Saturday 23:30 before the clocks go back to Sunday 23:30 (a 25-hour day).
    expect(civilDaysBetween('2027-10-30T20:30:00Z', '2027-10-31T21:30:00Z', athens)).to.equal(1);
    expect(civilDaysBetween('2027-12-31T21:30:00Z', '2028-01-01T08:00:00Z', athens)).to.equal(1);
    expect(civilDay('2027-12-31T22:30:00Z', athens)).to.equal('2028-01-01');
    expect(civilDay('2027-12-31T22:30:00Z', 'UTC')).to.equal('2027-12-31');
  });
});
