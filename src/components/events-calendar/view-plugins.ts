/**
 * FullCalendar's month and week views load only where they can be shown. Below 600 px the calendar is always a
 * list, so a phone never downloads the day grid and time grid (about 28 KB min + gzip of the calendar's 115).
 */
import type { PluginInput } from 'fullcalendar';

let wide: Promise<PluginInput[]> | undefined;

/** The month (`dayGridMonth`) and week (`timeGridWeek`) views, fetched once per page. */
export function widePlugins(): Promise<PluginInput[]> {
  wide ??= Promise.all([import('fullcalendar/daygrid'), import('fullcalendar/timegrid')])
    .then(([dayGrid, timeGrid]) => [dayGrid.default, timeGrid.default])
    .catch((error: unknown) => { wide = undefined; throw error; });
  return wide;
}
