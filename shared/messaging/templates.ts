/**
 * Resident SMS texts, in Ukrainian, as short as they can be while staying clear: every resident
 * template fits one UCS-2 segment (70 characters) for realistic values (checked in unit tests).
 * Confidential cases get neutral words only: no address, no purpose, no service name.
 * Plain apostrophe ' only (’ and ʼ are not cheaper, and some phones render them badly).
 * A driver's route is long by nature (one line per stop, ~6 UCS-2 segments for 7 stops); a driver
 * may ask for it in Latin (transliterate.ts), which cuts the segments (a 4-stop route: 4 UCS-2, 2 GSM-7).
 */
import { countSegments } from './segments';

export type ServiceWord = 'social-taxi' | 'mobile-brigade' | 'mobile-case' | 'delivery';

const serviceWord: Record<ServiceWord, string> = {
  'social-taxi': 'Соцтаксі',
  'mobile-case': 'Мобільний ЦНАП',
  delivery: 'Доставка',
  // Never named: the resident may not be the only one reading the phone.
  'mobile-brigade': 'Зустріч',
};

export interface WindowText {
  service: ServiceWord;
  confidential: boolean;
  /** `24.11` */
  day: string;
  /** `09:45` */
  from: string;
  /** `10:15` */
  to: string;
}

function label(t: WindowText): string {
  return t.confidential ? 'Зустріч' : serviceWord[t.service];
}

/** On booking. e.g. "Соцтаксі 24.11 між 09:45-10:15. Скасувати: НІ" (45). */
export function bookingConfirmation(t: WindowText): string {
  return `${label(t)} ${t.day} між ${t.from}-${t.to}. Скасувати: НІ`;
}

/**
 * After the dispatcher changed the time or the place: the new window (a place is never named, so
 * a confidential case reads like any other). e.g. "Змінено: Соцтаксі 24.11 між 10:45-11:15.
 * Скасувати: НІ" (54); at most 60 with the longest service word.
 */
export function requestChanged(t: WindowText): string {
  return `Змінено: ${label(t)} ${t.day} між ${t.from}-${t.to}. Скасувати: НІ`;
}

/** The evening before. e.g. "Завтра Соцтаксі 09:45-10:15. ТАК-підтвердити, НІ-скасувати" (58). */
export function reminder(t: WindowText): string {
  return `Завтра ${label(t)} ${t.from}-${t.to}. ТАК-підтвердити, НІ-скасувати`;
}

/** On cancellation. */
export function cancellation(t: WindowText): string {
  return `${label(t)} ${t.day} ${t.from} скасовано. Питання: дзвоніть диспетчеру`;
}

/** Reply to ТАК. */
export function confirmedReply(t: Pick<WindowText, 'day' | 'from' | 'to'>): string {
  return `Підтверджено: ${t.day} ${t.from}-${t.to}. Дякуємо!`;
}

/** Reply to СТОП (the last message they get until they send СТАРТ). */
export function optOutReply(): string {
  return 'Ви відписались від SMS. Повернути: СТАРТ';
}

/** Reply to СТАРТ. */
export function optInReply(): string {
  return 'SMS знову увімкнено. Вимкнути: СТОП';
}

/** Reply to ТАК/НІ when there is no upcoming trip to act on. */
export function nothingToActOnReply(): string {
  return 'Найближчих поїздок немає. Питання: дзвоніть диспетчеру';
}

/** Most trips listed in one "your trips" SMS (keeps it within 2 UCS-2 segments). */
export const TRIPS_LISTED = 3;

/**
 * Asked for on the phone line: the next trips, e.g. "Ваші поїздки: Соцтаксі 24.11 08:45-09:15;
 * Доставка 26.11 10:00-10:30" (66). At most TRIPS_LISTED trips: ≤ 2 segments.
 */
export function tripsReply(trips: WindowText[]): string {
  const list = trips.slice(0, TRIPS_LISTED).map((t) => `${label(t)} ${t.day} ${t.from}-${t.to}`);
  return `Ваші поїздки: ${list.join('; ')}`;
}

