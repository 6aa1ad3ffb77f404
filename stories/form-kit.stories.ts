/**
 * The form kit every Kentro form is built from (GOV.UK conventions): one question per field helper, the error
 * summary that takes focus and links to each field, check-your-answers with change links, the confirmation panel
 * and the kiosk warning for shared computers.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/core/kentro-provider.ts';
import { ContactAnswers, type KentroFormKitExample } from './support/form-kit-example.ts';

const find = (root: HTMLElement) => root.querySelector('kentro-form-kit-example') as KentroFormKitExample;

const filled = { name: 'Ελένη Παπαδοπούλου', email: 'eleni@example.gr', phone: '6912345678', method: 'phone' as const, consent: true as const };

const meta: Meta = {
  title: 'Foundations/Form kit',
  component: 'kentro-form-kit-example',
  render: () => html`<kentro-form-kit-example></kentro-form-kit-example>`,
};
export default meta;
type Story = StoryObj;

export const Playground: Story = {};

export const Default: Story = {};

export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const el = find(canvasElement);
    await el.updateComplete;
    el.form.set('email', 'not-an-email');
    el.form.validate(ContactAnswers);
    await el.updateComplete;
  },
};

export const CheckAnswers: Story = {
  name: 'Check answers',
  play: async ({ canvasElement }) => {
    const el = find(canvasElement);
    for (const [k, v] of Object.entries(filled)) el.form.set(k, v);
    el.step = 'check';
    await el.updateComplete;
  },
};

export const Retrying: Story = {
  name: 'Connection lost, trying again',
  play: async ({ canvasElement }) => {
    const el = find(canvasElement);
    for (const [k, v] of Object.entries(filled)) el.form.set(k, v);
    el.step = 'check';
    el.form.status = 'retrying';
    el.requestUpdate();
    await el.updateComplete;
  },
};

export const Success: Story = {
  render: () => html`<kentro-form-kit-example step="done" reference="ΚΚ-2026-000123"></kentro-form-kit-example>`,
};

export const KioskWarning: Story = {
  name: 'Kiosk: inactivity warning',
  render: () => html`<kentro-provider kiosk kiosk-timeout="1"><kentro-form-kit-example></kentro-form-kit-example></kentro-provider>`,
  play: async ({ canvasElement }) => {
    const el = find(canvasElement);
    await new Promise<void>((resolve) => {
      const check = () => (el.kioskControl.warning ? resolve() : setTimeout(check, 100));
      check();
    });
    await el.updateComplete;
  },
};

export const RTL: Story = {
  name: 'RTL (Arabic)',
  render: () => html`<kentro-form-kit-example lang="ar"></kentro-form-kit-example>`,
  play: async ({ canvasElement }) => {
    const el = find(canvasElement);
    await el.updateComplete;
    el.form.validate(ContactAnswers);
    await el.updateComplete;
  },
};
