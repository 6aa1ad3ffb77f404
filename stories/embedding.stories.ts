/**
 * How a council embeds Kentro: one script, one provider, the widgets. Nothing is fetched from third parties and
 * everything works under a strict Content-Security-Policy with Trusted Types.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/core/kentro-provider.ts';

const snippet = `<!-- 1. Once per page, ideally from your own server -->
<script type="module" src="https://www.example-council.gr/kentro/widgets/all.js"></script>

<!-- 2. Where the widgets go: the provider gives every widget its backend, language and time zone -->
<kentro-provider api-base="https://www.example-council.gr/kentro/api" locale="el" time-zone="Europe/Athens">
  <kentro-programme-directory></kentro-programme-directory>
</kentro-provider>

<!-- Or a single widget on its own, with its own script and attributes -->
<script type="module" src="https://www.example-council.gr/kentro/widgets/kentro-intake-form.js"></script>
<kentro-intake-form api-base="https://www.example-council.gr/kentro/api"></kentro-intake-form>`;

const meta: Meta = {
  title: 'Foundations/Embedding',
  component: 'kentro-provider',
  render: () => html`<section lang="en">
    <h2>Embed Kentro on a council page</h2>
    <p>Paste this where the widgets should appear. Add your site's origin to <code>KENTRO_ALLOWED_ORIGINS</code> on the backend.</p>
    <pre tabindex="0" aria-label="Embed code"><code>${snippet}</code></pre>
  </section>`,
};
export default meta;

export const Embed: StoryObj = {};
