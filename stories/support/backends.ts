/**
 * Where stories find their backends. In Storybook, `/api` is proxied to `npm start` and `/hsds-stub/` serves
 * the HSDS specification's examples (.storybook/main.ts); the browser tests point these at their own servers.
 */
const g = globalThis as { KENTRO_STORY_API?: string; KENTRO_STORY_HSDS_STUB?: string; KENTRO_STORY_ICS?: string };

export const storyApi = () => g.KENTRO_STORY_API ?? '/api';
export const storyHsdsStub = () => g.KENTRO_STORY_HSDS_STUB ?? '/hsds-stub';

/** A council's iCalendar feed (Storybook serves `test/fixtures/ics` at `/ics/`). */
export const storyIcsFeed = () => g.KENTRO_STORY_ICS ?? '/ics/council-feed.ics';

export function setStoryBackends(api: string, hsdsStub: string, icsFeed?: string) {
  g.KENTRO_STORY_API = api;
  g.KENTRO_STORY_HSDS_STUB = hsdsStub;
  if (icsFeed) g.KENTRO_STORY_ICS = icsFeed;
}
