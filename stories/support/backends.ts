/**
 * Where stories find their backends. In Storybook, `/api` is proxied to `npm start` and `/hsds-stub/` serves
 * the HSDS specification's examples (.storybook/main.ts); the browser tests point these at their own servers.
 */
const g = globalThis as { KENTRO_STORY_API?: string; KENTRO_STORY_HSDS_STUB?: string };

export const storyApi = () => g.KENTRO_STORY_API ?? '/api';
export const storyHsdsStub = () => g.KENTRO_STORY_HSDS_STUB ?? '/hsds-stub';

export function setStoryBackends(api: string, hsdsStub: string) {
  g.KENTRO_STORY_API = api;
  g.KENTRO_STORY_HSDS_STUB = hsdsStub;
}
