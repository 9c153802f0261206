// Each driver's day as a printable page (@media print in console.css): stops, times, riders with
// phones, wheelchair, escorts, parcels. A confidential stop shows only what the driver needs: when
// and where, with no name, phone or purpose.
import { html } from './html.js';
import { dayInWords, when } from './kyiv.js';
import { vehicleName } from './load.js';
import { parcelText } from './parcel-text.js';
import { PURPOSES, SERVICES, STOPS } from './words.js';

function StopRow({ names, stop, request }) {
  const place = stop.kind === 'dropoff' ? request?.dropoff : request?.pickup;
  if (request?.confidential)
    return html`<tr><td>${when(stop.arrival)}</td><td>${STOPS[stop.kind]}</td><td>конфіденційний візит</td>
      <td>${place?.address ?? ''}</td><td></td><td></td></tr>`;
  const resident = names.residents.get(request?.residentId);
  const p = request?.passengers ?? { escorts: 0, wheelchair: false };
  const needs = [
    p.wheelchair ? 'візок' : '',
    p.escorts ? `супровід: ${p.escorts}` : '',
    parcelText(request),
  ].filter(Boolean);
  return html`<tr>
    <td>${when(stop.arrival)}</td>
    <td>${STOPS[stop.kind]}</td>
    <td>${resident?.name ?? ''}<br /><small>${SERVICES[request?.serviceType] ?? ''}, ${PURPOSES[request?.purpose] ?? ''}</small></td>
    <td>${place?.address ?? ''}</td>
    <td>${resident?.phone ?? ''}</td>
    <td>${needs.join('; ')}</td>
  </tr>`;
}

export function ManifestsView({ names, date, day }) {
  const routes = (day?.plan?.routes ?? []).filter((r) => r.stops.length);
  return html`<section aria-labelledby="manifests-title">
    <h2 id="manifests-title" class="no-print">Маршрутні листи</h2>
    <p class="no-print"><button type="button" onClick=${() => print()}>Друкувати</button></p>
    ${!routes.length && html`<p>Плану на цей день ще немає.</p>`}
    ${routes.map((route) => {
      const driver = names.drivers.get(route.driverId);
      return html`<article class="manifest" aria-label=${`Маршрутний лист: ${vehicleName(names, route.vehicleId)}`}>
        <h3>${vehicleName(names, route.vehicleId)} — ${dayInWords(date)}</h3>
        <p>Водій: ${driver ? `${driver.name}, ${driver.phone}` : 'не призначено'}; ${(route.distanceM / 1000).toFixed(1)} км</p>
        <table>
          <thead><tr><th scope="col">Час</th><th scope="col">Що</th><th scope="col">Хто</th><th scope="col">Адреса</th>
            <th scope="col">Телефон</th><th scope="col">Потреби</th></tr></thead>
          <tbody>${route.stops.map(
            (stop) =>
              html`<${StopRow} names=${names} stop=${stop} request=${day.byId.get(stop.requestId)} />`,
          )}</tbody>
        </table>
      </article>`;
    })}
  </section>`;
}
