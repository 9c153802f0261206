// One place of a tour plan (the depot or an overnight place): its name and its point, picked
// from the settlements of the hromady that agreed to the provider's service
// (GET /providers/{p}/service-area) or typed as coordinates (a hotel's own point, or a village
// the registry has no point for). Checked in Ukrainian by tour-form-words.js before sending.
import { html } from './html.js';
import { LAT, LON } from './tour-form-words.js';

/** The settlement whose point the row has, as the select's value, or '' (typed coordinates). */
function pickedOf(area, row) {
  for (const h of area?.hromady ?? [])
    for (const s of h.settlements)
      if (String(s.location.lat) === String(row.lat) && String(s.location.lon) === String(row.lon))
        return `${h.hromadaId}/${s.id}`;
  return '';
}

/**
 * `prefix` makes the inputs' ids unique; `legend` names the fieldset; `onChange(row)` gets the
 * changed row; `onRemove`, when given, shows «Прибрати».
 */
export function PlaceFields({ prefix, legend, row, area, onChange, onRemove }) {
  const set = (key) => (e) => onChange({ ...row, [key]: e.currentTarget.value });
  const pick = (e) => {
    const [hromadaId, id] = e.currentTarget.value.split('/');
    const s = area.hromady.find((h) => h.hromadaId === hromadaId)?.settlements.find((x) => x.id === id);
    if (!s) return onChange({ ...row, lat: '', lon: '' });
    const keepName = row.name.trim() && row.name !== row.pickedName;
    onChange({
      ...row,
      name: keepName ? row.name : s.name,
      pickedName: s.name,
      lat: String(s.location.lat),
      lon: String(s.location.lon),
    });
  };
  const hromady = (area?.hromady ?? []).filter((h) => h.settlements.length);
  return html`<fieldset class="tour-place">
    <legend>${legend}</legend>
    <label>Назва <input id=${`${prefix}-name`} value=${row.name} size="24" onInput=${set('name')} /></label>
    ${
      hromady.length > 0 &&
      html`<label>Населений пункт
        <select id=${`${prefix}-settlement`} value=${pickedOf(area, row)} onChange=${pick}>
          <option value="">— координати вручну —</option>
          ${hromady.map(
            (h) => html`<optgroup key=${h.hromadaId} label=${h.name}>
              ${h.settlements.map(
                (s) => html`<option key=${s.id} value=${`${h.hromadaId}/${s.id}`}>${s.name}</option>`,
              )}
            </optgroup>`,
          )}
        </select></label>`
    }
    <label>Широта <input id=${`${prefix}-lat`} inputmode="decimal" size="10" value=${row.lat}
      placeholder=${`${LAT.min}–${LAT.max}`} onInput=${set('lat')} /></label>
    <label>Довгота <input id=${`${prefix}-lon`} inputmode="decimal" size="10" value=${row.lon}
      placeholder=${`${LON.min}–${LON.max}`} onInput=${set('lon')} /></label>
    ${onRemove && html`<button type="button" onClick=${onRemove} aria-label=${`Прибрати: ${legend}`}>Прибрати</button>`}
  </fieldset>`;
}
