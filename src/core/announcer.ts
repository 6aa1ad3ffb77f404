/**
 * One polite live region per widget: result counts, "sending…", "trying again…". Render `announcer.render()`
 * once in the widget's template and call `announce()`; the same text twice is announced twice.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

export class AnnouncerController implements ReactiveController {
  private message = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.timer);
  }

  /** What the region says now (for tests and for hosts that mirror it). */
  get text() { return this.message; }

  announce(message: string) {
    clearTimeout(this.timer);
    this.message = '';
    this.host.requestUpdate();
    // Cleared first, then filled on the next task, so screen readers notice a repeated message.
    this.timer = setTimeout(() => { this.message = message; this.host.requestUpdate(); }, 50);
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
