// The dispatcher console: one page, no build step, same-origin calls to the HTTP API.
// Everything shown comes from the API and is put on the page as text (never as HTML).

const KYIV = 'Europe/Kyiv';
const timeFmt = new Intl.DateTimeFormat('uk-UA', { timeZone: KYIV, hour: '2-digit', minute: '2-digit' });
const stampFmt = new Intl.DateTimeFormat('uk-UA', {
  timeZone: KYIV,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const SERVICES = {
  'social-taxi': 'Соцтаксі',
  'mobile-brigade': 'Мобільна бригада',
  'mobile-case': 'Мобільний ЦНАП',
  delivery: 'Доставка',
};
const STATUSES = {
  requested: 'нова',
  confirmed: 'підтверджена',
  planned: 'заплановано',
  done: 'виконана',
  cancelled: 'скасована',
  'no-show': 'не вийшов',
};
const STOPS = { pickup: 'посадка', dropoff: 'висадка', visit: 'візит' };
const PREFIX = { місто: 'м.', селище: 'с-ще', село: 'с.' };

const $ = (id) => document.getElementById(id);
const state = {
  hromada: '',
  date: '',
  plan: undefined,
  residents: new Map(),
  plates: new Map(),
  settlements: [],
  caller: undefined,
  /** The hromada whose day is on screen. */
  shown: undefined,
};
/** Request id → resident id, for naming the stops of a plan. */
const requestResidents = new Map();
const stopResident = (stop) => requestResidents.get(stop.requestId);

/** An element with text children only. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

function say(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

/** An answer of the API that is not a success: its Ukrainian `reason` when it gives one. */
class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error;
    const issues = error?.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(error?.reason ?? `${error?.message ?? `HTTP ${status}`}${issues ? ` (${issues})` : ''}`);
    this.status = status;
  }
}

/** No answer at all: the request may or may not have reached the API. */
class NetworkError extends Error {}

async function api(method, path, body, idempotencyKey) {
  const headers = body === undefined ? {} : { 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new NetworkError("Немає зв'язку з сервером; спробуйте ще раз");
  }
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** The pending creating POST per path: its body and Idempotency-Key, kept after a network error. */
const attempts = new Map();
const newKey = () =>
  crypto.randomUUID?.() ??
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16)).join('');

/**
 * A creating POST sent once: the same submission retried after a network error carries the same
 * Idempotency-Key (the API answers it once); any answer ends the attempt.
 */
async function create(path, body) {
  const json = JSON.stringify(body);
  const pending = attempts.get(path);
  const key = pending?.json === json ? pending.key : newKey();
  attempts.set(path, { json, key });
  try {
    const out = await api('POST', path, body, key);
    attempts.delete(path);
    return out;
  } catch (e) {
    if (!(e instanceof NetworkError)) {
      attempts.delete(path);
      throw e;
    }
    throw new NetworkError(`${e.message}: повторне надсилання не створить дубля`);
  }
}

