import { css } from 'lit';
import { formStyles } from '../../forms/form.styles.ts';

export default [formStyles, css`
  :host { min-block-size: 24rem; }
  .search { max-inline-size: none; margin-block-end: var(--_space-3); }
  .search .input { max-inline-size: 40rem; }
  .filters { margin: 0 0 var(--_space-3); padding: var(--_space-3); border: 1px solid var(--_border-soft); background: var(--_surface); min-inline-size: 0; }
  .filters .legend { font-size: 1.125rem; }
  .filters__grid { display: grid; gap: var(--_space-3); grid-template-columns: 1fr; }
  .filter .label { font-weight: 600; }
  .filter .hint { margin-block-end: var(--_space-1); font-size: 0.9375rem; }
  .clear { margin-block-start: var(--_space-3); }
  @container (min-width: 36rem) { .filters__grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  @container (min-width: 56rem) { .filters__grid { grid-template-columns: repeat(3, minmax(0, 1fr)); } }

  .count { font-weight: 700; margin-block: var(--_space-3); }
  .results { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space-3);
    grid-template-columns: repeat(var(--kentro-programme-directory-columns, 1), minmax(0, 1fr)); }
  /* Cards below the fold skip style, layout and paint until they scroll near (about 8rem tall until measured). */
  .card { content-visibility: auto; contain-intrinsic-size: auto 8rem; padding: var(--_space-3); border: 1px solid var(--_border-soft); border-inline-start: 5px solid var(--_accent); background: var(--_bg); }
  .card__title { font-size: 1.1875rem; margin-block-end: var(--_space-2); }
  .card__summary { margin-block-end: var(--_space-2); }
  .card__meta { margin: 0; color: var(--_muted); font-size: 0.9375rem; }
  .empty { padding: var(--_space-4); background: var(--_surface); border: 1px dashed var(--_border); }
  .loading { display: flex; align-items: center; gap: var(--_space-2); min-block-size: 6rem; }

  .detail__title { font-size: 1.625rem; }
  .detail__section { margin-block-start: var(--_space-4); }
  .detail__section h4 { font-size: 1.1875rem; margin-block-end: var(--_space-2); }
  .location { padding-block: var(--_space-3); border-block-start: 1px solid var(--_border-soft); }
  .location h5 { font-size: 1.0625rem; margin-block: 0 var(--_space-2); }
  .address { margin-block-end: var(--_space-2); }
  .plain-list { list-style: none; padding: 0; margin: 0 0 var(--_space-2); }
  .open-state { font-weight: 700; color: var(--_muted); }
  .open-state--open { color: var(--_success); }
  .back { margin-block-end: var(--_space-3); }
  .actions { margin-block: var(--_space-3); }
  .shortlist-bar { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: center; margin-block-start: var(--_space-4);
    padding-block-start: var(--_space-3); border-block-start: 2px solid var(--_border-soft); }
  .shortlist .detail { margin-block-start: var(--_space-4); padding-block-start: var(--_space-3); border-block-start: 3px solid var(--_text); }
  .rich-text p:last-child { margin-block-end: 0; }

  @media print {
    :host { min-block-size: 0; }
    .search, .filters, .actions, .back, .shortlist-bar, .clear { display: none !important; }
    .printing-list > :not(.shortlist) { display: none !important; }
    .card, .location { break-inside: avoid; }
    .card { content-visibility: visible; }
    a { color: inherit; }
  }
`];
