import { define } from '../../core/define.ts';
import { KentroEventsCalendar } from './events-calendar.ts';

define('kentro-events-calendar', KentroEventsCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'kentro-events-calendar': KentroEventsCalendar;
  }
}
