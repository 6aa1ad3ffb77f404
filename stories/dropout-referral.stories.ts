/**
 * `<kentro-dropout-referral>`: a school refers a pupil at risk of dropping out, with the guardian's consent, and
 * follows the referral's status. Stories run against the reference backend (`/api`, proxied to `npm start`).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/dropout-referral/kentro-dropout-referral.ts';
import type { KentroDropoutReferral } from '../src/components/dropout-referral/dropout-referral.ts';
import { storyApi } from './support/backends.ts';
import { createStoryReferral, storyReferral } from './support/referral.ts';

interface Args { lang?: string; mode?: string }

const g = globalThis as { KENTRO_STORY_MIN_FILL_MS?: number };
const el = (root: HTMLElement) => root.querySelector('kentro-dropout-referral') as KentroDropoutReferral;

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

/** Answers each page from the story referral, up to `stop`. */
async function fillTo(root: HTMLElement, stop: 'pupil' | 'guardian' | 'consent' | 'indicators' | 'support' | 'check') {
  const form = await until(root, '#f-referrer-name');
  const first = form.shadowRoot!;
  const sample = storyReferral([]);
  const put = (part: keyof typeof sample, values: object) => { for (const [k, v] of Object.entries(values)) form.form.set(`${String(part)}.${k}`, typeof v === 'number' ? String(v) : v); };
  put('referrer', sample.referrer);
  await next(root, '#f-pupil-name');
  if (stop === 'pupil') return form;
  put('pupil', sample.pupil);
  await next(root, '#f-guardian-name');
  if (stop === 'guardian') return form;
  put('guardian', sample.guardian);
  await next(root, '#f-consent-immediateRisk');
  if (stop === 'consent') return form;
  put('consent', sample.consent);
  await next(root, '#f-indicators-absencePercent');
  if (stop === 'indicators') return form;
  put('indicators', sample.indicators);
  await next(root, '#f-support-serviceIds');
  if (stop === 'support') return form;
  form.form.set('support.serviceIds', [first.querySelector<HTMLInputElement>('#f-support-serviceIds')!.value]);
  put('support', { urgency: sample.support.urgency, urgencyReason: sample.support.urgencyReason });
  return next(root, '.summary-list');
}

const meta: Meta<Args> = {
  title: 'Widgets/Dropout referral',
  component: 'kentro-dropout-referral',
  render: (args) => html`<kentro-dropout-referral lang=${ifDefined(args.lang)} api-base=${storyApi()} mode=${ifDefined(args.mode)}></kentro-dropout-referral>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The referrer: who is referring, from which school, with a work email. */
export const Default: Story = { play: async ({ canvasElement }) => { await until(canvasElement, '#f-referrer-name'); } };

export const Errors: Story = { play: async ({ canvasElement }) => { await until(canvasElement, '#f-referrer-name'); await next(canvasElement, '.error-summary'); } };

/** The pupil: the minimum, with the purpose of the optional question stated. */
export const Pupil: Story = { play: async ({ canvasElement }) => { await fillTo(canvasElement, 'pupil'); } };

/** "Is the child in immediate danger?" Yes: call 112 or 1107 now; nothing is sent. */
export const ImmediateRisk: Story = {
  name: 'Immediate risk',
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'consent');
    form.form.set('consent.immediateRisk', 'yes');
    await next(canvasElement, '.risk');
  },
};

/** Absence of 10% or more is flagged persistent, 50% or more severe, as the person types. */
export const Indicators: Story = {
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'indicators');
    form.form.set('indicators.absencePercent', '55');
    await form.updateComplete;
  },
};

export const CheckAnswers: Story = { name: 'Check answers', play: async ({ canvasElement }) => { await fillTo(canvasElement, 'check'); } };

/** Sent: the reference and the status code, shown once. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const form = await fillTo(canvasElement, 'check');
    await new Promise((r) => setTimeout(r, g.KENTRO_STORY_MIN_FILL_MS ?? 3100));
    form.shadowRoot!.querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await until(canvasElement, '.code__value');
  },
};

/** Check a referral: its status history, with the centre's notes for the school and no pupil data. */
export const Status: Story = {
  args: { mode: 'status' },
  play: async ({ canvasElement }) => {
    const { reference, code } = await createStoryReferral(storyApi());
    const form = await until(canvasElement, '#f-reference');
    form.status.form.set('reference', reference);
    form.status.form.set('code', code);
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('.status-form button[type=submit]')!.click();
    await until(canvasElement, '.history');
  },
};

export const RTL: Story = { name: 'RTL (Arabic)', args: { lang: 'ar' }, play: async ({ canvasElement }) => { await fillTo(canvasElement, 'indicators'); } };

export const Embed: Story = {
  render: () => html`<pre tabindex="0" aria-label="Embed code" lang="en"><code>${`<script type="module" src="https://www.example-council.gr/kentro/widgets/kentro-dropout-referral.js"></script>
<kentro-dropout-referral api-base="https://www.example-council.gr/kentro/api"></kentro-dropout-referral>
<!-- schools following a referral: add mode="status" -->`}</code></pre>`,
};
