/**
 * `<kentro-intake-form>`: a person asks the centre for help, one topic per page, and gets a reference number.
 * Stories run against the reference backend (`/api`, proxied to `npm start`).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/intake-form/kentro-intake-form.ts';
import type { KentroIntakeForm } from '../src/components/intake-form/intake-form.ts';
import { storyApi } from './support/backends.ts';

interface Args { lang?: string; kiosk?: boolean }

const g = globalThis as { KENTRO_STORY_MIN_FILL_MS?: number };
const el = (root: HTMLElement) => root.querySelector('kentro-intake-form') as KentroIntakeForm;

async function until(root: HTMLElement, selector: string) {
  const form = el(root);
  for (let i = 0; i < 200 && !form.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 25));
  await form.updateComplete;
  return form;
}

async function next(root: HTMLElement, selector: string) {
  el(root).shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return until(root, selector);
}

/** Answers the pages up to `stop` as a person would, with everything typed kept in the form state. */
async function fillTo(root: HTMLElement, stop: 'about' | 'contact' | 'language' | 'access' | 'facts' | 'check') {
  const form = await until(root, '#f-needs');
  form.form.set('needs', [form.shadowRoot!.querySelector<HTMLInputElement>('#f-needs')!.value]);
  form.form.set('description', 'Χρειάζομαι βοήθεια με την αίτηση για το επίδομα στέγασης.');
  await next(root, '#f-about-name');
  if (stop === 'about') return form;
  for (const [path, value] of Object.entries({ 'about.name': 'Φατμέ Χασάν', 'about.ageBand': '30-44' })) form.form.set(path, value);
  await next(root, '#f-contact-methods');
  if (stop === 'contact') return form;
  for (const [path, value] of Object.entries({ 'contact.methods': ['phone', 'sms'], 'contact.phone': '694 123 4567', 'contact.days': ['tue', 'thu'], 'contact.consent': true })) form.form.set(path, value);
  await next(root, '#f-language-preferred');
  if (stop === 'language') return form;
  for (const [path, value] of Object.entries({ 'language.preferred': 'ar', 'language.interpreter': true })) form.form.set(path, value);
  await next(root, '#f-accessibility');
  if (stop === 'access') return form;
  await next(root, '#f-facts-roma');
  if (stop === 'facts') return form;
  for (const [path, value] of Object.entries({ 'facts.migrant': 'yes', 'facts.consent': true })) form.form.set(path, value);
  return next(root, '.summary-list');
}

const meta: Meta<Args> = {
  title: 'Widgets/Intake form',
  component: 'kentro-intake-form',
  render: (args) => html`<kentro-intake-form lang=${ifDefined(args.lang)} api-base=${storyApi()} ?kiosk=${args.kiosk === true}></kentro-intake-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** What do you need help with: needs from the centre's taxonomy, and the person's own words. */
export const Default: Story = { play: async ({ canvasElement }) => { await until(canvasElement, '#f-needs'); } };

/** Choosing the Minimum Guaranteed Income shows who is eligible and what to bring; advice, never an error. */
export const KeaPrecheck: Story = {
  name: 'ΚΕΑ pre-check',
  play: async ({ canvasElement }) => {
    const form = await until(canvasElement, '#f-needs');
    form.shadowRoot!.querySelector<HTMLInputElement>('#f-needs')!.click();
    await until(canvasElement, '.choices input[name^="subNeeds"]');
    form.shadowRoot!.querySelector<HTMLInputElement>('input[name^="subNeeds"]')!.click();
    await until(canvasElement, '.kea');
  },
};

/** Continue with nothing chosen: the error summary takes focus and links to the question. */
export const Errors: Story = { play: async ({ canvasElement }) => { await until(canvasElement, '#f-needs'); await next(canvasElement, '.error-summary'); } };

/** About you, having chosen not to give a name. */
export const Anonymous: Story = {
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'about');
    form.form.set('about.anonymous', true);
    await form.updateComplete;
  },
};

export const Contact: Story = {
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'contact');
    form.form.set('contact.methods', ['phone', 'email']);
    await form.updateComplete;
  },
};

export const Language: Story = { play: async ({ canvasElement }) => { await fillTo(canvasElement, 'language'); } };

/** Optional facts: the purpose first, each answer optional, with its own consent; can be skipped. */
export const OptionalFacts: Story = { name: 'Optional facts', play: async ({ canvasElement }) => { await fillTo(canvasElement, 'facts'); } };

export const CheckAnswers: Story = { name: 'Check answers', play: async ({ canvasElement }) => { await fillTo(canvasElement, 'check'); } };

/** Sent: the reference number, what happens next and when, and the centre's address, hours and phone. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'check');
    await new Promise((r) => setTimeout(r, g.KENTRO_STORY_MIN_FILL_MS ?? 3100));
    form.shadowRoot!.querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await until(canvasElement, '.panel__reference');
  },
};

/** After "Exit this page": neutral content, every answer gone. */
export const Exited: Story = {
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'about');
    form.shadowRoot!.querySelector<HTMLButtonElement>('.exit__button')!.click();
    await until(canvasElement, '.neutral');
  },
};

export const RTL: Story = { name: 'RTL (Arabic)', args: { lang: 'ar' }, play: async ({ canvasElement }) => { await fillTo(canvasElement, 'contact'); } };

export const Embed: Story = {
  render: () => html`<pre tabindex="0" aria-label="Embed code" lang="en"><code>${`<script type="module" src="https://www.example-council.gr/kentro/widgets/kentro-intake-form.js"></script>
<kentro-intake-form api-base="https://www.example-council.gr/kentro/api"
  exit-href="https://www.example-council.gr/"></kentro-intake-form>`}</code></pre>`,
};
