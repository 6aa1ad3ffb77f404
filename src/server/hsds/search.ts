/**
 * Greek-aware search in SQL, the same on PGlite and PostgreSQL. A query is split into words (letters and digits
 * only, so no LIKE wildcard or quote ever reaches SQL); every word must match, by one of, best first:
 *
 *   3 exact   the word, lower-cased with its accents, is in the lower-cased text (final sigma counts as σ)
 *   2 folded  kentro_fold(word) is in the folded text: accents, case and final sigma ignored
 *   1 fuzzy   the folded text contains a word of the search lexicon (migration 002) that the folded query word
 *             resembles: pg_trgm similarity ≥ 0.4 or word similarity ≥ 0.6 (`παιδα` → `παιδια`, `παιδιων`)
 *
 * A result's tier is its weakest word's; results rank by tier, then by how many words hit the name (folded or
 * fuzzy), then by name.
 * The folded text is a stored column with a trigram GIN index; the lexicon has one too. Each word's lexicon lookup
 * is a materialised common table expression (`with`), so a statement that tests it in its WHERE and its ORDER BY
 * scans the lexicon once.
 */
import type { Params } from './sql.ts';

const MAX_WORDS = 10;
/** Trigram similarity means little on shorter words: they must match as (folded) substrings. */
const FUZZY_MIN_LENGTH = 4;
const SIMILARITY = 0.4;
const WORD_SIMILARITY = 0.6;

/** The words of a query: NFC, deduplicated, at most ten. */
export function searchWords(text: string | undefined): string[] {
  const words = text?.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** SQL expressions of what is searched. */
export interface SearchTarget {
  /** Folded name (a word found here is a name hit). */
  name: string;
  /** The text lower-cased with accents kept and ς written σ. */
  lower: string;
  /** The folded text, kentro_fold(…). */
  folded: string;
  /** Tolerate typos through the search lexicon, which holds the words of this text (services and terms). */
  fuzzy?: boolean;
}

export interface SearchSql {
  /** Every word matches. */
  where: string;
  /** 3 exact, 2 folded, 1 fuzzy. */
  tier: string;
  /** How many words are in the name. */
  nameHits: string;
  /** Common table expressions the conditions read, for the statement's `WITH` (see `withClause`). */
  with: string[];
}

/** `WITH a AS (…), b AS (…) ` for the given expressions, or nothing. */
export const withClause = (ctes: readonly string[] | undefined) => (ctes?.length ? `WITH ${ctes.join(', ')} ` : '');

/** LIKE patterns of the lexicon words a folded query word resembles (`%` is pg_trgm's indexed pre-filter). */
const similarWords = (folded: string) =>
  `ARRAY(SELECT '%' || x.word || '%' FROM search_words x WHERE x.word % ${folded}
     AND (similarity(x.word, ${folded}) >= ${SIMILARITY} OR word_similarity(${folded}, x.word) >= ${WORD_SIMILARITY}))`;

/** The search conditions for `words` against `target`, or undefined when there is nothing to look for. */
export function searchSql(target: SearchTarget, words: readonly string[], params: Params): SearchSql | undefined {
  if (words.length === 0) return undefined;
  const where: string[] = [];
  const tiers: string[] = [];
  const hits: string[] = [];
  const ctes: string[] = [];
  for (const word of words) {
    const w = params.add(word, 'text');
    const folded = `kentro_fold(${w})`;
    const lower = `replace(lower(${w}), 'ς', 'σ')`;
    let similar: string | undefined;
    if (target.fuzzy && [...word].length >= FUZZY_MIN_LENGTH) {
      // Named after the word's parameter, so it is unique in the statement.
      const name = `kentro_similar_${params.values.length}`;
      ctes.push(`${name} AS MATERIALIZED (SELECT ${similarWords(folded)} AS patterns)`);
      similar = `(SELECT patterns FROM ${name})::text[]`;
    }
    const orSimilar = (text: string) => (similar ? ` OR ${text} LIKE ANY (${similar})` : '');
    where.push(`(${target.folded} LIKE '%' || ${folded} || '%'${orSimilar(target.folded)})`);
    tiers.push(`CASE WHEN strpos(${target.lower}, ${lower}) > 0 THEN 3 WHEN strpos(${target.folded}, ${folded}) > 0 THEN 2 ELSE 1 END`);
    hits.push(`(strpos(${target.name}, ${folded}) > 0${orSimilar(target.name)})::int`);
  }
  return { where: where.join(' AND '), tier: `LEAST(${tiers.join(', ')})`, nameHits: `(${hits.join(' + ')})`, with: ctes };
}

/** Search over a name and a description computed on the fly (small tables: taxonomies, organizations). */
export function textTarget(name: string, description: string): SearchTarget {
  const text = `${name} || ' ' || coalesce(${description}, '')`;
  return { name: `kentro_fold(${name})`, lower: `replace(lower(${text}), 'ς', 'σ')`, folded: `kentro_fold(${text})` };
}
