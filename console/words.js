// The console's words for the API's values (Ukrainian).

export const SERVICES = {
  'social-taxi': 'Соцтаксі',
  'mobile-brigade': 'Мобільна бригада',
  'mobile-case': 'Мобільний кейс',
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
/** What a driver found at the door (welfare outcomes, docs/services/deliveries.md). */
export const WELFARE = { 'no-answer': 'нема відповіді', unwell: 'погано', 'needs-help': 'потрібна допомога' };
export const STOPS = { pickup: 'посадка', dropoff: 'висадка', visit: 'візит' };
export const PURPOSES = {
  medical: 'лікар',
  cnap: 'ЦНАП',
  bank: 'банк',
  'pension-fund': 'пенсійний фонд',
  'social-services': 'соцслужба',
  other: 'інше',
};
/** Resident categories (shared/domain/resident-categories.ts): who may use which service. */
export const CATEGORIES = {
  'disability-1': 'інвалідність I групи',
  'disability-2': 'інвалідність II групи',
  'disability-3': 'інвалідність III групи',
  'disabled-child': 'дитина з інвалідністю',
  'aged-80-plus': 'вік 80+',
  'pensioner-alone': 'самотній пенсіонер',
  veteran: 'ветеран війни',
  idp: 'ВПО',
};
/** What the dispatcher may still confirm or cancel (the lifecycle on the server has the last word). */
export const OPEN = ['requested', 'confirmed', 'planned', 'dispatched'];

const PREFIX = { місто: 'м.', селище: 'с-ще', село: 'с.' };
/** A village's address: its prefix and name, then the street when there is one. */
export const placeAddress = (settlement, street) =>
  `${PREFIX[settlement.type] ?? ''} ${settlement.name}${street ? `, ${street}` : ''}`.trim();

/** The status of a request, and whether the resident confirmed it once the plan moved it on. */
export function statusText(r) {
  const word = STATUSES[r.status] ?? r.status;
  return r.confirmedAt && r.status !== 'confirmed' && OPEN.includes(r.status)
    ? `${word} (підтверджена)`
    : word;
}
