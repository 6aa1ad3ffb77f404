/** Layout of the volunteer signup: filter row, opportunity cards, shift choices and the volunteer's own page. */
import { css } from 'lit';

export default css`
  :host { min-block-size: var(--kentro-volunteer-signup-min-height, 24rem); }
  .filters { display: flex; flex-wrap: wrap; align-items: end; gap: var(--_space-3); margin: 0 0 var(--_space-3); padding: 0; border: 0; }
  .filter { flex: 1 1 12rem; }
  .filter .select, .filter .input { margin-block-start: var(--_space-1); }
  .filter__clear { flex: 0 0 auto; }
  .count { font-weight: 600; }
  .cards { display: grid; gap: var(--_space-3); margin: 0; padding: 0; list-style: none; }
  @container (min-width: 48rem) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  .card { display: flex; flex-direction: column; gap: var(--_space-2); padding: var(--_space-3); border: 1px solid var(--_border-soft); border-radius: var(--_radius); }
  .card > * { margin: 0; }
  .card .button { align-self: start; margin-block-start: auto; }
  .card__title { font-size: 1.25rem; }
  .card__meta { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-3); color: var(--_muted); }
  .card__next { font-weight: 600; }
  .back { margin-block-end: var(--_space-3); }
  .detail { max-inline-size: 44rem; }
  .facts { display: grid; gap: var(--_space-2); margin: 0 0 var(--_space-4); }
  .facts > div { display: grid; gap: var(--_space-1); }
  @container (min-width: 36rem) { .facts > div { grid-template-columns: 10rem 1fr; } }
  .facts dt { font-weight: 600; }
  .facts dd { margin: 0; }
  .plain { margin: 0; padding: 0; list-style: none; }
  .shift__filled { margin-block-start: var(--_space-2); }
  .shift__filled .button { margin-block: var(--_space-1) var(--_space-2); }
  .bookings > li:not(.booking) { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-3); }
  .bookings { display: grid; gap: var(--_space-2); margin: 0 0 var(--_space-4); padding: 0; list-style: none; }
  .booking { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space-3); padding-block: var(--_space-2); border-block-end: 1px solid var(--_border-soft); }
  .booking--cancelled .booking__when { text-decoration: line-through; color: var(--_muted); }
  .confirm { flex-basis: 100%; padding: var(--_space-3); background: var(--_warning-bg); }
  .confirm p { margin: 0; font-weight: 600; }
  .confirm .button-group { margin-block-end: 0; }
  .loading { display: flex; align-items: center; gap: var(--_space-2); }
`;
