// «Виїзні тури» for a regional provider's user: its tours, one tour day by day (every visit in
// clear, as the API gives the provider), and «Спланувати тур» over a period: the working days of
// the period with their hours, the vehicle, the depot and the overnight places (the latest tour's
// by default; for a first tour, picked from the settlements of the hromady that agreed to the
// provider's service, GET /providers/{p}/service-area, or typed as coordinates). Each day has the
// same hours unless the user sets its own or drops it (tour-hours-fields.js). The API plans it
// within the call (201) or as a job (202): both are taken (tour-plan.js). The status line (a live
// region) says only the job's state changes; its progress is a `<progress>` in the form. A job
// not seen to its end (connection lost, or too long) is kept: «Перевірити планування» follows it
// again, and no new tour is planned until it is resolved.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.js';
import { html } from './html.js';
import { addDays } from './kyiv.js';
import { TourDays } from './tour-days.js';
import { MAX_PLACES, placeRow, tourRequest } from './tour-form-words.js';
import { usualHours } from './tour-hours.js';
import { TourHoursFields } from './tour-hours-fields.js';
import { PlaceFields } from './tour-place-fields.js';
import { followJob, JobUnresolved, pendingJob, planTour, providerPath } from './tour-plan.js';
import { jobProgress, jobShare, jobStateWords, periodProblem, tourDates, tourLine } from './tour-words.js';

/** The latest tour: the depot, vehicle and places a new tour starts from. */
const latest = (tours) =>
  [...tours].sort((a, b) => (b.days[0]?.date ?? '').localeCompare(a.days[0]?.date ?? ''))[0];

/** Why there is no form: no hromada agreed to the provider's service yet. */
const NO_AREA =
  'Жодна громада ще не дала згоди вашому центру: тур планується лише для громад з угодою. ' +
  'Попросіть адміністратора громади записати угоду в її розділі «Виїзні тури».';

/** The form's start: the latest tour's vehicle, depot and nights, else empty rows to fill. */
function initialForm(template, from) {
  return {
    from,
    to: addDays(from, 4),
    weekdaysOnly: true,
    ...usualHours(template?.days),
    /** The days the user gave their own hours or dropped (tour-hours.js). */
    dayHours: {},
    name: '',
    vehicle: { name: template?.vehicle.name ?? '', plate: template?.vehicle.plate ?? '' },
    depot: placeRow(template?.depot),
    places: template ? template.overnightPlaces.map(placeRow) : [placeRow()],
  };
}

/** A running job's progress: a labelled `<progress>` and its words, neither of them live. */
function JobProgress({ job }) {
  const share = jobShare(job);
  return html`<p class="tour-progress">
    <label for="tour-progress">Хід планування туру</label>${' '}
    ${
      share
        ? html`<progress id="tour-progress" value=${share.value} max=${share.max}></progress>`
        : html`<progress id="tour-progress"></progress>`
    }
    ${' '}<span id="tour-progress-words">${jobProgress(job)}</span>
  </p>`;
}

