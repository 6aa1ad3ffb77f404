import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { HsdsService } from '../../src/contract/hsds.ts';
import '../../src/components/programme-directory/kentro-programme-directory.ts';
import type { KentroProgrammeDirectory } from '../../src/components/programme-directory/programme-directory.ts';
import { buildSearchIndex } from '../../src/components/programme-directory/search-index.ts';

interface Backend { url: string; hsdsStubUrl: string }
const backend = () => executeServerCommand<Backend, unknown>('kentro-backend');
const EXAMPLE_ID = 'ac148810-d857-441c-9679-408f346de14b';

const root = (el: KentroProgrammeDirectory) => el.shadowRoot!;
const text = (el: KentroProgrammeDirectory) => root(el).textContent!.replace(/\s+/g, ' ');
const active = (el: KentroProgrammeDirectory) => root(el).activeElement as HTMLElement | null;
const loaded = (el: KentroProgrammeDirectory) => waitUntil(() => root(el).querySelector('.count') || root(el).querySelector('[role=alert]'), 'never loaded', { timeout: 10000 });

let startUrl: string;
beforeEach(() => { startUrl = location.href; });
afterEach(() => { history.replaceState(null, '', startUrl); });

async function directory(hsdsBase: string, lang = 'en') {
  const el = await fixture<KentroProgrammeDirectory>(html`<kentro-programme-directory lang=${lang} hsds-base=${hsdsBase}></kentro-programme-directory>`);
  await loaded(el);
  await el.updateComplete;
  return el;
}

describe('<kentro-programme-directory>', () => {
  describe('against the HSDS specification\'s own example documents', () => {
    for (const lang of ['el', 'en', 'ar']) {
      it(`is accessible in the list and the detail view (${lang})`, async () => {
        const { hsdsStubUrl } = await backend();
        const el = await directory(`${hsdsStubUrl}/spec`, lang);
        await expect(el).to.be.accessible();
        root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
        await waitUntil(() => root(el).querySelector('#detail-title'));
        await expect(el).to.be.accessible();
      });
    }

    it('renders the list from /services', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await directory(`${hsdsStubUrl}/spec`);
      expect(root(el).querySelector('.count')!.textContent).to.equal('1 programme found');
      expect(root(el).querySelector('.card__title')!.textContent).to.equal('Community Counselling');
      expect(text(el)).to.contain('Counselling Services provided by trained professionals');
      expect([...root(el).querySelectorAll('.filter .label')].map((l) => l.textContent)).to.include('Age');
    });

    it('renders the detail view from /services/{id} with everything a person needs', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await directory(`${hsdsStubUrl}/spec`);
      root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
      await waitUntil(() => text(el).includes('MyCity Civic Center'), 'detail not loaded');
      const t = text(el);
      for (const expected of ['Who it is for', 'This service is intended for all people aged 12 and over', 'Ages 12 to 100',
        'How to apply', 'If you are an NHS patient', 'Cost', 'Non-NHS patients', 'Languages', 'Urdu',
        'Interpretation', 'Where', 'Accessibility', 'How to get there', 'Opening hours', 'Contact']) {
        expect(t, expected).to.contain(expected);
      }
      expect(root(el).querySelector('a[href^="tel:"]')).to.exist;
      expect(active(el)?.id).to.equal('detail-title');
    });

    it('degrades gracefully when optional endpoints are missing', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await directory(`${hsdsStubUrl}/minimal`);
      expect(root(el).querySelector('.count')!.textContent).to.equal('1 programme found');
      expect(root(el).querySelector('[role=alert]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('sanitises markup in feeds: formatting kept, nothing executes', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await directory(`${hsdsStubUrl}/html`);
      expect(root(el).querySelector('.card__summary')!.textContent).to.equal('Counselling for families. link');
      root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
      await waitUntil(() => root(el).querySelector('.rich-text strong'), 'markup not rendered', { timeout: 5000 });
      expect(root(el).querySelector('.rich-text strong')!.textContent).to.equal('families');
      expect(root(el).querySelectorAll('.rich-text li')).to.have.length(2);
      expect(root(el).querySelector('.rich-text img, .rich-text script')).to.equal(null);
      expect(root(el).querySelector('.rich-text a')?.getAttribute('href') ?? null).to.equal(null);
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    });

    it('shows an error with a retry when the feed cannot be reached', async () => {
      const el = await fixture<KentroProgrammeDirectory>(html`<kentro-programme-directory lang="en" hsds-base="http://127.0.0.1:9/nothing"></kentro-programme-directory>`);
      await waitUntil(() => root(el).querySelector('[role=alert]'), 'no error', { timeout: 20000 });
      expect(text(el)).to.contain('We could not load the programmes.');
      expect(root(el).querySelector('[role=alert] button')!.textContent).to.equal('Try again');
      await expect(el).to.be.accessible();
    });
  });

  describe('state in the URL', () => {
    it('writes the search and the open programme, and Back returns to the results with focus', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await directory(`${hsdsStubUrl}/spec`);
      const input = root(el).querySelector<HTMLInputElement>('#q')!;
      input.focus();
      await sendKeys({ type: 'counsel' });
      await waitUntil(() => new URL(location.href).searchParams.get('kentro-q') === 'counsel');
      root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
      await waitUntil(() => new URL(location.href).searchParams.get('kentro-service') === EXAMPLE_ID);
      history.back();
      await waitUntil(() => root(el).querySelector('.card'), 'did not return to the list');
      await waitUntil(() => active(el)?.dataset.service === EXAMPLE_ID, 'focus did not return to the result');
      expect(root(el).querySelector<HTMLInputElement>('#q')!.value).to.equal('counsel');
    });

    it('opens a shared link directly, without moving focus on load', async () => {
      const { hsdsStubUrl } = await backend();
      history.replaceState(null, '', `?kentro-service=${EXAMPLE_ID}`);
      const el = await fixture<KentroProgrammeDirectory>(html`<kentro-programme-directory lang="en" hsds-base="${hsdsStubUrl}/spec"></kentro-programme-directory>`);
      await waitUntil(() => root(el).querySelector('#detail-title'), 'detail not shown', { timeout: 10000 });
      expect(active(el)).to.equal(null);
    });

    it('leaves the URL alone with no-url-state', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await fixture<KentroProgrammeDirectory>(html`<kentro-programme-directory lang="en" no-url-state hsds-base="${hsdsStubUrl}/spec"></kentro-programme-directory>`);
      await loaded(el);
      root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
      await waitUntil(() => root(el).querySelector('#detail-title'));
      expect(location.href).to.equal(startUrl);
    });
  });

  describe('hand-off to the other widgets', () => {
    it('fires a cancelable kentro-intake-request with only the service id', async () => {
      const { hsdsStubUrl } = await backend();
      const el = await directory(`${hsdsStubUrl}/spec`);
      root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
      await waitUntil(() => root(el).querySelector('.actions'));
      const button = [...root(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent === 'Ask for help with this')!;
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'kentro-intake-request');
      expect(event.detail).to.deep.equal({ serviceId: EXAMPLE_ID });
      expect(event.cancelable).to.equal(true);
    });

    it('gives the service to an intake form on the same page by default', async () => {
      const { hsdsStubUrl } = await backend();
      const page = await fixture(html`<div><kentro-programme-directory lang="en" no-url-state hsds-base="${hsdsStubUrl}/spec"></kentro-programme-directory><kentro-intake-form></kentro-intake-form></div>`);
      const el = page.querySelector('kentro-programme-directory')!;
      await loaded(el);
      root(el).querySelector<HTMLAnchorElement>('.card__title a')!.click();
      await waitUntil(() => root(el).querySelector('.actions'));
      [...root(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent === 'Ask for help with this')!.click();
      expect((page.querySelector('kentro-intake-form') as HTMLElement & { serviceId?: string }).serviceId).to.equal(EXAMPLE_ID);
    });
  });
});

