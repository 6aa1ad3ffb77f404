/**
 * `<kentro-volunteer-signup>`: the Volunteer Network's opportunities, shifts with places left and waiting lists,
 * the signup (a guardian agrees for 15–17), and a volunteer's own page from the link in their email.
 * Stories run against the reference backend (`/api`, proxied to `npm start`).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/volunteer-signup/kentro-volunteer-signup.ts';
import type { KentroVolunteerSignup } from '../src/components/volunteer-signup/volunteer-signup.ts';
import { storyApi } from './support/backends.ts';
import { createStorySignup } from './support/volunteering.ts';

interface Args { lang?: string; kiosk?: boolean; manageToken?: string }

const el = (root: HTMLElement) => root.querySelector('kentro-volunteer-signup') as KentroVolunteerSignup;

async function until(root: HTMLElement, selector: string) {
  const widget = el(root);
  for (let i = 0; i < 200 && !widget.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
  await widget.updateComplete;
  return widget;
}

/** Chooses the first opportunity (or the first for people from `minAge`) and waits for its shifts. */
async function chooseOpportunity(root: HTMLElement, minAge?: number) {
  const widget = await until(root, '.card .button');
  const card = minAge === undefined ? '.card' : `.card[data-min-age="${minAge}"]`;
  widget.shadowRoot!.querySelector<HTMLButtonElement>(`${card} .button`)!.click();
  return until(root, '.shift');
}

async function continueTo(widget: KentroVolunteerSignup, selector: string) {
  widget.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  for (let i = 0; i < 100 && !widget.shadowRoot!.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 20));
  await widget.updateComplete;
}

function fill(widget: KentroVolunteerSignup, values: Record<string, string>) {
  for (const [path, value] of Object.entries(values)) widget.form.set(path, value);
}

const meta: Meta<Args> = {
  title: 'Widgets/Volunteer signup',
  component: 'kentro-volunteer-signup',
  render: (args) => html`<kentro-volunteer-signup lang=${ifDefined(args.lang)} api-base=${storyApi()} ?kiosk=${args.kiosk === true}
    manage-token=${ifDefined(args.manageToken)}></kentro-volunteer-signup>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The opportunities with filters by skill, place and date. */
export const Default: Story = { play: async ({ canvasElement }) => { await until(canvasElement, '.card'); } };

/** One opportunity's shifts: places left, and full shifts offering their waiting list. */
export const Shifts: Story = { play: async ({ canvasElement }) => { await chooseOpportunity(canvasElement, 21); } };

/** Continue with nothing answered: the error summary takes focus and links to each question. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const widget = await chooseOpportunity(canvasElement);
    widget.shadowRoot!.querySelector<HTMLInputElement>('.shift input')!.click();
    await continueTo(widget, '#f-name');
    await continueTo(widget, '.error-summary');
  },
};

/** 15 to 17: a parent or guardian gives their contact and agrees by email. */
export const Guardian: Story = {
  play: async ({ canvasElement }) => {
    const widget = await chooseOpportunity(canvasElement, 15);
    widget.shadowRoot!.querySelector<HTMLInputElement>('.shift input')!.click();
    await continueTo(widget, '#f-name');
    fill(widget, { name: 'Νίκος Παππάς', email: 'nikos@example.org', ageBand: '15-17' });
    await continueTo(widget, '#f-guardian-name');
  },
};

/** Under 15: told plainly how the centre can help instead. */
export const Under15: Story = {
  name: 'Under 15',
  play: async ({ canvasElement }) => {
    const widget = await chooseOpportunity(canvasElement, 15);
    widget.shadowRoot!.querySelector<HTMLInputElement>('.shift input')!.click();
    await continueTo(widget, '#f-name');
    fill(widget, { ageBand: 'under-15' });
    await continueTo(widget, '.notice h2');
  },
};

/** Check your answers, with a change link per answer. */
export const CheckAnswers: Story = {
  name: 'Check answers',
  play: async ({ canvasElement }) => {
    const widget = await chooseOpportunity(canvasElement, 18);
    widget.shadowRoot!.querySelector<HTMLInputElement>('.shift input')!.click();
    await continueTo(widget, '#f-name');
    fill(widget, { name: 'Ελένη Ιωάννου', email: 'eleni@example.org', phone: '694 123 4567', ageBand: '21-64' });
    await continueTo(widget, '#f-consent');
    widget.form.set('consent', true);
    await continueTo(widget, '.summary-list');
  },
};

/** A volunteer's own page from the link in their email: shifts, statuses, cancel with confirmation. */
export const Manage: Story = {
  render: (args) => html`<kentro-volunteer-signup lang=${ifDefined(args.lang)} api-base=${storyApi()}></kentro-volunteer-signup>`,
  play: async ({ canvasElement }) => {
    const widget = el(canvasElement);
    widget.manageToken = await createStorySignup(storyApi());
    const ready = await until(canvasElement, '.booking');
    ready.shadowRoot!.querySelector<HTMLButtonElement>('.booking .button')?.click();
    await ready.updateComplete;
  },
};

export const RTL: Story = { name: 'RTL (Arabic)', args: { lang: 'ar' }, play: async ({ canvasElement }) => { await chooseOpportunity(canvasElement, 21); } };

export const Embed: Story = {
  render: () => html`<pre tabindex="0" aria-label="Embed code" lang="en"><code>${`<script type="module" src="https://www.example-council.gr/kentro/widgets/kentro-volunteer-signup.js"></script>
<kentro-volunteer-signup api-base="https://www.example-council.gr/kentro/api"></kentro-volunteer-signup>
<!-- Links in our emails come back to this page as #kentro-manage=… or #kentro-guardian=… -->`}</code></pre>`,
};
