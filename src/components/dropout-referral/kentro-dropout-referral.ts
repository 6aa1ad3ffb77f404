import { define } from '../../core/define.ts';
import { KentroDropoutReferral } from './dropout-referral.ts';

define('kentro-dropout-referral', KentroDropoutReferral);

declare global {
  interface HTMLElementTagNameMap {
    'kentro-dropout-referral': KentroDropoutReferral;
  }
}
