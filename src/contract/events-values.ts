/** Event categories and statuses without zod, for the calendar's first load. */
export const EVENT_CATEGORIES = ['seminar', 'children', 'information-day', 'mobile-unit', 'volunteering', 'community', 'other'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'moved-online'] as const;
