/**
 * `<kentro-programme-directory>`: the centre's programmes from any Open Referral HSDS 3.x API. Stories run
 * against the reference backend (`npm start`) and against the HSDS specification's own example documents.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/programme-directory/kentro-programme-directory.ts';
import type { KentroProgrammeDirectory } from '../src/components/programme-directory/programme-directory.ts';
import { storyApi, storyHsdsStub } from './support/backends.ts';

interface Args { apiBase?: string; hsdsBase?: string; localLimit?: number; lang?: string }

const find = (root: HTMLElement) => root.querySelector('kentro-programme-directory') as KentroProgrammeDirectory;

/** Waits until the directory has loaded (results, empty state or error). */
async function ready(root: HTMLElement) {
  const el = find(root);
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    if (el.shadowRoot!.querySelector('.count, .empty, [role=alert], #detail-title')) return el;
    await new Promise((r) => setTimeout(r, 50));
  }
  return el;
}

async function type(el: KentroProgrammeDirectory, text: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const meta: Meta<Args> = {
  title: 'Widgets/Programme directory',
  component: 'kentro-programme-directory',
  render: (args) => html`<kentro-programme-directory no-url-state lang=${ifDefined(args.lang)}
    api-base=${ifDefined(args.apiBase ?? (args.hsdsBase ? undefined : storyApi()))} hsds-base=${ifDefined(args.hsdsBase)}
    local-limit=${ifDefined(args.localLimit)}></kentro-programme-directory>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = { args: { localLimit: 3000 } };

/** The reference backend's Greek programmes. */
export const Default: Story = { play: async ({ canvasElement }) => { await ready(canvasElement); } };

/** A search that folds accents and forgives a typo: `παιδα` finds the programmes for παιδιά. */
export const Search: Story = {
  play: async ({ canvasElement }) => { await type(await ready(canvasElement), 'παιδα'); },
};

export const Empty: Story = {
  play: async ({ canvasElement }) => { await type(await ready(canvasElement), 'ξξξξξξξξ'); },
};

export const Detail: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.card__title a')?.click();
    await el.updateComplete;
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { hsdsBase: 'http://127.0.0.1:9/unreachable' },
  play: async ({ canvasElement }) => { await ready(canvasElement); },
};

export const RTL: Story = {
  name: 'RTL (Arabic)',
  args: { lang: 'ar' },
  play: async ({ canvasElement }) => { await ready(canvasElement); },
};

/** The Open Referral HSDS 3.0 specification's own example documents, served as an HSDS API. */
export const SpecExamples: Story = {
  name: 'HSDS specification examples',
  render: (args) => html`<kentro-programme-directory no-url-state lang=${ifDefined(args.lang ?? 'en')} hsds-base="${storyHsdsStub()}/spec"></kentro-programme-directory>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.card__title a')?.click();
    await el.updateComplete;
  },
};

export const Embed: Story = {
  render: () => html`<pre tabindex="0" aria-label="Embed code" lang="en"><code>${`<script type="module" src="https://www.example-council.gr/kentro/widgets/kentro-programme-directory.js"></script>
<kentro-programme-directory api-base="https://www.example-council.gr/kentro/api"></kentro-programme-directory>

<!-- or a council's existing Open Referral (HSDS 3.x) feed -->
<kentro-programme-directory hsds-base="https://data.example-council.gr/openreferral"></kentro-programme-directory>`}</code></pre>`,
};
