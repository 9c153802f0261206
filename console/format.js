// What the console shows as words: Kyiv times, the labels of services, statuses and stops,
// elements with text children only, and the status line.

const KYIV = 'Europe/Kyiv';
const timeFmt = new Intl.DateTimeFormat('uk-UA', { timeZone: KYIV, hour: '2-digit', minute: '2-digit' });
const stampFmt = new Intl.DateTimeFormat('uk-UA', {
  timeZone: KYIV,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as Kyiv time of day (09:30). */
export const when = (iso) => timeFmt.format(new Date(iso));
/** An instant as Kyiv day and time (24.11, 09:30). */
export const stamp = (iso) => stampFmt.format(new Date(iso));

export const SERVICES = {
  'social-taxi': 'Соцтаксі',
  'mobile-brigade': 'Мобільна бригада',
  'mobile-case': 'Мобільний ЦНАП',
  delivery: 'Доставка',
};
export const STATUSES = {
  requested: 'нова',
  confirmed: 'підтверджена',
  planned: 'заплановано',
  dispatched: 'надіслано водію',
  'on-board': 'в дорозі',
  done: 'виконана',
  cancelled: 'скасована',
  'no-show': 'не вийшов',
};
export const STOPS = { pickup: 'посадка', dropoff: 'висадка', visit: 'візит' };
const PREFIX = { місто: 'м.', селище: 'с-ще', село: 'с.' };

/** A village's address: its prefix and name, then the street when there is one. */
export const placeAddress = (settlement, street) =>
  `${PREFIX[settlement.type] ?? ''} ${settlement.name}${street ? `, ${street}` : ''}`.trim();

export const $ = (id) => document.getElementById(id);

/** An element with text children only. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

export function say(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

/** A dispatcher's action: its failure, in words, on the status line. */
export async function run(action) {
  say('');
  try {
    await action();
  } catch (e) {
    say(e.message, true);
  }
}
