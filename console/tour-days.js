// A tour day by day, as the reader may see it (docs/services/regional-tours.md): where each day
// starts and ends (the night's place), its stops with their times, and the visits left out with
// their reasons. Only what the API answered is shown: another hromada's stop reads «візит в іншій
// громаді», a confidential visit «конфіденційно» unless the API gave it in clear to this reader.
import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';
import { dayInWords } from './kyiv.js';
import { dayRoute, nightAfter, OTHER_HROMADA, visitWords, windowWords } from './tour-words.js';

function Stop({ stop, clear }) {
  const times = `${stop.arrival}–${stop.departure}`;
  if (stop.kind !== 'visit')
    return html`<li class="tour-stop other">${times}: <em>${stop.label ?? OTHER_HROMADA}</em></li>`;
  return html`<li class="tour-stop">${times}: ${visitWords(stop, clear)}
    <span class="muted"> (${windowWords(stop.window, stop.durationMinutes)})</span></li>`;
}

function Day({ tour, day, clear }) {
  const night = nightAfter(tour, day);
  const hours = `робочі години ${day.start}–${day.end}`;
  const drive = day.leave ? `, виїзд ${day.leave}, прибуття ${day.arrive ?? '—'}` : '';
  return html`<li class="tour-day" data-date=${day.date}>
    <h4>${dayInWords(day.date)} (${day.date})</h4>
    <p>${dayRoute(tour, day)}; ${hours}${drive}.
      ${night ? html` <strong>Ночівля: ${night}</strong>` : html` <strong>Повернення на базу</strong>`}</p>
    ${
      day.stops.length
        ? html`<ol class="tour-stops" aria-label=${`Зупинки ${day.date}`}>
          ${day.stops.map((s, i) => html`<${Stop} key=${i} stop=${s} clear=${clear} />`)}</ol>`
        : html`<p class="muted">Візитів цього дня немає.</p>`
    }
  </li>`;
}

/**
 * The tour; `clear` false hides a confidential visit's details even if given (a reader the
 * console shows them to only as the API does). The heading takes the focus when the tour opens;
 * «Закрити тур» gives it back to what had it then (the «Відкрити» button that opened the tour).
 */
export function TourDays({ tour, clear = true, onClose }) {
  const heading = useRef(undefined);
  const opener = useRef(undefined);
  useEffect(() => {
    const had = document.activeElement;
    if (had && had !== document.body && !heading.current?.closest('section')?.contains(had))
      opener.current = had;
    heading.current?.focus();
  }, [tour.id]);
  const close = () => {
    const back = opener.current;
    onClose();
    if (back?.isConnected) back.focus();
  };
  const plate = tour.vehicle?.plate ? ` ${tour.vehicle.plate}` : '';
  return html`<section class="tour" aria-labelledby="tour-title">
    <h3 id="tour-title" tabindex="-1" ref=${heading}>Тур: ${tour.name}</h3>
    <p>Авто: ${tour.vehicle?.name}${plate}; база: ${tour.depot?.name}; ${tour.km} км, за кермом
      ${tour.drivingMinutes} хв.${onClose ? html` <button type="button" onClick=${close}>Закрити тур</button>` : null}</p>
    <ol id="tour-days">
      ${tour.days.map((d) => html`<${Day} key=${d.date} tour=${tour} day=${d} clear=${clear} />`)}
    </ol>
    <h4>Поза туром (${tour.unassigned.length})</h4>
    ${
      tour.unassigned.length
        ? html`<ul id="tour-unassigned">
          ${tour.unassigned.map(
            (u) =>
              html`<li key=${u.visitId}>${u.date}: ${visitWords(u, clear)} — <strong>${u.reason}</strong></li>`,
          )}</ul>`
        : html`<p class="muted">Усі візити в турі.</p>`
    }
  </section>`;
}
