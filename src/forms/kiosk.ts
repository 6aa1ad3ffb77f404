/**
 * Kiosk mode, for the shared computer at the centre or the library: personal fields lose autocomplete, and after
 * a configurable time without activity a modal warning counts down, then everything is wiped (`onReset`).
 * Render `kiosk.render()` once in the widget's template.
 */
import { html, type LitElement, type ReactiveController } from 'lit';
import type { LocalizeController } from '../core/localize.ts';

export interface KioskOptions {
  enabled: () => boolean;
  /** Inactivity before the warning, in ms. */
  timeoutMs: () => number;
  /** Seconds the warning counts down before the reset. */
  countdownSeconds?: number;
  /** Wipes the widget's answers and state. */
  onReset: () => void;
  localize: LocalizeController;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'focusin', 'wheel'] as const;

export class KioskController implements ReactiveController {
  /** The warning is showing. */
  warning = false;
  secondsLeft = 0;
  private active = false;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private tickTimer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: LitElement, private readonly options: KioskOptions) {
    host.addController(this);
  }

  hostConnected() {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.handleActivity, { capture: true, passive: true });
    this.sync();
  }

  hostDisconnected() {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.handleActivity, { capture: true });
    this.stopTimers();
    this.active = false;
  }

  hostUpdated() {
    this.sync();
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.kiosk-dialog');
    if (!dialog) return;
    if (this.warning && !dialog.open) dialog.showModal();
    if (!this.warning && dialog.open) dialog.close();
  }

  /** `off` for personal fields in kiosk mode; the token otherwise. */
  autocomplete(token: string) {
    return this.options.enabled() ? 'off' : token;
  }

  /** Keep going: close the warning and restart the inactivity timer. */
  stay() {
    this.warning = false;
    this.stopTimers();
    this.arm();
    this.host.requestUpdate();
  }

  /** Wipe now (the countdown's end, the "Clear now" button). */
  resetNow() {
    this.warning = false;
    this.stopTimers();
    this.options.onReset();
    if (this.active) this.arm();
    this.host.requestUpdate();
  }

  render() {
    const l = this.options.localize;
    return html`<dialog class="kiosk-dialog" aria-labelledby="kiosk-title" aria-describedby="kiosk-body"
      @cancel=${(e: Event) => { e.preventDefault(); this.stay(); }}>
      <h2 id="kiosk-title">${l.term('kiosk.warningTitle')}</h2>
      <p id="kiosk-body">${l.term('kiosk.warningBody', { count: this.secondsLeft })}</p>
      <div class="button-group">
        <button type="button" class="button" autofocus @click=${() => this.stay()}>${l.term('kiosk.stay')}</button>
        <button type="button" class="button button--secondary" @click=${() => this.resetNow()}>${l.term('kiosk.resetNow')}</button>
      </div>
    </dialog>`;
  }

  private readonly handleActivity = () => {
    if (this.active && !this.warning) this.arm();
  };

  private sync() {
    const on = this.options.enabled();
    if (on === this.active) return;
    this.active = on;
    if (on) this.arm();
    else { this.stopTimers(); this.warning = false; }
  }

  private arm() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.warn(), this.options.timeoutMs());
  }

  private warn() {
    this.warning = true;
    this.secondsLeft = this.options.countdownSeconds ?? 30;
    clearInterval(this.tickTimer);
    this.tickTimer = setInterval(() => {
      this.secondsLeft -= 1;
      if (this.secondsLeft <= 0) this.resetNow();
      else this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  private stopTimers() {
    clearTimeout(this.idleTimer);
    clearInterval(this.tickTimer);
  }
}
