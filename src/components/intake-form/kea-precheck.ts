/**
 * The Minimum Guaranteed Income (ΚΕΑ) pre-check shown when that need is chosen: who is eligible and the documents
 * to bring. Advice only: it never stops the request ("not sure? send it anyway").
 */
import { html } from 'lit';
import type { LocalizeController } from '../../core/localize.ts';

export function renderKeaPrecheck(l: LocalizeController) {
  return html`<section class="notice kea" aria-labelledby="kea-title">
    <h3 id="kea-title">${l.term('intake.keaTitle')}</h3>
    <p>${l.term('intake.keaIntro')}</p>
    <ul>
      <li>${l.term('intake.keaWho1')}</li>
      <li>${l.term('intake.keaWho2')}</li>
      <li>${l.term('intake.keaWho3')}</li>
    </ul>
    <h4>${l.term('intake.keaDocsTitle')}</h4>
    <ul>
      <li>${l.term('intake.keaDoc1')}</li>
      <li>${l.term('intake.keaDoc2')}</li>
      <li>${l.term('intake.keaDoc3')}</li>
      <li>${l.term('intake.keaDoc4')}</li>
      <li>${l.term('intake.keaDoc5')}</li>
      <li>${l.term('intake.keaDoc6')}</li>
    </ul>
    <p><strong>${l.term('intake.keaUnsure')}</strong></p>
  </section>`;
}
