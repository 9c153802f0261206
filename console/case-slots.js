// The mobile case's free slots in the caller's village over the next weeks, and one booked for
// them (docs/services/mobile-case.md): each stop's date, hours and place, its free times.
import { useEffect, useState } from 'preact/hooks';
import { api, hromadaPath } from './api.js';
import { html } from './html.js';
import { addDays, dayInWords, kyivToday } from './kyiv.js';

/** How far ahead the calendar is looked at (the API gives at most 92 days). */
const DAYS_AHEAD = 31;

async function stopsOf(hromada, settlementId) {
  const from = kyivToday();
  const base = `${hromadaPath(hromada)}/case-stops`;
  const { items } = await api('GET', `${base}?from=${from}&to=${addDays(from, DAYS_AHEAD)}`);
  const mine = items.filter((s) => s.settlementId === settlementId && s.status === 'scheduled');
  const stops = await Promise.all(mine.map((s) => api('GET', `${base}/${encodeURIComponent(s.id)}`)));
  return stops.sort((a, b) => `${a.date}${a.from}`.localeCompare(`${b.date}${b.from}`));
}

export function CaseSlots({ hromada, resident, run, say }) {
  const [stops, setStops] = useState(undefined);
  const [choice, setChoice] = useState('');
  const load = async () => setStops(await stopsOf(hromada, resident.settlementId));
  // loaded beside the call: a failure is said, but the status line is not cleared for it
  useEffect(() => {
    load().catch((e) => say(e.message, true));
  }, [hromada, resident.id]);
  const book = () =>
    run(async () => {
      const [stopId, time] = choice.split('|');
      if (!stopId) throw new Error('Оберіть час прийому');
      const stop = stops.find((s) => s.id === stopId);
      await api('POST', `${hromadaPath(hromada)}/case-stops/${encodeURIComponent(stopId)}/bookings`, {
        residentId: resident.id,
        time,
      });
      say(`Записано на прийом: ${dayInWords(stop.date)}, ${time}, ${stop.settlementName}`);
      setChoice('');
      await load();
    });
  if (!stops) return html`<p>Завантаження прийомів…</p>`;
  if (!stops.length)
    return html`<p id="case-slots">У селі отримувача немає виїздів мобільного кейсу найближчим місяцем.</p>`;
  const mine = stops.flatMap((s) => s.slots.filter((x) => x.residentId === resident.id).map((x) => [s, x]));
  return html`<div id="case-slots">
    ${
      mine.length > 0 &&
      html`<p>Уже записано: ${mine.map(([s, x]) => `${dayInWords(s.date)}, ${x.time}`).join('; ')}</p>`
    }
    <label>Час прийому <select name="caseSlot" value=${choice} onChange=${(e) => setChoice(e.currentTarget.value)}>
      <option value="">— оберіть —</option>
      ${stops.map(
        (
          s,
        ) => html`<optgroup label=${`${dayInWords(s.date)}, ${s.from}–${s.to}${s.place ? `, ${s.place}` : ''}`}>
          ${s.slots
            .filter((x) => !x.residentId)
            .map((x) => html`<option value=${`${s.id}|${x.time}`}>${x.time}</option>`)}
        </optgroup>`,
      )}
    </select></label>
    <button type="button" onClick=${book}>Записати на прийом</button>
  </div>`;
}