async function all(path) {
  const items = [];
  let cursor;
  do {
    const page = await api(
      'GET',
      `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

const base = () => `/hromady/${encodeURIComponent(state.hromada)}`;
const when = (iso) => timeFmt.format(new Date(iso));

/** The villages as options, after a blank one; keeps the choice when it is still there. */
function fillSettlements(select) {
  const chosen = select.value;
  select.replaceChildren(
    el('option', { value: '' }, '— оберіть —'),
    ...state.settlements.map((s) => el('option', { value: s.id }, `${s.name} (${s.type})`)),
  );
  select.value = state.settlements.some((s) => s.id === chosen) ? chosen : '';
}

async function loadNames() {
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

/** The plan's word for an open request on one of its routes, else the request's own status. */
function statusText(r) {
  const plan = state.plan;
  const onRoute = plan?.routes.some((route) => route.stops.some((s) => s.requestId === r.id));
  if (!onRoute || !['requested', 'confirmed', 'planned'].includes(r.status))
    return STATUSES[r.status] ?? r.status;
  const word = plan.status === 'published' ? 'надіслано водію' : 'заплановано';
  return r.status === 'confirmed' ? `${word} (підтверджена)` : word;
}

async function showRequests() {
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
    const open = ['requested', 'confirmed', 'planned'].includes(r.status);
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
              r.status === 'requested' ? act('confirm') : '',
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

async function showPlan() {
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

async function planDay() {
  say('Планую… (до 3 с)');
  const body = { seconds: 3, ...(state.plan ? { version: state.plan.version } : {}) };
  state.plan = await api('POST', `${base()}/plans/${state.date}`, body);
  say(`План готовий: ${state.plan.routes.length} маршрут(и), поза планом ${state.plan.unassigned.length}`);
  await showPlan();
  await showRequests();
}

async function publish() {
  const out = await api('POST', `${base()}/plans/${state.date}/publish`, { version: state.plan.version });
  const missing = out.withoutDriver.length ? `; без водія: ${out.withoutDriver.join(', ')}` : '';
  say(`Надіслано водіям: ${out.messages} SMS${missing}`);
  await showPlan();
  await Promise.all([showRequests(), showMessages()]);
}

async function showMessages() {
  const { items } = await api('GET', `${base()}/messages?limit=30`);
  $('messages').replaceChildren(
    ...items.map((m) =>
      el(
        'tr',
        {},
        el('td', {}, stampFmt.format(new Date(m.createdAt))),
        el('td', {}, m.to),
        el('td', {}, m.text),
        el('td', {}, m.segments),
        el('td', { class: m.status === 'failed' ? 'error' : '' }, m.status),
      ),
    ),
  );
}

async function findCaller(phone) {
  if (!state.shown) throw new Error('Спершу оберіть громаду і покажіть день');
  const { items } = await api('GET', `${base()}/callers?phone=${encodeURIComponent(phone)}`);
  state.caller = undefined;
  $('book').hidden = true;
  $('register').hidden = true;
  $('callers').replaceChildren(
    ...(items.length
      ? items.map((c) =>
          el(
            'li',
            {},
            `${c.type === 'Driver' ? 'Водій' : 'Отримувач'}: ${c.name}${c.address ? `, ${c.address}` : ''} `,
            ...(c.type === 'Driver' ? [] : [el('button', { onclick: () => startBooking(c) }, 'Нова заявка')]),
          ),
        )
      : [
          el(
            'li',
            {},
            'Номер не знайдено: новий абонент ',
            el('button', { onclick: () => startRegistration(phone) }, 'Зареєструвати'),
          ),
        ]),
  );
}

/** A fresh booking form for this resident: nothing of the previous caller, their own mobility. */
function startBooking(resident) {
  const f = $('book');
  f.reset();
  f.settlement.value = '';
  f.wheelchair.checked = resident.mobility?.wheelchair === true;
  f.escorts.value = resident.mobility?.escort ? '1' : '0';
  state.caller = resident;
  $('book-who').textContent = resident.name;
  $('register').hidden = true;
  f.hidden = false;
}

function startRegistration(phone) {
  const f = $('register');
  f.reset();
  f.settlement.value = '';
  f.phone.value = phone;
  $('book').hidden = true;
  f.hidden = false;
  f.fullName.focus();
}

/** Registers the unknown caller as a resident (at their village's centre), then books for them. */
async function register() {
  const f = $('register');
  const settlement = state.settlements.find((s) => s.id === f.settlement.value);
  if (!settlement) throw new Error('Оберіть село');
  const street = f.address.value.trim();
  const resident = await create(`${base()}/residents`, {
    name: f.fullName.value.trim(),
    phone: f.phone.value.trim() || null,
    settlementId: settlement.id,
    address: `${PREFIX[settlement.type] ?? ''} ${settlement.name}${street ? `, ${street}` : ''}`.trim(),
    location: settlement.location,
    mobility: { wheelchair: f.wheelchair.checked, needsRamp: f.needsRamp.checked, escort: f.escort.checked },
    smsConsent: f.smsConsent.checked,
  });
  state.residents.set(resident.id, resident);
  $('callers').replaceChildren(el('li', {}, `Отримувач: ${resident.name}, ${resident.address}`));
  startBooking(resident);
  say(`Зареєстровано: ${resident.name}; заповніть заявку`);
}

async function book() {
  const f = $('book');
  const resident = state.caller;
  if (!resident) throw new Error('Спершу знайдіть абонента за номером телефону');
  const settlement = state.settlements.find((s) => s.id === f.settlement.value);
  const serviceType = f.serviceType.value;
  const body = {
    serviceType,
    residentId: resident.id,
    date: state.date,
    pickup: { address: resident.address, location: resident.location },
    requestedTime: { kind: f.kind.value, time: f.time.value },
    purpose: f.purpose.value,
    passengers: { escorts: Number(f.escorts.value), wheelchair: f.wheelchair.checked },
    ...(f.allowOverlap.checked ? { allowOverlap: true } : {}),
  };
  if (serviceType === 'social-taxi') {
    if (!settlement) throw new Error('Оберіть, куди їхати');
    const where = f.address.value.trim();
    body.dropoff = {
      address: `${PREFIX[settlement.type] ?? ''} ${settlement.name}${where ? `, ${where}` : ''}`.trim(),
      location: settlement.location,
      settlementId: settlement.id,
    };
  }
  const r = await create(`${base()}/requests`, body);
  requestResidents.set(r.id, r.residentId);
  f.hidden = true;
  say(`Заявку прийнято: ${when(r.window.start)}–${when(r.window.end)}; SMS-підтвердження піде отримувачу`);
  await Promise.all([showRequests(), showMessages()]);
}

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

/** Nothing of a hromada on screen: before another hromada's day, or when it cannot be shown. */
function clearDay() {
  Object.assign(state, { plan: undefined, caller: undefined, shown: undefined, settlements: [] });
  state.residents = new Map();
  state.plates = new Map();
  requestResidents.clear();
  for (const id of ['requests', 'routes', 'unassigned', 'messages', 'callers', 'book-who', 'plan-version'])
    $(id).replaceChildren();
  for (const id of ['book', 'register']) {
    $(id).reset();
    $(id).hidden = true;
    $(id).settlement.replaceChildren();
  }
  $('plan-day').disabled = true;
  $('publish').disabled = true;
}

async function showDay() {
  say('Завантажую…');
  if (state.shown !== state.hromada) clearDay();
  try {
    await api('GET', base());
  } catch (e) {
    clearDay();
    if (e.status === 404) throw new Error(`Громаду «${state.hromada}» не знайдено`);
    throw e;
  }
  state.shown = state.hromada;
  $('plan-day').disabled = false;
  await loadNames();
  const { items } = await api('GET', `${base()}/requests?date=${state.date}`);
  for (const r of items) requestResidents.set(r.id, r.residentId);
  await showPlan();
  await Promise.all([showRequests(), showMessages()]);
  say('');
}

async function run(action) {
  say('');
  try {
    await action();
  } catch (e) {
    say(e.message, true);
  }
}

function tomorrow() {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return d.toISOString().slice(0, 10);
}

const params = new URLSearchParams(location.search);
$('day').hromada.value = params.get('h') ?? 'khmilnytska';
$('day').date.value = params.get('date') ?? tomorrow();
$('day').addEventListener('submit', (e) => {
  e.preventDefault();
  state.hromada = $('day').hromada.value.trim();
  state.date = $('day').date.value;
  run(showDay);
});
$('caller').addEventListener('submit', (e) => {
  e.preventDefault();
  run(() => findCaller($('caller').phone.value));
});
$('book').addEventListener('submit', (e) => {
  e.preventDefault();
  run(book);
});
$('register').addEventListener('submit', (e) => {
  e.preventDefault();
  run(register);
});
$('plan-day').addEventListener('click', () => run(planDay));
$('publish').addEventListener('click', () => run(publish));
$('day').requestSubmit();
