// A caller's upcoming and recent trips: repeat one on the day on screen in one click, book its
// return (from where it went, back home), or activate a return waiting for the resident's call.
import { api, hromadaPath } from './api.js';
import { bookingBody, bookRequest } from './booking-form.js';
import { html } from './html.js';
import { dayInWords, stamp, when } from './kyiv.js';
import { SERVICES, statusText } from './words.js';

const tripText = (r) =>
  `${stamp(r.window.start)}–${when(r.window.end)} ${SERVICES[r.serviceType] ?? r.serviceType}` +
  `${r.dropoff ? ` → ${r.dropoff.address}` : ''}, ${statusText(r)}` +
  `${r.awaitingCall ? ', повернення чекає дзвінка' : r.returnOf ? ', повернення' : ''}`;

/** The trip's fields, as a booking on another day starts from them. */
const fromTrip = (r) => ({
  serviceType: r.serviceType,
  time: r.requestedTime.time,
  kind: r.requestedTime.kind,
  purpose: r.purpose,
  escorts: r.passengers.escorts,
  wheelchair: r.passengers.wheelchair,
  pickup: r.pickup,
  dropoff: r.dropoff,
});

export function TripList({ trips, resident, hromada, date, run, say, booked, start, reload }) {
  /** The trips whose way back is already booked with them. */
  const withReturn = new Set([...trips.upcoming, ...trips.recent].map((r) => r.returnOf).filter(Boolean));
  const activate = (r) =>
    run(async () => {
      const out = await api(
        'POST',
        `${hromadaPath(hromada)}/requests/${encodeURIComponent(r.id)}/activate-return`,
        {
          version: r.version,
        },
      );
      say(`Повернення активовано: авто ${when(out.request.window.start)}–${when(out.request.window.end)}`);
      await reload();
    });
  const repeat = (r) =>
    run(async () => booked(await bookRequest(hromada, bookingBody(date, resident, fromTrip(r)))));
  const back = (r) =>
    start({
      ...fromTrip(r),
      kind: 'pickup',
      time: '',
      pickup: r.dropoff,
      dropoff: { home: true },
      label: 'зворотна поїздка',
    });
  const row = (r) => html`<li>
    ${tripText(r)}
    <button type="button" onClick=${() => repeat(r)} aria-label=${`Повторити на ${dayInWords(date)}: ${tripText(r)}`}>
      Повторити</button>
    ${
      r.awaitingCall &&
      html` <button type="button" onClick=${() => activate(r)}
      aria-label=${`Активувати повернення: ${tripText(r)}`}>Активувати повернення</button>`
    }
    ${
      r.dropoff &&
      !r.returnOf &&
      !withReturn.has(r.id) &&
      html` <button type="button" onClick=${() => back(r)}
      aria-label=${`Назад додому: ${tripText(r)}`}>Назад додому</button>`
    }
  </li>`;
  return html`<div id="trips">
    <h3>Поїздки: ${resident.name}</h3>
    <h4>Найближчі</h4>
    ${trips.upcoming.length ? html`<ul id="upcoming">${trips.upcoming.map(row)}</ul>` : html`<p>Немає</p>`}
    <h4>Нещодавні</h4>
    ${trips.recent.length ? html`<ul id="recent">${trips.recent.map(row)}</ul>` : html`<p>Немає</p>`}
  </div>`;
}
