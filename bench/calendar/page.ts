/// <reference lib="dom" />
/**
 * The bench page (browser side). `index.html` registers `<kentro-events-calendar>` from the sources; this script
 * mounts one calendar at a time, ours or a bare FullCalendar 7 in a plain div, and measures:
 *
 * - first render: from appending the element (ours) or `new Calendar(…).render()` (bare) to the end of the first
 *   frame whose DOM holds all the expected event elements;
 * - next / back: from the click on the toolbar's next (then previous) button to the end of the first frame that
 *   holds all the expected event elements of the new month.
 *
 * "End of the frame": the condition is checked in a `requestAnimationFrame` callback (the DOM that frame paints),
 * and the time is taken in a `setTimeout(0)` queued from there, which runs after the frame's style, layout and
 * paint (main-thread paint; raster and display on the compositor are not included).
 */
import { Calendar, type EventInput, type EventSourceFuncInfo } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import classicTheme from 'fullcalendar/themes/classic';
import type { EventList } from '../../src/contract/events.ts';

export type Kind = 'ours' | 'bare';

export interface MountResult {
  /** Mount → all expected events painted, ms. */
  firstMs: number;
  /** Event elements in the DOM at that frame. */
  firstCount: number;
  /** The FullCalendar view type on screen. */
  view: string;
}

export interface NavResult { ms: number; count: number }

interface EventsCalendarElement extends HTMLElement { readonly currentView?: string }

let current: { kind: Kind; el: HTMLElement; root: ParentNode; calendar?: Calendar } | undefined;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const task = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Event elements: our content spans (`.ev`) in ours; FullCalendar's event anchors/divs in bare. */
function countEvents(): number {
  if (!current) return 0;
  return current.kind === 'ours'
    ? current.root.querySelectorAll('.ev').length
    : current.root.querySelectorAll('[data-bench-ev]').length;
}

/** Resolves at the end of the first frame whose DOM holds at least `expected` event elements. */
async function painted(t0: number, expected: number, timeoutMs = 30_000): Promise<NavResult> {
  for (;;) {
    await frame();
    const count = countEvents();
    await task();
    const ms = performance.now() - t0;
    if (count >= expected) return { ms, count };
    if (ms > timeoutMs) return { ms: NaN, count };
  }
}

/** FullCalendar's toolbar buttons in toolbar order: prev, next, today (both calendars start with prev,next). */
function toolbarButton(which: 'prev' | 'next'): HTMLButtonElement {
  const buttons = [...current!.root.querySelectorAll<HTMLButtonElement>('.cal button, button')].filter((b) => !b.closest('.filters, dialog, .next-visit'));
  const b = buttons[which === 'prev' ? 0 : 1];
  if (!b) throw new Error(`no ${which} button`);
  return b;
}

const api = {
  async mount(kind: Kind, apiBase: string, date: string, expected: number): Promise<MountResult> {
    api.unmount();
    const stage = document.getElementById('stage')!;
    if (kind === 'ours') {
      const el = document.createElement('kentro-events-calendar') as EventsCalendarElement;
      el.setAttribute('api-base', apiBase);
      el.setAttribute('view', 'month');
      el.setAttribute('initial-date', date);
      current = { kind, el, root: el.shadowRoot ?? el };
      const t0 = performance.now();
      stage.append(el);
      current.root = el.shadowRoot!;
      const r = await painted(t0, expected);
      return { firstMs: r.ms, firstCount: r.count, view: el.currentView ?? '?' };
    }
    const el = document.createElement('div');
    current = { kind, el, root: el };
    const t0 = performance.now();
    stage.append(el);
    const calendar = new Calendar(el, {
      plugins: [dayGridPlugin, classicTheme],
      initialView: 'dayGridMonth',
      timeZone: 'Europe/Athens',
      initialDate: date,
      // As ours: Monday first (same 6-week grid), the full height (every event in the DOM, no inner scroller) and a
      // toolbar with prev/next (its buttons are what the bench clicks).
      firstDay: 1,
      height: 'auto',
      headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
      events: async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
        const url = `${apiBase}/events?from=${encodeURIComponent(info.startStr)}&to=${encodeURIComponent(info.endStr)}`;
        const list = await (await fetch(url)).json() as EventList;
        return list.items.map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end, allDay: e.allDay ?? false }));
      },
      // Marks the event element for counting only (an attribute, no rendering change).
      eventDidMount: (arg) => { arg.el.setAttribute('data-bench-ev', ''); },
    });
    current.calendar = calendar;
    calendar.render();
    const r = await painted(t0, expected);
    return { firstMs: r.ms, firstCount: r.count, view: calendar.view.type };
  },
  /** Clicks next (or prev) and resolves when the expected events of the new month are painted. */
  async navigate(which: 'prev' | 'next', expected: number): Promise<NavResult> {
    const button = toolbarButton(which);
    const t0 = performance.now();
    button.click();
    return painted(t0, expected);
  },
  /** For checking: the toolbar's title and button labels. */
  describe() {
    const root = current?.root;
    return {
      title: root?.querySelector('h2, [role=heading]')?.textContent?.trim() ?? '',
      buttons: [...(root?.querySelectorAll('button') ?? [])].slice(0, 4).map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? ''),
      events: countEvents(),
    };
  },
  unmount() {
    current?.calendar?.destroy();
    current?.el.remove();
    current = undefined;
  },
};

declare global {
  interface Window { kentroCalendarBench: typeof api }
}
window.kentroCalendarBench = api;
