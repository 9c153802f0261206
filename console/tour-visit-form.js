// Booking a visit of a provider's brigade (POST /hromady/{h}/tour-visits): the provider (one the
// hromada has an agreement with), a resident or a settlement, the date, the window, the duration,
// confidential (the default) and a short purpose. The API checks the hromada's consent on that
// date and answers in Ukrainian when there is none.
import { useState } from 'preact/hooks';
import { create, hromadaPath } from './api.js';
import { html } from './html.js';

const blank = (date, agreements) => ({
  providerId: agreements[0]?.providerId ?? '',
  who: 'resident',
  residentId: '',
  settlementId: '',
  address: '',
  date,
  from: '09:00',
  to: '13:00',
  durationMinutes: '60',
  confidential: true,
  purpose: '',
});

/** The API's body from the form, or a Ukrainian error naming what is missing. */
export function visitBody(form, residents) {
  if (!form.providerId) throw new Error('Оберіть надавача (потрібна угода громади)');
  const resident = form.who === 'resident' ? residents.get(form.residentId) : undefined;
  if (form.who === 'resident' && !resident) throw new Error('Оберіть мешканця');
  const settlementId = resident ? resident.settlementId : form.settlementId;
  if (!settlementId) throw new Error('Оберіть населений пункт');
  if (!(form.from < form.to)) throw new Error('Вікно має закінчуватися пізніше, ніж починається');
  const minutes = Number(form.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
    throw new Error('Тривалість візиту — ціле число хвилин від 5 до 480');
  return {
    providerId: form.providerId,
    ...(resident ? { residentId: resident.id } : {}),
    settlementId,
    ...(form.who === 'settlement' && form.address.trim() ? { address: form.address.trim() } : {}),
    date: form.date,
    from: form.from,
    to: form.to,
    durationMinutes: minutes,
    confidential: form.confidential,
    ...(form.purpose.trim() ? { purpose: form.purpose.trim() } : {}),
  };
}

export function TourVisitForm({ hromada, date, names, agreements, providers, run, say, booked }) {
  const [form, setForm] = useState(() => blank(date, agreements));
  const set = (key) => (e) =>
    setForm({
      ...form,
      [key]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value,
    });
  const submit = (e) => {
    e.preventDefault();
    run(async () => {
      const visit = await create(`${hromadaPath(hromada)}/tour-visits`, visitBody(form, names.residents));
      say(`Візит записано: ${visit.date}, ${visit.from}–${visit.to}, ${visit.settlementName}`);
      setForm({ ...blank(form.date, agreements), providerId: form.providerId });
      await booked(visit);
    });
  };
  const residents = [...names.residents.values()].sort((a, b) => a.name.localeCompare(b.name, 'uk'));
  return html`<form id="tour-visit-form" class="registry-form" onSubmit=${submit} aria-labelledby="visit-form-title">
    <h3 id="visit-form-title">Записати візит бригади</h3>
    <label>Надавач <select value=${form.providerId} onChange=${set('providerId')} required>
      ${agreements.map((a) => html`<option value=${a.providerId}>${providers?.get(a.providerId) ?? a.providerId}</option>`)}
    </select></label>
    <fieldset>
      <legend>Кого відвідати</legend>
      <label><input type="radio" name="who" value="resident" checked=${form.who === 'resident'}
        onChange=${set('who')} /> Мешканця</label>
      <label><input type="radio" name="who" value="settlement" checked=${form.who === 'settlement'}
        onChange=${set('who')} /> Населений пункт (напр. старостат)</label>
    </fieldset>
    ${
      form.who === 'resident'
        ? html`<label>Мешканець <select value=${form.residentId} onChange=${set('residentId')}>
          <option value="">— оберіть —</option>
          ${residents.map((r) => html`<option value=${r.id}>${r.name}</option>`)}
        </select></label>`
        : html`<label>Населений пункт <select value=${form.settlementId} onChange=${set('settlementId')}>
          <option value="">— оберіть —</option>
          ${names.settlements.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
        </select></label>
        <label>Адреса (необовʼязково) <input value=${form.address} onInput=${set('address')} /></label>`
    }
    <label>Дата <input type="date" required value=${form.date} onInput=${set('date')} /></label>
    <label>Вікно з <input type="time" required value=${form.from} onInput=${set('from')} /></label>
    <label>до <input type="time" required value=${form.to} onInput=${set('to')} /></label>
    <label>Тривалість, хв <input inputmode="numeric" required size="4" value=${form.durationMinutes}
      onInput=${set('durationMinutes')} /></label>
    <label><input type="checkbox" checked=${form.confidential} onChange=${set('confidential')} />
      Конфіденційно (адресу й мету бачать лише надавач і адміністратор)</label>
    <label>Мета (коротко) <input value=${form.purpose} maxlength="80" onInput=${set('purpose')} /></label>
    <button type="submit">Записати візит</button>
  </form>`;
}
