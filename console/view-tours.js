// «Виїзні тури» (docs/services/regional-tours.md), loaded when the view is first shown: a
// hromada's agreements, visits and its view of a tour for its dispatcher; a provider's tours and
// their planning for the provider's user (console/auth.js: custom:provider_id).
import { html } from './html.js';
import { HromadaTours } from './tours-hromada.js';
import { ProviderTours } from './tours-provider.js';

export function ToursView(ctx) {
  return html`<section aria-labelledby="tours-title">
    <h2 id="tours-title">Виїзні тури</h2>
    ${ctx.providerId ? html`<${ProviderTours} ...${ctx} />` : html`<${HromadaTours} ...${ctx} />`}
  </section>`;
}
