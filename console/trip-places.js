// Where a ride starts or ends, as the booking form chooses it: the resident's home, one of the
// hromada's known places, or a village with a street typed in (docs/services/social-taxi.md).
import { html } from './html.js';
import { placeAddress } from './words.js';

/** The choice's value: `home`, `place:<id>`, or `` (a village and an address). */
export const HOME = 'home';
const PLACE = 'place:';

/** The API's place input for a choice; a village needs its settlement and street. */
export function placeInput(choice, names, settlementId, street) {
  if (choice === HOME) return { home: true };
  if (choice.startsWith(PLACE)) return { placeId: choice.slice(PLACE.length) };
  const s = names.settlements.find((x) => x.id === settlementId);
  if (!s) return undefined;
  return { address: placeAddress(s, street.trim()), location: s.location, settlementId: s.id };
}

/** A select of home and the known places (and, for a drop-off, «village and address»). */
export function PlaceSelect({ label, name, value, names, resident, other, onChange }) {
  return html`<label>${label} <select name=${name} value=${value} onChange=${onChange}>
    ${other && html`<option value="">— інше: село, вулиця —</option>`}
    <option value=${HOME}>додому / з дому (${resident.address})</option>
    ${names.places.map((p) => html`<option value=${`${PLACE}${p.id}`}>${p.name}, ${p.address}</option>`)}
  </select></label>`;
}
