import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/events-calendar/kentro-events-calendar.ts';
import type { KentroEventsCalendar } from '../../src/components/events-calendar/events-calendar.ts';

const FEED = new URL('../fixtures/ics/council-feed.ics', import.meta.url).href;
const root = (el: KentroEventsCalendar) => el.shadowRoot!;
const active = (el: KentroEventsCalendar) => root(el).activeElement as HTMLElement | null;
/** FullCalendar 7 hashes its class names: find events by our own content and their focusable container. */
const events = (el: KentroEventsCalendar) => [...root(el).querySelectorAll<HTMLElement>('.ev')].map((e) => e.closest<HTMLElement>('[tabindex="0"], a')!);

async function calendar(attrs: { lang?: string; view?: string; width?: number } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${attrs.width ?? 1000}px">
    <kentro-events-calendar lang=${attrs.lang ?? 'en'} view=${attrs.view ?? 'list'} initial-date="2026-04-01" ics-src=${FEED}></kentro-events-calendar></div>`);
  const el = wrapper.querySelector('kentro-events-calendar')!;
  await waitUntil(() => root(el).querySelector('.ev'), 'no events rendered', { timeout: 10000 });
  return el;
}

describe('<kentro-events-calendar>', () => {
  for (const lang of ['el', 'en', 'ar']) {
    it(`is accessible in the list view (${lang})`, async () => {
      const el = await calendar({ lang });
      await expect(el).to.be.accessible();
    });
  }

  it('starts with the list of the month and marks cancelled events in words, not only by colour', async () => {
    const el = await calendar();
    const text = root(el).querySelector('.cal')!.textContent!;
    expect(text).to.contain('Γιόγκα (μετακίνηση)');
    expect(text).to.contain('Cancelled:');
    expect(root(el).querySelector('.is-cancelled')).to.exist;
  });

  it('uses 24-hour times in the centre\'s time zone and Monday first', async () => {
    const el = await calendar({ view: 'month' });
    expect(el.currentView).to.equal('dayGridMonth');
    expect(root(el).querySelector('.cal')!.textContent).to.contain('10:00');
    const headers = [...root(el).querySelectorAll('.cal [role=columnheader]')].map((h) => h.textContent!.trim());
    expect(headers[0]).to.match(/^Mon/);
  });

  it('is right to left in Arabic', async () => {
    const el = await calendar({ lang: 'ar' });
    expect(root(el).querySelector('.cal')!.getAttribute('dir')).to.equal('rtl');
    expect(el.getAttribute('dir')).to.equal('rtl');
  });

  it('opens an event in a dialog with the keyboard, traps focus there, and returns it on close', async () => {
    const el = await calendar();
    const target = events(el).find((e) => e.textContent!.includes('Γιόγκα (μετακίνηση)'))!;
    target.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root(el).querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'dialog did not open');
    expect(dialog.contains(active(el))).to.equal(true);
    expect(dialog.textContent).to.contain('Add to my calendar');
    expect(dialog.querySelector('a[href*="calendar.google.com"]')).to.exist;
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(active(el)).to.equal(target);
  });

  it('always shows the list below 600 px of width', async () => {
    const el = await calendar({ view: 'month', width: 400 });
    await waitUntil(() => el.currentView === 'listMonth', `still ${el.currentView}`);
  });

  it('loads the month and week views when it grows wider than 600 px, and keeps its date', async () => {
    const el = await calendar({ view: 'month', width: 400 });
    expect(el.currentView).to.equal('listMonth');
    expect(root(el).querySelector('.cal')!.textContent).not.to.match(/\bMonth\b/);
    el.parentElement!.style.width = '1000px';
    await waitUntil(() => el.currentView === 'dayGridMonth', `still ${el.currentView}`, { timeout: 10000 });
    await waitUntil(() => root(el).querySelector('.ev'), 'no events in the month view', { timeout: 10000 });
    expect(root(el).querySelector('.cal')!.textContent).to.contain('April 2026');
    await expect(el).to.be.accessible();
  });
});
