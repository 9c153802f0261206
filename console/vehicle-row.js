// One row of the day board: a vehicle with its shift, driver, load and its stops on a timeline
// (planned time against the agreed window, late in red). A stop is chosen with a click or the
// keyboard and dropped on another vehicle's row to move it there.
import { html } from './html.js';
import { when } from './kyiv.js';
import { vehicleName } from './load.js';
import { deadlineOf, isLate, peakLoad, shiftOn, timelinePercent, windowStop } from './route-facts.js';
import { STOPS } from './words.js';

export function stopLabel(names, stop, request) {
  const resident = names.residents.get(request?.residentId);
  const who = request?.confidential ? 'конфіденційно' : (resident?.name ?? '');
  return `${when(stop.arrival)} ${STOPS[stop.kind] ?? stop.kind} — ${who}`;
}

export function VehicleRow({
  names,
  date,
  vehicleId,
  route,
  byId,
  selected,
  select,
  moveHere,
  toggleService,
}) {
  const vehicle = names.vehicles.get(vehicleId);
  const shift = shiftOn(vehicle, date);
  const driver =
    names.drivers.get(route?.driverId) ??
    [...names.drivers.values()].find((d) => d.active && d.vehicleIds?.includes(vehicleId));
  const inService = route?.inService !== false;
  const load = route ? peakLoad(route, byId) : 0;
  const seats = vehicle?.capacity?.seats ?? 0;
  const onDrop = (e) => {
    e.preventDefault();
    const requestId = e.dataTransfer.getData('text/plain');
    if (requestId) moveHere(requestId);
  };
  return html`<li class=${`vehicle${inService ? '' : ' out'}`} onDragOver=${(e) => e.preventDefault()} onDrop=${onDrop}
    data-vehicle=${vehicleId}>
    <div class="vehicle-head">
      <strong>${vehicleName(names, vehicleId)}</strong>
      <span>${shift ? ` зміна ${shift.start}–${shift.end}` : ' без зміни цього дня'}</span>
      <span>${driver ? `, водій ${driver.name}` : ''}</span>
      <span class=${load > seats ? 'late' : ''}>, завантаження ${load}/${seats}</span>
      ${route && html`<span class="muted">, ${(route.distanceM / 1000).toFixed(1)} км</span>`}
      ${!inService && html`<strong class="late"> — поза службою</strong>`}
      ${toggleService && html` <button type="button" onClick=${toggleService}>${inService ? 'Вивести зі служби' : 'Повернути в службу'}</button>`}
      ${
        moveHere &&
        selected &&
        selected.vehicleId !== vehicleId &&
        html` <button type="button" onClick=${() => moveHere(selected.requestId)}>Перемістити сюди</button>`
      }
    </div>
    <div class="bar" aria-hidden="true">
      ${(route?.stops ?? []).map(
        (stop) => html`<span class=${isLate(stop, byId.get(stop.requestId)) ? 'late' : ''}
          style=${`left:${timelinePercent(stop.arrival)}%`}></span>`,
      )}
    </div>
    <ol class="timeline" aria-label=${`Зупинки: ${vehicleName(names, vehicleId)}`}>
      ${(route?.stops ?? []).map((stop) => {
        const request = byId.get(stop.requestId);
        const late = isLate(stop, request);
        const deadline = deadlineOf(stop, request);
        const agreed = windowStop(stop, request)
          ? ` (вікно ${when(request.window.start)}–${when(request.window.end)})`
          : deadline
            ? ` (бути до ${deadline})`
            : '';
        const chosen = selected?.requestId === stop.requestId;
        return html`<li>
          <button type="button" draggable=${select ? 'true' : 'false'} disabled=${!select} class=${`stop${late ? ' late' : ''}${stop.locked ? ' locked' : ''}`}
            aria-pressed=${chosen ? 'true' : 'false'}
            onDragStart=${(e) => e.dataTransfer.setData('text/plain', stop.requestId)}
            onClick=${() => select?.(chosen ? undefined : { requestId: stop.requestId, vehicleId, stop })}>
            ${stopLabel(names, stop, request)}${agreed}${late ? ' — запізнення' : ''}${stop.locked ? ' 🔒' : ''}
          </button>
        </li>`;
      })}
    </ol>
  </li>`;
}
