// The booking form of a phone call: the caller's own mobility pre-filled; a repeat or a return
// starts from a trip's places and time.
import { useState } from 'preact/hooks';
import { create, hromadaPath } from './api.js';
import { html } from './html.js';
import { PURPOSES, placeAddress, SERVICES } from './words.js';

/** A booking's body for the API (docs/openapi.json: POST …/requests). */
export function bookingBody(date, resident, f) {
  return {
    serviceType: f.serviceType,
    residentId: resident.id,
    date,
    pickup: f.pickup ?? { address: resident.address, location: resident.location },
    requestedTime: { kind: f.kind, time: f.time },
    purpose: f.purpose,
    passengers: { escorts: Number(f.escorts), wheelchair: f.wheelchair },
    ...(f.dropoff ? { dropoff: f.dropoff } : {}),
    ...(f.allowOverlap ? { allowOverlap: true } : {}),
  };
}

/** A creating POST (an Idempotency-Key per submission, kept when a lost answer is retried). */
export const bookRequest = (hromada, body) => create(`${hromadaPath(hromada)}/requests`, body);

function initial(resident, from) {
  return {
    serviceType: from?.serviceType ?? 'social-taxi',
    time: from?.time ?? '',
    kind: from?.kind ?? 'pickup',
    settlementId: from?.dropoff?.settlementId ?? '',
    street: '',
    purpose: from?.purpose ?? 'medical',
    escorts: String(from?.escorts ?? (resident.mobility?.escort ? 1 : 0)),
    wheelchair: from?.wheelchair ?? resident.mobility?.wheelchair === true,
    allowOverlap: false,
    pickup: from?.pickup,
    dropoff: from?.dropoff,
  };
}

export function BookingForm({ hromada, date, names, resident, from, run, done }) {
  const [f, setF] = useState(() => initial(resident, from));
  const set = (key) => (e) =>
    setF({
      ...f,
      [key]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value,
    });
  const submit = (e) => {
    e.preventDefault();
    run(async () => {
      let dropoff = f.dropoff;
      if (f.serviceType === 'social-taxi' && !dropoff) {
        const s = names.settlements.find((x) => x.id === f.settlementId);
        if (!s) throw new Error('Оберіть, куди їхати');
        dropoff = { address: placeAddress(s, f.street.trim()), location: s.location, settlementId: s.id };
      }
      const body = bookingBody(date, resident, {
        ...f,
        dropoff: f.serviceType === 'social-taxi' ? dropoff : undefined,
      });
      done(await bookRequest(hromada, body));
    });
  };
  const fixedPlaces = Boolean(f.dropoff);
  return html`<form id="book" onSubmit=${submit}>
    <h3>Нова заявка: <span id="book-who">${resident.name}</span>${from?.label ? ` — ${from.label}` : ''}</h3>
    <label>Послуга <select name="serviceType" value=${f.serviceType} onChange=${set('serviceType')}>
      ${Object.entries(SERVICES).map(([v, t]) => html`<option value=${v}>${t}</option>`)}
    </select></label>
    <label>Час <input name="time" type="time" required value=${f.time} onInput=${set('time')} /></label>
    <label>Час означає <select name="kind" value=${f.kind} onChange=${set('kind')}>
      <option value="pickup">забрати о</option>
      <option value="arrive-by">бути на місці до</option>
    </select></label>
    ${
      fixedPlaces
        ? html`<p>Звідки: ${f.pickup?.address ?? resident.address}; куди: ${f.dropoff.address}
            <button type="button" onClick=${() => setF({ ...f, pickup: undefined, dropoff: undefined })}>Змінити</button></p>`
        : html`<label>Куди (село) <select name="settlement" value=${f.settlementId} onChange=${set('settlementId')}>
              <option value="">— оберіть —</option>
              ${names.settlements.map((s) => html`<option value=${s.id}>${s.name} (${s.type})</option>`)}
            </select></label>
            <label>Адреса <input name="address" size="30" placeholder="вул. Монастирська, 71" value=${f.street}
              onInput=${set('street')} /></label>`
    }
    <label>Мета <select name="purpose" value=${f.purpose} onChange=${set('purpose')}>
      ${Object.entries(PURPOSES).map(([v, t]) => html`<option value=${v}>${t}</option>`)}
    </select></label>
    <label>Супровід <input name="escorts" type="number" min="0" max="3" value=${f.escorts} onInput=${set('escorts')} /></label>
    <label><input name="wheelchair" type="checkbox" checked=${f.wheelchair} onChange=${set('wheelchair')} /> візок</label>
    <label><input name="allowOverlap" type="checkbox" checked=${f.allowOverlap} onChange=${set('allowOverlap')} />
      дозволити накладання</label>
    <button type="submit">Замовити</button>
  </form>`;
}
