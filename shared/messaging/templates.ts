/**
 * Resident SMS texts, in Ukrainian, as short as they can be while staying clear: every resident
 * template fits one UCS-2 segment (70 characters) for realistic values (checked in unit tests).
 * Confidential cases get neutral words only: no address, no purpose, no service name.
 * Plain apostrophe ' only (’ and ʼ are not cheaper, and some phones render them badly).
 * A driver's route is long by nature (one line per stop, ~6 UCS-2 segments for 7 stops); a driver
 * may ask for it in Latin (transliterate.ts), which cuts the segments (a 4-stop route: 4 UCS-2, 2 GSM-7).
 */
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

/** One stop on a driver's route SMS. `place` is undefined for a confidential case. */
export interface RouteStopText {
  /** The stop's number on the route, as the driver reports it (`3 OK`). */
  n: number;
  /** `09:05` */
  time: string;
  kind: 'pickup' | 'dropoff' | 'visit';
  place: string | undefined;
  wheelchair?: boolean;
  escorts?: number;
  /** A delivery's parcel: kilograms, and whether it goes in the cold box. */
  parcelKg?: number;
  cold?: boolean;
}

const stopWord: Record<RouteStopText['kind'], string> = {
  pickup: 'посадка',
  dropoff: 'висадка',
  visit: 'візит',
};

/** Longest text of one route message (the outbox limit; SNS takes up to 1600). */
export const ROUTE_MESSAGE_MAX = 1000;

/**
 * The driver's day, one line per stop, readable on a feature phone:
 * "24.11 АВ1234ВС, 2 зуп. Звіт: 3 OK/NS/?\n1 09:05 посадка с. Березна, вул. Шевченка, 12 (візок)\n…".
 * A confidential stop shows only its time and kind: the dispatcher gives the address by phone.
 * Split at line ends into "(1/2) …" parts when longer than ROUTE_MESSAGE_MAX.
 */
export function driverRoute(day: string, plate: string, stops: RouteStopText[]): string[] {
  const header = `${day} ${plate}, ${stops.length} зуп. Звіт: 3 OK/NS/?`;
  const lines = stops.map((s) => {
    const riders = [
      s.wheelchair ? 'візок' : '',
      s.escorts ? `+${s.escorts}` : '',
      s.parcelKg ? `${s.parcelKg} кг` : '',
      s.cold ? 'холод' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const place = s.place ?? 'адресу дасть диспетчер';
    return `${s.n} ${s.time} ${stopWord[s.kind]} ${place}${riders ? ` (${riders})` : ''}`;
  });
  const parts: string[][] = [[header]];
  let size = header.length;
  const room = ROUTE_MESSAGE_MAX - '(9/9) '.length;
  for (const line of lines) {
    const piece = line.slice(0, room - 1);
    if (size + 1 + piece.length > room) {
      parts.push([]);
      size = -1;
    }
    parts.at(-1)!.push(piece);
    size += 1 + piece.length;
  }
  if (parts.length === 1) return [parts[0]!.join('\n')];
  return parts.map((p, i) => `(${i + 1}/${parts.length}) ${p.join('\n')}`);
}

/** A driver whose route was taken away (every stop cancelled, or the vehicle left out): 1 segment. */
export function routeCancelled(day: string, plate: string): string {
  return `${day} ${plate}: маршрут скасовано, зупинок немає`;
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
