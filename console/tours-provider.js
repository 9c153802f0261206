// «Виїзні тури» for a regional provider's user: its tours, one tour day by day (every visit in
// clear, as the API gives the provider), and «Спланувати тур» over a period: the working days of
// the period with their hours, the depot, the vehicle and the overnight places taken from the
// provider's latest tour. The API plans it within the call (201) or as a job (202): both are taken
// (tour-plan.js), the job's progress on the status line.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { html } from './html.js';
import { addDays } from './kyiv.js';
import { TourDays } from './tour-days.js';
import { planTour, providerPath } from './tour-plan.js';
import { jobProgress, periodProblem, tourDates, tourLine } from './tour-words.js';

/** The latest tour: the depot, vehicle and places a new tour starts from. */
const latest = (tours) =>
  [...tours].sort((a, b) => (b.days[0]?.date ?? '').localeCompare(a.days[0]?.date ?? ''))[0];

function PlanForm({ providerId, template, from, run, say, planned }) {
  const [form, setForm] = useState({
    from,
    to: addDays(from, 4),
    weekdaysOnly: true,
    start: '08:00',
    end: '18:00',
    name: '',
    places: template.overnightPlaces.map((p) => p.id),
  });
  const [busy, setBusy] = useState(false);
  const set = (key) => (e) =>
    setForm({
      ...form,
      [key]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value,
    });
  const togglePlace = (id) => (e) =>
    setForm({
      ...form,
      places: e.currentTarget.checked ? [...form.places, id] : form.places.filter((p) => p !== id),
    });
  const submit = (e) => {
    e.preventDefault();
    run(async () => {
      const dates = tourDates(form.from, form.to, form.weekdaysOnly);
      const problem = periodProblem(form.from, form.to, dates);
      if (problem) throw new Error(problem);
      if (!(form.start < form.end))
        throw new Error('Робочий день має закінчуватися пізніше, ніж починається');
      const overnightPlaces = template.overnightPlaces.filter((p) => form.places.includes(p.id));
      if (!overnightPlaces.length) throw new Error('Оберіть хоча б одне місце ночівлі');
      const body = {
        providerHromadaId: template.hromadaId,
        name: form.name.trim() || `Тур ${form.from} — ${form.to}`,
        vehicle: template.vehicle,
        depot: template.depot,
        overnightPlaces,
        days: dates.map((date) => ({ date, start: form.start, end: form.end })),
      };
      setBusy(true);
      say('Планую тур…');
      try {
        const id = await planTour(providerId, body, (job) => say(jobProgress(job)));
        await planned(id);
      } finally {
        setBusy(false);
      }
    });
  };
  return html`<form id="plan-tour" class="registry-form" onSubmit=${submit} aria-labelledby="plan-tour-title">
    <h3 id="plan-tour-title">Спланувати тур</h3>
    <label>З <input type="date" required value=${form.from} onInput=${set('from')} /></label>
    <label>по <input type="date" required value=${form.to} onInput=${set('to')} /></label>
    <label><input type="checkbox" checked=${form.weekdaysOnly} onChange=${set('weekdaysOnly')} /> Лише будні</label>
    <label>Робочий день з <input type="time" required value=${form.start} onInput=${set('start')} /></label>
    <label>до <input type="time" required value=${form.end} onInput=${set('end')} /></label>
    <label>Назва туру <input value=${form.name} size="30" onInput=${set('name')} /></label>
    <p>Авто: ${template.vehicle.name}${template.vehicle.plate ? ` ${template.vehicle.plate}` : ''}; база: ${template.depot.name}
      <span class="muted">(як в останньому турі)</span></p>
    <fieldset>
      <legend>Де можна ночувати</legend>
      ${template.overnightPlaces.map(
        (p) => html`<label key=${p.id}><input type="checkbox" checked=${form.places.includes(p.id)}
          onChange=${togglePlace(p.id)} /> ${p.name}</label>`,
      )}
    </fieldset>
    <button type="submit" disabled=${busy}>${busy ? 'Планую…' : 'Спланувати тур'}</button>
  </form>`;
}

export function ProviderTours({ providerId, date, run, say }) {
  const base = providerPath(providerId);
  const [tours, setTours] = useState(undefined);
  const [tour, setTour] = useState(undefined);
  const loadTours = async () => setTours((await api('GET', `${base}/tours`)).items);
  const open = async (id) => setTour(await api('GET', `${base}/tours/${encodeURIComponent(id)}`));
  useEffect(() => {
    run(loadTours);
  }, [base]);
  const planned = async (id) => {
    await Promise.all([loadTours(), open(id)]);
    say('Тур сплановано');
  };
  const template = tours?.length ? latest(tours) : undefined;
  return html`<div>
    <section aria-labelledby="tours-list-title">
      <h3 id="tours-list-title">Тури надавача</h3>
      ${tours && !tours.length && html`<p>Турів ще немає.</p>`}
      <ul id="tours">
        ${(tours ?? []).map(
          (t) => html`<li key=${t.id}>${tourLine(t)}
            ${' '}<button type="button" aria-label=${`Відкрити тур «${t.name}»`} onClick=${() => run(() => open(t.id))}>
              Відкрити</button></li>`,
        )}
      </ul>
    </section>
    ${tour && html`<${TourDays} tour=${tour} onClose=${() => setTour(undefined)} />`}
    ${
      template
        ? html`<${PlanForm} key=${template.id} providerId=${providerId} template=${template} from=${date}
          run=${run} say=${say} planned=${planned} />`
        : tours &&
          html`<p>Перший тур (база, авто, місця ночівлі) задається через API: <code>POST ${base}/tours</code>.</p>`
    }
  </div>`;
}
