import { define } from '../../core/define.ts';
import { KentroVolunteerSignup } from './volunteer-signup.ts';

define('kentro-volunteer-signup', KentroVolunteerSignup);

declare global {
  interface HTMLElementTagNameMap {
    'kentro-volunteer-signup': KentroVolunteerSignup;
  }
}
