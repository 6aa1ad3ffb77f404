/**
 * Greek-aware folding for search and matching: accents and diaeresis removed, lower case, final sigma as sigma.
 * `παιδιά` → `παιδια`, `ΓΟΝΕΊΣ` → `γονεισ`, `Ελλάδα` → `ελλαδα`. The server does the same with `kentro_fold()`.
 */
const MARKS = /\p{M}+/gu;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replaceAll('ς', 'σ');
}
