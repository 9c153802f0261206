// The day on screen: the hromada's names, the day's requests, its plan (plan, publish, insert a
// request) and the latest SMS messages.

import { all, api } from './api.js';
import { $, el, run, SERVICES, STATUSES, STOPS, say, stamp, when } from './format.js';
import { base, state, stopResident } from './state.js';

/** The villages as options, after a blank one; keeps the choice when it is still there. */
function fillSettlements(select) {
  const chosen = select.value;
  select.replaceChildren(
    el('option', { value: '' }, '— оберіть —'),
    ...state.settlements.map((s) => el('option', { value: s.id }, `${s.name} (${s.type})`)),
  );
  select.value = state.settlements.some((s) => s.id === chosen) ? chosen : '';
}

/** The hromada's residents, vehicles and villages, for names on screen and the forms' choices. */
export async function loadNames() {
  const [residents, vehicles, settlements] = await Promise.all([
    all(`${base()}/residents`),
    all(`${base()}/vehicles`),
    all(`${base()}/settlements`),
  ]);
  state.residents = new Map(residents.map((r) => [r.id, r]));
  state.plates = new Map(vehicles.map((v) => [v.id, `${v.name} ${v.plate}`]));
  state.settlements = settlements
    .filter((s) => s.location)
    .sort((a, b) => a.name.localeCompare(b.name, 'uk'));
  fillSettlements($('book').settlement);
  fillSettlements($('register').settlement);
}

/** The request's status, and whether the resident confirmed it once the plan moved it on. */
function statusText(r) {
  const word = STATUSES[r.status] ?? r.status;
  return r.confirmedAt && r.status !== 'confirmed' && OPEN.includes(r.status)
    ? `${word} (підтверджена)`
    : word;
}

/** What the dispatcher may still confirm or cancel (the lifecycle on the server has the last word). */
const OPEN = ['requested', 'confirmed', 'planned', 'dispatched'];

export async function showRequests() {
  const { items } = await api('GET', `${base()}/requests?date=${state.date}`);
  items.sort((a, b) => a.window.start.localeCompare(b.window.start));
  const rows = items.map((r) => {
    const who = state.residents.get(r.residentId)?.name ?? r.residentId;
    const act = (action) =>
      el(
        'button',
        { onclick: () => run(() => changeStatus(r, action)) },
        action === 'confirm' ? 'Підтвердити' : 'Скасувати',
      );
    const open = OPEN.includes(r.status);
    const inPlan = state.plan?.routes.some((route) => route.stops.some((s) => s.requestId === r.id));
    const addToPlan = el('button', { onclick: () => run(() => insertIntoPlan(r)) }, 'Додати в план');
    return el(
      'tr',
      {},
      el('td', {}, `${when(r.window.start)}–${when(r.window.end)}`),
      el('td', {}, SERVICES[r.serviceType] ?? r.serviceType, r.confidential ? ' (конфіденційно)' : ''),
      el('td', {}, who),
      el('td', {}, statusText(r)),
      el(
        'td',
        {},
        ...(open
          ? [
              r.status === 'confirmed' || r.confirmedAt ? '' : act('confirm'),
              ' ',
              act('cancel'),
              ' ',
              state.plan && !inPlan ? addToPlan : '',
            ]
          : []),
      ),
    );
  });
  $('requests').replaceChildren(
    ...(rows.length ? rows : [el('tr', {}, el('td', { colspan: '5' }, 'Заявок немає'))]),
  );
}

async function changeStatus(request, action) {
  if (action === 'cancel') {
    const who = state.residents.get(request.residentId)?.name ?? request.residentId;
    const span = `${when(request.window.start)}–${when(request.window.end)}`;
    if (!window.confirm(`Скасувати заявку: ${who}, ${span}? Отримувач отримає SMS.`)) return;
  }
  await api('POST', `${base()}/requests/${request.id}/${action}`, { version: request.version });
  say(action === 'confirm' ? 'Підтверджено, SMS піде отримувачу' : 'Скасовано, SMS піде отримувачу');
  await Promise.all([showRequests(), showMessages()]);
}

export async function showPlan() {
  try {
    state.plan = await api('GET', `${base()}/plans/${state.date}`);
  } catch (e) {
    if (e.status !== 404) throw e;
    state.plan = undefined;
  }
  const plan = state.plan;
  $('plan-version').textContent = plan
    ? `— версія ${plan.version}, ${plan.status === 'published' ? 'надіслано водіям' : 'чернетка'}`
    : '— ще немає';
  $('publish').disabled = !plan || plan.status === 'published';
  $('routes').replaceChildren(
    ...(plan?.routes ?? []).map((route) =>
      el(
        'div',
        { class: 'route' },
        el('strong', {}, state.plates.get(route.vehicleId) ?? route.vehicleId),
        el(
          'span',
          { class: 'muted' },
          ` — ${(route.distanceM / 1000).toFixed(1)} км, ${Math.round(route.durationS / 60)} хв у дорозі`,
        ),
        el(
          'ol',
          {},
          ...route.stops.map((s) =>
            el(
              'li',
              {},
              `${when(s.arrival)} ${STOPS[s.kind] ?? s.kind} — ${state.residents.get(stopResident(s))?.name ?? ''}`,
            ),
          ),
        ),
      ),
    ),
  );
  $('unassigned').replaceChildren(
    ...(plan?.unassigned ?? []).map((u) =>
      el('li', { class: 'error' }, `Не в плані: ${u.requestId} — ${u.reason}`),
    ),
  );
}

export async function planDay() {
  say('Планую… (до 3 с)');
  const body = { seconds: 3, ...(state.plan ? { version: state.plan.version } : {}) };
  state.plan = await api('POST', `${base()}/plans/${state.date}`, body);
  say(`План готовий: ${state.plan.routes.length} маршрут(и), поза планом ${state.plan.unassigned.length}`);
  await showPlan();
  await showRequests();
}

export async function publish() {
  const out = await api('POST', `${base()}/plans/${state.date}/publish`, { version: state.plan.version });
  const missing = out.withoutDriver.length ? `; без водія: ${out.withoutDriver.join(', ')}` : '';
  say(`Надіслано водіям: ${out.messages} SMS${missing}`);
  await showPlan();
  await Promise.all([showRequests(), showMessages()]);
}

/** A request booked after planning, put on a route of the day's plan. */
async function insertIntoPlan(request) {
  const out = await api('POST', `${base()}/plans/${state.date}/requests`, {
    requestId: request.id,
    version: state.plan.version,
  });
  say(
    out.vehicleId
      ? `Додано в маршрут: ${state.plates.get(out.vehicleId) ?? out.vehicleId}${out.messages ? '; водій отримає SMS' : ''}`
      : 'Не вміщується в план: див. список нижче',
    !out.vehicleId,
  );
  await showPlan();
  await Promise.all([showRequests(), showMessages()]);
}

export async function showMessages() {
  const { items } = await api('GET', `${base()}/messages?limit=30`);
  $('messages').replaceChildren(
    ...items.map((m) =>
      el(
        'tr',
        {},
        el('td', {}, stamp(m.createdAt)),
        el('td', {}, m.to),
        el('td', {}, m.text),
        el('td', {}, m.segments),
        el('td', { class: m.status === 'failed' ? 'error' : '' }, m.status),
      ),
    ),
  );
}
