/** Stable ids for seed records, from a readable key, so docs and tests can name them. */
import { stableUuid } from '../stable-id.ts';

export const seedId = (key: string) => stableUuid(`kentro-seed:${key}`);
