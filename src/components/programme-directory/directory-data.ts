/**
 * What the directory knows after loading: the services (local mode) or just the total (remote mode), the
 * taxonomies and terms, and the derived search index and per-service term sets. Built once per load.
 */
import type { HsdsService, HsdsTaxonomy, HsdsTaxonomyTerm } from '../../contract/hsds.ts';
import type { HsdsClient } from '../../client/hsds.ts';
import { collectTerms, hasFilters, matchesFilters, termClosure, type Filters } from './facets.ts';
import type { SearchIndex } from './search-index.ts';

/** Builds the in-browser index; replaceable (benchmarks compare other engines through it). */
export type Indexer = (services: readonly HsdsService[]) => SearchIndex | Promise<SearchIndex>;

/**
 * MiniSearch with the Greek normaliser, as a chunk of its own: fetched beside the directory's data (it is needed
 * only once the services have arrived, and only in local mode).
 */
const searchModule = () => import('./search-index.ts');
const defaultIndexer: Indexer = async (services) => (await searchModule()).buildSearchIndex(services);

export interface DirectoryData {
  mode: 'local' | 'remote';
  total: number;
  services: Map<string, HsdsService>;
  taxonomies: HsdsTaxonomy[];
  terms: Map<string, HsdsTaxonomyTerm>;
  closures: Map<string, Set<string>>;
  index?: SearchIndex;
}

export async function loadDirectoryData(client: HsdsClient, localLimit: number, signal: AbortSignal, indexer: Indexer = defaultIndexer): Promise<DirectoryData> {
  if (indexer === defaultIndexer) searchModule().catch(() => undefined);
  const [load, taxonomies, termList] = await Promise.all([
    client.loadDirectory(localLimit, { signal }),
    client.taxonomies({ signal }),
    client.taxonomyTerms({ signal }),
  ]);
  const list = load.mode === 'local' ? load.services : [];
  const terms = collectTerms(list, termList);
  return {
    mode: load.mode,
    total: load.mode === 'local' ? list.length : load.total,
    services: new Map(list.map((s) => [s.id, s])),
    taxonomies,
    terms,
    closures: new Map(list.map((s) => [s.id, termClosure(s, terms)])),
    index: load.mode === 'local' ? await indexer(list) : undefined,
  };
}

const memo = new WeakMap<DirectoryData, { key: string; ids: string[] }>();

/** Local mode: the ids matching the query and filters, best first (remembered for the last query). */
export function localResults(data: DirectoryData, query: string, filters: Filters): string[] {
  if (!data.index) return [];
  const key = `${query}\u0000${JSON.stringify(filters)}`;
  const last = memo.get(data);
  if (last?.key === key) return last.ids;
  const found = data.index.search(query);
  const ids = hasFilters(filters) ? found.filter((id) => matchesFilters(data.services.get(id)!, filters, data.closures.get(id)!)) : found;
  memo.set(data, { key, ids });
  return ids;
}
