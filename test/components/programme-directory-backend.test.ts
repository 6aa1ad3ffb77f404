/**
 * The directory against the reference backend's real HSDS API and Greek seed: folding and typos in the browser
 * (local mode) and on the server (remote mode, `local-limit="0"`), and a keyboard-only search → open → back.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/programme-directory/kentro-programme-directory.ts';
import type { KentroProgrammeDirectory } from '../../src/components/programme-directory/programme-directory.ts';

const backend = () => executeServerCommand<{ url: string }, unknown>('kentro-backend');
const root = (el: KentroProgrammeDirectory) => el.shadowRoot!;
const active = (el: KentroProgrammeDirectory) => root(el).activeElement as HTMLElement | null;
const titles = (el: KentroProgrammeDirectory) => [...root(el).querySelectorAll('.card__title')].map((t) => t.textContent!.trim());

async function directory(extra: { localLimit?: number } = {}) {
  const { url } = await backend();
  const el = await fixture<KentroProgrammeDirectory>(html`<kentro-programme-directory lang="el" no-url-state api-base="${url}/api" local-limit=${extra.localLimit ?? 3000}></kentro-programme-directory>`);
  await waitUntil(() => root(el).querySelector('.count'), 'never loaded', { timeout: 15000 });
  return el;
}

async function search(el: KentroProgrammeDirectory, query: string) {
  const input = root(el).querySelector<HTMLInputElement>('#q')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  // Remote mode asks the server after a short pause; wait until the list reflects this query.
  await waitUntil(async () => { await el.updateComplete; return !root(el).querySelector('.count .spinner'); }, 'search did not settle', { timeout: 10000 });
  await new Promise((r) => setTimeout(r, 400));
  await waitUntil(() => !root(el).querySelector('.count .spinner'), 'search did not settle', { timeout: 10000 });
  await el.updateComplete;
  return titles(el);
}

for (const mode of ['browser', 'server'] as const) {
  describe(`<kentro-programme-directory> searching the Greek seed (${mode})`, () => {
    let el: KentroProgrammeDirectory;
    before(async () => { el = await directory(mode === 'server' ? { localLimit: 0 } : {}); });

    it('finds the same programmes for παιδια, ΠΑΙΔΙΑ and παιδιά', async () => {
      const expected = await search(el, 'παιδιά');
      expect(expected.length).to.be.greaterThan(0);
      expect(await search(el, 'παιδια')).to.have.members(expected);
      expect(await search(el, 'ΠΑΙΔΙΑ')).to.have.members(expected);
    });

    it('finds the same programmes for γονεις, γονεισ and γονείς', async () => {
      const expected = await search(el, 'γονείς');
      expect(expected.length).to.be.greaterThan(0);
      expect(await search(el, 'γονεις')).to.have.members(expected);
      expect(await search(el, 'γονεισ')).to.have.members(expected);
    });

    it('still finds παιδιά with a typo (παιδα)', async () => {
      const withTypo = await search(el, 'παιδα');
      const exact = await search(el, 'παιδιά');
      expect(withTypo.filter((t) => exact.includes(t)).length).to.be.greaterThan(0);
    });
  });
}

describe('<kentro-programme-directory> with the keyboard only', () => {
  it('finds a programme, opens it and comes back to it', async () => {
    const el = await directory();
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('#q')!.focus();
    await sendKeys({ type: 'ΚΕΑ' });
    await el.updateComplete;
    const first = titles(el)[0];
    expect(first).to.match(/Ελάχιστο Εγγυημένο Εισόδημα|ΚΕΑ/);
    for (let i = 0; i < 30 && !active(el)?.matches('.card__title a'); i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent).to.equal(first);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'detail-title', 'focus did not move to the programme');
    expect(active(el)?.textContent).to.equal(first);
    await expect(el).to.be.accessible();
    const text = root(el).textContent!;
    for (const heading of ['Σε ποιους απευθύνεται', 'Πώς κάνετε αίτηση', 'Δικαιολογητικά', 'Ώρες λειτουργίας']) expect(text).to.contain(heading);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active(el)?.textContent).to.contain('Πίσω στα αποτελέσματα');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.matches('.card__title a'), 'focus did not return to the result');
    expect(active(el)?.textContent).to.equal(first);
  });
});
