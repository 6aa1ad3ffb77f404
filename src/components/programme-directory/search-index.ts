/**
 * In-browser search over a whole directory: MiniSearch with the Greek normaliser (accents, final sigma, case),
 * prefix matching for search-as-you-type and one typo tolerated in longer words. Results whose text contains
 * the query exactly as typed (case aside) rank above those found only after folding.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { HsdsService } from '../../contract/hsds.ts';
import { fold } from '../../core/fold.ts';

interface IndexedService {
  id: string;
  name: string;
  alternate: string;
  description: string;
  terms: string;
  organization: string;
}

const toDocument = (s: HsdsService): IndexedService => ({
  id: s.id,
  name: s.name,
  alternate: s.alternate_name ?? '',
  description: [s.description, s.eligibility_description].filter(Boolean).join(' '),
  terms: s.attributes.map((a) => a.taxonomy_term?.name ?? '').join(' '),
  organization: s.organization?.name ?? '',
});

export interface SearchIndex {
  /** Ids of the services matching `query`, best first; all ids when the query is empty. */
  search(query: string): string[];
}

export function buildSearchIndex(services: readonly HsdsService[], options: { fold?: boolean } = {}): SearchIndex {
  const base = options.fold === false ? (t: string) => t.toLowerCase() : fold;
  // A directory has a few thousand distinct words but hundreds of thousands of tokens: normalise each word once.
  const seen = new Map<string, string>();
  const normalise = (t: string) => {
    let n = seen.get(t);
    if (n === undefined) seen.set(t, (n = base(t)));
    return n;
  };
  const index = new MiniSearch<IndexedService>({
    fields: ['name', 'alternate', 'description', 'terms', 'organization'],
    processTerm: (term) => normalise(term),
    searchOptions: {
      boost: { name: 4, alternate: 2, terms: 2 },
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      combineWith: 'AND',
      weights: { fuzzy: 0.3, prefix: 0.7 },
    },
  });
  const documents = services.map(toDocument);
  index.addAll(documents);
  const raw = new Map(documents.map((d) => [d.id, `${d.name} ${d.alternate}`.toLowerCase()]));
  const rawBody = new Map(documents.map((d) => [d.id, `${d.description} ${d.terms}`.toLowerCase()]));
  const all = services.map((s) => s.id);

  return {
    search(query: string) {
      const q = query.trim();
      if (!q) return all;
      const typed = q.toLowerCase();
      // One or two letters match most of a large directory, and expanding them as prefixes over every description
      // word is what a short query costs: search names, alternate names and terms only until the third letter.
      const letters = [...q].length;
      // With one letter every text contains it: the as-typed boost means nothing, skip it.
      if (letters === 1) return index.search(q, { fields: ['name', 'alternate'] }).map((r) => r.id as string);
      const exact = (r: SearchResult) => (raw.get(r.id)!.includes(typed) ? 3 : rawBody.get(r.id)!.includes(typed) ? 1.5 : 1);
      return index.search(q, letters < 3 ? { fields: ['name', 'alternate', 'terms'] } : {}).map((r) => ({ id: r.id as string, score: r.score * exact(r) }))
        .sort((a, b) => b.score - a.score).map((r) => r.id);
    },
  };
}
