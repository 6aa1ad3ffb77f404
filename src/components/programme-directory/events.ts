/** Domain events of the directory. No personal data: only service ids. */

/** The person opened a programme's details. */
export class KentroProgrammeSelectEvent extends Event {
  static readonly eventName = 'kentro-programme-select';
  constructor(readonly detail: { serviceId: string }) {
    super(KentroProgrammeSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * "Ask for help with this": cancel it to handle it yourself (e.g. open your own form). By default the directory
 * hands the service to a `<kentro-intake-form>` on the same page, or goes to `intake-href`.
 */
export class KentroIntakeRequestEvent extends Event {
  static readonly eventName = 'kentro-intake-request';
  constructor(readonly detail: { serviceId: string }) {
    super(KentroIntakeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** "Refer a pupil": cancelable; by default goes to a `<kentro-dropout-referral>` on the page or `referral-href`. */
export class KentroReferralRequestEvent extends Event {
  static readonly eventName = 'kentro-referral-request';
  constructor(readonly detail: { serviceId: string }) {
    super(KentroReferralRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kentro-programme-select': KentroProgrammeSelectEvent;
    'kentro-intake-request': KentroIntakeRequestEvent;
    'kentro-referral-request': KentroReferralRequestEvent;
  }
}
