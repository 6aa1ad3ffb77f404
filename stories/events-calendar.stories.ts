/**
 * `<kentro-events-calendar>`: events, seminars, children's activities and the mobile unit's village visits
 * (FullCalendar 7), from the reference backend and from a council's own iCalendar feed.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/events-calendar/kentro-events-calendar.ts';
import type { KentroEventsCalendar } from '../src/components/events-calendar/events-calendar.ts';
import { storyIcsFeed } from './support/backends.ts';

interface Args { apiBase?: string; view?: string; initialDate?: string; icsSrc?: string; lang?: string }

/** Waits until events (or the empty text) are on screen. */
async function ready(root: HTMLElement) {
  const el = root.querySelector('kentro-events-calendar') as KentroEventsCalendar;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('.ev, [role=alert]'); i++) await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/Events calendar',
  component: 'kentro-events-calendar',
  args: { view: 'list', initialDate: '2026-04-01' },
  render: (args) => html`<kentro-events-calendar lang=${ifDefined(args.lang)} api-base=${ifDefined(args.apiBase)}
    view=${ifDefined(args.view)} initial-date=${ifDefined(args.initialDate)} ics-src=${ifDefined(args.icsSrc ?? storyIcsFeed())}></kentro-events-calendar>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

/** A council's existing iCalendar feed: a weekly class with a moved, an extra, an excluded and a cancelled date. */
export const Default: Story = { play: async ({ canvasElement }) => { await ready(canvasElement); } };

export const Month: Story = { args: { view: 'month' }, play: async ({ canvasElement }) => { await ready(canvasElement); } };

export const Week: Story = { args: { view: 'week', initialDate: '2026-04-06' }, play: async ({ canvasElement }) => { await ready(canvasElement); } };

export const EventDialog: Story = {
  name: 'Event dialog',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLElement>('.ev')?.closest<HTMLElement>('[tabindex="0"]')?.click();
    await el.updateComplete;
  },
};

export const RTL: Story = { name: 'RTL (Arabic)', args: { lang: 'ar' }, play: async ({ canvasElement }) => { await ready(canvasElement); } };

export const Embed: Story = {
  render: () => html`<pre tabindex="0" aria-label="Embed code" lang="en"><code>${`<script type="module" src="https://www.example-council.gr/kentro/widgets/kentro-events-calendar.js"></script>
<kentro-events-calendar api-base="https://www.example-council.gr/kentro/api" view="list"
  ics-src="https://www.example-council.gr/calendar.ics"></kentro-events-calendar>`}</code></pre>`,
};
