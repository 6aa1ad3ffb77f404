import { define } from './define.ts';
import { KentroProvider } from './provider.ts';

define('kentro-provider', KentroProvider);

declare global {
  interface HTMLElementTagNameMap {
    'kentro-provider': KentroProvider;
  }
}