/** Reply to a text we could not read (at most once an hour per sender). */
export function helpReply(): string {
  return 'Відповідайте: ТАК-підтвердити, НІ-скасувати, СТОП-без SMS';
}

export { driverRoute, ROUTE_MESSAGE_MAX, type RouteStopText } from './driver-route';

/** A driver whose route was taken away (every stop cancelled, or the vehicle left out): 1 segment. */
export function routeCancelled(day: string, plate: string): string {
  return `${day} ${plate}: маршрут скасовано, зупинок немає`;
}

// ── Deliveries (docs/services/deliveries.md) ─────────────────────────────────────────────────

export type { HandoverText } from './driver-route';

/**
 * The one-time handover code, to the resident (or the trusted person, `trusted`), one segment:
 * "Доставка 24.11: ваш код 4821. Скажіть його водію" (47). A confidential case gets neutral words.
 */
export function handoverCodeSms(t: {
  day: string;
  code: string;
  trusted: boolean;
  confidential: boolean;
}): string {
  if (t.confidential) return `Код ${t.code} на ${t.day}. Скажіть його при отриманні`;
  if (t.trusted) return `Доставку ${t.day} передадуть вам. Код ${t.code}, скажіть водію`;
  return `Доставка ${t.day}: ваш код ${t.code}. Скажіть його водію`;
}

/** To the driver: this delivery needs the receiver's code ("3: потрібен код отримувача: 3 КОД 1234"). */
export function handoverCodeNeeded(stop: number): string {
  return `${stop}: потрібен код отримувача: ${stop} КОД 1234`;
}

/** To the driver: a wrong code, and how many tries are left (0: blocked, call the dispatcher). */
export function handoverCodeWrong(stop: number, triesLeft: number): string {
  return triesLeft > 0
    ? `${stop}: код невірний. Залишилось спроб: ${triesLeft}`
    : `${stop}: код заблоковано. Дзвоніть диспетчеру`;
}

/** To the driver: the code was right, the parcel is recorded as handed over. */
export function handoverCodeAccepted(stop: number): string {
  return `${stop}: код вірний, доставку записано`;
}

/**
 * To the social worker: whom to look in on and why, one segment for a usual name and address,
 * never more than 2: "Потрібна допомога: Ольга Ткач, с. Березна, вул. Садова, 3 (24.11)" (66).
 * A confidential resident's address is never sent: "Погано: Ольга Ткач (24.11). Адресу дасть
 * диспетчер". The address (then the name) is shortened until the text fits.
 */
export function followUpSms(t: {
  name: string;
  address: string | undefined;
  outcome: string;
  day: string;
}): string {
  const what = t.outcome.charAt(0).toUpperCase() + t.outcome.slice(1);
  const build = (name: string, address: string | undefined) =>
    address === undefined
      ? `${what}: ${name} (${t.day}). Адресу дасть диспетчер`
      : `${what}: ${name}, ${address} (${t.day})`;
  let name = t.name.slice(0, 40);
  let address = t.address?.slice(0, 60);
  let text = build(name, address);
  while (countSegments(text).segments > 2) {
    if (address && address.length > 10) address = address.slice(0, -1);
    else if (name.length > 1) name = name.slice(0, -1);
    else break;
    text = build(name, address);
  }
  return text;
}

/**
 * After the plan is published, when the planned window differs from the one agreed at booking.
 * e.g. "Уточнено: Соцтаксі 24.11 між 10:05-10:35. Скасувати: НІ" (54); at most 61: 1 segment.
 */
export function windowNarrowed(t: WindowText): string {
  return `Уточнено: ${label(t)} ${t.day} між ${t.from}-${t.to}. Скасувати: НІ`;
}

/**
 * About 10 minutes ahead of the pickup or visit. e.g. "Соцтаксі буде близько 10:05. Будь ласка,
 * будьте готові" (53); a confidential case reads "Зустріч …": 1 segment.
 */
export function vehicleNear(t: Pick<WindowText, 'service' | 'confidential'> & { at: string }): string {
  return `${label({ ...t, day: '', from: '', to: '' })} буде близько ${t.at}. Будь ласка, будьте готові`;
}

