import { define } from '../../core/define.ts';
import { KentroIntakeForm } from './intake-form.ts';

define('kentro-intake-form', KentroIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'kentro-intake-form': KentroIntakeForm;
  }
}
