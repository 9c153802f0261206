// A phone call: find the caller by number, register an unknown one, book a request for them.

import { api, create } from './api.js';
import { showMessages, showRequests } from './day.js';
import { $, el, placeAddress, say, when } from './format.js';
import { base, requestResidents, state } from './state.js';

export async function findCaller(phone) {
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
export async function register() {
  const f = $('register');
  const settlement = state.settlements.find((s) => s.id === f.settlement.value);
  if (!settlement) throw new Error('Оберіть село');
  const resident = await create(`${base()}/residents`, {
    name: f.fullName.value.trim(),
    phone: f.phone.value.trim() || null,
    settlementId: settlement.id,
    address: placeAddress(settlement, f.address.value.trim()),
    location: settlement.location,
    mobility: { wheelchair: f.wheelchair.checked, needsRamp: f.needsRamp.checked, escort: f.escort.checked },
    smsConsent: f.smsConsent.checked,
  });
  state.residents.set(resident.id, resident);
  $('callers').replaceChildren(el('li', {}, `Отримувач: ${resident.name}, ${resident.address}`));
  startBooking(resident);
  say(`Зареєстровано: ${resident.name}; заповніть заявку`);
}

export async function book() {
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
    body.dropoff = {
      address: placeAddress(settlement, f.address.value.trim()),
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
