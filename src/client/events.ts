/** The events part of the contract: occurrences in a window, one occurrence, and the iCalendar URLs. */
import type { EventCategory } from '../contract/events.ts';

import type { ApiClient, RequestOptions } from './api-client.ts';

/** The schemas, with zod, fetched beside the first request. */
const contract = () => import('../contract/events.ts');

export interface EventFilters {
  categories?: readonly EventCategory[];
  locations?: readonly string[];
  q?: string;
}

export class EventsClient {
  constructor(readonly api: ApiClient) {}

  /** Occurrences between two dates (`YYYY-MM-DD` or ISO date-times). */
  list(from: string, to: string, filters: EventFilters = {}, options: RequestOptions = {}) {
    return this.api.get('/events', contract().then((c) => c.EventList), {
      ...options,
      query: { from, to, category: filters.categories, location: filters.locations, q: filters.q },
    });
  }

  get(id: string, options: RequestOptions = {}) {
    return this.api.get(`/events/${encodeURIComponent(id)}`, contract().then((c) => c.EventOccurrence), options);
  }

  /** The subscribable feed, with the same filters. */
  feedUrl(filters: EventFilters = {}) {
    return this.api.url('/events.ics', { category: filters.categories, location: filters.locations });
  }

  /** One event as an .ics download. */
  icsUrl(id: string) {
    return this.api.url(`/events/${encodeURIComponent(id)}.ics`);
  }
}
