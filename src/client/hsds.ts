/**
 * Reading any HSDS 3.x API (the reference server's `/api/hsds`, or a council's existing Open Referral feed).
 * Optional endpoints that a feed lacks (taxonomies, terms) degrade to empty lists instead of failing.
 */
import type * as z from 'zod/mini';
import type {
  HsdsService, HsdsServicePage, HsdsServicesQuery, HsdsTaxonomy, HsdsTaxonomyTerm,
} from '../contract/hsds.ts';
import { ApiClient, type RequestOptions } from './api-client.ts';
import { ApiError } from './errors.ts';

/** The schemas, with zod, fetched beside the first request. */
const contract = () => import('../contract/hsds.ts');

export type ServicePage = z.output<typeof HsdsServicePage>;

export type DirectoryLoad =
  | { mode: 'local'; services: HsdsService[] }
  /** Too many services to search in the browser: ask the server per query. */
  | { mode: 'remote'; total: number };

const PER_PAGE = 500;

/** Missing optional endpoint → empty. */
async function optional<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && (error.kind === 'notFound' || error.kind === 'invalid' || error.kind === 'unauthorized')) return [];
    throw error;
  }
}

export class HsdsClient {
  readonly api: ApiClient;

  constructor(base: string | ApiClient) {
    this.api = typeof base === 'string' ? new ApiClient({ baseUrl: base }) : base;
  }

  /** Every service (fully nested) when there are at most `limit`; otherwise the remote mode and the total. */
  async loadDirectory(limit: number, options: RequestOptions = {}): Promise<DirectoryLoad> {
    const first = await this.services({ full: 'true', per_page: PER_PAGE, page: 1 }, options);
    if (first.total_items > limit) return { mode: 'remote', total: first.total_items };
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, first.total_pages - 1) }, (_, i) =>
        this.services({ full: 'true', per_page: PER_PAGE, page: i + 2 }, options)),
    );
    // Feeds repeat services across pages (or ignore `page` altogether): keep the first copy of each id.
    const byId = new Map<string, HsdsService>();
    for (const s of [first, ...rest].flatMap((p) => p.contents)) if (!byId.has(s.id)) byId.set(s.id, s);
    return { mode: 'local', services: [...byId.values()] };
  }

  services(query: HsdsServicesQuery, options: RequestOptions = {}): Promise<ServicePage> {
    return this.api.get('/services', contract().then((c) => c.HsdsServicePage), { ...options, query: { ...query } });
  }

  service(id: string, options: RequestOptions = {}): Promise<HsdsService> {
    return this.api.get(`/services/${encodeURIComponent(id)}`, contract().then((c) => c.HsdsService), options);
  }

  taxonomies(options: RequestOptions = {}): Promise<HsdsTaxonomy[]> {
    return optional(async () => (await this.api.get('/taxonomies', contract().then((c) => c.HsdsTaxonomyPage), { ...options, query: { per_page: 100 } })).contents);
  }

  /** Every taxonomy term, following pages. */
  taxonomyTerms(options: RequestOptions = {}): Promise<HsdsTaxonomyTerm[]> {
    return optional(async () => {
      const first = await this.api.get('/taxonomy_terms', contract().then((c) => c.HsdsTaxonomyTermPage), { ...options, query: { per_page: 1000 } });
      const rest = await Promise.all(Array.from({ length: Math.max(0, first.total_pages - 1) }, (_, i) =>
        this.api.get('/taxonomy_terms', contract().then((c) => c.HsdsTaxonomyTermPage), { ...options, query: { per_page: 1000, page: i + 2 } })));
      return [first, ...rest].flatMap((p) => p.contents);
    });
  }
}
