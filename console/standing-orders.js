// The caller's standing orders (постійні замовлення: dialysis Mon/Wed/Fri and the like): listed,
// created in the call, cancelled after asking (docs/services/social-taxi.md).
import { useEffect, useState } from 'preact/hooks';
import { all, api, create, hromadaPath } from './api.js';
import { html } from './html.js';
import { HOME, PlaceSelect, placeInput } from './trip-places.js';
import { PURPOSES } from './words.js';

const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'];
const RETURNS = { fixed: (r) => `назад о ${r.time}`, 'will-call': () => 'назад за дзвінком' };

const placeText = (p, names) =>
  p?.home
    ? 'дім'
    : p?.placeId
      ? (names.places.find((x) => x.id === p.placeId)?.name ?? p.placeId)
      : p?.address;

export const orderText = (o, names) =>
  `${o.weekdays.map((d) => WEEKDAYS[d - 1]).join(', ')} ${o.requestedTime.kind === 'arrive-by' ? 'до' : 'о'} ` +
  `${o.requestedTime.time}: ${placeText(o.pickup, names)} → ${placeText(o.dropoff, names)}` +
  `${o.return ? `, ${RETURNS[o.return.mode](o.return)}` : ''}; з ${o.from}${o.to ? ` до ${o.to}` : ''}`;

export function StandingOrders({ hromada, date, names, resident, run, say }) {
  const base = `${hromadaPath(hromada)}/standing-orders`;
  const [orders, setOrders] = useState(undefined);
  const [adding, setAdding] = useState(false);
  const load = async () =>
    setOrders((await all(base)).filter((o) => o.residentId === resident.id && o.status === 'active'));
  // loaded beside the call: a failure is said, but the status line is not cleared for it
  useEffect(() => {
    load().catch((e) => say(e.message, true));
  }, [hromada, resident.id]);
  const cancel = (o) =>
    run(async () => {
      if (!confirm(`Скасувати постійне замовлення: ${orderText(o, names)}?`)) return;
      await api('POST', `${base}/${encodeURIComponent(o.id)}/cancel`, { version: o.version });
      say('Постійне замовлення скасовано; його ще не сплановані поїздки скасовано');
      await load();
    });
  const created = async () => {
    setAdding(false);
    say('Постійне замовлення створено; поїздки на найближчі дні заброньовано');
    await load();
  };
  return html`<div id="standing-orders">
    <h3>Постійні замовлення</h3>
    ${orders && !orders.length && html`<p>Немає</p>`}
    <ul>
      ${(orders ?? []).map(
        (o) => html`<li key=${o.id}>${orderText(o, names)}
          <button type="button" onClick=${() => cancel(o)} aria-label=${`Скасувати замовлення: ${orderText(o, names)}`}>
            Скасувати замовлення</button></li>`,
      )}
    </ul>
    ${
      adding
        ? html`<${OrderForm} base=${base} date=${date} names=${names} resident=${resident} run=${run}
            done=${created} close=${() => setAdding(false)} />`
        : html`<button type="button" onClick=${() => setAdding(true)}>Нове постійне замовлення</button>`
    }
  </div>`;
}

function OrderForm({ base, date, names, resident, run, done, close }) {
  const [f, setF] = useState({
    weekdays: [],
    time: '',
    kind: 'arrive-by',
    fromChoice: HOME,
    toChoice: names.places[0] ? `place:${names.places[0].id}` : '',
    settlementId: '',
    street: '',
    returnMode: '',
    returnTime: '',
    from: date,
    to: '',
    purpose: 'medical',
  });
  const set = (key) => (e) => setF({ ...f, [key]: e.currentTarget.value });
  const day = (d) => (e) =>
    setF({
      ...f,
      weekdays: e.currentTarget.checked ? [...f.weekdays, d].sort() : f.weekdays.filter((x) => x !== d),
    });
  const submit = (e) => {
    e.preventDefault();
    run(async () => {
      if (!f.weekdays.length) throw new Error('Оберіть дні тижня');
      const dropoff = placeInput(f.toChoice, names, f.settlementId, f.street);
      if (!dropoff) throw new Error('Оберіть, куди їхати');
      await create(base, {
        residentId: resident.id,
        serviceType: 'social-taxi',
        pickup: placeInput(f.fromChoice, names),
        dropoff,
        weekdays: f.weekdays,
        requestedTime: { kind: f.kind, time: f.time },
        ...(f.returnMode === 'fixed' ? { return: { mode: 'fixed', time: f.returnTime } } : {}),
        ...(f.returnMode === 'will-call' ? { return: { mode: 'will-call' } } : {}),
        from: f.from,
        ...(f.to ? { to: f.to } : {}),
        purpose: f.purpose,
      });
      await done();
    });
  };
  return html`<form id="standing-order" onSubmit=${submit}>
    <fieldset><legend>Дні тижня</legend>
      ${WEEKDAYS.map(
        (w, i) => html`<label><input type="checkbox" name="weekday" checked=${f.weekdays.includes(i + 1)}
          onChange=${day(i + 1)} /> ${w}</label> `,
      )}
    </fieldset>
    <label>Час <input name="time" type="time" required value=${f.time} onInput=${set('time')} /></label>
    <label>Час означає <select name="kind" value=${f.kind} onChange=${set('kind')}>
      <option value="pickup">забрати о</option>
      <option value="arrive-by">бути на місці до</option>
    </select></label>
    <${PlaceSelect} label="Звідки" name="from" value=${f.fromChoice} names=${names} resident=${resident}
      onChange=${set('fromChoice')} />
    <${PlaceSelect} label="Куди" name="to" value=${f.toChoice} names=${names} resident=${resident} other=${true}
      onChange=${set('toChoice')} />
    ${
      !f.toChoice &&
      html`<label>Куди (село) <select name="settlement" value=${f.settlementId} onChange=${set('settlementId')}>
          <option value="">— оберіть —</option>
          ${names.settlements.map((s) => html`<option value=${s.id}>${s.name} (${s.type})</option>`)}
        </select></label>
        <label>Адреса <input name="address" size="30" value=${f.street} onInput=${set('street')} /></label>`
    }
    <label>Дорога назад <select name="returnMode" value=${f.returnMode} onChange=${set('returnMode')}>
      <option value="">не потрібна</option>
      <option value="fixed">о фіксованій годині</option>
      <option value="will-call">за дзвінком</option>
    </select></label>
    ${
      f.returnMode === 'fixed' &&
      html`<label>Назад о <input name="returnTime" type="time" required value=${f.returnTime}
        onInput=${set('returnTime')} /></label>`
    }
    <label>З дати <input name="from" type="date" required value=${f.from} onInput=${set('from')} /></label>
    <label>До дати <input name="to" type="date" value=${f.to} onInput=${set('to')} /></label>
    <label>Мета <select name="purpose" value=${f.purpose} onChange=${set('purpose')}>
      ${Object.entries(PURPOSES).map(([v, t]) => html`<option value=${v}>${t}</option>`)}
    </select></label>
    <button type="submit">Створити замовлення</button>
    ${' '}<button type="button" onClick=${close}>Закрити</button>
  </form>`;
}
