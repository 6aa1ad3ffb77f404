/**
 * "Exit this page" (after GOV.UK's component) for people who may be watched: a button on every page, and Shift
 * pressed three times within five seconds anywhere on the page. Either wipes every answer and state at once and
 * shows neutral content, or, with `exit-href`, replaces the page (so Back does not return to the form).
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../../core/localize.ts';

const PRESSES = 3;
const WINDOW_MS = 5000;

export interface ExitOptions {
  localize: LocalizeController;
  /** Where to go instead of showing neutral content. */
  href: () => string | undefined;
  /** Wipes every answer and state of the widget. */
  onExit: () => void;
  /** Whether the shortcut listens (not once the page has been left). */
  active: () => boolean;
}

export class ExitPageController implements ReactiveController {
  private presses: number[] = [];

  constructor(host: ReactiveControllerHost, private readonly options: ExitOptions) {
    host.addController(this);
  }

  hostConnected() {
    addEventListener('keydown', this.onKey, true);
  }

  hostDisconnected() {
    removeEventListener('keydown', this.onKey, true);
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (!this.options.active()) return;
    if (e.key !== 'Shift' || e.repeat) { if (e.key !== 'Shift') this.presses = []; return; }
    const now = e.timeStamp || performance.now();
    this.presses = [...this.presses.filter((t) => now - t < WINDOW_MS), now];
    if (this.presses.length >= PRESSES) {
      this.presses = [];
      this.exit();
    }
  };

  exit() {
    this.options.onExit();
    const href = this.options.href();
    if (href) location.replace(href);
  }

  render() {
    const l = this.options.localize;
    return html`<div class="exit">
      <button type="button" class="button button--warning exit__button" @click=${() => this.exit()}>${l.term('intake.exit')}</button>
      <span class="exit__hint">${l.term('intake.exitHint')}</span>
    </div>`;
  }
}
