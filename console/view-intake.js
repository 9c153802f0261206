// A phone call: the number finds the caller; their upcoming and recent trips; repeat a trip or
// book its return in one click; a new caller registered in the same form; a booking.
import { useState } from 'preact/hooks';
import { api, hromadaPath } from './api.js';
import { BookingForm } from './booking-form.js';
import { html } from './html.js';
import { addDays, kyivToday, when } from './kyiv.js';
import { RegisterForm } from './register-form.js';
import { StandingOrders } from './standing-orders.js';
import { TripList } from './trip-list.js';

/** How many days back and ahead of today a caller's trips are looked up. */
const TRIP_DAYS = 14;

async function tripsOf(hromadaId, residentId) {
  const today = kyivToday();
  const period = `from=${addDays(today, -TRIP_DAYS)}&to=${addDays(today, TRIP_DAYS)}`;
  // one read of the resident's trips by date (docs/data-model.md CN1)
  const { items: mine } = await api(
    'GET',
    `${hromadaPath(hromadaId)}/residents/${encodeURIComponent(residentId)}/requests?${period}`,
  );
  mine.sort((a, b) => a.window.start.localeCompare(b.window.start));
  const now = new Date().toISOString();
  return {
    upcoming: mine.filter((r) => r.window.end >= now && r.status !== 'cancelled'),
    recent: mine.filter((r) => r.window.end < now).reverse(),
  };
}

export function IntakeView(ctx) {
  const { hromada, names, run, say, reloadDay } = ctx;
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState(undefined);
  /** The resident on the phone, once chosen (or registered). */
  const [caller, setCaller] = useState(undefined);
  /** The form on screen: registering, or a booking and what it starts from (a return). */
  const [form, setForm] = useState(undefined);
  const [trips, setTrips] = useState(undefined);

  const choose = async (resident) => {
    setCaller(resident);
    setForm({ book: true, key: Date.now() });
    setTrips(await tripsOf(hromada, resident.id));
  };
  const find = (e) => {
    e.preventDefault();
    run(async () => {
      const { items } = await api(
        'GET',
        `${hromadaPath(hromada)}/callers?phone=${encodeURIComponent(phone)}`,
      );
      setCaller(undefined);
      setForm(undefined);
      setTrips(undefined);
      setFound({ phone, items });
      const residents = items.filter((c) => c.type !== 'Driver');
      if (residents.length === 1) await choose(names.residents.get(residents[0].id) ?? residents[0]);
    });
  };
  const booked = async (r) => {
    const warnings = r.warnings?.length ? `. Увага: ${r.warnings.join('; ')}` : '';
    say(
      `Заявку прийнято: ${when(r.window.start)}–${when(r.window.end)}; SMS-підтвердження піде отримувачу${warnings}`,
    );
    setForm(undefined);
    await reloadDay();
    setTrips(await tripsOf(hromada, r.residentId));
  };
  const registered = (resident) => {
    names.residents.set(resident.id, resident);
    setFound({ phone: found.phone, items: [{ ...resident, type: 'Resident' }] });
    setCaller(resident);
    setForm({ book: true, key: Date.now() });
    setTrips({ upcoming: [], recent: [] });
    say(`Зареєстровано: ${resident.name}; заповніть заявку`);
  };

  return html`<section aria-labelledby="intake-title">
    <h2 id="intake-title">Хто дзвонить</h2>
    <form id="caller" onSubmit=${find}>
      <label>Телефон <input name="phone" inputmode="tel" placeholder="067 123 45 67" required
        value=${phone} onInput=${(e) => setPhone(e.currentTarget.value)} /></label>
      <button type="submit">Знайти</button>
    </form>
    ${
      found &&
      html`<${Callers} found=${found} choose=${(c) => run(() => choose(names.residents.get(c.id) ?? c))}
      register=${() => setForm({ register: true, key: Date.now() })} />`
    }
    ${form?.register && html`<${RegisterForm} key=${form.key} phone=${found.phone} ...${ctx} done=${registered} />`}
    ${
      trips &&
      caller &&
      html`<${TripList} trips=${trips} resident=${caller} ...${ctx}
      booked=${booked} start=${(from) => setForm({ book: true, from, key: Date.now() })}
      reload=${async () => setTrips(await tripsOf(hromada, caller.id))} />`
    }
    ${caller && html`<${StandingOrders} key=${caller.id} ...${ctx} resident=${caller} />`}
    ${
      form?.book &&
      caller &&
      html`<${BookingForm} key=${form.key} resident=${caller} from=${form.from}
      ...${ctx} done=${booked} />`
    }
  </section>`;
}

function Callers({ found, choose, register }) {
  if (!found.items.length)
    return html`<p id="callers">Номер не знайдено: новий абонент
      <button type="button" onClick=${register}>Зареєструвати</button></p>`;
  return html`<ul id="callers">
    ${found.items.map(
      (c) => html`<li>
        ${c.type === 'Driver' ? 'Водій' : 'Отримувач'}: ${c.name}${c.address ? `, ${c.address}` : ''}
        ${c.type !== 'Driver' && html` <button type="button" onClick=${() => choose(c)}>Нова заявка</button>`}
      </li>`,
    )}
  </ul>`;
}
