// The dispatcher console: one page, no build step, same-origin calls to the HTTP API.
// Everything shown comes from the API and is put on the page as text (never as HTML).
// This module shows a hromada's day and wires the page's forms; the others hold the rest:
// format.js (words and elements), state.js (what the page holds), api.js (calls), day.js (the
// day's requests, plan and messages), caller.js (a phone call: find, register, book).

import { api } from './api.js';
import { book, findCaller, register } from './caller.js';
import { loadNames, planDay, publish, showMessages, showPlan, showRequests } from './day.js';
import { $, run, say } from './format.js';
import { base, requestResidents, state } from './state.js';

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

/** Tomorrow in Kyiv (not in the browser's or the machine's time zone). */
function tomorrow() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
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
