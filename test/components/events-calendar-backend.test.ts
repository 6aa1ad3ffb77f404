/** The calendar against the reference backend's seeded events (expanded in Europe/Athens on the server). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/events-calendar/kentro-events-calendar.ts';
import type { KentroEventsCalendar } from '../../src/components/events-calendar/events-calendar.ts';

const backend = () => executeServerCommand<{ url: string }, unknown>('kentro-backend');
const root = (el: KentroEventsCalendar) => el.shadowRoot!;

async function calendar(lang = 'el') {
  const { url } = await backend();
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><kentro-events-calendar lang=${lang} api-base="${url}/api"></kentro-events-calendar></div>`);
  const el = wrapper.querySelector('kentro-events-calendar')!;
  await waitUntil(() => root(el).querySelector('.ev'), 'no events', { timeout: 15000 });
  await waitUntil(() => root(el).querySelector('#village'), 'no village picker', { timeout: 15000 });
  return el;
}

describe('<kentro-events-calendar> with the reference backend', () => {
  it('lists this month\'s events and is accessible', async () => {
    const el = await calendar();
    expect(root(el).querySelectorAll('.ev').length).to.be.greaterThan(3);
    await expect(el).to.be.accessible();
  });

  it('says when the mobile unit next comes to a chosen village, in words', async () => {
    const el = await calendar('en');
    const select = root(el).querySelector<HTMLSelectElement>('#village')!;
    expect(select.options.length).to.be.greaterThan(2);
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root(el).querySelector('.next-visit [role=status]')!.textContent).to.match(/The mobile unit comes to .+ on .+, \d\d:\d\d–\d\d:\d\d \((in \d+ days|tomorrow|today)\)\./);
  });

  it('filters by category', async () => {
    const el = await calendar('en');
    const select = root(el).querySelector<HTMLSelectElement>('#category')!;
    select.value = 'mobile-unit';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => [...root(el).querySelectorAll('.ev__title')].every((t) => /Κινητή μονάδα/.test(t.textContent!)), 'not filtered', { timeout: 10000 });
  });
});

describe('<kentro-events-calendar> with a broken iCalendar feed', () => {
  it('says so plainly and still shows the centre\'s events', async () => {
    const { url } = await backend();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><kentro-events-calendar lang="en" api-base="${url}/api"
      ics-src=${new URL('../fixtures/ics/does-not-exist.ics', import.meta.url).href}></kentro-events-calendar></div>`);
    const el = wrapper.querySelector('kentro-events-calendar')!;
    await waitUntil(() => root(el).querySelector('.ev'), 'the centre\'s events are missing', { timeout: 15000 });
    await waitUntil(() => root(el).textContent!.includes('could not be read'), 'no message about the feed', { timeout: 15000 });
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