describe('directory search (MiniSearch + Greek normaliser)', () => {
  const service = (id: string, name: string, description = ''): HsdsService => ({
    id, name, description, attributes: [], phones: [], schedules: [], service_areas: [], service_at_locations: [], languages: [], cost_options: [], required_documents: [],
  } as unknown as HsdsService);
  const services = [
    service('a', 'Δημιουργική απασχόληση για παιδιά', 'Εργαστήρια για παιδιά σχολικής ηλικίας'),
    service('b', 'Συμβουλευτική γονέων', 'Στήριξη για γονείς και οικογένειες'),
    service('c', 'Ελάχιστο Εγγυημένο Εισόδημα', 'Βοήθεια για την αίτηση'),
    service('d', 'Παιδια χωρίς τόνους', 'Ο τίτλος γράφτηκε χωρίς τόνο'),
  ];
  const index = buildSearchIndex(services);

  it('folds accents and case', () => {
    const expected = index.search('παιδιά');
    expect(expected).to.include.members(['a', 'd']);
    expect(index.search('παιδια')).to.have.members(expected);
    expect(index.search('ΠΑΙΔΙΑ')).to.have.members(expected);
  });

  it('folds final sigma', () => {
    const expected = index.search('γονείς');
    expect(expected).to.include('b');
    expect(index.search('γονεις')).to.have.members(expected);
    expect(index.search('γονεισ')).to.have.members(expected);
  });

  it('tolerates a typo', () => {
    expect(index.search('παιδα')).to.include('a');
    expect(index.search('εισοδιμα')).to.include('c');
  });

  it('ranks an exact match above a folded one', () => {
    expect(index.search('παιδιά')[0]).to.equal('a');
    expect(index.search('Παιδια')[0]).to.equal('d');
  });
});