/** When a trip or visit is done: "Оцініть, будь ласка, поїздку від 1 до 5 у відповідь. Дякуємо!" (1 segment). */
export function feedbackRequest(t: Pick<WindowText, 'service' | 'confidential'>): string {
  const what = t.service === 'social-taxi' && !t.confidential ? 'поїздку' : 'візит';
  return `Оцініть, будь ласка, ${what} від 1 до 5 у відповідь. Дякуємо!`;
}

/** Reply to a rating. */
export function feedbackThanks(): string {
  return 'Дякуємо за оцінку! Питання: дзвоніть диспетчеру';
}

/** Reply to a text after a rating (a complaint, passed to the dispatcher). */
export function complaintReceived(): string {
  return 'Дякуємо, передали диспетчеру. Вам передзвонять';
}

/**
 * A will-call return activated (the resident's ДОДОМУ, or the dispatcher on their call): when the
 * car comes. e.g. "Соцтаксі додому 24.11: авто між 11:20-11:50. Скасувати: НІ" (55).
 */
export function returnActivated(t: WindowText): string {
  return `${label(t)} додому ${t.day}: авто між ${t.from}-${t.to}. Скасувати: НІ`;
}

/*
 * The mobile case (mobile-case stops and their slots). Residents call it ЦНАП; `ЗАПИС` books the
 * first free slot, `ЗАПИС 10:40` that one (or moves a booking there), `ВІДМОВА` gives it back.
 */

/** The evening before, to a settlement. e.g. "Завтра 10:00-13:00 ЦНАП, Кожухів. Запис: ЗАПИС чи ЗАПИС 10:20" (63). */
export function caseAnnouncement(t: {
  settlement: string;
  from: string;
  to: string;
  example: string;
}): string {
  return `Завтра ${t.from}-${t.to} ЦНАП, ${clip(t.settlement)}. Запис: ЗАПИС чи ЗАПИС ${t.example}`;
}

/** A slot booked (SMS or dispatcher). e.g. "Записано: ЦНАП 03.12 о 10:40, Кожухів. Відмова: ВІДМОВА" (58). */
export function caseBooked(t: { day: string; time: string; settlement: string }): string {
  return `Записано: ЦНАП ${t.day} о ${t.time}, ${clip(t.settlement)}. Відмова: ВІДМОВА`;
}

/** A settlement's name, at most 30 characters: a message never passes two segments. */
const clip = (name: string) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

/** The slot asked for is taken (or none is free). e.g. "Час 10:40 зайнятий. Вільно: 11:00, 11:20. ЗАПИС 11:00" */
export function caseSlotTaken(t: { time?: string; free: string[] }): string {
  if (t.free.length === 0) return 'Вільного часу вже немає. Дзвоніть диспетчеру';
  const head = t.time ? `Час ${t.time} зайнятий` : 'Такого часу немає';
  return `${head}. Вільно: ${t.free.slice(0, 3).join(', ')}. ЗАПИС ${t.free[0]}`;
}

/** No stop ahead in the resident's settlement. */
export function caseNoStop(): string {
  return 'Найближчим часом виїзду ЦНАП у ваше село немає';
}

/** A slot given back. e.g. "Запис на ЦНАП 03.12 о 10:40 скасовано" (36). */
export function caseCancelled(t: { day: string; time: string }): string {
  return `Запис на ЦНАП ${t.day} о ${t.time} скасовано`;
}

/** The planned arrival moved the slot. e.g. "Зміна: ЦНАП 03.12 о 11:00 замість 10:40. Відмова: ВІДМОВА" (57). */
export function caseSlotMoved(t: { day: string; time: string; was: string }): string {
  return `Зміна: ЦНАП ${t.day} о ${t.time} замість ${t.was}. Відмова: ВІДМОВА`;
}

/** An air-raid alert, to a driver on the road (shared/app/air-raid/). One UCS-2 segment (45). */
export function airRaidDriver(): string {
  return 'Повітряна тривога. Укриття. Маршрут на паузі.';
}
