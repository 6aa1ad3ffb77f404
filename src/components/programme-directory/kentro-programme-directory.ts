import { define } from '../../core/define.ts';
import { KentroProgrammeDirectory } from './programme-directory.ts';

define('kentro-programme-directory', KentroProgrammeDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'kentro-programme-directory': KentroProgrammeDirectory;
  }
}
