/**
 * A form submitted from Chromium to the real backend through a network that loses the first two responses after
 * the server stored the request: the person sees "trying again", never an error, then their reference; the
 * server holds exactly one record.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/** The backend plugin's commands (test/wtr/backend-plugin.mjs). */
const backendCommand = <R>(command: string, payload?: unknown) => executeServerCommand<R, unknown>(command, payload);
import { ApiClient } from '../../src/client/api-client.ts';
import { TestSubmissionCreated } from '../fixtures/submission-schema.ts';
import type { KentroFormKitExample } from '../../stories/support/form-kit-example.ts';
import '../../stories/support/form-kit-example.ts';

interface Backend { url: string; proxyUrl: string }

describe('submitting through a faulty network', () => {
  let backend: Backend;
  before(async () => { backend = await backendCommand<Backend>('kentro-backend'); });
  afterEach(() => backendCommand('kentro-reset'));

  async function formReadyToSend(lang = 'en') {
    const el = await fixture<KentroFormKitExample>(html`<kentro-form-kit-example lang=${lang}></kentro-form-kit-example>`);
    const api = new ApiClient({ baseUrl: `${backend.proxyUrl}/api`, backoff: { baseMs: 300, maxMs: 600 } });
    el.send = (body, { idempotencyKey, signal, onRetry }) =>
      api.send('POST', '/test/submissions', body, TestSubmissionCreated, { idempotencyKey, signal, onRetry }).then((r) => r.reference);
    for (const [k, v] of Object.entries({ name: 'Ελένη Παπαδοπούλου', email: 'eleni@example.gr', method: 'phone', consent: true })) el.form.set(k, v);
    el.step = 'check';
    await el.updateComplete;
    return el;
  }

  it('shows "trying again", then the reference, and the server stores exactly one record', async () => {
    const before = await backendCommand<number>('kentro-count');
    await backendCommand('kentro-fault', { kind: 'cut-after-response', method: 'POST', path: '/api/test/submissions', times: 2 });
    const el = await formReadyToSend();
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(el.shadowRoot!.textContent ?? ''));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => el.step === 'done', 'never confirmed', { timeout: 10000 });
    observer.disconnect();
    const texts = [...seen].join('\n');
    expect(texts).to.contain('Connection lost: your answers are kept, trying again…');
    expect(texts).not.to.contain('Something went wrong');
    expect(texts).not.to.contain('could not reach');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.panel__reference')!.textContent).to.match(/^ΚΚ-2026-\d{6}$/);
    expect(await backendCommand<number>('kentro-count')).to.equal(before + 1);
  });

  it('keeps the answers and says so when the network stays down; "Send" again stores it once', async () => {
    // Chromium itself re-sends a request whose connection dropped, so the fault outlasts every attempt.
    const before = await backendCommand<number>('kentro-count');
    await backendCommand('kentro-fault', { kind: 'drop-before-forward', method: 'POST', path: '/api/test/submissions', times: 100 });
    const el = await formReadyToSend();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => el.form.status === 'failed', 'did not fail', { timeout: 20000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Your answers are kept');
    await expect(el).to.be.accessible();
    expect(el.form.value('name')).to.equal('Ελένη Παπαδοπούλου');
    expect(await backendCommand<number>('kentro-count')).to.equal(before);
    await backendCommand('kentro-reset'); // the network is back
    el.shadowRoot!.querySelector<HTMLButtonElement>('.button-group .button')!.click();
    await waitUntil(() => el.step === 'done', 'never confirmed', { timeout: 10000 });
    expect(await backendCommand<number>('kentro-count')).to.equal(before + 1);
  });
});
