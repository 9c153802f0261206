// The booking form of a phone call: the caller's own mobility pre-filled; from home or a known
// place to a known place, home or a village's street; the way back booked with it (at a time or
// when the resident calls); a repeat or a return starts from a trip's places and time.
import { useState } from 'preact/hooks';
import { create, hromadaPath } from './api.js';
import { CaseSlots } from './case-slots.js';
import { html } from './html.js';
import { HOME, PlaceSelect, placeInput } from './trip-places.js';
import { PURPOSES, SERVICES } from './words.js';

/** A booking's body for the API (docs/openapi.json: POST …/requests). */
export function bookingBody(date, resident, f) {
  return {
    serviceType: f.serviceType,
    residentId: resident.id,
    date,
    pickup: f.pickup ?? { home: true },
    requestedTime: { kind: f.kind, time: f.time },
    purpose: f.purpose,
    passengers: { escorts: Number(f.escorts), wheelchair: f.wheelchair },
    ...(f.dropoff ? { dropoff: f.dropoff } : {}),
    ...(f.returnTrip ? { return: f.returnTrip } : {}),
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
    fromChoice: HOME,
    toChoice: '',
    returnMode: '',
    returnTime: '',
    purpose: from?.purpose ?? 'medical',
    escorts: String(from?.escorts ?? (resident.mobility?.escort ? 1 : 0)),
    wheelchair: from?.wheelchair ?? resident.mobility?.wheelchair === true,
    allowOverlap: false,
    pickup: from?.pickup,
    dropoff: from?.dropoff,
  };
}

export function BookingForm({ hromada, date, names, resident, from, run, say, done }) {
  const [f, setF] = useState(() => initial(resident, from));
  const set = (key) => (e) =>
    setF({
      ...f,
      [key]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value,
    });
  const submit = (e) => {
    e.preventDefault();
    run(async () => {
      const taxi = f.serviceType === 'social-taxi';
      const pickup = f.pickup ?? placeInput(f.fromChoice, names);
      const dropoff = f.dropoff ?? placeInput(f.toChoice, names, f.settlementId, f.street);
      if (taxi && !dropoff) throw new Error('Оберіть, куди їхати');
      const returnTrip =
        taxi && f.returnMode === 'fixed'
          ? { mode: 'fixed', time: f.returnTime }
          : taxi && f.returnMode === 'will-call'
            ? { mode: 'will-call' }
            : undefined;
      const body = bookingBody(date, resident, {
        ...f,
        pickup,
        dropoff: taxi ? dropoff : undefined,
        returnTrip,
      });
      done(await bookRequest(hromada, body));
    });
  };
  return html`<form id="book" onSubmit=${submit}>
    <h3>Нова заявка: <span id="book-who">${resident.name}</span>${from?.label ? ` — ${from.label}` : ''}</h3>
    <label>Послуга <select name="serviceType" value=${f.serviceType} onChange=${set('serviceType')}>
      ${Object.entries(SERVICES).map(([v, t]) => html`<option value=${v}>${t}</option>`)}
    </select></label>
    ${
      f.serviceType === 'mobile-case'
        ? html`<${CaseSlots} hromada=${hromada} resident=${resident} run=${run} say=${say} />`
        : html`<${TripFields} f=${f} set=${set} setF=${setF} names=${names} resident=${resident} />`
    }
  </form>`;
}

/** The fields of a ride or a visit: when, from where to where, the way back, who travels. */
function TripFields({ f, set, setF, names, resident }) {
  const fixedPlaces = Boolean(f.dropoff);
  const taxi = f.serviceType === 'social-taxi';
  const shown = (p) => (p?.home ? `додому (${resident.address})` : p?.address);
  return html`
    <label>Час <input name="time" type="time" required value=${f.time} onInput=${set('time')} /></label>
    <label>Час означає <select name="kind" value=${f.kind} onChange=${set('kind')}>
      <option value="pickup">забрати о</option>
      <option value="arrive-by">бути на місці до</option>
    </select></label>
    ${
      fixedPlaces
        ? html`<p>Звідки: ${shown(f.pickup) ?? resident.address}; куди: ${shown(f.dropoff)}
            <button type="button" onClick=${() => setF({ ...f, pickup: undefined, dropoff: undefined })}>Змінити</button></p>`
        : html`<${PlaceSelect} label="Звідки" name="from" value=${f.fromChoice} names=${names} resident=${resident}
              onChange=${set('fromChoice')} />
            ${
              taxi &&
              html`<${PlaceSelect} label="Куди" name="to" value=${f.toChoice} names=${names} resident=${resident}
                other=${true} onChange=${set('toChoice')} />`
            }
            ${
              taxi &&
              !f.toChoice &&
              html`<label>Куди (село) <select name="settlement" value=${f.settlementId} onChange=${set('settlementId')}>
                <option value="">— оберіть —</option>
                ${names.settlements.map((s) => html`<option value=${s.id}>${s.name} (${s.type})</option>`)}
              </select></label>
              <label>Адреса <input name="address" size="30" placeholder="вул. Монастирська, 71" value=${f.street}
                onInput=${set('street')} /></label>`
            }`
    }
    ${
      taxi &&
      html`<label>Дорога назад <select name="returnMode" value=${f.returnMode} onChange=${set('returnMode')}>
          <option value="">не потрібна</option>
          <option value="fixed">о фіксованій годині</option>
          <option value="will-call">за дзвінком</option>
        </select></label>
        ${
          f.returnMode === 'fixed' &&
          html`<label>Назад о <input name="returnTime" type="time" required value=${f.returnTime}
            onInput=${set('returnTime')} /></label>`
        }`
    }
    <label>Мета <select name="purpose" value=${f.purpose} onChange=${set('purpose')}>
      ${Object.entries(PURPOSES).map(([v, t]) => html`<option value=${v}>${t}</option>`)}
    </select></label>
    <label>Супровід <input name="escorts" type="number" min="0" max="3" value=${f.escorts} onInput=${set('escorts')} /></label>
    <label><input name="wheelchair" type="checkbox" checked=${f.wheelchair} onChange=${set('wheelchair')} /> візок</label>
    <label><input name="allowOverlap" type="checkbox" checked=${f.allowOverlap} onChange=${set('allowOverlap')} />
      дозволити накладання</label>
    <button type="submit">Замовити</button>`;
}
