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
  planned: 'у плані',
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

class ApiError extends Error {
  constructor(status, body) {
    const issues = body?.error?.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(`${body?.error?.message ?? `HTTP ${status}`}${issues ? ` (${issues})` : ''}`);
    this.status = status;
  }
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = res.status === 204 ? undefined : await res.json();
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
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
  $('book').settlement.replaceChildren(
    ...state.settlements.map((s) => el('option', { value: s.id }, `${s.name} (${s.type})`)),
  );
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
      el('td', {}, STATUSES[r.status] ?? r.status),
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
  await Promise.all([showPlan(), showMessages()]);
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
  const { items } = await api('GET', `${base()}/callers?phone=${encodeURIComponent(phone)}`);
  $('book').hidden = true;
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
      : [el('li', {}, 'Номер не знайдено: новий абонент')]),
  );
}

function startBooking(resident) {
  state.caller = resident;
  $('book-who').textContent = resident.name;
  $('book').hidden = false;
}

async function book() {
  const f = $('book');
  const resident = state.caller;
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
  const r = await api('POST', `${base()}/requests`, body);
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
  await Promise.all([showPlan(), showRequests(), showMessages()]);
}

async function showDay() {
  say('Завантажую…');
  await loadNames();
  const { items } = await api('GET', `${base()}/requests?date=${state.date}`);
  for (const r of items) requestResidents.set(r.id, r.residentId);
  await showPlan();
  await Promise.all([showRequests(), showMessages()]);
  say('');
}

async function run(action) {
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
$('plan-day').addEventListener('click', () => run(planDay));
$('publish').addEventListener('click', () => run(publish));
$('day').requestSubmit();
