// «Виїзні тури» for a hromada's dispatcher: its agreements with providers (who consented, when,
// for which period), its tour visits of a period with their place on a planned tour, a visit
// booked, and a tour as the hromada may read it (its own visits only; another hromada's stops as
// «візит в іншій громаді»). Confidential details are shown only as the API gives them, and to an
// admin only (docs/services/regional-tours.md: the address is for the provider and the admin).
import { useEffect, useState } from 'preact/hooks';
import { api, hromadaPath } from './api.js';
import { session } from './auth.js';
import { html } from './html.js';
import { addDays } from './kyiv.js';
import { TourDays } from './tour-days.js';
import { TourVisitForm } from './tour-visit-form.js';
import { visitWords, windowWords } from './tour-words.js';

/**
 * The providers' names by id: the agreement's `providerName` when the API gives it, else the
 * provider's registry entry where this reader may read it (its own hromada's registry; an admin
 * any), else a neutral label with its code (GET /hromady/{h}/service-agreements carries no name).
 */
export async function providerNames(agreements) {
  const names = new Map();
  await Promise.all(
    agreements.map(async (a) => {
      if (a.providerName) return names.set(a.providerId, a.providerName);
      const path = `${hromadaPath(a.providerHromadaId)}/providers/${encodeURIComponent(a.providerId)}`;
      const found = await api('GET', path).catch(() => undefined);
      names.set(a.providerId, found?.name ?? `Надавач (код ${a.providerId})`);
    }),
  );
  return names;
}

function Agreements({ agreements, providers }) {
  if (!agreements.length) return html`<p>Угод із надавачами немає: їх записує адміністратор громади.</p>`;
  return html`<table id="agreements">
    <caption class="visually-hidden">Угоди громади з надавачами</caption>
    <thead><tr><th scope="col">Надавач</th><th scope="col">Діє</th><th scope="col">Згода громади</th></tr></thead>
    <tbody>
      ${agreements.map(
        (a) => html`<tr key=${a.providerId}>
          <td>${providers.get(a.providerId) ?? a.providerId}</td>
          <td>${a.validFrom} — ${a.validTo}</td>
          <td>${a.consent.by}, ${a.consent.on}${a.consent.document ? `, ${a.consent.document}` : ''}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function VisitRows({ visits, clear, open }) {
  if (!visits.length) return html`<p>Візитів у цьому періоді немає.</p>`;
  return html`<table id="tour-visits">
    <caption class="visually-hidden">Візити бригад у періоді</caption>
    <thead><tr><th scope="col">Дата</th><th scope="col">Візит</th><th scope="col">Вікно</th>
      <th scope="col">У турі</th></tr></thead>
    <tbody>
      ${visits.map(
        (v) => html`<tr key=${v.id} data-visit=${v.id}>
          <td>${v.date}</td>
          <td>${visitWords(v, clear)}${v.confidential && clear ? html` <span class="muted">(конфіденційно)</span>` : ''}</td>
          <td>${windowWords({ from: v.from, to: v.to }, v.durationMinutes)}</td>
          <td>${
            v.planned
              ? html`${v.planned.date}, ${v.planned.arrival}–${v.planned.departure}
                <button type="button" onClick=${() => open(v.planned.tourId)}
                  aria-label=${`Відкрити тур візиту ${v.date} ${v.planned.arrival}`}>Відкрити тур</button>`
              : html`<span class="muted">ще не в турі</span>`
          }</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

export function HromadaTours({ hromada, date, names, run, say }) {
  const base = hromadaPath(hromada);
  const [agreements, setAgreements] = useState(undefined);
  const [providers, setProviders] = useState(new Map());
  const [period, setPeriod] = useState({ from: date, to: addDays(date, 30) });
  const [shown, setShown] = useState(period);
  const [visits, setVisits] = useState(undefined);
  const [tour, setTour] = useState(undefined);
  /** Confidential details: the admin's only (the API clears them for admins and the provider). */
  const clear = session.role === 'admin';
  const loadVisits = async (p = shown) =>
    setVisits((await api('GET', `${base}/tour-visits?from=${p.from}&to=${p.to}`)).items);
  useEffect(() => {
    setTour(undefined);
    run(async () => {
      const [found] = await Promise.all([api('GET', `${base}/service-agreements`), loadVisits()]);
      setProviders(await providerNames(found.items));
      setAgreements(found.items);
    });
  }, [base, shown]);
  const show = (e) => {
    e.preventDefault();
    if (period.to < period.from) return say('Кінець періоду раніше за початок', true);
    setShown({ ...period });
  };
  const open = (id) =>
    run(async () => {
      setTour(await api('GET', `${base}/tours/${encodeURIComponent(id)}`));
    });
  const setDate = (key) => (e) => setPeriod({ ...period, [key]: e.currentTarget.value });
  return html`<div>
    <section aria-labelledby="agreements-title">
      <h3 id="agreements-title">Угоди з надавачами</h3>
      ${agreements ? html`<${Agreements} agreements=${agreements} providers=${providers} />` : html`<p>Завантаження…</p>`}
    </section>
    <section aria-labelledby="visits-title">
      <h3 id="visits-title">Візити бригад</h3>
      <form id="visits-period" onSubmit=${show}>
        <label>З <input type="date" required value=${period.from} onInput=${setDate('from')} /></label>
        <label>по <input type="date" required value=${period.to} onInput=${setDate('to')} /></label>
        <button type="submit">Показати візити</button>
      </form>
      ${visits ? html`<${VisitRows} visits=${visits} clear=${clear} open=${open} />` : null}
    </section>
    ${tour && html`<${TourDays} tour=${tour} clear=${clear} onClose=${() => setTour(undefined)} />`}
    ${
      session.offers.dispatch && agreements?.length
        ? html`<${TourVisitForm} key=${hromada} hromada=${hromada} date=${shown.from} names=${names}
          agreements=${agreements} providers=${providers} run=${run} say=${say} booked=${() => loadVisits()} />`
        : null
    }
  </div>`;
}