function PlanForm({ providerId, template, area, from, run, say, planned, pending, setPending }) {
  const [form, setForm] = useState(() => initialForm(template, from));
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState(undefined);
  const spoken = useRef(undefined);
  /** Each poll: the progress shown; the status line only when the state's words change. */
  const onProgress = (polled) => {
    setJob(polled);
    const words = jobStateWords(polled);
    if (words !== spoken.current) say(words);
    spoken.current = words;
  };
  /** Plans or follows the kept job; a job left unresolved stays kept, and offered to check. */
  const follow = async (plan) => {
    setBusy(true);
    spoken.current = undefined;
    try {
      const id = await plan();
      setPending(undefined);
      await planned(id);
    } catch (e) {
      setPending(e instanceof JobUnresolved ? e.pending : undefined);
      throw e;
    } finally {
      setBusy(false);
      setJob(undefined);
    }
  };
  const check = () =>
    run(async () => {
      say('Перевіряю планування туру…');
      await follow(() => followJob(providerId, pending, onProgress));
    });
  const set = (key) => (e) =>
    setForm({
      ...form,
      [key]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value,
    });
  const setVehicle = (key) => (e) =>
    setForm({ ...form, vehicle: { ...form.vehicle, [key]: e.currentTarget.value } });
  const setPlace = (i) => (row) =>
    setForm({ ...form, places: form.places.map((p, j) => (j === i ? row : p)) });
  const removePlace = (i) => () => setForm({ ...form, places: form.places.filter((_, j) => j !== i) });
  const addPlace = () => setForm({ ...form, places: [...form.places, placeRow()] });
  // the period's working days (none while a date is empty: a cleared date field)
  const dates = form.from && form.to ? tourDates(form.from, form.to, form.weekdaysOnly) : [];
  const periodWrong = periodProblem(form.from, form.to, dates);
  const submit = (e) => {
    e.preventDefault();
    if (pending || busy) return;
    run(async () => {
      const { problem, field, body } = tourRequest(
        form,
        dates,
        template?.hromadaId ?? area.providerHromadaId,
      );
      if (problem) {
        // the status line says what is wrong; the keyboard goes where it is put right
        document.getElementById(field)?.focus();
        throw new Error(problem);
      }
      say('Планую тур…');
      spoken.current = 'Планую тур…';
      await follow(() => planTour(providerId, body, onProgress));
    });
  };
  const picks = (area?.hromady ?? []).some((h) => h.settlements.length);
  return html`<form id="plan-tour" class="registry-form" onSubmit=${submit} aria-labelledby="plan-tour-title" novalidate>
    <h3 id="plan-tour-title">${template ? 'Спланувати тур' : 'Спланувати перший тур'}</h3>
    ${
      template
        ? html`<p class="muted">Авто, база й місця ночівлі — як в останньому турі; їх можна змінити.</p>`
        : html`<p id="first-tour-help">Це перший тур центру: вкажіть авто бригади, базу (звідки виїзд і куди
          повернення) і де бригада може ночувати. Наступні тури почнуться з цих даних.</p>`
    }
    <p class="muted">${
      picks
        ? 'Точку оберіть серед населених пунктів громад, що дали згоду, або введіть координати самі (наприклад, готелю): широта 44–53, довгота 22–41.'
        : 'Населених пунктів з координатами у громадах з угодою немає: введіть координати самі (широта 44–53, довгота 22–41).'
    }</p>
    <label>З <input type="date" id="tour-from" required value=${form.from} onInput=${set('from')} /></label>
    <label>по <input type="date" id="tour-to" required value=${form.to} onInput=${set('to')} /></label>
    <label><input type="checkbox" checked=${form.weekdaysOnly} onChange=${set('weekdaysOnly')} /> Лише будні</label>
    <${TourHoursFields} form=${form} setForm=${setForm} dates=${periodWrong ? undefined : dates}
      periodProblem=${periodWrong} />
    <label>Назва туру <input value=${form.name} size="30" onInput=${set('name')} /></label>
    <fieldset>
      <legend>Авто</legend>
      <label>Назва авто <input id="tour-vehicle-name" value=${form.vehicle.name} size="20"
        placeholder="Бригада 1" onInput=${setVehicle('name')} /></label>
      <label>Номер (необов'язково) <input id="tour-vehicle-plate" value=${form.vehicle.plate} size="10"
        onInput=${setVehicle('plate')} /></label>
    </fieldset>
    <${PlaceFields} prefix="tour-depot" legend="База (звідки виїзд і куди повернення)" row=${form.depot}
      area=${area} onChange=${(depot) => setForm({ ...form, depot })} />
    <fieldset>
      <legend>Де можна ночувати</legend>
      ${!form.places.length && html`<p class="muted">Місць ночівлі немає: тур на один день ночує на базі.</p>`}
      ${form.places.map(
        (p, i) => html`<${PlaceFields} key=${i} prefix=${`tour-night-${i}`} legend=${`Місце ночівлі ${i + 1}`}
          row=${p} area=${area} onChange=${setPlace(i)} onRemove=${removePlace(i)} />`,
      )}
      ${form.places.length < MAX_PLACES && html`<button type="button" id="tour-night-add" onClick=${addPlace}>Додати місце ночівлі</button>`}
    </fieldset>
    ${busy && job ? html`<${JobProgress} job=${job} />` : null}
    ${
      pending && !busy
        ? html`<p id="tour-job-pending">Попереднє планування туру ще не завершене або його результат невідомий.
            Перевірте його, перш ніж планувати новий тур: інакше можна отримати два тури на ті самі дні.</p>
          <button type="button" onClick=${check}>Перевірити планування</button>`
        : html`<button type="submit" disabled=${busy}>${busy ? 'Планую…' : template ? 'Спланувати тур' : 'Спланувати перший тур'}</button>`
    }
  </form>`;
}

export function ProviderTours({ providerId, date, run, say }) {
  const base = providerPath(providerId);
  const [tours, setTours] = useState(undefined);
  const [tour, setTour] = useState(undefined);
  const [area, setArea] = useState(undefined);
  /** The 202's job not yet seen to its end (kept across a reload: tour-plan.js). */
  const [pending, setPending] = useState(() => pendingJob(providerId));
  const loadTours = async () => setTours((await api('GET', `${base}/tours`)).items);
  const open = async (id) => setTour(await api('GET', `${base}/tours/${encodeURIComponent(id)}`));
  useEffect(() => {
    run(() => Promise.all([loadTours(), api('GET', `${base}/service-area`).then(setArea)]));
  }, [base]);
  const planned = async (id) => {
    await Promise.all([loadTours(), open(id)]);
    say('Тур сплановано');
  };
  const template = tours?.length ? latest(tours) : undefined;
  return html`<div>
    <section aria-labelledby="tours-list-title">
      <h3 id="tours-list-title">Тури надавача</h3>
      ${tours && !tours.length && html`<p id="no-tours">Турів ще немає.</p>`}
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
      tours &&
      area &&
      (template || area.providerHromadaId
        ? html`<${PlanForm} key=${template?.id ?? 'first'} providerId=${providerId} template=${template}
            area=${area} from=${date} run=${run} say=${say} planned=${planned}
            pending=${pending} setPending=${setPending} />`
        : html`<p id="no-area">${NO_AREA}</p>`)
    }
  </div>`;
}
